package zeren.tracking;

import java.time.OffsetDateTime;

import zeren.tracking.TrackedItem.Status;

/** One step of an item's history: the move, the states before and after, the note or reason, who and when. */
public record Move(long id, Action action, Status from, Status to, String note, String username, OffsetDateTime at) {

	/** The moves of the state machine ({@link TrackedItem.Status#allows}; {@link StateMachine} adds the year lock). */
	public enum Action {
		/** Created: → OPEN. */
		OPEN,
		/** OPEN → IN_PROGRESS (also done by the first entry), by the owner. */
		START,
		/**
		 * A progress entry, by the owner, while OPEN (the first starts the item: its history shows
		 * START) or IN_PROGRESS. Made through the entries, never kept as a move of the history.
		 */
		ENTRY,
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
