package db.migration;

import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The oversight snapshot for a sweep that writes only what changed, and red lists read by path
 * (docs/BENCHMARKS.md, "Oversight", sixth run):
 *
 * <ul>
 * <li>{@code oversight_obligation}, {@code oversight_count} and {@code oversight_colour_change}
 * lose their foreign keys. The snapshot is derived (every sweep rewrites it), organisations,
 * posts and people are never deleted (they end), and the keys cost three look-ups for each of the
 * 400,000 rows of a national sweep. The tables are rebuilt (copied, then renamed) because the
 * constraints' names differ between the databases.</li>
 * <li>{@code oversight_obligation.org_path}: the organisation's path when the row was written, so a
 * subtree's instances are an index range ({@code oversight_obligation_path_idx}) and the red list
 * of a large subtree filters by path inside {@code oversight_obligation_overdue_idx} without
 * reading the organisation. Byte order ({@code COLLATE "C"}) on PostgreSQL, like {@code org.path}.</li>
 * <li>{@code oversight_stage} carries the status, the colour and the holder each instance is given,
 * so the sweep compares them with the snapshot and writes only the rows that differ;
 * {@code oversight_count_stage} does the same for the counts.</li>
 * <li>{@code oversight_sweep_run}: when each sweep ran and over which subtree (an organisation's
 * snapshot is as of the last sweep of its subtree or an ancestor's).</li>
 * </ul>
 */
public class V16_4__Oversight_snapshot_by_path extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws Exception {
		boolean postgres = context.getConnection().getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
		String binary = postgres ? " COLLATE \"C\"" : "";
		try (Statement s = context.getConnection().createStatement()) {
			s.execute("""
					CREATE TABLE oversight_obligation_new (
					    kind          VARCHAR(64)   NOT NULL,
					    org_id        BIGINT        NOT NULL,
					    org_path      VARCHAR(1000)%s NOT NULL,
					    obl_year      INT           NOT NULL,
					    subject       BIGINT        NOT NULL,
					    due_date      DATE          NOT NULL,
					    done_on       DATE,
					    status        VARCHAR(16)   NOT NULL,
					    colour        VARCHAR(8)    NOT NULL,
					    post_id       BIGINT,
					    holder_id     BIGINT,
					    link          VARCHAR(300),
					    swept_on      DATE          NOT NULL
					)""".formatted(binary));
			s.execute("""
					INSERT INTO oversight_obligation_new (kind, org_id, org_path, obl_year, subject, due_date, done_on, status, colour,
					       post_id, holder_id, link, swept_on)
					SELECT ob.kind, ob.org_id, o.path, ob.obl_year, ob.subject, ob.due_date, ob.done_on, ob.status, ob.colour,
					       ob.post_id, ob.holder_id, ob.link, ob.swept_on
					FROM oversight_obligation ob JOIN org o ON o.id = ob.org_id""");
			s.execute("DROP TABLE oversight_obligation");
			s.execute("ALTER TABLE oversight_obligation_new RENAME TO oversight_obligation");
			s.execute("ALTER TABLE oversight_obligation ADD CONSTRAINT oversight_obligation_pk PRIMARY KEY (obl_year, org_id, kind, subject)");
			s.execute("CREATE INDEX oversight_obligation_overdue_idx ON oversight_obligation (obl_year, status, due_date, org_path)");
			s.execute("CREATE INDEX oversight_obligation_path_idx ON oversight_obligation (obl_year, org_path, status, due_date)");
			s.execute("CREATE INDEX oversight_obligation_post_idx ON oversight_obligation (post_id)");

			s.execute("""
					CREATE TABLE oversight_count_new (
					    org_id        BIGINT        NOT NULL,
					    obl_year      INT           NOT NULL,
					    kind          VARCHAR(64)   NOT NULL,
					    due_month     INT           NOT NULL,
					    scope         VARCHAR(4)    NOT NULL,
					    total         INT           NOT NULL,
					    done_on_time  INT           NOT NULL,
					    done_late     INT           NOT NULL,
					    open_count    INT           NOT NULL,
					    overdue       INT           NOT NULL,
					    vacant        INT           NOT NULL,
					    not_applicable INT          NOT NULL,
					    blue          INT           NOT NULL,
					    yellow        INT           NOT NULL,
					    red           INT           NOT NULL
					)""");
			s.execute("INSERT INTO oversight_count_new SELECT org_id, obl_year, kind, due_month, scope, total, done_on_time, done_late,"
					+ " open_count, overdue, vacant, not_applicable, blue, yellow, red FROM oversight_count");
			s.execute("DROP TABLE oversight_count");
			s.execute("ALTER TABLE oversight_count_new RENAME TO oversight_count");
			s.execute("ALTER TABLE oversight_count ADD CONSTRAINT oversight_count_pk PRIMARY KEY (obl_year, scope, org_id, kind, due_month)");

			s.execute("""
					CREATE TABLE oversight_colour_change_new (
					    id            BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
					    kind          VARCHAR(64)   NOT NULL,
					    org_id        BIGINT        NOT NULL,
					    obl_year      INT           NOT NULL,
					    subject       BIGINT        NOT NULL,
					    from_colour   VARCHAR(8),
					    to_colour     VARCHAR(8)    NOT NULL,
					    changed_on    DATE          NOT NULL
					)""");
			s.execute("INSERT INTO oversight_colour_change_new (id, kind, org_id, obl_year, subject, from_colour, to_colour, changed_on)"
					+ " SELECT id, kind, org_id, obl_year, subject, from_colour, to_colour, changed_on FROM oversight_colour_change");
			long next;
			try (var rs = s.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM oversight_colour_change")) {
				rs.next();
				next = rs.getLong(1);
			}
			s.execute("DROP TABLE oversight_colour_change");
			s.execute("ALTER TABLE oversight_colour_change_new RENAME TO oversight_colour_change");
			s.execute("ALTER TABLE oversight_colour_change ALTER COLUMN id RESTART WITH " + next);
			s.execute("CREATE INDEX oversight_colour_change_idx ON oversight_colour_change (obl_year, org_id, kind, subject, changed_on)");

			s.execute("""
					CREATE TABLE oversight_count_stage (
					    run_id        VARCHAR(36)   NOT NULL,
					    org_id        BIGINT        NOT NULL,
					    kind          VARCHAR(64)   NOT NULL,
					    due_month     INT           NOT NULL,
					    scope         VARCHAR(4)    NOT NULL,
					    total         INT           NOT NULL,
					    done_on_time  INT           NOT NULL,
					    done_late     INT           NOT NULL,
					    open_count    INT           NOT NULL,
					    overdue       INT           NOT NULL,
					    vacant        INT           NOT NULL,
					    not_applicable INT          NOT NULL,
					    blue          INT           NOT NULL,
					    yellow        INT           NOT NULL,
					    red           INT           NOT NULL
					)""");
			s.execute("CREATE INDEX oversight_count_stage_run_idx ON oversight_count_stage (run_id, org_id, kind, due_month, scope)");

			s.execute("ALTER TABLE oversight_stage ADD COLUMN status VARCHAR(16)");
			s.execute("ALTER TABLE oversight_stage ADD COLUMN colour VARCHAR(8)");
			s.execute("ALTER TABLE oversight_stage ADD COLUMN holder_id BIGINT");

			s.execute("""
					CREATE TABLE oversight_sweep_run (
					    id            BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
					    org_id        BIGINT        NOT NULL,
					    obl_year      INT           NOT NULL,
					    swept_on      DATE          NOT NULL,
					    instances     BIGINT        NOT NULL,
					    written       BIGINT        NOT NULL,
					    colour_changes BIGINT       NOT NULL,
					    millis        BIGINT        NOT NULL,
					    finished_at   TIMESTAMP WITH TIME ZONE NOT NULL
					)""");
			s.execute("CREATE INDEX oversight_sweep_run_idx ON oversight_sweep_run (obl_year, org_id, swept_on)");
		}
	}
}
