package zeren.accountability;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import zeren.accountability.AccountabilityCase.Action;
import zeren.accountability.AccountabilityCase.Disposition;
import zeren.accountability.AccountabilityCase.Responsibility;
import zeren.platform.BusinessClock;
import zeren.platform.ConflictException;
import zeren.platform.CurrentScope;
import zeren.platform.CurrentUser;
import zeren.platform.ForbiddenException;
import zeren.platform.InputError;
import zeren.platform.InvalidInputException;
import zeren.platform.NotFoundException;

/**
 * What every step of the procedure does first and last: lock the case and check that the caller
 * may work it, check the move against the status table ({@link AccountabilityCase.Status#allows}),
 * date the step, and write it to the case's steps. Used inside the transactions of
 * {@link CaseProcedure} and {@link CaseDecisions}.
 */
@Component
class CaseSteps {

	private final JdbcClient jdbc;
	private final CurrentScope scope;
	private final BusinessClock clock;
	private final CaseRecords records;

	CaseSteps(JdbcClient jdbc, CurrentScope scope, BusinessClock clock, CaseRecords records) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.clock = clock;
		this.records = records;
	}

	/** The case locked for a change: 404 when it does not exist, 403 when the caller may not work it. */
	CaseRecords.Head lock(long id) {
		jdbc.sql("SELECT id FROM acc_case WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).optional()
				.orElseThrow(() -> new NotFoundException("accountability-case", id));
		CaseRecords.Head head = records.head(id);
		if (!scope.supervising().contains(head.orgPath())) {
			throw new ForbiddenException();
		}
		return head;
	}

	/** The case locked for {@code action}: 409 naming the action and the state when the status does not allow it. */
	CaseRecords.Head lock(long id, Action action) {
		CaseRecords.Head head = lock(id);
		require(head, action);
		return head;
	}

	/** Refuses an action the case's status does not allow, naming the action, the status and where it is allowed. */
	void require(CaseRecords.Head head, Action action) {
		if (!head.status().allows(action)) {
			String code = action == Action.CORRECT ? "error.accountability.correct-undecided"
					: "error.accountability.illegal-step";
			throw new ConflictException("status", code, action.code(), head.status(), action.allowedIn().toString());
		}
	}

	/** The date of a step: today when not given; never in the future, never before {@code notBefore}. */
	LocalDate dated(String field, LocalDate on, LocalDate notBefore) {
		LocalDate today = clock.today();
		LocalDate date = on == null ? today : on;
		if (date.isAfter(today)) {
			throw InvalidInputException.of(field, "error.accountability.date-in-future", date);
		}
		if (notBefore != null && date.isBefore(notBefore)) {
			throw InvalidInputException.of(field, "error.accountability.date-before-previous", date, notBefore);
		}
		return date;
	}

	/** Writes a step of the procedure as it happened, by the caller. */
	void record(long caseId, String step, LocalDate on, Long partyId, String note) {
		jdbc.sql("""
				INSERT INTO acc_step (case_id, step, on_date, party_id, note, username, created_at)
				VALUES (:case, :step, :on, :party, :note, :user, :now)
				""").param("case", caseId).param("step", step).param("on", on).param("party", partyId)
				.param("note", truncate(note, 4000)).param("user", CurrentUser.actor()).param("now", clock.now()).update();
	}

	/** A party of the case that the investigation confirmed: 404 when not of the case, 409 when not confirmed. */
	CaseRecords.PartyRow confirmedParty(long caseId, long partyId) {
		CaseRecords.PartyRow party = records.partyRows(caseId).stream().filter(r -> r.id() == partyId).findFirst()
				.orElseThrow(() -> new NotFoundException("accountability-party", partyId));
		if (party.disposition() != Disposition.CONFIRMED) {
			throw new ConflictException("partyId", "error.accountability.party-not-confirmed", party.name());
		}
		return party;
	}

	void insertParty(long caseId, Long personId, Long orgId, Responsibility responsibility, Disposition disposition,
			String grounds, String reason) {
		var now = clock.now();
		jdbc.sql("""
				INSERT INTO acc_party (case_id, person_id, party_org_id, responsibility, disposition, grounds,
				                       disposition_reason, created_at, updated_at)
				VALUES (:case, :person, :org, :responsibility, :disposition, :grounds, :reason, :now, :now)
				""").param("case", caseId).param("person", personId).param("org", orgId)
				.param("responsibility", responsibility.name()).param("disposition", disposition.name())
				.param("grounds", grounds).param("reason", reason).param("now", now).update();
	}

	static void throwIfAny(List<InputError> errors) {
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
	}

	static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	static String truncate(String s, int max) {
		return s == null || s.length() <= max ? s : s.substring(0, max);
	}
}
