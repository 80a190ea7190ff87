package zeren.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import zeren.org.importing.ImportRow;
import zeren.org.importing.RowSource;
import zeren.platform.InputError;
import zeren.platform.InvalidInputException;

/**
 * What an organisation import does, whichever database runs it: H2 writes through the staging
 * table level by level, PostgreSQL through {@code COPY} and hash joins, with a bulk load into an
 * empty tree. Each database has its own subclass; both must pass the same tests.
 */
abstract class OrgImportBulkContract extends zeren.support.ApiTest {

	private static final String PC = OrgType.PARTY_COMMITTEE.name();

	@Autowired
	OrgImport orgImport;

	@Autowired
	OrgTree tree;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	zeren.platform.Database database;

	@BeforeEach
	void emptyTree() {
		jdbc.sql("DELETE FROM tenure").update();
		jdbc.sql("DELETE FROM post").update();
		jdbc.sql("DELETE FROM user_grant WHERE org_id IS NOT NULL").update();
		jdbc.sql("UPDATE person SET org_id = NULL").update();
		jdbc.sql("UPDATE org SET parent_id = NULL, discipline_body_id = NULL").update();
		// evidence goes with its organisation, but a link to it never cascades (module evidence)
		jdbc.sql("DELETE FROM evidence_link").update();
		jdbc.sql("DELETE FROM org").update();
	}

	/** Checks what only this database can see (its indexes and constraints) after an import. */
	void assertSchemaIntact() {
	}

	private static RowSource rows(List<ImportRow> rows) {
		return handler -> rows.forEach(handler);
	}

	private static ImportRow row(long line, String code, String name, String parent) {
		return new ImportRow(line, code, name, parent, PC);
	}

	private long orgCount() {
		return jdbc.sql("SELECT COUNT(*) FROM org").query(Long.class).single();
	}

	private long pathsOutOfPlace() {
		return jdbc.sql("""
				SELECT COUNT(*) FROM org o LEFT JOIN org p ON p.id = o.parent_id
				WHERE o.path <> COALESCE(p.path, '') || LPAD(CAST(o.id AS VARCHAR(20)), 10, '0')
				   OR o.depth <> COALESCE(p.depth + 1, 0)
				""").query(Long.class).single();
	}

	private static List<ImportRow> small() {
		return List.of(row(2, "A", "甲", null), row(3, "B", "乙", "A"), row(4, "C", "丙", "B"), row(5, "D", "丁", "A"));
	}

	/** A root, {@code n - 1} children under ten intermediate organisations. */
	private static List<ImportRow> wide(int n) {
		List<ImportRow> rows = new ArrayList<>();
		rows.add(row(2, "R", "根", null));
		for (int i = 0; i < 10; i++) {
			rows.add(row(3 + i, "M" + i, "中" + i, "R"));
		}
		for (int i = rows.size(); i < n; i++) {
			rows.add(row(2 + i, "L" + i, "叶" + i, "M" + (i % 10)));
		}
		return rows;
	}

