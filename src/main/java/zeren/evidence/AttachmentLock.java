package zeren.evidence;

/**
 * How a module whose things freeze their attachments says so (a submitted report: the SHA-256s
 * of its files are part of what it hashed). A bean of the owning module; {@link Attachments}
 * asks it before any link of that owner type changes, so no caller can attach to or detach from
 * a frozen thing by forgetting to check.
 */
public interface AttachmentLock {

	/** The owner type it speaks for ({@link Attachments.Owner#type()}). */
	String ownerType();

	/**
	 * Called inside the transaction that is about to change a link of the owner: locks the
	 * owner's row (so the change is ordered against the one that freezes it) and refuses, with
	 * the owner's own 409, when its attachments may no longer change.
	 */
	void requireOpen(long ownerId);
}
