package zeren.org;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import zeren.platform.BusinessClock;
import zeren.platform.Rows;
import zeren.platform.Scope;

/**
 * The command side of an import on PostgreSQL: the rows are in the temporary table
 * {@code org_import_stage}, without indexes; every check and every level is one hash join over
 * it. Levels come from one recursive query, and ids are drawn ({@code nextval} in the inserts)
 * only once every check has passed. A large import into an empty tree is a bulk load (see
 * {@link #bulkLoad}).
 */
@Component
class ImportOnPostgres {

	/** An import of at least this many rows into an empty tree is a bulk load. */
	static final int BULK_LOAD_MIN_ROWS = 10_000;

	/**
	 * Level 0: rows whose parent is not in the file (or none); level k+1: rows whose parent is at
	 * level k. There are no duplicate codes (checked before), so each row is reached once, and
	 * rows never reached are on a cycle (or deeper than any tree may be). {@code %1$d} is the
	 * deepest level looked for.
	 */
	private static final String LEVELS = """
			WITH RECURSIVE lv (code, lvl) AS (
			  SELECT r.code, 0 FROM org_import_stage r
			  WHERE NOT EXISTS (SELECT 1 FROM org_import_stage p WHERE p.code = r.parent_code)
			  UNION ALL
			  SELECT r.code, lv.lvl + 1 FROM lv JOIN org_import_stage r ON r.parent_code = lv.code WHERE lv.lvl <= %1$d
			)
			""".formatted(OrgTree.MAX_DEPTH);

	private final JdbcClient jdbc;
	private final BusinessClock clock;
	private final ImportChecks checks;
	private final ImportMoves moves;