	private static List<ImportRow> chain(int n, long firstLine, String prefix) {
		List<ImportRow> rows = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			rows.add(row(firstLine + i, prefix + i, prefix + i, i == 0 ? null : prefix + (i - 1)));
		}
		return rows;
	}

	private static List<ImportRow> concat(List<ImportRow> a, List<ImportRow> b) {
		List<ImportRow> all = new ArrayList<>(a);
		all.addAll(b);
		return all;
	}

	private InvalidInputException refused(List<ImportRow> rows) {
		try {
			orgImport.run(rows(rows));
		}
		catch (InvalidInputException e) {
			return e;
		}
		throw new AssertionError("the import was not refused");
	}

	@Test
	void imports_a_tree_and_reimports_it_as_a_no_op() {
		OrgImport.Result first = orgImport.run(rows(small()));
		assertThat(first.created()).isEqualTo(4);
		Org a = tree.findByCode("A").orElseThrow();
		Org b = tree.findByCode("B").orElseThrow();
		Org c = tree.findByCode("C").orElseThrow();
		assertThat(c.parentId()).isEqualTo(b.id());
		assertThat(c.depth()).isEqualTo(2);
		assertThat(c.path()).isEqualTo(Org.segment(a.id()) + Org.segment(b.id()) + Org.segment(c.id()));
		assertThat(c.sortOrder()).isEqualTo(4);
		assertThat(pathsOutOfPlace()).isZero();

		OrgImport.Result second = orgImport.run(rows(small()));
		assertThat(second).extracting(OrgImport.Result::rows, OrgImport.Result::created, OrgImport.Result::updated,
				OrgImport.Result::unchanged).containsExactly(4L, 0L, 0L, 4L);
		assertThat(tree.findByCode("C").orElseThrow()).isEqualTo(c);
		assertSchemaIntact();
	}

	@Test
	void a_reimport_renames_retypes_moves_and_adds() {
		orgImport.run(rows(small()));
		Org d = tree.findByCode("D").orElseThrow();
		OrgImport.Result result = orgImport.run(rows(List.of(row(2, "A", "甲", null), row(3, "B", "乙二", "A"),
				row(4, "C", "丙", "D"), new ImportRow(5, "D", "丁", "A", OrgType.BRANCH.name()), row(6, "E", "戊", "C"))));
		assertThat(result).extracting(OrgImport.Result::created, OrgImport.Result::updated,
				OrgImport.Result::unchanged).containsExactly(1L, 3L, 1L);
		assertThat(tree.findByCode("B").orElseThrow().name()).isEqualTo("乙二");
		assertThat(tree.findByCode("D").orElseThrow().type()).isEqualTo(OrgType.BRANCH);
		Org c = tree.findByCode("C").orElseThrow();
		assertThat(c.parentId()).isEqualTo(d.id());
		Org e = tree.findByCode("E").orElseThrow();
		assertThat(e.parentId()).isEqualTo(c.id());
		assertThat(e.depth()).isEqualTo(3);
		assertThat(pathsOutOfPlace()).isZero();
	}

	@Test
	void every_error_is_reported_by_line_and_nothing_is_written() {
		// Stage by stage: the rows on their own, then the checks across rows, then cycles; each
		// stage with errors refuses the file before the next one runs.
		orgImport.run(rows(List.of(row(2, "X", "外", null))));
		List<ImportRow> file = new ArrayList<>(List.of(row(2, "P", "P", null), row(3, "Q", "Q", "P"),
				row(4, "P", "P again", null), row(5, "R", "R", "NOPE"), row(6, "S", "S", "T"), row(7, "T", "T", "S"),
				new ImportRow(8, "U", null, "X", PC)));
		assertThat(refused(file).errors()).extracting(InputError::line, InputError::code)
			.containsExactly(tuple(8L, "error.field.required"));
		file.remove(file.size() - 1);
		assertThat(refused(file).errors()).extracting(InputError::line, InputError::code).containsExactly(
				tuple(4L, "error.import.duplicate-code"), tuple(5L, "error.import.parent-unknown"));
		file.remove(3);
		file.remove(2);
		assertThat(refused(file).errors()).extracting(InputError::line, InputError::code)
			.containsExactly(tuple(6L, "error.import.cycle"), tuple(7L, "error.import.cycle"));
		assertThat(orgCount()).isEqualTo(1);
	}

	@Test
	void a_refused_file_draws_no_ids_small_or_large() {
		long before = nextOrgId();
		refused(List.of(row(2, "P", "P", null), row(3, "S", "S", "T"), row(4, "T", "T", "S")));
		List<ImportRow> large = wide(OrgImport.BULK_LOAD_MIN_ROWS + 10);
		long line = large.size() + 2;
		refused(concat(large, List.of(row(line, "S", "S", "T"), row(line + 1, "T", "T", "S"))));
		refused(concat(wide(OrgImport.BULK_LOAD_MIN_ROWS), chain(OrgTree.MAX_DEPTH + 1, 100_000, "K")));
		assertThat(nextOrgId()).isEqualTo(before + 1);
		assertThat(orgCount()).isZero();
	}

	@Test
	void a_garbage_file_is_refused_from_its_rows_alone_with_the_first_thousand_errors_and_their_count() {
		int n = 5_000;
		RowSource garbage = handler -> {
			for (int i = 0; i < n; i++) {
				handler.accept(new ImportRow(i + 2, "G" + i, "垃圾" + i, null, "NO_SUCH_TYPE"));
			}
		};
		long before = nextOrgId();
		InvalidInputException e = assertThrows(garbage);
		assertThat(e.errorCount()).isEqualTo(n);
		assertThat(e.errors()).hasSize(1000).allSatisfy(error -> assertThat(error.code()).isEqualTo("error.import.type-unknown"));
		assertThat(e.errors().get(0).line()).isEqualTo(2L);
		assertThat(nextOrgId()).isEqualTo(before + 1);
	}

	@Test
	void a_file_longer_than_the_limit_is_refused_at_the_row_after_it() {
		int max = zeren.platform.xlsx.SheetLimits.of("org-import").maxRows();
		long[] handed = { 0 };
		RowSource endless = handler -> {
			for (long i = 0; i < Long.MAX_VALUE; i++) {
				handed[0]++;
				handler.accept(new ImportRow(i + 2, "G" + i, "垃圾", null, "NO_SUCH_TYPE"));
			}
		};
		InvalidInputException e = assertThrows(endless);
		assertThat(e.errors()).extracting(InputError::line, InputError::code)
			.containsExactly(tuple(max + 2L, "error.upload.too-many-rows"));
		assertThat(handed[0]).isEqualTo(max + 1L);
	}

	private InvalidInputException assertThrows(RowSource source) {
		try {
			orgImport.run(source);
		}
		catch (InvalidInputException e) {
			return e;
		}
		throw new AssertionError("the import was not refused");
	}

	/** Draws one id of the organisation sequence (the draw itself counts). */
	private long nextOrgId() {
		return jdbc.sql("SELECT " + database.nextValue("org_id_seq")).query(Long.class).single();
	}

	@Test
	void cycles_are_reported_by_line_without_duplicates_too() {
		InvalidInputException e = refused(List.of(row(2, "P", "P", null), row(3, "S", "S", "T"),
				row(4, "T", "T", "V"), row(5, "V", "V", "S"), row(6, "W", "W", "V")));
		assertThat(e.errors()).extracting(InputError::line, InputError::code).containsExactly(
				tuple(3L, "error.import.cycle"), tuple(4L, "error.import.cycle"), tuple(5L, "error.import.cycle"),
				tuple(6L, "error.import.cycle"));
		assertThat(orgCount()).isZero();
	}

	@Test
	void a_large_import_into_an_empty_tree_is_all_or_nothing() {
		List<ImportRow> good = wide(OrgImport.BULK_LOAD_MIN_ROWS + 10);
		long line = good.size() + 2;
		InvalidInputException e = refused(concat(good, List.of(row(line, "S", "S", "T"), row(line + 1, "T", "T", "S"))));
		assertThat(e.errors()).extracting(InputError::line, InputError::code)
			.containsExactly(tuple(line, "error.import.cycle"), tuple(line + 1, "error.import.cycle"));
		assertThat(orgCount()).isZero();
		assertSchemaIntact();

		OrgImport.Result first = orgImport.run(rows(good));
		assertThat(first.created()).isEqualTo(good.size());
		assertThat(pathsOutOfPlace()).isZero();
		long underM3 = good.stream().filter(r -> "M3".equals(r.parentCode())).count();
		assertThat(tree.subtreeSize(tree.findByCode("M3").orElseThrow().id())).isEqualTo(1 + underM3);
		assertSchemaIntact();
		OrgImport.Result second = orgImport.run(rows(good));
		assertThat(second.created() + second.updated()).isZero();
	}

	@Test
	void a_tree_too_deep_is_refused_small_or_large() {
		assertThat(orgImport.run(rows(chain(OrgTree.MAX_DEPTH, 2, "K"))).created()).isEqualTo(OrgTree.MAX_DEPTH);
		emptyTree();
		assertThatThrownBy(() -> orgImport.run(rows(chain(OrgTree.MAX_DEPTH + 1, 2, "K"))))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
				.extracting(InputError::code).containsExactly("error.org.too-deep"));
		List<ImportRow> large = concat(wide(OrgImport.BULK_LOAD_MIN_ROWS), chain(OrgTree.MAX_DEPTH + 1, 100_000, "K"));
		assertThatThrownBy(() -> orgImport.run(rows(large)))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
				.extracting(InputError::code).containsExactly("error.org.too-deep"));
		assertThat(orgCount()).isZero();
		assertSchemaIntact();
	}

	@Test
	void rows_below_the_deepest_level_are_reported_by_line_small_or_large() {
		// Levels are assigned down to MAX_DEPTH + 1; the rows below are never reached.
		List<Long> expected = List.of(2L + OrgTree.MAX_DEPTH + 2, 2L + OrgTree.MAX_DEPTH + 3);
		InvalidInputException small = refused(chain(OrgTree.MAX_DEPTH + 4, 2, "K"));
		assertThat(small.errors()).extracting(InputError::line).containsExactlyElementsOf(expected);
		List<Long> shifted = expected.stream().map(l -> l - 2 + 100_000).toList();
		InvalidInputException large = refused(concat(wide(OrgImport.BULK_LOAD_MIN_ROWS),
				chain(OrgTree.MAX_DEPTH + 4, 100_000, "K")));
		assertThat(large.errors()).extracting(InputError::line).containsExactlyElementsOf(shifted);
		assertThat(orgCount()).isZero();
	}
}
