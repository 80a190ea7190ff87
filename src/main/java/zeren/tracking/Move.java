package zeren.tracking;

import java.time.OffsetDateTime;

import zeren.tracking.TrackedItem.Status;

/** One step of an item's history: the move, the states before and after, the note or reason, who and when. */
public record Move(long id, Action action, Status from, Status to, String note, String username, OffsetDateTime at) {

	/** The moves of the state machine. */
	public enum Action {
		/** Created: → OPEN. */
		OPEN,
		/** OPEN → IN_PROGRESS (also done by the first entry). */
		START,
		/** IN_PROGRESS → SUBMITTED, by the owner. */
		SUBMIT,
		/** SUBMITTED → IN_PROGRESS, by the verifier, with a reason. */
		RETURN,
		/** SUBMITTED → CLOSED (销号), by the verifier. */
		CLOSE,
		/** By an upper organisation, with a reason: CLOSED → IN_PROGRESS, or entries allowed again after the year closed. */
		REOPEN
	}
}
