package zeren.org;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zeren.org.importing.ImportRow;
import zeren.org.importing.RowSource;
import zeren.audit.AuditTrail;
import zeren.platform.BusinessClock;
import zeren.platform.CurrentScope;
import zeren.platform.Scope;
import zeren.platform.ConflictException;
import zeren.platform.Database;
import zeren.platform.InputError;
import zeren.platform.InvalidInputException;

/**
 * Imports an organisation tree, all or nothing, in one transaction:
 * <ol>
 * <li>rows stream from the file into a staging table (PostgreSQL: {@code COPY} into a temporary
 * table without indexes; H2: JDBC batches into {@code org_import_row}), each checked on its own;
 * memory does not grow with the file;</li>
 * <li>set-based checks find duplicate codes, unknown parents and cycles, every one reported
 * with its line;</li>
 * <li>the tree is written level by level with {@code INSERT ... SELECT}, each new row's path
 * built from its parent's in the same statement; changed names and types are updated, changed
 * parents are moved.</li>
 * </ol>
 * Any error rejects the whole file and nothing is written. Re-importing the same file changes
 * nothing.
 *
 * <p>On PostgreSQL the levels come from one recursive query, and a large import into an empty
 * tree is a bulk load: the indexes and foreign keys of {@code org} are built once at the end
 * instead of row by row (see {@link #bulkLoad}). Set {@code logging.level.zeren.org.OrgImport=DEBUG}
 * to see the time of each phase.
 */
@Service
public class OrgImport {

	private static final Logger log = LoggerFactory.getLogger(OrgImport.class);

	static final int MAX_LISTED_ERRORS = 1000;
	private static final int BATCH = 2000;

	/** PostgreSQL: an import of at least this many rows into an empty tree is a bulk load. */
	static final int BULK_LOAD_MIN_ROWS = 10_000;

	/** PostgreSQL: {@code work_mem} for the import's own transaction (hash joins over the whole file). */
	private static final String WORK_MEM = "64MB";

	public record Result(long rows, long created, long updated, long unchanged, long millis) {
	}

	private final JdbcClient jdbc;
	private final DataSource dataSource;
	private final Database database;
	private final BusinessClock clock;
	private final OrgTree tree;
	private final CurrentScope scope;
	private final AuditTrail audit;

