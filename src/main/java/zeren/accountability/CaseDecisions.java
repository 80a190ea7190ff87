package zeren.accountability;

import static zeren.accountability.CaseSteps.blankToNull;
import static zeren.accountability.CaseSteps.throwIfAny;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zeren.accountability.AccountabilityCase.Action;
import zeren.accountability.AccountabilityCase.Appeal;
import zeren.accountability.AccountabilityCase.AppealOutcome;
import zeren.accountability.AccountabilityCase.Decision;
import zeren.accountability.AccountabilityCase.DecisionKind;
import zeren.accountability.AccountabilityCase.Disposition;
import zeren.accountability.AccountabilityCase.Form;
import zeren.accountability.AccountabilityCase.Outcome;
import zeren.audit.AuditTrail;
import zeren.org.Leadership;
import zeren.org.Org;
import zeren.org.OrgTree;
import zeren.org.Post;
import zeren.org.PostKind;
import zeren.platform.BusinessClock;
import zeren.platform.ConflictException;
import zeren.platform.CurrentUser;
import zeren.platform.InputError;
import zeren.platform.Inputs;
import zeren.platform.InvalidInputException;
import zeren.platform.NotFoundException;
import zeren.tracking.NewTrackedItem;
import zeren.tracking.TrackedItem;
import zeren.tracking.Tracking;

/**
 * A case from the decisions to the files (2019 Accountability Regulations, Art. 12–15): a
 * decision per party, corrections of a decided case (a new decision that supersedes the one in
 * force), the announcement and the execution of organisational handling as tracked items, the
 * filing, and appeals beside. Scope, status, dates and audit as in {@link CaseProcedure}.
 */
@Service
@Transactional
public class CaseDecisions {

	private final JdbcClient jdbc;
	private final OrgTree tree;
	private final Leadership leadership;
	private final BusinessClock clock;
	private final AuditTrail audit;
	private final MessageSource messages;
	private final Cases cases;
	private final CaseRecords records;
	private final CaseSteps steps;
	private final Deadlines deadlines;
	private final Tracking trackedItems;
	private final Inputs inputs;
	private final Validator validator;

	CaseDecisions(JdbcClient jdbc, OrgTree tree, Leadership leadership, BusinessClock clock, AuditTrail audit,
			MessageSource messages, Cases cases, CaseRecords records, CaseSteps steps, Deadlines deadlines,
			Tracking trackedItems, Inputs inputs, Validator validator) {
		this.jdbc = jdbc;
		this.tree = tree;
		this.leadership = leadership;
		this.clock = clock;
		this.audit = audit;
		this.messages = messages;
		this.cases = cases;
		this.records = records;
		this.steps = steps;
		this.deadlines = deadlines;
		this.trackedItems = trackedItems;
		this.inputs = inputs;
		this.validator = validator;
	}

	// ---- decisions (Art. 8, 12) ---------------------------------------------------------------

	/**
	 * A decision for one party (Art. 12: by the organisation with management authority). Empty
	 * {@code forms}: no accountability (不予或者免予问责), which needs its reason.
	 */
	public record DecisionInput(LocalDate on, @NotBlank @Size(max = 200) String authority, List<Form> forms,
			@Size(max = 1000) String sanctionDetail, @Size(max = 4000) String reason) {
	}

