package zeren.org;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import zeren.platform.BusinessClock;
import zeren.platform.Database;
import zeren.platform.Scope;

/**
 * The command side of an import on H2 (and any database without {@code COPY}): the rows are in
 * {@code org_import_row} under the run id, whose indexes serve the checks; levels are assigned
 * level by level, each row looked up by its parent's code (an index lookup a row, so a level
 * costs as many lookups as rows are left); ids are drawn only once every check has passed, in
 * the inserts.
 */
@Component
class ImportOnH2 {

	private final JdbcClient jdbc;
	private final Database database;
	private final BusinessClock clock;
	private final ImportChecks checks;
	private final ImportMoves moves;

	ImportOnH2(JdbcClient jdbc, Database database, BusinessClock clock, ImportChecks checks, ImportMoves moves) {
		this.jdbc = jdbc;
		this.database = database;
		this.clock = clock;
		this.checks = checks;
		this.moves = moves;
	}

	OrgImport.Written write(String run, Scope managing, ImportPhases phases) {
		checks.acrossRows(ImportChecks.Stage.h2(run), managing);
		phases.done("checks across rows");
		boolean treeEmpty = checks.treeEmpty();
		if (!treeEmpty) {
			jdbc.sql("""
					UPDATE org_import_row SET existing_id = (SELECT o.id FROM org o WHERE o.code = org_import_row.code)
					WHERE run_id = :run
					""").param("run", run).update();
			phases.done("existing ids");
		}
		int levels = assignLevels(run);
		phases.done("levels");
		checks.noCycles(jdbc.sql("""
				SELECT line_no, code, parent_code FROM org_import_row
				WHERE run_id = :run AND lvl IS NULL ORDER BY line_no
				""").param("run", run));
		if (levels > OrgTree.MAX_DEPTH) {
			throw ImportChecks.tooDeep();
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
			// MERGE driven by the changed rows (not UPDATE ... WHERE id IN (a query over org), which
			// H2 would run again after every row it changes).
			jdbc.sql("""
					MERGE INTO org o USING (
					  SELECT r.existing_id AS id, r.name, r.type FROM org_import_row r JOIN org x ON x.id = r.existing_id
					  WHERE r.run_id = :run AND (r.name <> x.name OR r.type <> x.type)) s
					ON o.id = s.id
					WHEN MATCHED THEN UPDATE SET name = s.name, type = s.type, updated_at = :now
					""").param("run", run).param("now", now).update();
			phases.done("update names and types");
		}
		long created = 0;
		for (int level = 0; level < levels; level++) {
			// Every check has passed: only now are ids drawn, one per new organisation, in a derived
			// table so that each row's id and its path use the same value.
			int inserted = jdbc.sql(ImportInsert.ofRows("""
					SELECT %s AS id, r.code, r.name, r.type, p.id AS parent_id, p.path AS parent_path,
					       COALESCE(p.depth + 1, 0) AS depth, CAST(r.line_no AS INT) AS sort_order
					FROM org_import_row r LEFT JOIN org p ON p.code = r.parent_code
					WHERE r.run_id = :run AND r.lvl = :level AND r.existing_id IS NULL
					""".formatted(database.nextValue("org_id_seq")))).param("run", run).param("level", level)
					.param("now", now).update();
			created += inserted;
			phases.done("insert level " + level + " (" + inserted + " rows)");
			if (!treeEmpty) {
				moves.apply(jdbc.sql("""
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
		return new OrgImport.Written(created, updated);
	}

	/**
	 * Level 0: rows whose parent is outside the file (or none); level k+1: rows whose parent is
	 * at level k. Rows left without a level are on a cycle (or deeper than any tree may be).
	 *
	 * <p>Each row finds its parent with a correlated {@code EXISTS} on the (run, code) index.
	 * Not {@code parent_code IN (SELECT code ... WHERE lvl = k)}: H2 caches such a subquery's
	 * result only while its table is unchanged, and this statement changes it, so it ran the
	 * subquery again for every row (20,000 rows: 253 s).
	 *
	 * @return the number of levels
	 */
	private int assignLevels(String run) {
		int updated = jdbc.sql("""
				UPDATE org_import_row SET lvl = 0
				WHERE run_id = :run AND (parent_code IS NULL OR NOT EXISTS
				  (SELECT 1 FROM org_import_row p WHERE p.run_id = :run AND p.code = org_import_row.parent_code))
				""").param("run", run).update();
		int level = 0;
		while (updated > 0 && level <= OrgTree.MAX_DEPTH) {
			updated = jdbc.sql("""
					UPDATE org_import_row SET lvl = :next
					WHERE run_id = :run AND lvl IS NULL
					  AND EXISTS (SELECT 1 FROM org_import_row p
					              WHERE p.run_id = :run AND p.code = org_import_row.parent_code AND p.lvl = :level)
					""").param("run", run).param("level", level).param("next", level + 1).update();
			level++;
		}
		return level;
	}
}
