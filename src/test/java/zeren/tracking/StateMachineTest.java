package zeren.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static zeren.tracking.Move.Action.CLOSE;
import static zeren.tracking.Move.Action.ENTRY;
import static zeren.tracking.Move.Action.OPEN;
import static zeren.tracking.Move.Action.REOPEN;
import static zeren.tracking.Move.Action.RETURN;
import static zeren.tracking.Move.Action.START;
import static zeren.tracking.Move.Action.SUBMIT;
import static zeren.tracking.TrackedItem.Status.CLOSED;
import static zeren.tracking.TrackedItem.Status.IN_PROGRESS;
import static zeren.tracking.TrackedItem.Status.SUBMITTED;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import zeren.platform.Scope;
import zeren.tracking.Move.Action;
import zeren.tracking.StateMachine.Moved;
import zeren.tracking.StateMachine.Refusal;
import zeren.tracking.StateMachine.Refused;
import zeren.tracking.StateMachine.State;
import zeren.tracking.TrackedItem.Status;

/** The tracked item's state machine, without Spring and without a database. */
class StateMachineTest {

	private static State item(Status status) {
		return new State(status, false, false, 0);
	}

	private static State withEntries(Status status) {
		return new State(status, false, false, 1);
	}

	/** An item whose year has closed and that no upper organisation reopened. */
	private static State yearClosed(Status status) {
		return new State(status, true, false, 1);
	}

	private static StateMachine.Outcome take(State item, Action move) {
		return StateMachine.take(item, move);
	}

	@Test
	void the_submitter_of_an_item_does_not_close_it_but_may_return_it() {
		assertThat(StateMachine.take(withEntries(SUBMITTED), CLOSE, true))
				.isEqualTo(new StateMachine.Refused(StateMachine.Refusal.OWN_SUBMISSION));
		assertThat(StateMachine.take(withEntries(SUBMITTED), CLOSE, false)).isInstanceOf(StateMachine.Moved.class);
		assertThat(StateMachine.take(withEntries(SUBMITTED), RETURN, true)).isInstanceOf(StateMachine.Moved.class);
	}

	@Test
	void each_status_allows_exactly_the_moves_of_the_table() {
		assertThat(allowedBy(Status.OPEN)).containsExactlyInAnyOrder(START, ENTRY);
		assertThat(allowedBy(IN_PROGRESS)).containsExactlyInAnyOrder(ENTRY, SUBMIT);
		assertThat(allowedBy(SUBMITTED)).containsExactlyInAnyOrder(RETURN, CLOSE);
		assertThat(allowedBy(CLOSED)).containsExactly(REOPEN);
	}

	private static Set<Action> allowedBy(Status status) {
		Set<Action> allowed = EnumSet.noneOf(Action.class);
		Arrays.stream(Action.values()).filter(status::allows).forEach(allowed::add);
		return allowed;
	}

	@Test
	void an_open_item_is_started_by_its_owner_or_by_its_first_entry() {
		assertThat(take(item(Status.OPEN), START)).isEqualTo(new Moved(IN_PROGRESS, false));
		assertThat(take(item(Status.OPEN), ENTRY)).isEqualTo(new Moved(IN_PROGRESS, false));
	}

	@Test
	void an_item_in_progress_takes_entries_and_stays_in_progress() {
		assertThat(take(withEntries(IN_PROGRESS), ENTRY)).isEqualTo(new Moved(IN_PROGRESS, false));
	}

	@Test
	void an_item_in_progress_is_submitted_once_it_has_an_entry() {
		assertThat(take(withEntries(IN_PROGRESS), SUBMIT)).isEqualTo(new Moved(SUBMITTED, false));
	}

	@Test
	void an_item_with_nothing_recorded_cannot_be_submitted() {
		assertThat(take(item(IN_PROGRESS), SUBMIT)).isEqualTo(new Refused(Refusal.NO_ENTRY));
	}

	@Test
	void a_submitted_item_is_returned_to_its_owner_or_closed_by_its_verifier() {
		assertThat(take(withEntries(SUBMITTED), RETURN)).isEqualTo(new Moved(IN_PROGRESS, false));
		assertThat(take(withEntries(SUBMITTED), CLOSE)).isEqualTo(new Moved(CLOSED, false));
	}

	@Test
	void a_submitted_item_takes_no_entry_and_cannot_be_submitted_again() {
		assertThat(take(withEntries(SUBMITTED), ENTRY)).isEqualTo(new Refused(Refusal.ILLEGAL_MOVE));
		assertThat(take(withEntries(SUBMITTED), SUBMIT)).isEqualTo(new Refused(Refusal.ILLEGAL_MOVE));
	}

	@Test
	void a_closed_item_refuses_every_move_but_a_reopening() {
		for (Action move : List.of(START, ENTRY, SUBMIT, RETURN, CLOSE, OPEN)) {
			assertThat(take(withEntries(CLOSED), move)).as(move.name()).isEqualTo(new Refused(Refusal.ILLEGAL_MOVE));
		}
	}

