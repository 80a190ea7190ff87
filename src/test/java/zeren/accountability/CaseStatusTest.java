package zeren.accountability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import zeren.accountability.AccountabilityCase.Action;
import zeren.accountability.AccountabilityCase.Status;

/** The procedure's table of allowed moves, on the status type itself. No Spring, no database. */
class CaseStatusTest {

	@Test
	void a_registered_case_is_opened_or_refused_and_nothing_is_reported_or_decided_before() {
		assertThat(Status.REGISTERED.allows(Action.APPROVE_OPENING)).isTrue();
		assertThat(Status.REGISTERED.allows(Action.REFUSE_OPENING)).isTrue();
		assertThat(Status.REGISTERED.allows(Action.REPORT)).isFalse();
		assertThat(Status.REGISTERED.allows(Action.DISPOSE)).isFalse();
		assertThat(Status.REGISTERED.allows(Action.DECIDE)).isFalse();
		assertThat(Status.REGISTERED.next(Action.APPROVE_OPENING)).isEqualTo(Status.INVESTIGATING);
		assertThat(Status.REGISTERED.next(Action.REFUSE_OPENING)).isEqualTo(Status.NOT_OPENED);
	}

	@Test
	void a_refused_opening_ends_the_case() {
		assertThat(Stream.of(Action.values()).filter(Status.NOT_OPENED::allows)).isEmpty();
	}

	@Test
	void the_parties_are_disposed_shown_the_facts_and_heard_only_during_the_investigation() {
		for (Action action : List.of(Action.DISPOSE, Action.FACT_STATEMENT, Action.STATEMENT, Action.REPORT)) {
			assertThat(action.allowedIn()).as(action.code()).containsExactly(Status.INVESTIGATING);
		}
		assertThat(Status.INVESTIGATING.next(Action.DISPOSE)).as("disposing does not move the case")
				.isEqualTo(Status.INVESTIGATING);
		assertThat(Status.INVESTIGATING.next(Action.REPORT)).isEqualTo(Status.REPORTED);
	}

	@Test
	void the_facts_and_the_people_directly_responsible_change_until_the_report_and_never_after() {
		assertThat(Action.UPDATE.allowedIn()).containsExactly(Status.REGISTERED, Status.INVESTIGATING);
		assertThat(Action.DIRECT_PARTY.allowedIn()).containsExactly(Status.REGISTERED, Status.INVESTIGATING);
	}

	@Test
	void a_reported_case_is_decided_party_by_party_and_the_last_decision_decides_the_case() {
		assertThat(Action.DECIDE.allowedIn()).containsExactly(Status.REPORTED);
		assertThat(Status.REPORTED.next(Action.DECIDE)).isEqualTo(Status.DECIDED);
	}

	@Test
	void a_decided_case_is_locked_and_changes_only_by_a_correction() {
		for (Status decided : List.of(Status.DECIDED, Status.ANNOUNCED, Status.FILED)) {
			assertThat(decided.isDecided()).isTrue();
			assertThat(decided.allows(Action.CORRECT)).isTrue();
			assertThat(decided.allows(Action.UPDATE)).isFalse();
			assertThat(decided.allows(Action.DECIDE)).isFalse();
			assertThat(decided.allows(Action.DISPOSE)).isFalse();
			assertThat(decided.next(Action.CORRECT)).as("a correction does not move the case").isEqualTo(decided);
		}
		assertThat(Status.REPORTED.isDecided()).isFalse();
		assertThat(Status.REPORTED.allows(Action.CORRECT)).isFalse();
	}

	@Test
	void a_decision_is_announced_then_filed_and_filing_waits_for_the_announcement() {
		assertThat(Action.ANNOUNCE.allowedIn()).containsExactly(Status.DECIDED);
		assertThat(Status.DECIDED.next(Action.ANNOUNCE)).isEqualTo(Status.ANNOUNCED);
		assertThat(Action.FILE.allowedIn()).containsExactly(Status.ANNOUNCED);
		assertThat(Status.ANNOUNCED.next(Action.FILE)).isEqualTo(Status.FILED);
	}

	@Test
	void an_appeal_runs_beside_execution_from_the_announcement_on_even_after_filing_and_moves_nothing() {
		assertThat(Action.APPEAL.allowedIn()).containsExactly(Status.ANNOUNCED, Status.FILED);
		assertThat(Action.DECIDE_APPEAL.allowedIn()).containsExactly(Status.ANNOUNCED, Status.FILED);
		assertThat(Status.ANNOUNCED.next(Action.APPEAL)).isEqualTo(Status.ANNOUNCED);
		assertThat(Status.FILED.next(Action.DECIDE_APPEAL)).isEqualTo(Status.FILED);
	}

	@Test
	void the_moves_forward_walk_the_whole_procedure_in_order() {
		Status status = Status.REGISTERED;
		for (Action move : List.of(Action.APPROVE_OPENING, Action.REPORT, Action.DECIDE, Action.ANNOUNCE, Action.FILE)) {
			status = status.next(move);
		}
		assertThat(status).isEqualTo(Status.FILED);
	}

	@Test
	void a_move_the_status_does_not_allow_is_refused() {
		assertThatThrownBy(() -> Status.REGISTERED.next(Action.REPORT)).isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> Status.FILED.next(Action.FILE)).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void every_action_is_allowed_somewhere_and_named_for_the_message_that_refuses_it() {
		for (Action action : Action.values()) {
			assertThat(action.allowedIn()).as(action.name()).isNotEmpty();
			assertThat(action.code()).matches("[a-z]+(-[a-z]+)*");
		}
	}
}