	/** Decides one party; when every confirmed party is decided, the case is decided and locked. */
	public AccountabilityCase decide(long caseId, long partyId, DecisionInput request) {
		CaseRecords.Head head = steps.lock(caseId, Action.DECIDE);
		CaseRecords.PartyRow party = steps.confirmedParty(caseId, partyId);
		if (!decisionsOf(partyId).isEmpty()) {
			throw new ConflictException("partyId", "error.accountability.already-decided", party.name());
		}
		LocalDate on = steps.dated("on", request.on(), head.reportedOn());
		List<Form> forms = checkDecision(request, party);
		insertDecision(partyId, 1, DecisionKind.DECISION, forms.isEmpty() ? Outcome.EXEMPT : Outcome.ACCOUNTABLE, on,
				request, forms);
		steps.record(caseId, "DECIDE", on, partyId, party.name() + "：" + describe(forms));
		audit.record(new AuditTrail.Change(head.orgId(), "accountability-case", caseId, "DECIDE",
				"party=%d on=%s forms=%s authority=%s".formatted(partyId, on, forms, request.authority().strip())));
		long undecided = records.partyRows(caseId).stream().filter(r -> r.disposition() == Disposition.CONFIRMED)
				.filter(r -> decisionsOf(r.id()).isEmpty()).count();
		if (undecided == 0) {
			jdbc.sql("UPDATE acc_case SET status = :status, decided_on = :on, updated_at = :now WHERE id = :id")
					.param("status", head.status().next(Action.DECIDE).name()).param("on", on)
					.param("now", clock.now()).param("id", caseId).update();
			steps.record(caseId, "DECIDED", on, null, null);
			audit.record(new AuditTrail.Change(head.orgId(), "accountability-case", caseId, "DECIDED", "on=" + on));
		}
		return cases.get(caseId);
	}

	/**
	 * A decided case is not edited: a correction is a new decision for the party, with its
	 * reason, that supersedes the one in force (both stay on file).
	 */
	public AccountabilityCase correct(long caseId, long partyId, DecisionInput request) {
		CaseRecords.Head head = steps.lock(caseId, Action.CORRECT);
		CaseRecords.PartyRow party = steps.confirmedParty(caseId, partyId);
		List<Decision> decisions = decisionsOf(partyId);
		Decision current = decisions.stream().filter(Decision::current).findFirst().orElseThrow();
		if (!aCorrectionGivesItsReason(request.reason())) {
			throw InvalidInputException.of("reason", "error.accountability.correction-reason");
		}
		LocalDate on = steps.dated("on", request.on(), current.decidedOn());
		List<Form> forms = checkDecision(request, party);
		supersede(partyId);
		insertDecision(partyId, decisions.size() + 1, DecisionKind.CORRECTION,
				forms.isEmpty() ? Outcome.EXEMPT : Outcome.ACCOUNTABLE, on, request, forms);
		if (head.announcedOn() != null) {
			trackExecution(head, executionOwner(head, head.executionOwnerPostId()), party, on);
		}
		steps.record(caseId, "CORRECT", on, partyId,
				party.name() + "：" + describe(forms) + "（" + request.reason().strip() + "）");
		audit.record(new AuditTrail.Change(head.orgId(), "accountability-case", caseId, "CORRECT",
				"party=%d version=%d on=%s forms=%s reason=%s".formatted(partyId, decisions.size() + 1, on, forms,
						request.reason().strip())));
		return cases.get(caseId);
	}

	/** A correction supersedes the decision in force: it says why. */
	static boolean aCorrectionGivesItsReason(String reason) {
		return reason != null && !reason.isBlank();
	}

	private List<Decision> decisionsOf(long partyId) {
		return records.decisions(List.of(partyId)).getOrDefault(partyId, List.of());
	}

	/** The decision's declared constraints and the rules of Art. 8, in one answer; the forms without repeats. */
	private List<Form> checkDecision(DecisionInput request, CaseRecords.PartyRow party) {
		List<InputError> errors = new ArrayList<>(Inputs.errors(validator.validate(request)));
		List<Form> forms = request.forms() == null ? List.of()
				: List.copyOf(new LinkedHashSet<>(request.forms().stream().filter(Objects::nonNull).toList()));
		if (!FormRules.formsMatchTheParty(forms, party.partyOrgId() != null)) {
			errors.add(InputError.field("forms", party.partyOrgId() != null ? "error.accountability.forms-for-cadres"
					: "error.accountability.forms-for-organisations"));
		}
		if (!FormRules.oneOrganisationalHandlingAtATime(forms)) {
			errors.add(InputError.field("forms", "error.accountability.one-handling"));
		}
		if (!FormRules.anExemptionGivesItsReason(forms, request.reason())) {
			errors.add(InputError.field("reason", "error.accountability.exemption-reason"));
		}
		if (!FormRules.aSanctionIsNamed(forms, request.sanctionDetail())) {
			errors.add(InputError.field("sanctionDetail", "error.accountability.sanction-detail"));
		}
		throwIfAny(errors);
		return forms;
	}

