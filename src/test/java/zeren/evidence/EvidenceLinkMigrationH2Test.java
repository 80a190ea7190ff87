package zeren.evidence;

class EvidenceLinkMigrationH2Test extends EvidenceLinkMigrationContract {

	@Override
	String emptyDatabase() {
		return "jdbc:h2:mem:evidence-link-migration-" + System.nanoTime()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
	}

	@Override
	String user() {
		return "sa";
	}
}
