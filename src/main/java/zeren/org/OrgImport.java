package zeren.org;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
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
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
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
 * <li>rows stream from the file into a staging table (PostgreSQL {@code COPY}, or JDBC
 * batches), each checked on its own; memory does not grow with the file;</li>
 * <li>set-based checks find duplicate codes, unknown parents and cycles, every one reported
 * with its line;</li>
 * <li>the tree is written level by level with {@code INSERT ... SELECT}, each new row's path
 * built from its parent's in the same statement; changed names and types are updated, changed
 * parents are moved.</li>
 * </ol>
 * Any error rejects the whole file and nothing is written. Re-importing the same file changes
 * nothing.
 */
@Service
public class OrgImport {

	private static final Logger log = LoggerFactory.getLogger(OrgImport.class);

	static final int MAX_LISTED_ERRORS = 1000;
	private static final int BATCH = 2000;

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

	@Transactional
	public Result run(RowSource source) {
		long started = System.nanoTime();
		String run = UUID.randomUUID().toString();
		if (database.isPostgres()) {
			// One import at a time: the next waits for this one's commit or rollback.
			jdbc.sql("LOCK TABLE org_import_row IN ACCESS EXCLUSIVE MODE").update();
		}
		Errors errors = new Errors();
		long rows;
		try (Staging staging = database.isPostgres() ? new CopyStaging(run) : new BatchStaging(run)) {
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
		analyze("org_import_row");

		Scope managing = scope.managing();
		checkDuplicates(run, errors);
		checkParents(run, managing, errors);
		if (!managing.unrestricted()) {
			checkScope(run, managing, errors);
		}
		boolean treeEmpty = jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM org FETCH FIRST 1 ROWS ONLY) x")
				.query(Long.class).single() == 0;
		if (!treeEmpty) {
			jdbc.sql("""
					UPDATE org_import_row SET existing_id = (SELECT o.id FROM org o WHERE o.code = org_import_row.code)
					WHERE run_id = :run
					""").param("run", run).update();
		}
		int levels = assignLevels(run, errors);
		errors.throwIfAny();
		if (levels > OrgTree.MAX_DEPTH) {
			throw new InvalidInputException(List.of(InputError.field("parent_code", "error.org.too-deep", OrgTree.MAX_DEPTH)));
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
			if (inserted > 50_000) {
				analyze("org");
			}
			if (!treeEmpty) {
				moveChangedParents(run, level);
			}
		}
		if (database.isPostgres()) {
			jdbc.sql("TRUNCATE org_import_row").update();
		}
		else {
			jdbc.sql("DELETE FROM org_import_row WHERE run_id = :run").param("run", run).update();
		}
		long millis = (System.nanoTime() - started) / 1_000_000;
		audit.record(new AuditTrail.Change(null, "org", null, "IMPORT",
				"rows=%d created=%d updated=%d".formatted(rows, created, updated)));
		log.info("import {}: {} rows, {} created, {} updated in {} ms", run, rows, created, updated, millis);
		return new Result(rows, created, updated, rows - created - updated, millis);
	}

	private void analyze(String table) {
		if (database.isPostgres()) {
			jdbc.sql("ANALYZE " + table).update();
		}
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

	private void checkDuplicates(String run, Errors errors) {
		jdbc.sql("""
				SELECT r.line_no, r.code, f.first_line
				FROM org_import_row r
				JOIN (SELECT code, MIN(line_no) AS first_line FROM org_import_row WHERE run_id = :run
				      GROUP BY code HAVING COUNT(*) > 1) f ON f.code = r.code
				WHERE r.run_id = :run AND r.line_no > f.first_line
				ORDER BY r.line_no
				""").param("run", run).query((rs, n) -> InputError.line(rs.getLong("line_no"), "code",
				"error.import.duplicate-code", rs.getString("code"), rs.getLong("first_line")))
				.list().forEach(errors::add);
	}

	/** A parent outside the file must be an organisation the caller manages; others are "unknown". */
	private void checkParents(String run, Scope managing, Errors errors) {
		managing.bind(jdbc.sql("""
				SELECT r.line_no, r.parent_code FROM org_import_row r
				WHERE r.run_id = :run AND r.parent_code IS NOT NULL
				  AND NOT EXISTS (SELECT 1 FROM org_import_row p WHERE p.run_id = :run AND p.code = r.parent_code)
				  AND NOT EXISTS (SELECT 1 FROM org o WHERE o.code = r.parent_code AND %s)
				ORDER BY r.line_no
				""".formatted(managing.condition("o")))).param("run", run).query((rs, n) -> InputError.line(rs.getLong("line_no"), "parent_code",
				"error.import.parent-unknown", rs.getString("parent_code")))
				.list().forEach(errors::add);
	}

	/**
	 * A caller who is not an administrator imports only below organisations they manage: no new
	 * roots, and no row may change an existing organisation outside their scope.
	 */
	private void checkScope(String run, Scope managing, Errors errors) {
		jdbc.sql("""
				SELECT r.line_no FROM org_import_row r
				WHERE r.run_id = :run AND r.parent_code IS NULL ORDER BY r.line_no
				""").param("run", run).query((rs, n) -> InputError.line(rs.getLong("line_no"), "parent_code",
				"error.import.root-needs-admin")).list().forEach(errors::add);
		managing.bind(jdbc.sql("""
				SELECT r.line_no, r.code FROM org_import_row r JOIN org o ON o.code = r.code
				WHERE r.run_id = :run AND NOT %s ORDER BY r.line_no
				""".formatted(managing.condition("o")))).param("run", run)
				.query((rs, n) -> InputError.line(rs.getLong("line_no"), "code", "error.import.code-outside-scope",
						rs.getString("code")))
				.list().forEach(errors::add);
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
		jdbc.sql("""
				SELECT line_no, code, parent_code FROM org_import_row
				WHERE run_id = :run AND lvl IS NULL ORDER BY line_no
				""").param("run", run).query((rs, n) -> InputError.line(rs.getLong("line_no"), "parent_code",
				"error.import.cycle", rs.getString("code"), rs.getString("parent_code")))
				.list().forEach(errors::add);
		return level;
	}

	private void moveChangedParents(String run, int level) {
		record Move(long line, long orgId, String parentCode) {
		}
		List<Move> moves = jdbc.sql("""
				SELECT r.line_no, r.existing_id, r.parent_code
				FROM org_import_row r JOIN org o ON o.id = r.existing_id LEFT JOIN org op ON op.id = o.parent_id
				WHERE r.run_id = :run AND r.lvl = :level
				  AND ((r.parent_code IS NULL AND o.parent_id IS NOT NULL)
				    OR (r.parent_code IS NOT NULL AND (op.code IS NULL OR op.code <> r.parent_code)))
				ORDER BY r.line_no
				""").param("run", run).param("level", level)
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
		private final String run;

		CopyStaging(String run) {
			this.run = run;
			try {
				Connection connection = DataSourceUtils.getConnection(dataSource);
				copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
						"COPY org_import_row (run_id, line_no, code, name, parent_code, type) FROM STDIN");
			}
			catch (SQLException e) {
				throw new IllegalStateException(e);
			}
		}

		@Override
		void add(ImportRow row) {
			buffer.append(run).append('\t').append(row.line()).append('\t');
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