	private long insertDecision(long partyId, int version, DecisionKind kind, Outcome outcome, LocalDate on,
			DecisionInput request, List<Form> forms) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO acc_decision (party_id, version, kind, outcome, decided_on, authority, sanction_detail, reason,
				                          superseded, username, created_at)
				VALUES (:party, :version, :kind, :outcome, :on, :authority, :detail, :reason, FALSE, :user, :now)
				""").param("party", partyId).param("version", version).param("kind", kind.name())
				.param("outcome", outcome.name()).param("on", on).param("authority", request.authority().strip())
				.param("detail", blankToNull(request.sanctionDetail())).param("reason", blankToNull(request.reason()))
				.param("user", CurrentUser.actor()).param("now", clock.now()).update(keys, "id");
		long id = keys.getKey().longValue();
		for (Form form : forms) {
			jdbc.sql("INSERT INTO acc_decision_form (decision_id, form) VALUES (:d, :f)").param("d", id)
					.param("f", form.name()).update();
		}
		return id;
	}

	private void supersede(long partyId) {
		jdbc.sql("UPDATE acc_decision SET superseded = TRUE WHERE party_id = :party AND superseded = FALSE")
				.param("party", partyId).update();
	}

	/**
	 * The forms of a decision as the step log says them, in Chinese like the rest of the case's
	 * record ("诫勉、纪律处分"; none: "不予或者免予问责"), never as codes.
	 */
	private String describe(List<Form> forms) {
		Locale zh = Locale.SIMPLIFIED_CHINESE;
		return forms.isEmpty() ? messages.getMessage("accountability.outcome.EXEMPT", null, zh)
				: String.join("、", forms.stream()
						.map(f -> messages.getMessage("accountability.form." + f.name(), null, zh)).toList());
	}

	// ---- announcement, execution and filing (Art. 14) ------------------------------------------

	/**
	 * The announcement: {@code executionOwnerPostId} is the post of the case's organisation that
	 * carries out organisational handling (default: its secretary's post).
	 */
	public record Announcement(LocalDate on, String text, Long executionOwnerPostId) {
	}

	/**
	 * Art. 14: the decision is announced to the parties and delivered. From then on it is executed:
	 * each organisational handling becomes a tracked item (module {@code tracking}) due one month
	 * later, owned by the executing post and verified by the discipline body.
	 */
	public AccountabilityCase announce(long caseId, Announcement request) {
		CaseRecords.Head head = steps.lock(caseId, Action.ANNOUNCE);
		LocalDate on = steps.dated("on", request.on(), head.decidedOn());
		Long owner = executionOwner(head, request.executionOwnerPostId());
		jdbc.sql("""
				UPDATE acc_case SET status = :status, announced_on = :on, execution_owner_post_id = :owner,
				  updated_at = :now WHERE id = :id""").param("status", head.status().next(Action.ANNOUNCE).name())
				.param("on", on).param("owner", owner).param("now", clock.now()).param("id", caseId).update();
		jdbc.sql("UPDATE acc_party SET delivered_on = :on, updated_at = :now WHERE case_id = :id AND disposition = 'CONFIRMED'")
				.param("on", on).param("now", clock.now()).param("id", caseId).update();
		steps.record(caseId, "ANNOUNCE", on, null, blankToNull(request.text()));
		audit.record(new AuditTrail.Change(head.orgId(), "accountability-case", caseId, "ANNOUNCE",
				"on=%s executionOwnerPost=%s".formatted(on, owner)));
		for (CaseRecords.PartyRow party : records.partyRows(caseId)) {
			if (party.disposition() == Disposition.CONFIRMED) {
				trackExecution(head, owner, party, on);
			}
		}
		return cases.get(caseId);
	}

	/**
	 * The post that carries out organisational handling: the one asked for (a post of the case's
	 * organisation), else its secretary's; null when no decision needs handling.
	 */
	private Long executionOwner(CaseRecords.Head head, Long requested) {
		List<Post> posts = leadership.posts(head.orgId());
		if (requested != null) {
			if (posts.stream().noneMatch(p -> p.id() == requested)) {
				throw InvalidInputException.of("executionOwnerPostId", "error.accountability.post-not-of-org", requested,
						head.orgName());
			}
			return requested;
		}
		return posts.stream().filter(p -> p.kind() == PostKind.SECRETARY && p.active()).map(Post::id).findFirst()
				.orElse(null);
	}

	/**
	 * Opens the tracked item for a party's organisational handling (Art. 14: within one month),
	 * when the decision in force has one and no item follows the party yet.
	 */
	private void trackExecution(CaseRecords.Head head, Long ownerPostId, CaseRecords.PartyRow party, LocalDate from) {
		Decision current = decisionsOf(party.id()).stream().filter(Decision::current).findFirst().orElse(null);
		if (current == null || !current.hasOrganisationalHandling() || records.execution(party.id()).isPresent()) {
			return;
		}
		if (ownerPostId == null) {
			throw InvalidInputException.of("executionOwnerPostId", "error.accountability.execution-owner-required",
					head.orgName());
		}
		Org org = tree.get(head.orgId());
		long verifier = org.disciplineBodyId() != null && tree.find(org.disciplineBodyId()).isPresent()
				? org.disciplineBodyId() : org.id();
		Locale zh = Locale.SIMPLIFIED_CHINESE;
		String forms = String.join("、", current.forms().stream().filter(Form::organisationalHandling)
				.map(f -> messages.getMessage("accountability.form." + f.name(), null, f.name(), zh)).toList());
		String title = messages.getMessage("accountability.execution.title", new Object[] { party.name(), forms,
				head.title() }, zh);
		trackedItems.open(new NewTrackedItem(CaseRecords.EXECUTION_KIND, CaseRecords.executionRef(party.id()),
				org.id(), title, ownerPostId, null, verifier, from.plus(deadlines.organisationalHandling())));
	}

	/**
	 * Art. 14: the decision is filed in the integrity file (and the personnel file); the case is
	 * closed. Refused while an organisational handling in force is not done (its tracked item
	 * not closed).
	 */
	public AccountabilityCase file(long caseId, PartyStep request) {
		CaseRecords.Head head = steps.lock(caseId, Action.FILE);
		LocalDate on = steps.dated("on", request.on(), head.announcedOn());
		List<CaseRecords.PartyRow> parties = records.partyRows(caseId);
		Map<Long, List<Decision>> decisions = records.decisions(parties.stream().map(CaseRecords.PartyRow::id).toList());
		for (CaseRecords.PartyRow party : parties) {
			boolean handling = decisions.getOrDefault(party.id(), List.of()).stream()
					.anyMatch(d -> d.current() && d.hasOrganisationalHandling());
			Optional<TrackedItem> item = handling ? records.execution(party.id()) : Optional.empty();
			if (item.isPresent() && item.get().status() != TrackedItem.Status.CLOSED) {
				throw new ConflictException("status", "error.accountability.execution-open", party.name(),
						item.get().status(), item.get().deadline());
			}
		}
		jdbc.sql("UPDATE acc_case SET status = :status, filed_on = :on, updated_at = :now WHERE id = :id")
				.param("status", head.status().next(Action.FILE).name()).param("on", on).param("now", clock.now())
				.param("id", caseId).update();
		steps.record(caseId, "FILE", on, null, blankToNull(request.text()));
		audit.record(new AuditTrail.Change(head.orgId(), "accountability-case", caseId, "FILE", "on=" + on));
		return cases.get(caseId);
	}

	// ---- appeals (Art. 15) --------------------------------------------------------------------

	/**
	 * Art. 15: a party may appeal within one month of receiving the decision; the appeal is
	 * decided within one month; execution is not suspended meanwhile (nothing else changes).
	 */
	/** An appeal (申诉) with its grounds. */
	public record NewAppeal(LocalDate on, @NotBlank @Size(max = 4000) String text) {
	}

	public AccountabilityCase appeal(long caseId, long partyId, NewAppeal request) {
		CaseRecords.Head head = steps.lock(caseId, Action.APPEAL);
		CaseRecords.PartyRow party = steps.confirmedParty(caseId, partyId);
		LocalDate on = steps.dated("on", request.on(), party.deliveredOn());
		LocalDate until = party.deliveredOn().plus(deadlines.appeal());
		if (on.isAfter(until)) {
			throw new ConflictException("on", "error.accountability.appeal-too-late", party.deliveredOn(), until);
		}
		inputs.check(request);
		boolean open = records.appeals(List.of(partyId)).getOrDefault(partyId, List.of()).stream()
				.anyMatch(a -> a.decidedOn() == null);
		if (open) {
			throw new ConflictException("partyId", "error.accountability.appeal-open", party.name());
		}
		LocalDate due = on.plus(deadlines.appealDecision());
		jdbc.sql("""
				INSERT INTO acc_appeal (party_id, filed_on, grounds, due_on, created_at)
				VALUES (:party, :on, :grounds, :due, :now)
				""").param("party", partyId).param("on", on).param("grounds", request.text().strip()).param("due", due)
				.param("now", clock.now()).update();
		steps.record(caseId, "APPEAL", on, partyId, party.name());
		audit.record(new AuditTrail.Change(head.orgId(), "accountability-case", caseId, "APPEAL",
				"party=%d on=%s due=%s".formatted(partyId, on, due)));
		return cases.get(caseId);
	}

	/** The outcome of an appeal; a variation or revocation is a new decision for the party. */
	public record AppealDecision(LocalDate on, @NotNull AppealOutcome outcome, @NotBlank @Size(max = 4000) String reason,
			String authority, List<Form> forms, String sanctionDetail) {
	}

	public AccountabilityCase decideAppeal(long caseId, long appealId, AppealDecision request) {
		CaseRecords.Head head = steps.lock(caseId);
		Appeal appeal = records.appeal(caseId, appealId)
				.orElseThrow(() -> new NotFoundException("accountability-appeal", appealId));
		steps.require(head, Action.DECIDE_APPEAL);
		if (appeal.decidedOn() != null) {
			throw new ConflictException("appealId", "error.accountability.appeal-decided", appeal.decidedOn());
		}
		CaseRecords.PartyRow party = steps.confirmedParty(caseId, appeal.partyId());
		LocalDate on = steps.dated("on", request.on(), appeal.filedOn());
		inputs.check(request);
		if (request.outcome() != AppealOutcome.UPHELD) {
			List<Decision> decisions = decisionsOf(party.id());
			DecisionInput input = new DecisionInput(on, request.authority(),
					request.outcome() == AppealOutcome.REVOKED ? List.of() : request.forms(), request.sanctionDetail(),
					request.reason());
			List<Form> forms = checkDecision(input, party);
			supersede(party.id());
			insertDecision(party.id(), decisions.size() + 1, DecisionKind.APPEAL,
					request.outcome() == AppealOutcome.REVOKED ? Outcome.REVOKED
							: forms.isEmpty() ? Outcome.EXEMPT : Outcome.ACCOUNTABLE,
					on, input, forms);
			trackExecution(head, executionOwner(head, head.executionOwnerPostId()), party, on);
		}
		jdbc.sql("UPDATE acc_appeal SET decided_on = :on, outcome = :outcome, reason = :reason WHERE id = :id")
				.param("on", on).param("outcome", request.outcome().name()).param("reason", request.reason().strip())
				.param("id", appealId).update();
		steps.record(caseId, "APPEAL_DECIDED", on, party.id(), party.name() + "："
				+ messages.getMessage("accountability.appeal-outcome." + request.outcome().name(), null, Locale.SIMPLIFIED_CHINESE));
		audit.record(new AuditTrail.Change(head.orgId(), "accountability-case", caseId, "APPEAL_DECIDED",
				"appeal=%d on=%s outcome=%s late=%s".formatted(appealId, on, request.outcome(), on.isAfter(appeal.dueOn()))));
		return cases.get(caseId);
	}
}
