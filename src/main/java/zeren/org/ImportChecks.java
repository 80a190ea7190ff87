package zeren.org;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import zeren.org.importing.ImportErrors;
import zeren.platform.InputError;
import zeren.platform.InvalidInputException;
import zeren.platform.Rows;
import zeren.platform.Scope;

/**
 * The query side of an import: the checks across the staged rows, which only read. Each stage
 * of checks refuses the file with all its errors (the first {@value ImportErrors#MAX_LISTED}
 * listed) before the next one runs. Nothing outside the caller's scope shows through an error:
 * an unknown parent and a parent outside the scope read alike, and a code taken by an
 * organisation outside the scope is only "unavailable".
 */
@Component
class ImportChecks {

	private final JdbcClient jdbc;

	ImportChecks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Where the staged rows are: H2 keeps every import's rows in {@code org_import_row} under its
	 * run id, PostgreSQL the rows of this import alone in a temporary table. Both are fixed names.
	 */
	record Stage(String table, String runCondition, String run) {

		static Stage h2(String run) {
			return new Stage("org_import_row", "r.run_id = :run AND ", run);
		}

		static Stage postgres() {
			return new Stage("org_import_stage", "", null);
		}

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

	private record Duplicate(long lineNo, String code, long firstLine) {
	}

	private record ParentRow(long lineNo, String parentCode) {
	}

	private record CodeRow(long lineNo, String code) {
	}

	/** A row that no root reaches: on a cycle, or below the deepest level a tree may have. */
	record CycleRow(long lineNo, String code, String parentCode) {

		InputError error() {
			return InputError.line(lineNo, "parent_code", "error.import.cycle", code, parentCode);
		}
	}

	/**
	 * The checks across rows, one copy for both databases: duplicate codes; parents neither in the
	 * file nor an organisation the caller manages (any other is "unknown", so nothing outside the
	 * caller's scope shows through); and, for a caller who is not an administrator, no new roots
	 * and no row that would change an organisation outside their scope.
	 *
	 * @throws InvalidInputException with every error found
	 */
	void acrossRows(Stage stage, Scope managing) {
		ImportErrors errors = new ImportErrors();
		collect(errors, stage.sql(jdbc, """
				SELECT r.line_no, r.code, f.first_line
				FROM %1$s r
				JOIN (SELECT r.code, MIN(r.line_no) AS first_line FROM %1$s r WHERE %2$s 1 = 1
				      GROUP BY r.code HAVING COUNT(*) > 1) f ON f.code = r.code
				WHERE %2$s r.line_no > f.first_line
				ORDER BY r.line_no
				"""), Duplicate.class, d -> InputError.line(d.lineNo(), "code", "error.import.duplicate-code", d.code(),
						d.firstLine()));
		collect(errors, managing.bind(stage.sql(jdbc, """
				SELECT r.line_no, r.parent_code FROM %1$s r
				WHERE %2$s r.parent_code IS NOT NULL
				  AND NOT EXISTS (SELECT 1 FROM %1$s p WHERE %3$s p.code = r.parent_code)
				  AND NOT EXISTS (SELECT 1 FROM org o WHERE o.code = r.parent_code AND %4$s)
				ORDER BY r.line_no
				""", stage.runCondition().replace("r.", "p."), managing.condition("o"))), ParentRow.class,
				p -> InputError.line(p.lineNo(), "parent_code", "error.import.parent-unknown", p.parentCode()));
		if (!managing.unrestricted()) {
			collect(errors, stage.sql(jdbc, """
					SELECT r.line_no, r.code FROM %1$s r WHERE %2$s r.parent_code IS NULL ORDER BY r.line_no
					"""), CodeRow.class, r -> InputError.line(r.lineNo(), "parent_code", "error.import.root-needs-admin"));
			collect(errors, managing.bind(stage.sql(jdbc, """
					SELECT r.line_no, r.code FROM %1$s r JOIN org o ON o.code = r.code
					WHERE %2$s NOT %3$s ORDER BY r.line_no
					""", managing.condition("o"))), CodeRow.class,
					r -> InputError.line(r.lineNo(), "code", "error.import.code-unavailable", r.code()));
		}
		errors.throwIfAny();
	}

	/**
	 * Refuses the file when the query ({@code line_no, code, parent_code}) lists any row that no
	 * root reaches.
	 */
	void noCycles(JdbcClient.StatementSpec unreached) {
		ImportErrors errors = new ImportErrors();
		collect(errors, unreached, CycleRow.class, CycleRow::error);
		errors.throwIfAny();
	}

	boolean treeEmpty() {
		return jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM org FETCH FIRST 1 ROWS ONLY) x").query(Long.class)
				.single() == 0;
	}

	static InvalidInputException tooDeep() {
		return new InvalidInputException(List.of(InputError.field("parent_code", "error.org.too-deep", OrgTree.MAX_DEPTH)));
	}

	/** Adds the error of every row the query returns, without holding them all. */
	private static <R> void collect(ImportErrors errors, JdbcClient.StatementSpec query, Class<R> row,
			Function<R, InputError> error) {
		try (Stream<R> rows = query.query(Rows.of(row)).stream()) {
			rows.forEach(r -> errors.add(error.apply(r)));
		}
	}
}
