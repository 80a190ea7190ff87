package zeren.tracking;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A tracked item as the caller sees it today. {@code warning} and {@code daysLeft} are computed
 * from the deadline and the business date when the item is read, never stored; {@code locked}:
 * the item's year has closed and no upper organisation has reopened it, so no entry can be added.
 * {@code kind} names the module's use (e.g. "ledger.task"), {@code sourceRef} the module's own id.
 */
public record TrackedItem(long id, String kind, String sourceRef, long orgId, String orgName, int year, String title,
		long ownerPostId, String ownerPostTitle, Long verifierPostId, String verifierPostTitle, long verifierOrgId,
		String verifierOrgName, LocalDate deadline, Status status, Warning warning, long daysLeft, boolean locked,
		boolean reopened, int entryCount, LocalDate lastEntryDate, OffsetDateTime createdAt,
		OffsetDateTime closedAt) {

	public enum Status {
		/** Created, nothing recorded yet. */
		OPEN,
		/** Being worked on: entries are recorded (also after the verifier returned it). */
		IN_PROGRESS,
		/** Submitted for closing: waiting for the verifier. */
		SUBMITTED,
		/** Closed by the verifier (销号): immutable unless an upper organisation reopens it. */
		CLOSED
	}

	/** 预警: blue while there is time, yellow near the deadline, red when overdue; none once closed. */
	public enum Warning {
		BLUE, YELLOW, RED, NONE
	}
}
