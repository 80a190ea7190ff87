package zeren.evidence;

import zeren.support.EmbeddedPostgresDatabase;

class EvidenceLinkMigrationPostgresTest extends EvidenceLinkMigrationContract {

	@Override
	String emptyDatabase() {
		return EmbeddedPostgresDatabase.createDatabase("evidence_link_migration");
	}

	@Override
	String user() {
		return "postgres";
	}
}
