package db.migration;

import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The oversight sweep's counts and stage for a national sweep under 30 s (docs/BENCHMARKS.md,
 * "Oversight", seventh run):
 *
 * <ul>
 * <li>{@code oversight_count} holds the subtrees' counts only. The sweep counts every subtree in
 * one pass in memory ({@code zeren.oversight.SubtreeCounts}) instead of staging counts in SQL, so
 * {@code oversight_count_stage} goes; an organisation's own counts are read from its instances by
 * the dashboard (a few dozen rows by the primary key) and are not stored.</li>
 * <li>{@code oversight_stage} is indexed by organisation only: the index on
 * {@code (run_id, org_id, kind, subject)} cost more than the rows themselves (4 of 6 s for the
 * national sweep's 412,000 instances). On PostgreSQL the stage is {@code UNLOGGED}: it lives within
 * one sweep's transaction on the primary and needs neither the write-ahead log nor a replica.</li>
 * </ul>
 */
public class V16_5__Oversight_counts_of_subtrees extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws Exception {
		boolean postgres = context.getConnection().getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
		try (Statement s = context.getConnection().createStatement()) {
			s.execute("DELETE FROM oversight_count WHERE scope <> 'TREE'");
			s.execute("ALTER TABLE oversight_count DROP CONSTRAINT oversight_count_pk");
			s.execute("ALTER TABLE oversight_count DROP COLUMN scope");
			s.execute("ALTER TABLE oversight_count ADD CONSTRAINT oversight_count_pk PRIMARY KEY (obl_year, org_id, kind, due_month)");
			s.execute("DROP TABLE oversight_count_stage");
			s.execute("DROP INDEX oversight_stage_run_idx");
			s.execute("CREATE INDEX oversight_stage_org_idx ON oversight_stage (org_id)");
			if (postgres) {
				s.execute("ALTER TABLE oversight_stage SET UNLOGGED");
			}
		}
	}
}
