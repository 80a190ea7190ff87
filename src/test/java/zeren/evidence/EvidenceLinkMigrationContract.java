package zeren.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The migration to one evidence link ({@code V…__evidence_link.sql}), on a database of its own: the rows of the four join
 * tables it replaces become links in the order each owner listed its files (a report hashes its
 * files in that order), an entry keeps the count of its files, and the old tables are gone.
 */
abstract class EvidenceLinkMigrationContract {

	/** The JDBC URL of an empty database. */
	abstract String emptyDatabase();

	abstract String user();

	record Link(String ownerType, long ownerId, long evidenceId, int position, String addedBy) {
	}

	@Test
	void the_four_join_tables_become_links_in_each_owner_s_order_and_are_dropped() throws Exception {
		String url = emptyDatabase();
		SingleConnectionDataSource data = new SingleConnectionDataSource(url, user(), "", true);
		try {
			// every migration before the link, whichever those are on the branch that runs this
			MigrationVersion link = linkVersion();
			MigrationVersion before = java.util.Arrays.stream(flyway(data, MigrationVersion.LATEST).info().all())
					.map(m -> m.getVersion()).filter(v -> v != null && link.isNewerThan(v.getVersion()))
					.max(MigrationVersion::compareTo).orElseThrow();
			flyway(data, before).migrate();
			JdbcClient jdbc = JdbcClient.create(data);
			for (String sql : OLD_ROWS) {
				jdbc.sql(sql).update();
			}
			flyway(data, MigrationVersion.LATEST).migrate();

			List<Link> links = jdbc.sql("""
					SELECT owner_type, owner_id, evidence_id, position, added_by FROM evidence_link
					ORDER BY owner_type, owner_id, position
					""").query(Link.class).list();
			assertThat(links).containsExactly(
					new Link("inspection-finding", 1, 1, 1, "uploader"), new Link("inspection-finding", 1, 3, 2, "uploader"),
					new Link("interview", 1, 3, 1, "uploader"), new Link("interview", 1, 2, 2, "uploader"),
					new Link("report", 1, 3, 1, "uploader"), new Link("report", 1, 1, 2, "uploader"),
					new Link("report", 1, 2, 3, "uploader"),
					new Link("tracked-entry", 1, 2, 1, "recorder"), new Link("tracked-entry", 1, 3, 2, "recorder"),
					new Link("tracked-entry", 2, 1, 1, "recorder"));
			assertThat(jdbc.sql("SELECT evidence_count FROM tracked_entry ORDER BY id").query(Integer.class).list())
					.containsExactly(2, 1, 0);
			assertThat(jdbc.sql("""
					SELECT COUNT(*) FROM information_schema.tables WHERE table_name IN
					  ('tracked_entry_evidence', 'interview_attachment', 'report_attachment', 'inspection_finding_evidence')
					""").query(Long.class).single()).isZero();
		}
		finally {
			data.destroy();
		}
	}

