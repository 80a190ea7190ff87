package zeren.accountability;

import static zeren.accountability.CaseSteps.blankToNull;
import static zeren.accountability.CaseSteps.throwIfAny;
import static zeren.accountability.CaseSteps.truncate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zeren.accountability.AccountabilityCase.Action;
import zeren.accountability.AccountabilityCase.Disposition;
import zeren.accountability.AccountabilityCase.Origin;
import zeren.accountability.AccountabilityCase.Responsibility;
import zeren.audit.AuditTrail;
import zeren.org.Leadership;
import zeren.org.Org;
import zeren.org.OrgTree;
import zeren.org.People;
import zeren.platform.BusinessClock;
import zeren.platform.ConflictException;
import zeren.platform.ForbiddenException;
import zeren.platform.InputError;
import zeren.platform.Inputs;
import zeren.platform.InvalidInputException;

/**
 * A case from its registration to the investigation report (2019 Accountability Regulations,
 * Art. 9–11): registering and correcting the facts, the opening approved or refused, the parties
 * confirmed or dropped from what dual investigation proposes, the fact statement shown, the
 * party heard, the report. Every change needs supervisory scope (DISCIPLINE or ADMIN) over the
 * case's organisation (403 otherwise), is checked against the case's status (409 naming the
 * step), is dated (never in the future, never before the step it follows) and is audited in its
 * own transaction. A request's own constraints are declared on its record; where the procedure
 * adds checks of its own, both come back in one answer.
 */
@Service
@Transactional
public class CaseProcedure {

	private final JdbcClient jdbc;
	private final OrgTree tree;
	private final People people;
	private final Leadership leadership;
	private final Situations situations;
	private final BusinessClock clock;
	private final AuditTrail audit;
	private final Cases cases;
	private final CaseRecords records;
	private final CaseSteps steps;
	private final Inputs inputs;
	private final Validator validator;

	CaseProcedure(JdbcClient jdbc, OrgTree tree, People people, Leadership leadership, Situations situations,
			BusinessClock clock, AuditTrail audit, Cases cases, CaseRecords records, CaseSteps steps, Inputs inputs,
			Validator validator) {
		this.jdbc = jdbc;
		this.tree = tree;
		this.people = people;
		this.leadership = leadership;
		this.situations = situations;
		this.clock = clock;
		this.audit = audit;
		this.cases = cases;
		this.records = records;
		this.steps = steps;
		this.inputs = inputs;
		this.validator = validator;
	}

	/** The request's declared constraints broken, as input errors the procedure's own checks add to. */
	private List<InputError> violations(Object request) {
		return new ArrayList<>(Inputs.errors(validator.validate(request)));
	}

	// ---- registering --------------------------------------------------------------------------

	/**
	 * A new case. {@code directPersonIds}: the people directly responsible, entered by the
	 * investigator; {@code inChargePostId}: the post of the organisation in charge of the area
	 * (分管), which carries principal leadership responsibility with the principal.
	 */
	public record NewCase(@NotNull Long orgId, @NotNull Origin origin, @Size(max = 200) String originRef,
			@NotBlank @Size(max = 200) String title, @NotNull LocalDate periodFrom, @NotNull LocalDate periodTo,
			@NotBlank @Size(max = 8000) String facts, List<Long> situationIds, Long inChargePostId,
			List<Long> directPersonIds, LocalDate registeredOn) {

		CaseContent content() {
			return new CaseContent(orgId, origin, originRef, title, periodFrom, periodTo, facts, situationIds,
					inChargePostId);
		}
	}

	/**
	 * What a change of a case before its report may say: its facts, period, situations and the post
	 * in charge. The organisation is fixed; {@code orgId}, when given, must be the case's.
	 */
	public record CaseContent(Long orgId, @NotNull Origin origin, @Size(max = 200) String originRef,
			@NotBlank @Size(max = 200) String title, @NotNull LocalDate periodFrom, @NotNull LocalDate periodTo,
			@NotBlank @Size(max = 8000) String facts, List<Long> situationIds, Long inChargePostId) {
	}

