package zeren.platform;

/**
 * The scope of the caller of the current request, from their grants. Every module asks it inside
 * its own queries; the {@code access} module answers.
 */
public interface CurrentScope {

	/** What the caller may see: the union of all their grants. */
	Scope reading();

	/** Where the caller may manage organisations, people and tenures (ADMIN, ORG_ADMIN). */
	Scope managing();

	/** Where the caller does supervisory work: inspections, queries, accountability (ADMIN, DISCIPLINE). */
	Scope supervising();

	/**
	 * Where the caller does their own work (records progress, answers, verifies): every grant
	 * but a read-only one (ADMIN, ORG_ADMIN, DISCIPLINE, LEADER).
	 */
	Scope acting();

	/** The person the caller's account belongs to (read live, like the grants), if any. */
	java.util.Optional<Long> person();

	/** Whether the caller is a system administrator. */
	boolean isAdmin();
}
