package zeren.tracking;

import java.util.EnumSet;
import java.util.Set;

import zeren.tracking.Move.Action;
import zeren.tracking.TrackedItem.Status;

/**
 * The state machine every tracked item follows, as pure functions: no Spring, no database. The
 * services load an item, ask {@link #take} and store what it answers.
 *
 * <pre>
 *   OPEN ──start / first entry──▶ IN_PROGRESS ──submit──▶ SUBMITTED ──close──▶ CLOSED
 *                                      ▲                      │                  │
 *                                      └──────return──────────┘                  │
 *                                      └──────────────reopen (upper org)─────────┘
 * </pre>
 *
 * <ul>
 * <li>which move each status allows, and where it leads: {@link Status#allows}, {@link Status#after};</li>
 * <li>the year lock: once an item's year has closed (and no upper organisation reopened it) it
 * takes no start, entry or submission; the verifier may still return or close it;</li>
 * <li>reopening, by an upper organisation: a closed item goes back to IN_PROGRESS; an item whose
 * year has closed keeps its status and takes entries again until it is closed;</li>
 * <li>a submission needs at least one entry;</li>
 * <li>who moves: the owner side starts, records and submits, the verifier side returns and
 * closes, an upper organisation reopens ({@link #sideOf}).</li>
 * </ul>
 */
final class StateMachine {

	private StateMachine() {
	}

	/** What a move needs to know of an item now. */
	record State(Status status, boolean locked, boolean reopened, int entryCount) {

		static State of(TrackedItem item) {
			return new State(item.status(), item.locked(), item.reopened(), item.entryCount());
		}
	}

	/** Why a move is refused. */
	enum Refusal {
		/** The item's status does not allow the move. */
		ILLEGAL_MOVE,
		/** The item's year has closed and no upper organisation has reopened it. */
		YEAR_CLOSED,
		/** Nothing is recorded yet: there is nothing to submit. */
		NO_ENTRY,
		/** Separation of duties: who submitted the item does not verify and close it (销号) too. */
		OWN_SUBMISSION
	}

	/** What a move comes to: {@link Moved} or {@link Refused}. */
	sealed interface Outcome permits Moved, Refused {
	}

	/** The move is allowed: the status it leads to, and whether the item is reopened afterwards. */
	record Moved(Status to, boolean reopened) implements Outcome {
	}

	record Refused(Refusal reason) implements Outcome {
	}

	/** The moves an item whose year has closed takes only after an upper organisation reopened it. */
	private static final Set<Action> NEED_OPEN_YEAR = EnumSet.of(Action.START, Action.ENTRY, Action.SUBMIT);

	/** What the move does to the item, or why it is refused (the status first, then the year, then the entries). */
	static Outcome take(State item, Action move) {
		return take(item, move, false);
	}

	/**
	 * As {@link #take(State, Action)}, knowing whether the caller is the one who submitted the
	 * item: a closing (销号) by its own submitter is refused, whatever their grants.
	 */
	static Outcome take(State item, Action move, boolean bySubmitter) {
		if (move == Action.REOPEN && item.locked() && item.status() != Status.CLOSED) {
			return new Moved(item.status(), true);
		}
		if (!item.status().allows(move)) {
			return new Refused(Refusal.ILLEGAL_MOVE);
		}
		if (item.locked() && NEED_OPEN_YEAR.contains(move)) {
			return new Refused(Refusal.YEAR_CLOSED);
		}
		if (move == Action.SUBMIT && item.entryCount() == 0) {
			return new Refused(Refusal.NO_ENTRY);
		}
		if (move == Action.CLOSE && bySubmitter) {
			return new Refused(Refusal.OWN_SUBMISSION);
		}
		Status to = item.status().after(move);
		// a reopening lets entries in after the year closed, until the item is closed again
		return new Moved(to, move == Action.REOPEN || (to != Status.CLOSED && item.reopened()));
	}

	/**
	 * Whether the status and the year allow the move now (a page shows its form). A submission
	 * without an entry counts as allowed: the form is shown and the refusal says why.
	 */
	static boolean allows(State item, Action move) {
		Outcome outcome = take(item, move);
		return outcome instanceof Moved || outcome instanceof Refused r && r.reason() == Refusal.NO_ENTRY;
	}

	/** The side of the item that makes a move. */
	static Side sideOf(Action move) {
		return switch (move) {
			case START, ENTRY, SUBMIT -> Side.OWNER;
			case RETURN, CLOSE -> Side.VERIFIER;
			case REOPEN -> Side.UPPER;
			case OPEN -> throw new IllegalArgumentException("an item is opened, not moved into OPEN");
		};
	}
}
