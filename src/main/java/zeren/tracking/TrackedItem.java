package zeren.tracking;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Map;

import zeren.tracking.Move.Action;

/**
 * A tracked item as the caller sees it today. {@code warning} and {@code daysLeft} are computed
 * from the deadline and the business date when the item is read, never stored; {@code locked}:
 * the item's year has closed and no upper organisation has reopened it, so no entry can be added.
 * {@code kind} names the module's use (e.g. "ledger.task"), {@code sourceRef} the module's own id.
 */
public record TrackedItem(long id, String kind, String sourceRef, long orgId, String orgName, int year, String title,
		Long ownerPostId, String ownerPostTitle, Long verifierPostId, String verifierPostTitle, long verifierOrgId,
		String verifierOrgName, LocalDate deadline, Status status, Warning warning, long daysLeft, boolean locked,
		boolean reopened, int entryCount, LocalDate lastEntryDate, OffsetDateTime createdAt,
		OffsetDateTime closedAt) {

	/**
	 * Where an item stands. The status owns its moves: {@link #allows} and {@link #after} read one
	 * table. (Reopening an item whose year has closed, whatever its status, is the year lock's
	 * rule, in {@link StateMachine}.)
	 */
	public enum Status {
		/** Created, nothing recorded yet. */
		OPEN,
		/** Being worked on: entries are recorded (also after the verifier returned it). */
		IN_PROGRESS,
		/** Submitted for closing: waiting for the verifier. */
		SUBMITTED,
		/** Closed by the verifier (销号): immutable unless an upper organisation reopens it. */
		CLOSED;

		/** The state machine as a table: the moves each status allows, and the status each leads to. */
		private static final Map<Status, Map<Action, Status>> MOVES = new EnumMap<>(Map.of(
				OPEN, Map.of(Action.START, IN_PROGRESS, Action.ENTRY, IN_PROGRESS),
				IN_PROGRESS, Map.of(Action.ENTRY, IN_PROGRESS, Action.SUBMIT, SUBMITTED),
				SUBMITTED, Map.of(Action.RETURN, IN_PROGRESS, Action.CLOSE, CLOSED),
				CLOSED, Map.of(Action.REOPEN, IN_PROGRESS)));

		/** Whether an item in this status may make the move. */
		public boolean allows(Action move) {
			return MOVES.get(this).containsKey(move);
		}

		/** The status the move leads to from this one. */
		public Status after(Action move) {
			Status to = MOVES.get(this).get(move);
			if (to == null) {
				throw new IllegalStateException(this + " does not allow " + move);
			}
			return to;
		}
	}

	/** 预警: blue while there is time, yellow near the deadline, red when overdue; none once closed. */
	public enum Warning {
		BLUE, YELLOW, RED, NONE
	}
}