	OrgImport(JdbcClient jdbc, DataSource dataSource, Database database, BusinessClock clock, OrgTree tree,
			CurrentScope scope, AuditTrail audit) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.database = database;
		this.clock = clock;
		this.tree = tree;
		this.scope = scope;
		this.audit = audit;
	}

	/** Collects errors; lists the first {@value #MAX_LISTED_ERRORS} and counts them all. */
	private static final class Errors {

		final List<InputError> listed = new ArrayList<>();
		long count;

		void add(InputError error) {
			count++;
			if (listed.size() < MAX_LISTED_ERRORS) {
				listed.add(error);
			}
		}

		void throwIfAny() {
			if (count > 0) {
				listed.sort(Comparator.comparing(InputError::line, Comparator.nullsFirst(Comparator.naturalOrder())));
				throw new InvalidInputException(listed, count);
			}
		}
	}

	/** Logs the time each phase of one import took, at DEBUG. */
	private static final class Phases {

		private final String run;
		private long last = System.nanoTime();

		Phases(String run) {
			this.run = run;
		}

		void done(String phase) {
			long now = System.nanoTime();
			if (log.isDebugEnabled()) {
				log.debug("import {}: {} in {} ms", run, phase, (now - last) / 1_000_000);
			}
			last = now;
		}
	}

	@Transactional
	public Result run(RowSource source) {
		long started = System.nanoTime();
		String run = UUID.randomUUID().toString();
		Phases phases = new Phases(run);
		boolean postgres = database.isPostgres();
		if (postgres) {
			// One import at a time: the next waits for this one's commit or rollback.
			jdbc.sql("LOCK TABLE org_import_row IN ACCESS EXCLUSIVE MODE").update();
			// Room for this transaction's hash tables and sorts over the whole file.
			jdbc.sql("SET LOCAL work_mem = '" + WORK_MEM + "'").update();
			// The rows of this import only, without indexes: every check below is a hash join.
			jdbc.sql("DROP TABLE IF EXISTS pg_temp.org_import_stage").update();
			jdbc.sql("""
					CREATE TEMPORARY TABLE org_import_stage (
					  line_no BIGINT NOT NULL, code VARCHAR(64) NOT NULL, name VARCHAR(200) NOT NULL,
					  parent_code VARCHAR(64), type VARCHAR(32) NOT NULL
					) ON COMMIT DROP
					""").update();
		}
		Errors errors = new Errors();
		long rows;
		try (Staging staging = postgres ? new CopyStaging() : new BatchStaging(run)) {
			// A row with errors is still staged when it has a usable code, so that the checks across
			// rows (duplicates, parents, cycles) can report everything in one answer.
			source.forEach(row -> {
				check(row, errors);
				if (row.code() != null && row.code().length() <= 64
						&& (row.parentCode() == null || row.parentCode().length() <= 64)) {
					staging.add(row);
				}
			});
			staging.finish();
			rows = staging.count;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		log.info("import {}: {} rows staged in {} ms", run, rows, (System.nanoTime() - started) / 1_000_000);
		phases.done("staging");

		Scope managing = scope.managing();
		Written written = postgres ? writeOnPostgres(rows, managing, errors, phases)
				: writeThroughStagingTable(run, managing, errors, phases);
		long millis = (System.nanoTime() - started) / 1_000_000;
		audit.record(new AuditTrail.Change(null, "org", null, "IMPORT",
				"rows=%d created=%d updated=%d".formatted(rows, written.created(), written.updated())));
		log.info("import {}: {} rows, {} created, {} updated in {} ms", run, rows, written.created(), written.updated(),
				millis);
		return new Result(rows, written.created(), written.updated(), rows - written.created() - written.updated(),
				millis);
	}

	private record Written(long created, long updated) {
	}

	private boolean treeEmpty() {
		return jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM org FETCH FIRST 1 ROWS ONLY) x").query(Long.class)
				.single() == 0;
	}

	/**
	 * H2 (and any database without {@code COPY}): the rows are in {@code org_import_row}, whose
	 * indexes serve the checks; levels are assigned level by level.
	 */
	private Written writeThroughStagingTable(String run, Scope managing, Errors errors, Phases phases) {
		checkAcrossRows(new Stage("org_import_row", "r.run_id = :run AND ", run), managing, errors);
		phases.done("checks across rows");
		boolean treeEmpty = treeEmpty();
		if (!treeEmpty) {
			jdbc.sql("""
					UPDATE org_import_row SET existing_id = (SELECT o.id FROM org o WHERE o.code = org_import_row.code)
					WHERE run_id = :run
					""").param("run", run).update();
			phases.done("existing ids");
		}
		int levels = assignLevels(run, errors);
		phases.done("levels");
		errors.throwIfAny();
		if (levels > OrgTree.MAX_DEPTH) {
			throw tooDeep();
		}

		long updated = treeEmpty ? 0 : jdbc.sql("""
				SELECT COUNT(*) FROM org_import_row r JOIN org o ON o.id = r.existing_id
				LEFT JOIN org op ON op.id = o.parent_id
				WHERE r.run_id = :run AND (r.name <> o.name OR r.type <> o.type
				  OR (r.parent_code IS NULL AND o.parent_id IS NOT NULL)
				  OR (r.parent_code IS NOT NULL AND (op.code IS NULL OR op.code <> r.parent_code)))
				""").param("run", run).query(Long.class).single();
		var now = clock.now();
		if (!treeEmpty) {
			jdbc.sql("""
					UPDATE org SET
					  name = (SELECT r.name FROM org_import_row r WHERE r.run_id = :run AND r.code = org.code),
					  type = (SELECT r.type FROM org_import_row r WHERE r.run_id = :run AND r.code = org.code),
					  updated_at = :now
					WHERE id IN (SELECT r.existing_id FROM org_import_row r JOIN org o ON o.id = r.existing_id
					             WHERE r.run_id = :run AND (r.name <> o.name OR r.type <> o.type))
					""").param("run", run).param("now", now).update();
			phases.done("update names and types");
		}
		long created = 0;
		for (int level = 0; level < levels; level++) {
			int inserted = jdbc.sql("""
					INSERT INTO org (id, code, name, type, parent_id, path, depth, sort_order, active, created_at, updated_at)
					SELECT r.new_id, r.code, r.name, r.type, p.id,
					       COALESCE(p.path, '') || LPAD(CAST(r.new_id AS VARCHAR(20)), 10, '0'),
					       COALESCE(p.depth + 1, 0), CAST(r.line_no AS INT), TRUE, :now, :now
					FROM org_import_row r LEFT JOIN org p ON p.code = r.parent_code
					WHERE r.run_id = :run AND r.lvl = :level AND r.existing_id IS NULL
					""").param("run", run).param("level", level).param("now", now).update();
			created += inserted;
			phases.done("insert level " + level + " (" + inserted + " rows)");
			if (!treeEmpty) {
				moveChangedParents(jdbc.sql("""
						SELECT r.line_no, r.existing_id, r.parent_code
						FROM org_import_row r JOIN org o ON o.id = r.existing_id LEFT JOIN org op ON op.id = o.parent_id
						WHERE r.run_id = :run AND r.lvl = :level
						  AND ((r.parent_code IS NULL AND o.parent_id IS NOT NULL)
						    OR (r.parent_code IS NOT NULL AND (op.code IS NULL OR op.code <> r.parent_code)))
						ORDER BY r.line_no
						""").param("run", run).param("level", level));
				phases.done("moves at level " + level);
			}
		}
		jdbc.sql("DELETE FROM org_import_row WHERE run_id = :run").param("run", run).update();
		phases.done("clean up");
		return new Written(created, updated);
	}

	/**
	 * PostgreSQL: the rows are in the temporary table {@code org_import_stage}, without indexes;
	 * every check and every level is one hash join over it. An import of many rows into an empty
	 * tree is a bulk load (see {@link #bulkLoad}).
	 */
	private Written writeOnPostgres(long rows, Scope managing, Errors errors, Phases phases) {
		analyze("org_import_stage");
		phases.done("analyze staging");
		boolean duplicates = checkAcrossRows(new Stage("org_import_stage", "", null), managing, errors);
		phases.done("checks across rows");

		boolean treeEmpty = treeEmpty();
		if (treeEmpty && errors.count == 0 && rows >= BULK_LOAD_MIN_ROWS) {
			// There is nothing to read yet: hold the tree for the load, and look again now that it is held.
			jdbc.sql("LOCK TABLE org IN ACCESS EXCLUSIVE MODE").update();
			if (treeEmpty()) {
				return new Written(bulkLoad(rows, errors, phases), 0);
			}
			treeEmpty = false;
		}

		// Level 0: rows whose parent is not in the file (or none); level k+1: rows whose parent is
		// at level k, each row at its lowest level; rows left without a level are on a cycle (or
		// deeper than any tree may be). With duplicate codes (already errors) a code can be reached
		// at several levels: UNION then keeps the recursion finite, and each row takes its parent's
		// lowest level.
		jdbc.sql("DROP TABLE IF EXISTS pg_temp.org_import_plan").update();
		jdbc.sql((duplicates ? """
				CREATE TEMPORARY TABLE org_import_plan ON COMMIT DROP AS
				WITH RECURSIVE lv (code, lvl) AS (
				  SELECT r.code, 0 FROM org_import_stage r
				  WHERE NOT EXISTS (SELECT 1 FROM org_import_stage p WHERE p.code = r.parent_code)
				  UNION
				  SELECT r.code, lv.lvl + 1 FROM lv JOIN org_import_stage r ON r.parent_code = lv.code WHERE lv.lvl <= %1$d
				),
				lowest AS (SELECT code, MIN(lvl) AS lvl FROM lv GROUP BY code),
				staged AS (SELECT DISTINCT code FROM org_import_stage)
				SELECT r.line_no, r.code, r.name, r.type, r.parent_code,
				       CASE WHEN s.code IS NULL THEN 0 WHEN l.lvl <= %1$d THEN l.lvl + 1 END AS lvl,
				       o.id AS existing_id
				FROM org_import_stage r
				LEFT JOIN staged s ON s.code = r.parent_code
				LEFT JOIN lowest l ON l.code = r.parent_code
				LEFT JOIN org o ON o.code = r.code
				""" : """
				CREATE TEMPORARY TABLE org_import_plan ON COMMIT DROP AS
				WITH RECURSIVE lv (code, lvl) AS (
				  SELECT r.code, 0 FROM org_import_stage r
				  WHERE NOT EXISTS (SELECT 1 FROM org_import_stage p WHERE p.code = r.parent_code)
				  UNION ALL
				  SELECT r.code, lv.lvl + 1 FROM lv JOIN org_import_stage r ON r.parent_code = lv.code WHERE lv.lvl <= %1$d
				)
				SELECT r.line_no, r.code, r.name, r.type, r.parent_code, lv.lvl, o.id AS existing_id
				FROM org_import_stage r
				LEFT JOIN lv ON lv.code = r.code
				LEFT JOIN org o ON o.code = r.code
				""").formatted(OrgTree.MAX_DEPTH)).update();
		analyze("org_import_plan");
		phases.done("levels");
		collect(errors, jdbc.sql("""
				SELECT line_no, code, parent_code FROM org_import_plan WHERE lvl IS NULL ORDER BY line_no
				"""), OrgImport::cycle);
		int levels = jdbc.sql("SELECT COALESCE(MAX(lvl) + 1, 0) FROM org_import_plan").query(Integer.class).single();
		errors.throwIfAny();
		if (levels > OrgTree.MAX_DEPTH) {
			throw tooDeep();
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
			int inserted = jdbc.sql("""
					INSERT INTO org (id, code, name, type, parent_id, path, depth, sort_order, active, created_at, updated_at)
					SELECT n.id, n.code, n.name, n.type, n.parent_id,
					       COALESCE(n.parent_path, '') || LPAD(CAST(n.id AS VARCHAR(20)), 10, '0'),
					       n.depth, n.sort_order, TRUE, :now, :now
					FROM (SELECT nextval('org_id_seq') AS id, r.code, r.name, r.type, p.id AS parent_id,
					             p.path AS parent_path, COALESCE(p.depth + 1, 0) AS depth, CAST(r.line_no AS INT) AS sort_order
					      FROM org_import_plan r LEFT JOIN org p ON p.code = r.parent_code
					      WHERE r.lvl = :level AND r.existing_id IS NULL) n
					""").param("level", level).param("now", now).update();
			created += inserted;
			phases.done("insert level " + level + " (" + inserted + " rows)");
			if (inserted > 50_000) {
				analyze("org");
				phases.done("analyze org");
			}
			if (!treeEmpty) {
				moveChangedParents(jdbc.sql("""
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
		return new Written(created, updated);
	}

	/**
	 * PostgreSQL, a large import into an empty tree (which this transaction holds exclusively):
	 * the secondary indexes and the foreign keys of {@code org} are dropped, the rows inserted
	 * level by level, then the indexes built and the foreign keys validated, each in one pass,
	 * instead of being maintained row by row. Their definitions are read from the catalog and
	 * restored as they were; if anything fails, the rollback restores them too.
	 *
	 * @return the number of organisations created
	 */
	private long bulkLoad(long rows, Errors errors, Phases phases) {
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

		// The tree was empty, so a row's depth is its level in the file: level k+1 hangs on the
		// rows of depth k. There are no errors so far, so the roots are the rows without a parent.
		var now = clock.now();
		long created = 0;
		int levels = 0;
		while (levels <= OrgTree.MAX_DEPTH + 1) {
			int inserted = (levels == 0 ? jdbc.sql("""
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
					""").param("depth", levels).param("parentDepth", levels - 1)).param("now", now).update();
			if (inserted == 0) {
				break;
			}
			created += inserted;
			phases.done("insert level " + levels + " (" + inserted + " rows)");
			if (inserted >= 10_000) {
				analyze("org");
				phases.done("analyze org");
			}
			levels++;
		}
		if (created < rows) {
			// Rows never reached from a root are on a cycle (or deeper than any tree may be).
			collect(errors, jdbc.sql("""
					SELECT r.line_no, r.code, r.parent_code FROM org_import_stage r
					WHERE NOT EXISTS (SELECT 1 FROM org o WHERE o.code = r.code)
					ORDER BY r.line_no
					"""), OrgImport::cycle);
		}
		errors.throwIfAny();
		if (levels > OrgTree.MAX_DEPTH) {
			throw tooDeep();
		}
		createIndexes.forEach(sql -> jdbc.sql(sql).update());
		phases.done("built " + createIndexes.size() + " indexes");
		addForeignKeys.forEach(sql -> jdbc.sql(sql).update());
		phases.done("validated " + addForeignKeys.size() + " foreign keys");
		analyze("org");
		phases.done("analyze org");
		return created;
	}

	private static InvalidInputException tooDeep() {
		return new InvalidInputException(List.of(InputError.field("parent_code", "error.org.too-deep", OrgTree.MAX_DEPTH)));
	}

	private void analyze(String table) {
		if (database.isPostgres()) {
			jdbc.sql("ANALYZE " + table).update();
		}
	}

	/** Adds the error of every row the query returns, without holding them all. */
	private static void collect(Errors errors, JdbcClient.StatementSpec query, RowMapper<InputError> error) {
		int[] row = { 0 };
		query.query((RowCallbackHandler) rs -> errors.add(error.mapRow(rs, row[0]++)));
	}

	private static InputError duplicate(ResultSet rs, int n) throws SQLException {
		return InputError.line(rs.getLong("line_no"), "code", "error.import.duplicate-code", rs.getString("code"),
				rs.getLong("first_line"));
	}

	/**
	 * Where the staged rows are: H2 keeps every import's rows in {@code org_import_row} under its
	 * run id, PostgreSQL the rows of this import alone in a temporary table. Both are fixed names.
	 */
	private record Stage(String table, String runCondition, String run) {

		/** {@code %1$s} in the text is the table, {@code %2$s} the run condition ending with AND (or nothing). */
		JdbcClient.StatementSpec sql(JdbcClient jdbc, String text, Object... more) {
			Object[] args = new Object[2 + more.length];
			args[0] = table;
			args[1] = runCondition;
			System.arraycopy(more, 0, args, 2, more.length);
			JdbcClient.StatementSpec spec = jdbc.sql(text.formatted(args));
			return run == null ? spec : spec.param("run", run);
		}
	}

	/**
	 * The checks across rows, one copy for both databases: duplicate codes; parents neither in the
	 * file nor an organisation the caller manages (any other is "unknown", so nothing outside the
	 * caller's scope shows through); and, for a caller who is not an administrator, no new roots
	 * and no row that would change an organisation outside their scope.
	 *
	 * @return whether there were duplicate codes
	 */
	private boolean checkAcrossRows(Stage stage, Scope managing, Errors errors) {
		long before = errors.count;
		collect(errors, stage.sql(jdbc, """
				SELECT r.line_no, r.code, f.first_line
				FROM %1$s r
				JOIN (SELECT r.code, MIN(r.line_no) AS first_line FROM %1$s r WHERE %2$s 1 = 1
				      GROUP BY r.code HAVING COUNT(*) > 1) f ON f.code = r.code
				WHERE %2$s r.line_no > f.first_line
				ORDER BY r.line_no
				"""), OrgImport::duplicate);
		boolean duplicates = errors.count > before;
		collect(errors, managing.bind(stage.sql(jdbc, """
				SELECT r.line_no, r.parent_code FROM %1$s r
				WHERE %2$s r.parent_code IS NOT NULL
				  AND NOT EXISTS (SELECT 1 FROM %1$s p WHERE %3$s p.code = r.parent_code)
				  AND NOT EXISTS (SELECT 1 FROM org o WHERE o.code = r.parent_code AND %4$s)
				ORDER BY r.line_no
				""", stage.runCondition().replace("r.", "p."), managing.condition("o"))), OrgImport::parentUnknown);
		if (!managing.unrestricted()) {
			collect(errors, stage.sql(jdbc, """
					SELECT r.line_no FROM %1$s r WHERE %2$s r.parent_code IS NULL ORDER BY r.line_no
					"""), (rs, n) -> InputError.line(rs.getLong("line_no"), "parent_code", "error.import.root-needs-admin"));
			collect(errors, managing.bind(stage.sql(jdbc, """
					SELECT r.line_no, r.code FROM %1$s r JOIN org o ON o.code = r.code
					WHERE %2$s NOT %3$s ORDER BY r.line_no
					""", managing.condition("o"))), (rs, n) -> InputError.line(rs.getLong("line_no"), "code",
					"error.import.code-outside-scope", rs.getString("code")));
		}
		return duplicates;
	}

	private static InputError parentUnknown(ResultSet rs, int n) throws SQLException {
		return InputError.line(rs.getLong("line_no"), "parent_code", "error.import.parent-unknown",
				rs.getString("parent_code"));
	}

	private static InputError cycle(ResultSet rs, int n) throws SQLException {
		return InputError.line(rs.getLong("line_no"), "parent_code", "error.import.cycle", rs.getString("code"),
				rs.getString("parent_code"));
	}

	/** Checks one row on its own. */
	private static void check(ImportRow row, Errors errors) {
		long line = row.line();
		if (row.code() == null) {
			errors.add(InputError.line(line, "code", "error.field.required"));
		}
		else if (row.code().length() > 64) {
			errors.add(InputError.line(line, "code", "error.field.too-long", 64));
		}
		if (row.name() == null) {
			errors.add(InputError.line(line, "name", "error.field.required"));
		}
		else if (row.name().length() > 200) {
			errors.add(InputError.line(line, "name", "error.field.too-long", 200));
		}
		if (row.type() == null) {
			errors.add(InputError.line(line, "type", "error.field.required"));
		}
		else if (OrgType.parse(row.type()).isEmpty()) {
			errors.add(InputError.line(line, "type", "error.import.type-unknown", row.type()));
		}
		if (row.parentCode() != null && row.parentCode().length() > 64) {
			errors.add(InputError.line(line, "parent_code", "error.field.too-long", 64));
		}
	}

	/**
	 * Level 0: rows whose parent is outside the file (or none); level k+1: rows whose parent is
	 * at level k. New rows get their id on the way. Rows left without a level are on a cycle.
	 *
	 * @return the number of levels
	 */
	private int assignLevels(String run, Errors errors) {
		String newId = "CASE WHEN existing_id IS NULL THEN " + database.nextValue("org_id_seq") + " END";
		int updated = jdbc.sql("""
				UPDATE org_import_row SET lvl = 0, new_id = %s
				WHERE run_id = :run AND (parent_code IS NULL OR NOT EXISTS
				  (SELECT 1 FROM org_import_row p WHERE p.run_id = :run AND p.code = org_import_row.parent_code))
				""".formatted(newId)).param("run", run).update();
		int level = 0;
		while (updated > 0 && level <= OrgTree.MAX_DEPTH) {
			updated = jdbc.sql("""
					UPDATE org_import_row SET lvl = :next, new_id = %s
					WHERE run_id = :run AND lvl IS NULL
					  AND parent_code IN (SELECT p.code FROM org_import_row p WHERE p.run_id = :run AND p.lvl = :level)
					""".formatted(newId)).param("run", run).param("level", level).param("next", level + 1).update();
			level++;
		}
		collect(errors, jdbc.sql("""
				SELECT line_no, code, parent_code FROM org_import_row
				WHERE run_id = :run AND lvl IS NULL ORDER BY line_no
				""").param("run", run), OrgImport::cycle);
		return level;
	}

	/** Moves the organisations the query lists ({@code line_no, existing_id, parent_code}) under their new parents. */
	private void moveChangedParents(JdbcClient.StatementSpec query) {
		record Move(long line, long orgId, String parentCode) {
		}
		List<Move> moves = query
				.query((rs, n) -> new Move(rs.getLong("line_no"), rs.getLong("existing_id"), rs.getString("parent_code")))
				.list();
		for (Move move : moves) {
			Org org = tree.lockedGet(move.orgId());
			Org parent = move.parentCode() == null ? null : tree.loadByCode(move.parentCode()).orElseThrow();
			try {
				tree.relocate(org, parent);
			}
			catch (ConflictException e) {
				throw new InvalidInputException(List.of(InputError.line(move.line(), "parent_code",
						e.error().code(), e.error().args().toArray())));
			}
		}
	}

	/** Writes staged rows; closing releases what it holds. */
	private abstract static class Staging implements AutoCloseable {

		long count;

		abstract void add(ImportRow row);

		abstract void finish();

		@Override
		public abstract void close();
	}

	/** The type's code name; a row with a bad type is staged only to be checked, never written. */
	private static String typeName(ImportRow row) {
		return OrgType.parse(row.type()).map(Enum::name).orElse("?");
	}

	/** The name as staged: a row with a bad name is staged only to be checked, never written. */
	private static String stagedName(ImportRow row) {
		String name = row.name() == null ? "" : row.name();
		return name.length() > 200 ? name.substring(0, 200) : name;
	}

	/** PostgreSQL: streams rows through {@code COPY ... FROM STDIN} in the transaction's connection. */
	private final class CopyStaging extends Staging {

		private final CopyIn copy;
		private final StringBuilder buffer = new StringBuilder(1 << 17);

		CopyStaging() {
			try {
				Connection connection = DataSourceUtils.getConnection(dataSource);
				copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
						"COPY org_import_stage (line_no, code, name, parent_code, type) FROM STDIN");
			}
			catch (SQLException e) {
				throw new IllegalStateException(e);
			}
		}

		@Override
		void add(ImportRow row) {
			buffer.append(row.line()).append('\t');
			escape(row.code());
			buffer.append('\t');
			escape(stagedName(row));
			buffer.append('\t');
			if (row.parentCode() == null) {
				buffer.append("\\N");
			}
			else {
				escape(row.parentCode());
			}
			buffer.append('\t').append(typeName(row)).append('\n');
			count++;
			if (buffer.length() > (1 << 16)) {
				flush();
			}
		}

		private void escape(String value) {
			for (int i = 0; i < value.length(); i++) {
				char c = value.charAt(i);
				switch (c) {
					case '\\' -> buffer.append("\\\\");
					case '\t' -> buffer.append("\\t");
					case '\n' -> buffer.append("\\n");
					case '\r' -> buffer.append("\\r");
					default -> buffer.append(c);
				}
			}
		}

		private void flush() {
			byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
			buffer.setLength(0);
			try {
				copy.writeToCopy(bytes, 0, bytes.length);
			}
			catch (SQLException e) {
				throw new IllegalStateException(e);
			}
		}

		@Override
		void finish() {
			flush();
			try {
				copy.endCopy();
			}
			catch (SQLException e) {
				throw new IllegalStateException(e);
			}
		}

		@Override
		public void close() {
			try {
				if (copy.isActive()) {
					copy.cancelCopy();
				}
			}
			catch (SQLException e) {
				log.warn("could not cancel COPY: {}", e.getMessage());
			}
		}
	}

	/** H2 (and any other database): JDBC batches in the transaction's connection. */
	private final class BatchStaging extends Staging {

		private final PreparedStatement insert;
		private final String run;
		private int pending;

		BatchStaging(String run) {
			this.run = run;
			try {
				Connection connection = DataSourceUtils.getConnection(dataSource);
				insert = connection.prepareStatement(
						"INSERT INTO org_import_row (run_id, line_no, code, name, parent_code, type) VALUES (?, ?, ?, ?, ?, ?)");
			}
			catch (SQLException e) {
				throw new IllegalStateException(e);
			}
		}

		@Override
		void add(ImportRow row) {
			try {
				insert.setString(1, run);
				insert.setLong(2, row.line());
				insert.setString(3, row.code());
				insert.setString(4, stagedName(row));
				insert.setString(5, row.parentCode());
				insert.setString(6, typeName(row));
				insert.addBatch();
				count++;
				if (++pending == BATCH) {
					insert.executeBatch();
					pending = 0;
				}
			}
			catch (SQLException e) {
				throw new IllegalStateException(e);
			}
		}

		@Override
		void finish() {
			try {
				if (pending > 0) {
					insert.executeBatch();
				}
			}
			catch (SQLException e) {
				throw new IllegalStateException(e);
			}
		}

		@Override
		public void close() {
			try {
				insert.close();
			}
			catch (SQLException e) {
				log.warn("could not close statement: {}", e.getMessage());
			}
		}
	}
}