	@Test
	void reopening_a_closed_item_puts_it_back_in_progress_and_marks_it_reopened() {
		assertThat(take(withEntries(CLOSED), REOPEN)).isEqualTo(new Moved(IN_PROGRESS, true));
	}

	@Test
	void an_item_whose_year_has_closed_takes_no_start_no_entry_and_no_submission() {
		assertThat(take(yearClosed(Status.OPEN), START)).isEqualTo(new Refused(Refusal.YEAR_CLOSED));
		assertThat(take(yearClosed(Status.OPEN), ENTRY)).isEqualTo(new Refused(Refusal.YEAR_CLOSED));
		assertThat(take(yearClosed(IN_PROGRESS), ENTRY)).isEqualTo(new Refused(Refusal.YEAR_CLOSED));
		assertThat(take(yearClosed(IN_PROGRESS), SUBMIT)).isEqualTo(new Refused(Refusal.YEAR_CLOSED));
	}

	@Test
	void the_status_is_checked_before_the_year() {
		assertThat(take(yearClosed(SUBMITTED), ENTRY)).isEqualTo(new Refused(Refusal.ILLEGAL_MOVE));
	}

	@Test
	void the_verifier_still_returns_or_closes_an_item_whose_year_has_closed() {
		assertThat(take(yearClosed(SUBMITTED), RETURN)).isEqualTo(new Moved(IN_PROGRESS, false));
		assertThat(take(yearClosed(SUBMITTED), CLOSE)).isEqualTo(new Moved(CLOSED, false));
	}

	@Test
	void reopening_an_item_whose_year_has_closed_keeps_its_status_and_lets_entries_in() {
		for (Status status : List.of(Status.OPEN, IN_PROGRESS, SUBMITTED)) {
			assertThat(take(yearClosed(status), REOPEN)).as(status.name()).isEqualTo(new Moved(status, true));
		}
		State reopened = new State(IN_PROGRESS, false, true, 1);
		assertThat(take(reopened, ENTRY)).isEqualTo(new Moved(IN_PROGRESS, true));
	}

	@Test
	void an_item_neither_closed_nor_past_its_year_has_nothing_to_reopen() {
		for (Status status : List.of(Status.OPEN, IN_PROGRESS, SUBMITTED)) {
			assertThat(take(withEntries(status), REOPEN)).as(status.name()).isEqualTo(new Refused(Refusal.ILLEGAL_MOVE));
		}
	}

	@Test
	void a_reopened_item_stays_reopened_until_it_is_closed_again() {
		State reopened = new State(IN_PROGRESS, false, true, 1);
		assertThat(take(reopened, SUBMIT)).isEqualTo(new Moved(SUBMITTED, true));
		State submitted = new State(SUBMITTED, false, true, 1);
		assertThat(take(submitted, RETURN)).isEqualTo(new Moved(IN_PROGRESS, true));
		assertThat(take(submitted, CLOSE)).isEqualTo(new Moved(CLOSED, false));
	}

	@Test
	void nothing_is_ever_moved_into_open() {
		for (Status status : Status.values()) {
			assertThat(take(withEntries(status), OPEN)).as(status.name()).isEqualTo(new Refused(Refusal.ILLEGAL_MOVE));
		}
		assertThatThrownBy(() -> StateMachine.sideOf(OPEN)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void a_page_offers_a_submission_without_an_entry_so_that_the_refusal_can_say_why() {
		assertThat(StateMachine.allows(item(IN_PROGRESS), SUBMIT)).isTrue();
		assertThat(StateMachine.allows(yearClosed(IN_PROGRESS), SUBMIT)).isFalse();
		assertThat(StateMachine.allows(item(Status.OPEN), SUBMIT)).isFalse();
	}

	@Test
	void the_owner_starts_records_and_submits_the_verifier_returns_and_closes_an_upper_organisation_reopens() {
		assertThat(List.of(START, ENTRY, SUBMIT)).allMatch(m -> StateMachine.sideOf(m) == Side.OWNER);
		assertThat(List.of(RETURN, CLOSE)).allMatch(m -> StateMachine.sideOf(m) == Side.VERIFIER);
		assertThat(StateMachine.sideOf(REOPEN)).isEqualTo(Side.UPPER);
	}

	@Test
	void an_upper_organisation_is_one_above_the_item_s_organisation_never_the_organisation_itself() {
		String province = "0000000001";
		String city = province + "0000000002";
		String county = city + "0000000003";
		Scope cityWork = Scope.of(List.of(new Scope.Range(city, city + "~")));
		assertThat(Side.UPPER.includes(cityWork, county, province)).isTrue();
		assertThat(Side.UPPER.includes(cityWork, city, province)).isFalse();
		assertThat(Side.OWNER.includes(cityWork, county, province)).isTrue();
		assertThat(Side.VERIFIER.includes(cityWork, county, province)).isFalse();
		assertThat(Side.VERIFIER.includes(cityWork, province, city)).isTrue();
		assertThat(Side.UPPER.includes(Scope.none(), county, city)).isFalse();
	}
}