	ImportOnPostgres(JdbcClient jdbc, BusinessClock clock, ImportChecks checks, ImportMoves moves) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.checks = checks;
		this.moves = moves;
	}

	OrgImport.Written write(long rows, Scope managing, ImportPhases phases) {
		analyze("org_import_stage");
		phases.done("analyze staging");
		checks.acrossRows(ImportChecks.Stage.postgres(), managing);
		phases.done("checks across rows");

		boolean treeEmpty = checks.treeEmpty();
		if (treeEmpty && rows >= BULK_LOAD_MIN_ROWS) {
			// There is nothing to read yet: hold the tree for the load, and look again now that it is held.
			jdbc.sql("LOCK TABLE org IN ACCESS EXCLUSIVE MODE").update();
			if (checks.treeEmpty()) {
				return new OrgImport.Written(bulkLoad(rows, phases), 0);
			}
			treeEmpty = false;
		}

		jdbc.sql("DROP TABLE IF EXISTS pg_temp.org_import_plan").update();
		jdbc.sql("CREATE TEMPORARY TABLE org_import_plan ON COMMIT DROP AS\n" + LEVELS + """
				SELECT r.line_no, r.code, r.name, r.type, r.parent_code, lv.lvl, o.id AS existing_id
				FROM org_import_stage r
				LEFT JOIN lv ON lv.code = r.code
				LEFT JOIN org o ON o.code = r.code
				""").update();
		analyze("org_import_plan");
		phases.done("levels");
		checks.noCycles(jdbc.sql("SELECT line_no, code, parent_code FROM org_import_plan WHERE lvl IS NULL ORDER BY line_no"));
		int levels = jdbc.sql("SELECT COALESCE(MAX(lvl) + 1, 0) FROM org_import_plan").query(Integer.class).single();
		if (levels > OrgTree.MAX_DEPTH) {
			throw ImportChecks.tooDeep();
		}

		var now = clock.now();
		long updated = 0;
		if (!treeEmpty) {
			updated = jdbc.sql("""
					SELECT COUNT(*) FROM org_import_plan r JOIN org o ON o.id = r.existing_id
					LEFT JOIN org op ON op.id = o.parent_id
					WHERE r.name <> o.name OR r.type <> o.type
					  OR (r.parent_code IS NULL AND o.parent_id IS NOT NULL)
					  OR (r.parent_code IS NOT NULL AND (op.code IS NULL OR op.code <> r.parent_code))
					""").query(Long.class).single();
			phases.done("count changes");
			jdbc.sql("""
					UPDATE org o SET name = r.name, type = r.type, updated_at = :now
					FROM org_import_plan r
					WHERE o.id = r.existing_id AND (r.name <> o.name OR r.type <> o.type)
					""").param("now", now).update();
			phases.done("update names and types");
		}
		long created = 0;
		for (int level = 0; level < levels; level++) {
			// nextval in a subquery: one new id per row, used for both its id and its path.
			int inserted = jdbc.sql(ImportInsert.ofRows("""
					SELECT nextval('org_id_seq') AS id, r.code, r.name, r.type, p.id AS parent_id,
					       p.path AS parent_path, COALESCE(p.depth + 1, 0) AS depth, CAST(r.line_no AS INT) AS sort_order
					FROM org_import_plan r LEFT JOIN org p ON p.code = r.parent_code
					WHERE r.lvl = :level AND r.existing_id IS NULL
					""")).param("level", level).param("now", now).update();
			created += inserted;
			phases.done("insert level " + level + " (" + inserted + " rows)");
			if (inserted > 50_000) {
				analyze("org");
				phases.done("analyze org");
			}
			if (!treeEmpty) {
				moves.apply(jdbc.sql("""
						SELECT r.line_no, r.existing_id, r.parent_code
						FROM org_import_plan r JOIN org o ON o.id = r.existing_id LEFT JOIN org op ON op.id = o.parent_id
						WHERE r.lvl = :level
						  AND ((r.parent_code IS NULL AND o.parent_id IS NOT NULL)
						    OR (r.parent_code IS NOT NULL AND (op.code IS NULL OR op.code <> r.parent_code)))
						ORDER BY r.line_no
						""").param("level", level));
				phases.done("moves at level " + level);
			}
		}
		return new OrgImport.Written(created, updated);
	}

	private record Reach(long reached, int levels) {
	}

	/**
	 * A large import into an empty tree (which this transaction holds exclusively). First the
	 * levels are counted, without writing: rows no root reaches (cycles, or below the deepest
	 * level) or a tree too deep refuse the file before an id is drawn. Then the secondary indexes
	 * and the foreign keys of {@code org} are dropped, the rows inserted level by level, and the
	 * indexes built and the foreign keys validated, each in one pass, instead of being maintained
	 * row by row. Their definitions are read from the catalog and restored as they were; if
	 * anything fails, the rollback restores them too.
	 *
	 * @return the number of organisations created
	 */
	private long bulkLoad(long rows, ImportPhases phases) {
		Reach reach = jdbc.sql(LEVELS + "SELECT COUNT(*) AS reached, COALESCE(MAX(lvl) + 1, 0) AS levels FROM lv")
				.query(Rows.of(Reach.class)).single();
		phases.done("levels counted");
		if (reach.reached() < rows) {
			checks.noCycles(jdbc.sql(LEVELS + """
					SELECT r.line_no, r.code, r.parent_code FROM org_import_stage r
					WHERE NOT EXISTS (SELECT 1 FROM lv WHERE lv.code = r.code)
					ORDER BY r.line_no
					"""));
		}
		if (reach.levels() > OrgTree.MAX_DEPTH) {
			throw ImportChecks.tooDeep();
		}

		List<String> dropForeignKeys = new ArrayList<>();
		List<String> addForeignKeys = new ArrayList<>();
		jdbc.sql("""
				SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', c.conrelid::regclass, c.conname) AS drop_sql,
				       format('ALTER TABLE %s ADD CONSTRAINT %I %s', c.conrelid::regclass, c.conname,
				              pg_get_constraintdef(c.oid)) AS create_sql
				FROM pg_constraint c WHERE c.conrelid = 'org'::regclass AND c.contype = 'f' ORDER BY c.conname
				""").query((RowCallbackHandler) rs -> {
					dropForeignKeys.add(rs.getString("drop_sql"));
					addForeignKeys.add(rs.getString("create_sql"));
				});
		// Not the primary key, nor an index that a constraint uses (a unique constraint, or a
		// foreign key of another table that references it).
		List<String> dropIndexes = new ArrayList<>();
		List<String> createIndexes = new ArrayList<>();
		jdbc.sql("""
				SELECT format('DROP INDEX %s', i.indexrelid::regclass) AS drop_sql,
				       pg_get_indexdef(i.indexrelid) || COALESCE(' TABLESPACE ' || quote_ident(t.spcname), '') AS create_sql
				FROM pg_index i JOIN pg_class x ON x.oid = i.indexrelid LEFT JOIN pg_tablespace t ON t.oid = x.reltablespace
				WHERE i.indrelid = 'org'::regclass AND NOT i.indisprimary
				  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
				ORDER BY i.indexrelid
				""").query((RowCallbackHandler) rs -> {
					dropIndexes.add(rs.getString("drop_sql"));
					createIndexes.add(rs.getString("create_sql"));
				});
		dropForeignKeys.forEach(sql -> jdbc.sql(sql).update());
		dropIndexes.forEach(sql -> jdbc.sql(sql).update());
		phases.done("dropped " + dropIndexes.size() + " indexes and " + dropForeignKeys.size() + " foreign keys of org");

		// The tree was empty and every parent is in the file, so a row's depth is its level: level
		// k+1 hangs on the rows of depth k, and the roots are the rows without a parent.
		var now = clock.now();
		long created = 0;
		for (int level = 0; level < reach.levels(); level++) {
			int inserted = (level == 0 ? jdbc.sql("""
					INSERT INTO org (id, code, name, type, parent_id, path, depth, sort_order, active, created_at, updated_at)
					SELECT n.id, n.code, n.name, n.type, NULL, LPAD(CAST(n.id AS VARCHAR(20)), 10, '0'), 0,
					       n.sort_order, TRUE, :now, :now
					FROM (SELECT nextval('org_id_seq') AS id, r.code, r.name, r.type, CAST(r.line_no AS INT) AS sort_order
					      FROM org_import_stage r WHERE r.parent_code IS NULL) n
					""") : jdbc.sql("""
					INSERT INTO org (id, code, name, type, parent_id, path, depth, sort_order, active, created_at, updated_at)
					SELECT n.id, n.code, n.name, n.type, n.parent_id, n.parent_path || LPAD(CAST(n.id AS VARCHAR(20)), 10, '0'),
					       :depth, n.sort_order, TRUE, :now, :now
					FROM (SELECT nextval('org_id_seq') AS id, r.code, r.name, r.type, p.id AS parent_id,
					             p.path AS parent_path, CAST(r.line_no AS INT) AS sort_order
					      FROM org_import_stage r JOIN org p ON p.code = r.parent_code
					      WHERE p.depth = :parentDepth) n
					""").param("depth", level).param("parentDepth", level - 1)).param("now", now).update();
			created += inserted;
			phases.done("insert level " + level + " (" + inserted + " rows)");
			if (inserted >= 10_000) {
				analyze("org");
				phases.done("analyze org");
			}
		}
		createIndexes.forEach(sql -> jdbc.sql(sql).update());
		phases.done("built " + createIndexes.size() + " indexes");
		addForeignKeys.forEach(sql -> jdbc.sql(sql).update());
		phases.done("validated " + addForeignKeys.size() + " foreign keys");
		analyze("org");
		phases.done("analyze org");
		return created;
	}

	private void analyze(String table) {
		jdbc.sql("ANALYZE " + table).update();
	}
}