	/** The version of the migration that makes the link, from its file name (so a renumbering needs no change here). */
	private static MigrationVersion linkVersion() throws java.io.IOException {
		try (var files = java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources/db/migration"))) {
			String name = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith("__evidence_link.sql"))
					.findFirst().orElseThrow();
			return MigrationVersion.fromVersion(name.substring(1, name.indexOf("__")).replace('_', '.'));
		}
	}

	private static Flyway flyway(javax.sql.DataSource data, MigrationVersion target) {
		return Flyway.configure().dataSource(data).locations("classpath:db/migration").target(target).load();
	}

	/** Three files, and every kind of owner with files listed in an order of its own. */
	private static final List<String> OLD_ROWS = List.of(
			"INSERT INTO org (id, code, name, type, path, depth, created_at, updated_at) VALUES (1, 'c', '县委', 'PARTY_COMMITTEE', '0000000001', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
			"INSERT INTO post (id, org_id, title, kind, created_at) VALUES (1, 1, '书记', 'SECRETARY', CURRENT_TIMESTAMP)",
			"INSERT INTO person (id, name, created_at, updated_at) VALUES (1, '张三', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
			"INSERT INTO evidence_content (sha256, size_bytes, media_type, stored_at) VALUES ('" + "a".repeat(64) + "', 1, 'text/plain', CURRENT_TIMESTAMP)",
			"INSERT INTO evidence (id, org_id, sha256, original_name, media_type, size_bytes, uploaded_by, uploaded_at) VALUES (1, 1, '" + "a".repeat(64) + "', '一.txt', 'text/plain', 1, 'uploader', TIMESTAMP WITH TIME ZONE '2026-03-01 10:00:00+08:00')",
			"INSERT INTO evidence (id, org_id, sha256, original_name, media_type, size_bytes, uploaded_by, uploaded_at) VALUES (2, 1, '" + "a".repeat(64) + "', '二.txt', 'text/plain', 1, 'uploader', TIMESTAMP WITH TIME ZONE '2026-03-01 10:00:00+08:00')",
			"INSERT INTO evidence (id, org_id, sha256, original_name, media_type, size_bytes, uploaded_by, uploaded_at) VALUES (3, 1, '" + "a".repeat(64) + "', '三.txt', 'text/plain', 1, 'uploader', TIMESTAMP WITH TIME ZONE '2026-03-01 10:00:00+08:00')",
			"INSERT INTO tracked_item (id, kind, source_ref, org_id, item_year, title, owner_post_id, verifier_org_id, deadline, status, created_at, updated_at) VALUES (1, 'test.item', '1', 1, 2026, '事项', 1, 1, DATE '2026-06-30', 'IN_PROGRESS', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
			"INSERT INTO tracked_entry (id, item_id, entry_date, text, recorded_by, recorded_at) VALUES (1, 1, DATE '2026-03-02', '甲', 'recorder', CURRENT_TIMESTAMP)",
			"INSERT INTO tracked_entry (id, item_id, entry_date, text, recorded_by, recorded_at) VALUES (2, 1, DATE '2026-03-03', '乙', 'recorder', CURRENT_TIMESTAMP)",
			"INSERT INTO tracked_entry (id, item_id, entry_date, text, recorded_by, recorded_at) VALUES (3, 1, DATE '2026-03-04', '丙', 'recorder', CURRENT_TIMESTAMP)",
			"INSERT INTO tracked_entry_evidence (entry_id, evidence_id) VALUES (1, 3), (1, 2), (2, 1)",
			"INSERT INTO interview (id, org_id, interview_date, kind, interviewer_person_id, interviewer_post_id, content, created_at) VALUES (1, 1, DATE '2026-03-01', 'ROUTINE', 1, 1, '谈话', CURRENT_TIMESTAMP)",
			"INSERT INTO interview_attachment (interview_id, evidence_id, attached_at) VALUES (1, 2, TIMESTAMP WITH TIME ZONE '2026-03-05 09:00:00+08:00'), (1, 3, TIMESTAMP WITH TIME ZONE '2026-03-04 09:00:00+08:00')",
			"INSERT INTO annual_report (id, org_id, report_year, kind, title, body, status, deadline, created_at, updated_at) VALUES (1, 1, 2025, 'COMMITTEE', '报告', '正文', 'SUBMITTED', DATE '2026-01-31', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
			"INSERT INTO report_attachment (report_id, evidence_id, attached_at) VALUES (1, 1, TIMESTAMP WITH TIME ZONE '2026-01-10 09:00:00+08:00'), (1, 2, TIMESTAMP WITH TIME ZONE '2026-01-10 09:00:00+08:00'), (1, 3, TIMESTAMP WITH TIME ZONE '2026-01-09 09:00:00+08:00')",
			"INSERT INTO inspection (id, org_id, kind, title, start_date, end_date, created_at) VALUES (1, 1, 'ANNUAL_CHECK', '检查', DATE '2026-03-01', DATE '2026-03-10', CURRENT_TIMESTAMP)",
			"INSERT INTO inspection_finding (id, inspection_id, org_id, description, severity, created_at) VALUES (1, 1, 1, '问题', 'GENERAL', CURRENT_TIMESTAMP)",
			"INSERT INTO inspection_finding_evidence (finding_id, evidence_id) VALUES (1, 3), (1, 1)");
}