	public AccountabilityCase create(NewCase request) {
		// an organisation the caller may not open cases in is refused before anything is said about the rest
		Org org = request.orgId() == null ? null : tree.find(request.orgId()).orElse(null);
		if (request.orgId() != null && (org == null || !cases.canOpenIn(org.id()))) {
			throw new ForbiddenException();
		}
		LocalDate today = clock.today();
		LocalDate registeredOn = request.registeredOn() == null ? today : request.registeredOn();
		List<InputError> errors = violations(request);
		checkContent(request.content(), org, errors);
		if (registeredOn.isAfter(today)) {
			errors.add(InputError.field("registeredOn", "error.accountability.date-in-future", registeredOn));
		}
		List<Long> direct = request.directPersonIds() == null ? List.of()
				: request.directPersonIds().stream().filter(Objects::nonNull).distinct().toList();
		for (Long personId : direct) {
			if (people.find(personId).isEmpty()) {
				errors.add(InputError.field("directPersonIds", "error.person.unknown", personId));
			}
		}
		throwIfAny(errors);
		var now = clock.now();
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO acc_case (org_id, origin, origin_ref, title, period_from, period_to, facts, in_charge_post_id,
				                      status, registered_on, created_at, updated_at)
				VALUES (:org, :origin, :ref, :title, :from, :to, :facts, :inCharge, 'REGISTERED', :on, :now, :now)
				""").param("org", org.id()).param("origin", request.origin().name())
				.param("ref", blankToNull(request.originRef())).param("title", request.title().strip())
				.param("from", request.periodFrom()).param("to", request.periodTo()).param("facts", request.facts().strip())
				.param("inCharge", request.inChargePostId()).param("on", registeredOn).param("now", now)
				.update(keys, "id");
		long id = keys.getKey().longValue();
		writeSituations(id, request.situationIds());
		for (Long personId : direct) {
			steps.insertParty(id, personId, null, Responsibility.DIRECT, Disposition.PENDING, null, null);
		}
		steps.record(id, "REGISTER", registeredOn, null, request.title().strip());
		audit.record(new AuditTrail.Change(org.id(), "accountability-case", id, "REGISTER",
				"origin=%s ref=%s period=%s..%s situations=%s direct=%s".formatted(request.origin(),
						request.originRef(), request.periodFrom(), request.periodTo(), request.situationIds(), direct)));
		return cases.get(id);
	}

	/** Changes the facts of a case before its report; a reported or decided case is locked. */
	public AccountabilityCase update(long id, CaseContent request) {
		CaseRecords.Head head = steps.lock(id, Action.UPDATE);
		if (request.orgId() != null && request.orgId() != head.orgId()) {
			throw InvalidInputException.of("orgId", "error.accountability.org-fixed");
		}
		Org org = tree.get(head.orgId());
		List<InputError> errors = violations(request);
		checkContent(request, org, errors);
		throwIfAny(errors);
		jdbc.sql("""
				UPDATE acc_case SET origin = :origin, origin_ref = :ref, title = :title, period_from = :from,
				  period_to = :to, facts = :facts, in_charge_post_id = :inCharge, updated_at = :now WHERE id = :id
				""").param("origin", request.origin().name()).param("ref", blankToNull(request.originRef()))
				.param("title", request.title().strip()).param("from", request.periodFrom())
				.param("to", request.periodTo()).param("facts", request.facts().strip())
				.param("inCharge", request.inChargePostId()).param("now", clock.now()).param("id", id).update();
		jdbc.sql("DELETE FROM acc_case_situation WHERE case_id = :id").param("id", id).update();
		writeSituations(id, request.situationIds());
		audit.record(new AuditTrail.Change(head.orgId(), "accountability-case", id, "UPDATE",
				"origin=%s period=%s..%s situations=%s inCharge=%s".formatted(request.origin(), request.periodFrom(),
						request.periodTo(), request.situationIds(), request.inChargePostId())));
		return cases.get(id);
	}

	/** The checks of a case's content beyond its declared constraints; {@code org} null when not known yet. */
	private void checkContent(CaseContent request, Org org, List<InputError> errors) {
		LocalDate from = request.periodFrom();
		LocalDate to = request.periodTo();
		if (to != null && from != null && to.isBefore(from)) {
			errors.add(InputError.field("periodTo", "error.accountability.period-end-before-start"));
		}
		else if (to != null && to.isAfter(clock.today())) {
			errors.add(InputError.field("periodTo", "error.accountability.date-in-future", request.periodTo()));
		}
		List<Long> ids = request.situationIds() == null ? List.of() : request.situationIds();
		if (ids.isEmpty()) {
			errors.add(InputError.field("situationIds", "error.accountability.situation-required"));
		}
		Map<Long, Situations.Situation> catalogue = new HashMap<>();
		situations.list(false).forEach(s -> catalogue.put(s.id(), s));
		for (Long sid : ids) {
			Situations.Situation s = sid == null ? null : catalogue.get(sid);
			if (s == null || !s.active()) {
				errors.add(InputError.field("situationIds", "error.accountability.situation-unknown", sid));
			}
		}
		if (request.inChargePostId() != null && org != null) {
			boolean ofTheOrg = leadership.posts(org.id()).stream().anyMatch(p -> p.id() == request.inChargePostId());
			if (!ofTheOrg) {
				errors.add(InputError.field("inChargePostId", "error.accountability.post-not-of-org",
						request.inChargePostId(), org.name()));
			}
		}
	}

	/** One situation to add to a case, e.g. one the case history suggests ({@link CaseHistory}). */
	public record SituationChoice(@NotNull Long situationId) {
	}

	/** Adds one situation to a case before its report, as the investigator chose it. */
	public AccountabilityCase addSituation(long caseId, SituationChoice request) {
		CaseRecords.Head head = steps.lock(caseId, Action.UPDATE);
		inputs.check(request);
		Situations.Situation situation = situations.list(true).stream()
				.filter(s -> s.id() == request.situationId()).findFirst()
				.orElseThrow(() -> InvalidInputException.of("situationId", "error.accountability.situation-unknown",
						request.situationId()));
		if (records.situations(caseId).stream().anyMatch(s -> s.id() == situation.id())) {
			throw new ConflictException("situationId", "error.accountability.situation-cited", situation.code());
		}
		writeSituations(caseId, List.of(situation.id()));
		jdbc.sql("UPDATE acc_case SET updated_at = :now WHERE id = :id").param("now", clock.now()).param("id", caseId)
				.update();
		steps.record(caseId, "ADD_SITUATION", clock.today(), null, situation.code() + " " + situation.name());
		audit.record(new AuditTrail.Change(head.orgId(), "accountability-case", caseId, "ADD_SITUATION",
				"situation=" + situation.code()));
		return cases.get(caseId);
	}

	private void writeSituations(long caseId, List<Long> ids) {
		for (Long sid : new LinkedHashSet<>(ids)) {
			jdbc.sql("INSERT INTO acc_case_situation (case_id, situation_id) VALUES (:case, :s)").param("case", caseId)
					.param("s", sid).update();
		}
	}

	// ---- the opening (Art. 9) -----------------------------------------------------------------

	/** Art. 9: the investigation starts once the principal leader of the deciding organisation approves it. */
	public record Opening(LocalDate on, @NotBlank @Size(max = 200) String approvedBy) {
	}

	public AccountabilityCase approveOpening(long caseId, Opening request) {
		CaseRecords.Head head = steps.lock(caseId, Action.APPROVE_OPENING);
		LocalDate on = steps.dated("on", request.on(), head.registeredOn());
		inputs.check(request);
		jdbc.sql("""
				UPDATE acc_case SET status = :status, opened_on = :on, opening_approved_by = :by, updated_at = :now
				WHERE id = :id""").param("status", head.status().next(Action.APPROVE_OPENING).name()).param("on", on)
				.param("by", request.approvedBy().strip()).param("now", clock.now()).param("id", caseId).update();
		steps.record(caseId, "APPROVE_OPENING", on, null, request.approvedBy().strip());
		audit.record(new AuditTrail.Change(head.orgId(), "accountability-case", caseId, "APPROVE_OPENING",
				"on=%s by=%s".formatted(on, request.approvedBy().strip())));
		return cases.get(caseId);
	}

	public record Refusal(LocalDate on, @NotBlank @Size(max = 2000) String reason) {
	}

	public AccountabilityCase refuseOpening(long caseId, Refusal request) {
		CaseRecords.Head head = steps.lock(caseId, Action.REFUSE_OPENING);
		LocalDate on = steps.dated("on", request.on(), head.registeredOn());
		inputs.check(request);
		jdbc.sql("UPDATE acc_case SET status = :status, updated_at = :now WHERE id = :id")
				.param("status", head.status().next(Action.REFUSE_OPENING).name()).param("now", clock.now())
				.param("id", caseId).update();
		steps.record(caseId, "REFUSE_OPENING", on, null, request.reason().strip());
		audit.record(new AuditTrail.Change(head.orgId(), "accountability-case", caseId, "REFUSE_OPENING",
				"on=%s reason=%s".formatted(on, request.reason().strip())));
		return cases.get(caseId);
	}

	// ---- the parties (一案双查) ------------------------------------------------------------------

	/** A person directly responsible (直接责任人), entered by the investigators. */
	public record DirectParty(@NotNull Long personId) {
	}

	/** Enters a person directly responsible; they are then confirmed or dropped like every party. */
	public List<ProposedParty> addDirect(long caseId, DirectParty request) {
		CaseRecords.Head head = steps.lock(caseId, Action.DIRECT_PARTY);
		inputs.check(request);
		Long personId = request.personId();
		if (people.find(personId).isEmpty()) {
			throw InvalidInputException.of("personId", "error.person.unknown", personId);
		}
		if (records.partyRows(caseId).stream().anyMatch(r -> personId.equals(r.personId()))) {
			throw new ConflictException("personId", "error.accountability.party-exists");
		}
		steps.insertParty(caseId, personId, null, Responsibility.DIRECT, Disposition.PENDING, null, null);
		steps.record(caseId, "DIRECT_PARTY", clock.today(), null, "person=" + personId);
		audit.record(new AuditTrail.Change(head.orgId(), "accountability-case", caseId, "ADD_DIRECT_PARTY",
				"person=" + personId));
		return cases.propose(head);
	}

	/** Confirms or drops a proposed party, with a reason either way. */
	public record Disposal(Long personId, Long orgId, Disposition disposition,
			@NotBlank @Size(max = 2000) String reason) {
	}

	public ProposedParty dispose(long caseId, Disposal request) {
		CaseRecords.Head head = steps.lock(caseId, Action.DISPOSE);
		List<InputError> errors = violations(request);
		if (request.disposition() == null || request.disposition() == Disposition.PENDING) {
			errors.add(InputError.field("disposition", "error.accountability.disposition-required"));
		}
		if ((request.personId() == null) == (request.orgId() == null)) {
			errors.add(InputError.field("personId", "error.accountability.party-subject"));
		}
		throwIfAny(errors);
		ProposedParty proposal = proposal(head, request).orElseThrow(() -> InvalidInputException.of(
				request.personId() != null ? "personId" : "orgId", "error.accountability.not-proposed",
				request.personId() != null ? request.personId() : request.orgId()));
		String grounds = truncate(cases.storedGrounds(proposal, Locale.SIMPLIFIED_CHINESE), 4000);
		if (proposal.partyId() == null) {
			steps.insertParty(caseId, proposal.personId(), proposal.orgId(), proposal.responsibility(),
					request.disposition(), grounds, request.reason().strip());
		}
		else {
			jdbc.sql("""
					UPDATE acc_party SET disposition = :disposition, disposition_reason = :reason, grounds = :grounds,
					  responsibility = :responsibility, updated_at = :now WHERE id = :id
					""").param("disposition", request.disposition().name()).param("reason", request.reason().strip())
					.param("grounds", grounds).param("responsibility", proposal.responsibility().name())
					.param("now", clock.now()).param("id", proposal.partyId()).update();
		}
		String what = request.disposition() == Disposition.CONFIRMED ? "CONFIRM_PARTY" : "DROP_PARTY";
		steps.record(caseId, what, clock.today(), null, proposal.name() + "：" + request.reason().strip());
		audit.record(new AuditTrail.Change(head.orgId(), "accountability-case", caseId, what,
				"party=%s responsibility=%s reason=%s".formatted(DualInvestigation.key(proposal.personId(),
						proposal.orgId()), proposal.responsibility(), request.reason().strip())));
		return proposal(head, request).orElseThrow();
	}

	private java.util.Optional<ProposedParty> proposal(CaseRecords.Head head, Disposal request) {
		return cases.propose(head).stream()
				.filter(p -> Objects.equals(p.personId(), request.personId()) && Objects.equals(p.orgId(), request.orgId()))
				.findFirst();
	}

	// ---- the investigation (Art. 10–11) -------------------------------------------------------

	/** Art. 10 (investigation): the fact statement is shown to the party, who may then state their case. */
	public AccountabilityCase showFactStatement(long caseId, long partyId, PartyStep request) {
		CaseRecords.Head head = steps.lock(caseId, Action.FACT_STATEMENT);
		CaseRecords.PartyRow party = steps.confirmedParty(caseId, partyId);
		LocalDate on = steps.dated("on", request.on(), head.openedOn());
		jdbc.sql("UPDATE acc_party SET fact_statement_shown_on = :on, updated_at = :now WHERE id = :id").param("on", on)
				.param("now", clock.now()).param("id", partyId).update();
		steps.record(caseId, "FACT_STATEMENT_SHOWN", on, partyId, party.name());
		audit.record(new AuditTrail.Change(head.orgId(), "accountability-case", caseId, "FACT_STATEMENT_SHOWN",
				"party=%d on=%s".formatted(partyId, on)));
		return cases.get(caseId);
	}

	/** A dated step with its written text: the party's statement of case, the investigation report. */
	public record Written(LocalDate on, @NotBlank @Size(max = 8000) String text) {
	}

	/** The party's statement of case (陈述和申辩), recorded after the fact statement was shown. */
	public AccountabilityCase recordStatement(long caseId, long partyId, Written request) {
		CaseRecords.Head head = steps.lock(caseId, Action.STATEMENT);
		CaseRecords.PartyRow party = steps.confirmedParty(caseId, partyId);
		if (party.factStatementShownOn() == null) {
			throw new ConflictException("on", "error.accountability.fact-statement-first", party.name());
		}
		LocalDate on = steps.dated("on", request.on(), party.factStatementShownOn());
		inputs.check(request);
		jdbc.sql("UPDATE acc_party SET statement_on = :on, statement = :text, updated_at = :now WHERE id = :id")
				.param("on", on).param("text", request.text().strip()).param("now", clock.now()).param("id", partyId)
				.update();
		steps.record(caseId, "STATEMENT_RECORDED", on, partyId, party.name());
		audit.record(new AuditTrail.Change(head.orgId(), "accountability-case", caseId, "STATEMENT_RECORDED",
				"party=%d on=%s".formatted(partyId, on)));
		return cases.get(caseId);
	}

	/**
	 * Art. 11: the investigation report. Every proposed party must have been confirmed or dropped,
	 * at least one confirmed, and each confirmed party shown the facts and heard.
	 */
	public AccountabilityCase report(long caseId, Written request) {
		CaseRecords.Head head = steps.lock(caseId, Action.REPORT);
		long pending = cases.propose(head).stream().filter(p -> p.disposition() == Disposition.PENDING).count();
		if (pending > 0) {
			throw new ConflictException("parties", "error.accountability.parties-pending", pending);
		}
		List<CaseRecords.PartyRow> confirmed = records.partyRows(caseId).stream()
				.filter(r -> r.disposition() == Disposition.CONFIRMED).toList();
		if (confirmed.isEmpty()) {
			throw new ConflictException("parties", "error.accountability.no-party");
		}
		LocalDate latest = head.openedOn();
		for (CaseRecords.PartyRow r : confirmed) {
			if (r.factStatementShownOn() == null || r.statementOn() == null) {
				throw new ConflictException("parties", "error.accountability.not-heard", r.name());
			}
			latest = latest == null || r.statementOn().isAfter(latest) ? r.statementOn() : latest;
		}
		LocalDate on = steps.dated("on", request.on(), latest);
		inputs.check(request);
		jdbc.sql("UPDATE acc_case SET status = :status, reported_on = :on, report = :text, updated_at = :now WHERE id = :id")
				.param("status", head.status().next(Action.REPORT).name()).param("on", on)
				.param("text", request.text().strip()).param("now", clock.now()).param("id", caseId).update();
		steps.record(caseId, "REPORT", on, null, null);
		audit.record(new AuditTrail.Change(head.orgId(), "accountability-case", caseId, "REPORT", "on=" + on));
		return cases.get(caseId);
	}
}
