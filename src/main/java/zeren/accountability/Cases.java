package zeren.accountability;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;


import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zeren.accountability.AccountabilityCase.Appeal;
import zeren.accountability.AccountabilityCase.AppealOutcome;
import zeren.accountability.AccountabilityCase.Decision;
import zeren.accountability.AccountabilityCase.DecisionKind;
import zeren.accountability.AccountabilityCase.Disposition;
import zeren.accountability.AccountabilityCase.Form;
import zeren.accountability.AccountabilityCase.Origin;
import zeren.accountability.AccountabilityCase.Outcome;
import zeren.accountability.AccountabilityCase.Party;
import zeren.accountability.AccountabilityCase.Responsibility;
import zeren.accountability.AccountabilityCase.Status;
import zeren.accountability.AccountabilityCase.Step;
import zeren.audit.AuditTrail;
import zeren.org.Leadership;
import zeren.org.Org;
import zeren.org.OrgTree;
import zeren.org.People;
import zeren.org.Post;
import zeren.org.PostKind;
import zeren.org.Subtree;
import zeren.org.Tenure;
import zeren.platform.BusinessClock;
import zeren.platform.ConflictException;
import zeren.platform.CurrentScope;
import zeren.platform.ForbiddenException;
import zeren.platform.InputError;
import zeren.platform.InvalidInputException;
import zeren.platform.NotFoundException;
import zeren.platform.Scope;
import zeren.tracking.NewTrackedItem;
import zeren.tracking.TrackedItem;
import zeren.tracking.Tracking;
import zeren.platform.CurrentUser;

/**
 * Accountability cases and their procedure. Reads follow the caller's reading scope (404
 * outside it); every change needs supervisory scope (DISCIPLINE or ADMIN) over the case's
 * organisation (403 otherwise), is checked against the state of the case (409 for an illegal
 * move, naming the step), is dated (never in the future, never before the step it follows) and
 * is audited in its own transaction.
 */
@Service
@Transactional(readOnly = true)
public class Cases {

	private final JdbcClient jdbc;
	private final OrgTree tree;
	private final People people;
	private final Leadership leadership;
	private final Situations situations;
	private final BusinessClock clock;
	private final CurrentScope scope;
	private final AuditTrail audit;
	private final MessageSource messages;
	private final CaseRecords records;
	private final Deadlines deadlines;
	private final Tracking trackedItems;

	Cases(JdbcClient jdbc, OrgTree tree, People people, Leadership leadership, Situations situations,
			BusinessClock clock, CurrentScope scope, AuditTrail audit, MessageSource messages, CaseRecords records,
			Deadlines deadlines, Tracking trackedItems) {
		this.jdbc = jdbc;
		this.tree = tree;
		this.people = people;
		this.leadership = leadership;
		this.situations = situations;
		this.clock = clock;
		this.scope = scope;
		this.audit = audit;
		this.messages = messages;
		this.records = records;
		this.deadlines = deadlines;
		this.trackedItems = trackedItems;
	}

	public Deadlines deadlines() {
		return deadlines;
	}

	// ---- reading ------------------------------------------------------------------------------

	/** A case with its parties and steps, if the caller may see its organisation; 404 otherwise. */
	public AccountabilityCase get(long id) {
		return records.assemble(visibleHead(id));
	}

	/** One row of the case list. */
	public record Summary(long id, long orgId, String orgName, String title, Origin origin, Status status,
			LocalDate registeredOn, LocalDate periodFrom, LocalDate periodTo, long confirmedParties,
			boolean dualInvestigation) {
	}

	/** The cases of the subtree of {@code orgId} registered in {@code year}, newest first. */
	public List<Summary> list(long orgId, int year) {
		Subtree subtree = tree.subtree(orgId);
		Scope reading = scope.reading();
		return reading.bind(subtree.bind(jdbc.sql("""
				SELECT c.id, c.org_id, o.name AS org_name, c.title, c.origin, c.status, c.registered_on, c.period_from,
				       c.period_to,
				       (SELECT COUNT(*) FROM acc_party p WHERE p.case_id = c.id AND p.disposition = 'CONFIRMED') AS confirmed,
				       %s AS dual
				FROM acc_case c JOIN org o ON o.id = c.org_id
				WHERE o.path >= :subtreeFrom AND o.path < :subtreeTo AND %s
				  AND c.registered_on >= :first AND c.registered_on <= :last
				ORDER BY c.registered_on DESC, c.id DESC
				""".formatted(CaseRecords.DUAL_INVESTIGATION, reading.condition("o")))))
				.param("first", LocalDate.of(year, 1, 1)).param("last", LocalDate.of(year, 12, 31))
				.query((rs, n) -> new Summary(rs.getLong("id"), rs.getLong("org_id"), rs.getString("org_name"),
						rs.getString("title"), Origin.valueOf(rs.getString("origin")), Status.valueOf(rs.getString("status")),
						rs.getObject("registered_on", LocalDate.class), rs.getObject("period_from", LocalDate.class),
						rs.getObject("period_to", LocalDate.class), rs.getLong("confirmed"), rs.getBoolean("dual")))
				.list();
	}

	/** Whether the caller may work this case (DISCIPLINE or ADMIN over its organisation). */
	public boolean canWork(AccountabilityCase c) {
		return tree.find(c.orgId()).map(o -> scope.supervising().contains(path(o.id()))).orElse(false);
	}

	/** Whether the caller may open cases in this organisation. */
	public boolean canOpenIn(long orgId) {
		return scope.supervising().contains(path(orgId));
	}

	private String path(long orgId) {
		return jdbc.sql("SELECT path FROM org WHERE id = :id").param("id", orgId).query(String.class).optional()
				.orElse("");
	}

	CaseRecords.Head visibleHead(long id) {
		Scope reading = scope.reading();
		return reading.bind(jdbc.sql(CaseRecords.HEAD_SELECT + " WHERE c.id = :id AND " + reading.condition("o")))
				.param("id", id).query(CaseRecords.HEAD).optional()
				.orElseThrow(() -> new NotFoundException("accountability-case", id));
	}

	/** The case locked for a change: 404 when it does not exist, 403 when the caller may not work it. */
	private CaseRecords.Head workedHead(long id) {
		jdbc.sql("SELECT id FROM acc_case WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).optional()
				.orElseThrow(() -> new NotFoundException("accountability-case", id));
		CaseRecords.Head head = jdbc.sql(CaseRecords.HEAD_SELECT + " WHERE c.id = :id").param("id", id)
				.query(CaseRecords.HEAD).single();
		if (!scope.supervising().contains(head.orgPath())) {
			visibleHead(id); // out of view: 404, as for a case that does not exist
			throw new ForbiddenException();
		}
		return head;
	}

	// ---- creating -----------------------------------------------------------------------------

	/**
	 * A new case. {@code directPersonIds}: the people directly responsible, entered by the
	 * investigator; {@code inChargePostId}: the post of the organisation in charge of the area
	 * (分管), which carries principal leadership responsibility with the principal.
	 */
	public record NewCase(Long orgId, Origin origin, String originRef, String title, LocalDate periodFrom,
			LocalDate periodTo, String facts, List<Long> situationIds, Long inChargePostId, List<Long> directPersonIds,
			LocalDate registeredOn) {
	}

	@Transactional
	public AccountabilityCase create(NewCase request) {
		if (request.orgId() == null) {
			throw InvalidInputException.of("orgId", "error.field.required");
		}
		Org org = tree.find(request.orgId()).orElse(null);
		if (org == null || !canOpenIn(org.id())) {
			throw new ForbiddenException();
		}
		LocalDate today = clock.today();
		LocalDate registeredOn = request.registeredOn() == null ? today : request.registeredOn();
		List<InputError> errors = new ArrayList<>();
		checkContent(request, org, errors);
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
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
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
			insertParty(id, personId, null, Responsibility.DIRECT, Disposition.PENDING, null, null);
		}
		step(id, "REGISTER", registeredOn, null, request.title().strip());
		audit.record(new AuditTrail.Change(org.id(), "accountability-case", id, "REGISTER",
				"origin=%s ref=%s period=%s..%s situations=%s direct=%s".formatted(request.origin(),
						request.originRef(), request.periodFrom(), request.periodTo(), request.situationIds(), direct)));
		return get(id);
	}

	/** Changes the facts of a case before its report; a reported or decided case is locked. */
	@Transactional
	public AccountabilityCase update(long id, NewCase request) {
		CaseRecords.Head head = workedHead(id);
		requireStatus(head, "update", Status.REGISTERED, Status.INVESTIGATING);
		if (request.orgId() != null && request.orgId() != head.orgId()) {
			throw InvalidInputException.of("orgId", "error.accountability.org-fixed");
		}
		Org org = tree.get(head.orgId());
		List<InputError> errors = new ArrayList<>();
		checkContent(request, org, errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
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
		return get(id);
	}

	private void checkContent(NewCase request, Org org, List<InputError> errors) {
		if (request.origin() == null) {
			errors.add(InputError.field("origin", "error.field.required"));
		}
		requireText(errors, "title", request.title(), 200);
		requireText(errors, "facts", request.facts(), 8000);
		if (request.originRef() != null && request.originRef().strip().length() > 200) {
			errors.add(InputError.field("originRef", "error.field.too-long", 200));
		}
		if (request.periodFrom() == null) {
			errors.add(InputError.field("periodFrom", "error.field.required"));
		}
		if (request.periodTo() == null) {
			errors.add(InputError.field("periodTo", "error.field.required"));
		}
		else if (request.periodFrom() != null && request.periodTo().isBefore(request.periodFrom())) {
			errors.add(InputError.field("periodTo", "error.accountability.period-end-before-start"));
		}
		else if (request.periodTo().isAfter(clock.today())) {
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
		if (request.inChargePostId() != null) {
			boolean ofTheOrg = leadership.posts(org.id()).stream().anyMatch(p -> p.id() == request.inChargePostId());
			if (!ofTheOrg) {
				errors.add(InputError.field("inChargePostId", "error.accountability.post-not-of-org",
						request.inChargePostId(), org.name()));
			}
		}
	}

	private void writeSituations(long caseId, List<Long> ids) {
		for (Long sid : new LinkedHashSet<>(ids)) {
			jdbc.sql("INSERT INTO acc_case_situation (case_id, situation_id) VALUES (:case, :s)").param("case", caseId)
					.param("s", sid).update();
		}
	}

	// ---- dual investigation (一案双查) ----------------------------------------------------------

	/**
	 * The parties dual investigation proposes, from the tenures over the incident period: the
	 * people directly responsible (entered); the organisation's team (full leadership); its
	 * principal and the member in charge of the area (principal leadership); its other team
	 * members (important leadership); the principal of its discipline body (supervisory); and, when
	 * a situation concerns lower committees, the upper committee and its leaders. People since
	 * transferred, promoted or retired are proposed all the same (倒查), with their posts then and
	 * now. Two queries in all for the tenures, however many people.
	 */
	public List<ProposedParty> proposals(long caseId) {
		return propose(visibleHead(caseId));
	}

	private static final class Candidate {
		final Long personId;
		final Long orgId;
		String name;
		final List<ProposedParty.Ground> grounds = new ArrayList<>();

		Candidate(Long personId, Long orgId, String name) {
			this.personId = personId;
			this.orgId = orgId;
			this.name = name;
		}

		Responsibility responsibility() {
			return grounds.stream().map(ProposedParty.Ground::responsibility).min(Comparator.naturalOrder()).orElseThrow();
		}
	}

	private static String key(Long personId, Long orgId) {
		return personId != null ? "person:" + personId : "org:" + orgId;
	}

	List<ProposedParty> propose(CaseRecords.Head head) {
		Org org = tree.get(head.orgId());
		boolean concernsLower = records.situations(head.id()).stream().anyMatch(Situations.Situation::concernsLower);
		Long body = org.disciplineBodyId();
		Long upper = concernsLower ? org.parentId() : null;
		Set<Long> orgIds = new LinkedHashSet<>();
		orgIds.add(org.id());
		if (body != null) {
			orgIds.add(body);
		}
		if (upper != null) {
			orgIds.add(upper);
		}
		Map<String, Candidate> candidates = new LinkedHashMap<>();
		List<CaseRecords.PartyRow> stored = records.partyRows(head.id());
		for (CaseRecords.PartyRow row : stored) {
			if (row.responsibility() == Responsibility.DIRECT && row.personId() != null) {
				candidates.computeIfAbsent(key(row.personId(), null), k -> new Candidate(row.personId(), null, row.name()))
						.grounds.add(new ProposedParty.Ground(Responsibility.DIRECT, "entered", null, null, null, null, null,
								head.periodFrom(), head.periodTo(), null, null, null));
			}
		}
		candidates.computeIfAbsent(key(null, org.id()), k -> new Candidate(null, org.id(), org.name())).grounds
				.add(new ProposedParty.Ground(Responsibility.FULL_LEADERSHIP, "team", null, null, null, org.id(),
						org.name(), head.periodFrom(), head.periodTo(), null, null, null));
		if (upper != null) {
			tree.find(upper).ifPresent(u -> candidates.computeIfAbsent(key(null, u.id()), k -> new Candidate(null, u.id(),
					u.name())).grounds.add(new ProposedParty.Ground(Responsibility.FULL_LEADERSHIP, "upper-team", null,
							null, null, u.id(), u.name(), head.periodFrom(), head.periodTo(), null, null, null)));
		}
		for (Leadership.TenureEntry t : leadership.tenuresDuring(orgIds, head.periodFrom(), head.periodTo())) {
			Post post = t.post();
			String role = role(post, org.id(), body, upper, head.inChargePostId());
			if (role == null) {
				continue;
			}
			Responsibility responsibility = switch (role) {
				case "principal", "in-charge", "upper-principal" -> Responsibility.PRINCIPAL_LEADERSHIP;
				case "discipline" -> Responsibility.SUPERVISORY;
				default -> Responsibility.IMPORTANT_LEADERSHIP;
			};
			Tenure tenure = t.tenure();
			LocalDate from = max(tenure.startDate(), head.periodFrom());
			LocalDate to = tenure.endDate() == null ? head.periodTo() : min(tenure.endDate(), head.periodTo());
			candidates.computeIfAbsent(key(t.person().id(), null), k -> new Candidate(t.person().id(), null,
					t.person().name())).grounds.add(new ProposedParty.Ground(responsibility, role, post.id(), post.title(),
							post.kind(), t.org().id(), t.org().name(), from, to, tenure.startDate(), tenure.endDate(),
							tenure.endReason()));
		}
		// where each person is now: one query for all their careers
		List<Long> personIds = candidates.values().stream().map(c -> c.personId).filter(Objects::nonNull).toList();
		Map<Long, List<Leadership.TenureEntry>> careers = new HashMap<>();
		for (Leadership.TenureEntry e : leadership.careers(personIds)) {
			careers.computeIfAbsent(e.person().id(), k -> new ArrayList<>()).add(e);
		}
		Map<String, CaseRecords.PartyRow> byKey = new HashMap<>();
		stored.forEach(row -> byKey.put(key(row.personId(), row.partyOrgId()), row));
		LocalDate today = clock.today();
		Locale locale = LocaleContextHolder.getLocale();
		List<ProposedParty> out = new ArrayList<>();
		for (Candidate c : candidates.values()) {
			List<ProposedParty.PostNow> now = new ArrayList<>();
			boolean retired = false;
			if (c.personId != null) {
				List<Leadership.TenureEntry> career = careers.getOrDefault(c.personId, List.of());
				for (Leadership.TenureEntry e : career) {
					if (e.tenure().covers(today)) {
						now.add(new ProposedParty.PostNow(e.post().id(), e.post().title(), e.org().id(), e.org().name(),
								e.tenure().startDate()));
					}
				}
				retired = now.isEmpty() && career.stream().filter(e -> e.tenure().endDate() != null)
						.max(Comparator.comparing((Leadership.TenureEntry e) -> e.tenure().endDate()))
						.map(e -> e.tenure().endReason() == Tenure.EndReason.RETIREMENT).orElse(false);
			}
			CaseRecords.PartyRow row = byKey.remove(key(c.personId, c.orgId));
			out.add(new ProposedParty(c.personId, c.personId == null ? null : c.name, c.orgId,
					c.orgId == null ? null : c.name, c.responsibility(), List.copyOf(c.grounds), reason(c.grounds, locale),
					now, retired, row == null ? Disposition.PENDING : row.disposition(),
					row == null ? null : row.dispositionReason(), row == null ? null : row.id()));
		}
		// parties confirmed or dropped earlier whose grounds no longer appear (e.g. a tenure corrected since)
		for (CaseRecords.PartyRow row : byKey.values()) {
			out.add(new ProposedParty(row.personId(), row.personId() == null ? null : row.name(), row.partyOrgId(),
					row.partyOrgId() == null ? null : row.name(), row.responsibility(), List.of(), row.grounds(),
					List.of(), false, row.disposition(), row.dispositionReason(), row.id()));
		}
		out.sort(Comparator.comparing(ProposedParty::responsibility)
				.thenComparing(p -> p.personId() == null ? 0 : 1).thenComparing(ProposedParty::name));
		return out;
	}

	/** The role a post played in the case, or null when it carries no responsibility here. */
	private static String role(Post post, long orgId, Long body, Long upper, Long inChargePostId) {
		PostKind kind = post.kind();
		if (post.orgId() == orgId) {
			if (kind == PostKind.SECRETARY) {
				return "principal";
			}
			if (inChargePostId != null && post.id() == inChargePostId) {
				return "in-charge";
			}
			if (kind == PostKind.DISCIPLINE_SECRETARY) {
				return "discipline";
			}
			return kind == PostKind.DEPUTY_SECRETARY || kind == PostKind.MEMBER ? "member" : null;
		}
		if (body != null && post.orgId() == body) {
			// the discipline body's principal: its 纪委书记 (or the head post of the body itself)
			return kind == PostKind.DISCIPLINE_SECRETARY || kind == PostKind.SECRETARY ? "discipline" : null;
		}
		if (upper != null && post.orgId() == upper) {
			if (kind == PostKind.SECRETARY) {
				return "upper-principal";
			}
			return kind == PostKind.DEPUTY_SECRETARY || kind == PostKind.MEMBER ? "upper-member" : null;
		}
		return null;
	}

	private String reason(List<ProposedParty.Ground> grounds, Locale locale) {
		List<String> parts = new ArrayList<>();
		for (ProposedParty.Ground g : grounds) {
			String role = messages.getMessage("accountability.role." + g.role(), null, g.role(), locale);
			if (g.postId() == null) {
				parts.add(messages.getMessage("accountability.ground.plain", new Object[] { role,
						g.orgName() == null ? "" : g.orgName(), g.heldFrom().toString(), g.heldTo().toString() }, locale));
			}
			else {
				String end = g.tenureEnd() == null ? messages.getMessage("accountability.ground.now", null, locale)
						: g.tenureEnd().toString();
				parts.add(messages.getMessage("accountability.ground.post", new Object[] { role, g.orgName(), g.postTitle(),
						g.tenureStart().toString(), end, g.heldFrom().toString(), g.heldTo().toString() }, locale));
			}
		}
		return String.join("; ", parts);
	}

	/** Enters a person directly responsible (直接责任人); they are then confirmed or dropped like every party. */
	@Transactional
	public List<ProposedParty> addDirect(long caseId, Long personId) {
		CaseRecords.Head head = workedHead(caseId);
		requireStatus(head, "direct-party", Status.REGISTERED, Status.INVESTIGATING);
		if (personId == null) {
			throw InvalidInputException.of("personId", "error.field.required");
		}
		if (people.find(personId).isEmpty()) {
			throw InvalidInputException.of("personId", "error.person.unknown", personId);
		}
		if (records.partyRows(caseId).stream().anyMatch(r -> personId.equals(r.personId()))) {
			throw new ConflictException("personId", "error.accountability.party-exists");
		}
		insertParty(caseId, personId, null, Responsibility.DIRECT, Disposition.PENDING, null, null);
		step(caseId, "DIRECT_PARTY", clock.today(), null, "person=" + personId);
		audit.record(new AuditTrail.Change(head.orgId(), "accountability-case", caseId, "ADD_DIRECT_PARTY",
				"person=" + personId));
		return propose(head);
	}

	/** Confirms or drops a proposed party, with a reason either way. */
	public record Disposal(Long personId, Long orgId, Disposition disposition, String reason) {
	}

	@Transactional
	public ProposedParty dispose(long caseId, Disposal request) {
		CaseRecords.Head head = workedHead(caseId);
		requireStatus(head, "dispose", Status.INVESTIGATING);
		List<InputError> errors = new ArrayList<>();
		if (request.disposition() == null || request.disposition() == Disposition.PENDING) {
			errors.add(InputError.field("disposition", "error.accountability.disposition-required"));
		}
		requireText(errors, "reason", request.reason(), 2000);
		if ((request.personId() == null) == (request.orgId() == null)) {
			errors.add(InputError.field("personId", "error.accountability.party-subject"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		ProposedParty proposal = propose(head).stream()
				.filter(p -> Objects.equals(p.personId(), request.personId()) && Objects.equals(p.orgId(), request.orgId()))
				.findFirst().orElseThrow(() -> InvalidInputException.of(request.personId() != null ? "personId" : "orgId",
						"error.accountability.not-proposed", request.personId() != null ? request.personId() : request.orgId()));
		String grounds = truncate(reason(proposal.grounds(), Locale.SIMPLIFIED_CHINESE), 4000);
		if (proposal.grounds().isEmpty()) {
			grounds = proposal.reason();
		}
		if (proposal.partyId() == null) {
			insertParty(caseId, proposal.personId(), proposal.orgId(), proposal.responsibility(), request.disposition(),
					grounds, request.reason().strip());
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
		step(caseId, what, clock.today(), null, proposal.name() + "：" + request.reason().strip());
		audit.record(new AuditTrail.Change(head.orgId(), "accountability-case", caseId, what,
				"party=%s responsibility=%s reason=%s".formatted(key(proposal.personId(), proposal.orgId()),
						proposal.responsibility(), request.reason().strip())));
		return propose(head).stream()
				.filter(p -> Objects.equals(p.personId(), request.personId()) && Objects.equals(p.orgId(), request.orgId()))
				.findFirst().orElseThrow();
	}

	private void insertParty(long caseId, Long personId, Long orgId, Responsibility responsibility,
			Disposition disposition, String grounds, String reason) {
		var now = clock.now();
		jdbc.sql("""
				INSERT INTO acc_party (case_id, person_id, party_org_id, responsibility, disposition, grounds,
				                       disposition_reason, created_at, updated_at)
				VALUES (:case, :person, :org, :responsibility, :disposition, :grounds, :reason, :now, :now)
				""").param("case", caseId).param("person", personId).param("org", orgId)
				.param("responsibility", responsibility.name()).param("disposition", disposition.name())
				.param("grounds", grounds).param("reason", reason).param("now", now).update();
	}

	// ---- the procedure ------------------------------------------------------------------------

	/** Art. 9: the investigation starts once the principal leader of the deciding organisation approves it. */
	public record Opening(LocalDate on, String approvedBy) {
	}

	@Transactional
	public AccountabilityCase approveOpening(long caseId, Opening request) {
		CaseRecords.Head head = workedHead(caseId);
		requireStatus(head, "approve-opening", Status.REGISTERED);
		LocalDate on = dated("on", request.on(), head.registeredOn());
		List<InputError> errors = new ArrayList<>();
		requireText(errors, "approvedBy", request.approvedBy(), 200);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		jdbc.sql("UPDATE acc_case SET status = 'INVESTIGATING', opened_on = :on, opening_approved_by = :by, updated_at = :now WHERE id = :id")
				.param("on", on).param("by", request.approvedBy().strip()).param("now", clock.now()).param("id", caseId)
				.update();
		step(caseId, "APPROVE_OPENING", on, null, request.approvedBy().strip());
		audit.record(new AuditTrail.Change(head.orgId(), "accountability-case", caseId, "APPROVE_OPENING",
				"on=%s by=%s".formatted(on, request.approvedBy().strip())));
		return get(caseId);
	}

	public record Refusal(LocalDate on, String reason) {
	}

	@Transactional
	public AccountabilityCase refuseOpening(long caseId, Refusal request) {
		CaseRecords.Head head = workedHead(caseId);
		requireStatus(head, "refuse-opening", Status.REGISTERED);
		LocalDate on = dated("on", request.on(), head.registeredOn());
		List<InputError> errors = new ArrayList<>();
		requireText(errors, "reason", request.reason(), 2000);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		jdbc.sql("UPDATE acc_case SET status = 'NOT_OPENED', updated_at = :now WHERE id = :id").param("now", clock.now())
				.param("id", caseId).update();
		step(caseId, "REFUSE_OPENING", on, null, request.reason().strip());
		audit.record(new AuditTrail.Change(head.orgId(), "accountability-case", caseId, "REFUSE_OPENING",
				"on=%s reason=%s".formatted(on, request.reason().strip())));
		return get(caseId);
	}

	/** A dated step that concerns one party. */
	public record PartyStep(LocalDate on, String text) {
	}

	/** Art. 10 (investigation): the fact statement is shown to the party, who may then state their case. */
	@Transactional
	public AccountabilityCase showFactStatement(long caseId, long partyId, PartyStep request) {
		CaseRecords.Head head = workedHead(caseId);
		requireStatus(head, "fact-statement", Status.INVESTIGATING);
		CaseRecords.PartyRow party = confirmedParty(caseId, partyId);
		LocalDate on = dated("on", request.on(), head.openedOn());
		jdbc.sql("UPDATE acc_party SET fact_statement_shown_on = :on, updated_at = :now WHERE id = :id").param("on", on)
				.param("now", clock.now()).param("id", partyId).update();
		step(caseId, "FACT_STATEMENT_SHOWN", on, partyId, party.name());
		audit.record(new AuditTrail.Change(head.orgId(), "accountability-case", caseId, "FACT_STATEMENT_SHOWN",
				"party=%d on=%s".formatted(partyId, on)));
		return get(caseId);
	}

	/** The party's statement of case (陈述和申辩), recorded after the fact statement was shown. */
	@Transactional
	public AccountabilityCase recordStatement(long caseId, long partyId, PartyStep request) {
		CaseRecords.Head head = workedHead(caseId);
		requireStatus(head, "statement", Status.INVESTIGATING);
		CaseRecords.PartyRow party = confirmedParty(caseId, partyId);
		if (party.factStatementShownOn() == null) {
			throw new ConflictException("on", "error.accountability.fact-statement-first", party.name());
		}
		LocalDate on = dated("on", request.on(), party.factStatementShownOn());
		List<InputError> errors = new ArrayList<>();
		requireText(errors, "text", request.text(), 8000);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		jdbc.sql("UPDATE acc_party SET statement_on = :on, statement = :text, updated_at = :now WHERE id = :id")
				.param("on", on).param("text", request.text().strip()).param("now", clock.now()).param("id", partyId)
				.update();
		step(caseId, "STATEMENT_RECORDED", on, partyId, party.name());
		audit.record(new AuditTrail.Change(head.orgId(), "accountability-case", caseId, "STATEMENT_RECORDED",
				"party=%d on=%s".formatted(partyId, on)));
		return get(caseId);
	}

	/**
	 * Art. 11: the investigation report. Every proposed party must have been confirmed or dropped,
	 * at least one confirmed, and each confirmed party shown the facts and heard.
	 */
	@Transactional
	public AccountabilityCase report(long caseId, PartyStep request) {
		CaseRecords.Head head = workedHead(caseId);
		requireStatus(head, "report", Status.INVESTIGATING);
		long pending = propose(head).stream().filter(p -> p.disposition() == Disposition.PENDING).count();
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
			latest = max(latest, r.statementOn());
		}
		LocalDate on = dated("on", request.on(), latest);
		List<InputError> errors = new ArrayList<>();
		requireText(errors, "text", request.text(), 8000);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		jdbc.sql("UPDATE acc_case SET status = 'REPORTED', reported_on = :on, report = :text, updated_at = :now WHERE id = :id")
				.param("on", on).param("text", request.text().strip()).param("now", clock.now()).param("id", caseId)
				.update();
		step(caseId, "REPORT", on, null, null);
		audit.record(new AuditTrail.Change(head.orgId(), "accountability-case", caseId, "REPORT", "on=" + on));
		return get(caseId);
	}

	/**
	 * A decision for one party (Art. 12: by the organisation with management authority). Empty
	 * {@code forms}: no accountability (不予或者免予问责), which needs its reason.
	 */
	public record DecisionInput(LocalDate on, String authority, List<Form> forms, String sanctionDetail,
			String reason) {
	}

	/** Decides one party; when every confirmed party is decided, the case is decided and locked. */
	@Transactional
	public AccountabilityCase decide(long caseId, long partyId, DecisionInput request) {
		CaseRecords.Head head = workedHead(caseId);
		requireStatus(head, "decide", Status.REPORTED);
		CaseRecords.PartyRow party = confirmedParty(caseId, partyId);
		if (!records.decisions(List.of(partyId)).getOrDefault(partyId, List.of()).isEmpty()) {
			throw new ConflictException("partyId", "error.accountability.already-decided", party.name());
		}
		LocalDate on = dated("on", request.on(), head.reportedOn());
		List<Form> forms = checkDecision(request, party, false);
		insertDecision(partyId, 1, DecisionKind.DECISION, forms.isEmpty() ? Outcome.EXEMPT : Outcome.ACCOUNTABLE, on,
				request, forms);
		step(caseId, "DECIDE", on, partyId, party.name() + "：" + describe(forms));
		audit.record(new AuditTrail.Change(head.orgId(), "accountability-case", caseId, "DECIDE",
				"party=%d on=%s forms=%s authority=%s".formatted(partyId, on, forms, request.authority().strip())));
		long undecided = records.partyRows(caseId).stream().filter(r -> r.disposition() == Disposition.CONFIRMED)
				.filter(r -> records.decisions(List.of(r.id())).getOrDefault(r.id(), List.of()).isEmpty()).count();
		if (undecided == 0) {
			jdbc.sql("UPDATE acc_case SET status = 'DECIDED', decided_on = :on, updated_at = :now WHERE id = :id")
					.param("on", on).param("now", clock.now()).param("id", caseId).update();
			step(caseId, "DECIDED", on, null, null);
			audit.record(new AuditTrail.Change(head.orgId(), "accountability-case", caseId, "DECIDED", "on=" + on));
		}
		return get(caseId);
	}

	/**
	 * A decided case is not edited: a correction is a new decision for the party, with its
	 * reason, that supersedes the one in force (both stay on file).
	 */
	@Transactional
	public AccountabilityCase correct(long caseId, long partyId, DecisionInput request) {
		CaseRecords.Head head = workedHead(caseId);
		if (!head.status().isDecided()) {
			throw new ConflictException("status", "error.accountability.correct-undecided", head.status());
		}
		CaseRecords.PartyRow party = confirmedParty(caseId, partyId);
		List<Decision> decisions = records.decisions(List.of(partyId)).getOrDefault(partyId, List.of());
		Decision current = decisions.stream().filter(Decision::current).findFirst().orElseThrow();
		List<InputError> errors = new ArrayList<>();
		requireText(errors, "reason", request.reason(), 4000);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		LocalDate on = dated("on", request.on(), current.decidedOn());
		List<Form> forms = checkDecision(request, party, true);
		supersede(partyId);
		insertDecision(partyId, decisions.size() + 1, DecisionKind.CORRECTION,
				forms.isEmpty() ? Outcome.EXEMPT : Outcome.ACCOUNTABLE, on, request, forms);
		if (head.announcedOn() != null) {
			trackExecution(head, executionOwner(head, head.executionOwnerPostId()), party, on);
		}
		step(caseId, "CORRECT", on, partyId, party.name() + "：" + describe(forms) + "（" + request.reason().strip() + "）");
		audit.record(new AuditTrail.Change(head.orgId(), "accountability-case", caseId, "CORRECT",
				"party=%d version=%d on=%s forms=%s reason=%s".formatted(partyId, decisions.size() + 1, on, forms,
						request.reason().strip())));
		return get(caseId);
	}

	/** The rules for the forms of a decision (Art. 8), named so that they read like the regulation. */
	static final class FormRules {

		/** 检查, 通报 and 改组 are for organisations; the others for cadres. */
		static boolean formsMatchTheParty(List<Form> forms, boolean organisation) {
			return forms.stream().allMatch(f -> f.forOrganisation() == organisation);
		}

		/** Forms may be combined, but a cadre receives one kind of organisational handling at a time. */
		static boolean oneOrganisationalHandlingAtATime(List<Form> forms) {
			return forms.stream().filter(Form::organisationalHandling).count() <= 1;
		}

		/** Deciding not to hold a party to account (不予或者免予问责) needs its reason. */
		static boolean anExemptionGivesItsReason(List<Form> forms, String reason) {
			return !forms.isEmpty() || (reason != null && !reason.isBlank());
		}

		/** A disciplinary sanction is decided under the disciplinary rules; the decision names it. */
		static boolean aSanctionIsNamed(List<Form> forms, String detail) {
			return !forms.contains(Form.DISCIPLINARY_SANCTION) || (detail != null && !detail.isBlank());
		}
	}

	private List<Form> checkDecision(DecisionInput request, CaseRecords.PartyRow party, boolean correction) {
		List<InputError> errors = new ArrayList<>();
		requireText(errors, "authority", request.authority(), 200);
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
		if (request.sanctionDetail() != null && request.sanctionDetail().length() > 1000) {
			errors.add(InputError.field("sanctionDetail", "error.field.too-long", 1000));
		}
		if (request.reason() != null && request.reason().length() > 4000) {
			errors.add(InputError.field("reason", "error.field.too-long", 4000));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
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
	@Transactional
	public AccountabilityCase announce(long caseId, Announcement request) {
		CaseRecords.Head head = workedHead(caseId);
		requireStatus(head, "announce", Status.DECIDED);
		LocalDate on = dated("on", request.on(), head.decidedOn());
		Long owner = executionOwner(head, request.executionOwnerPostId());
		jdbc.sql("""
				UPDATE acc_case SET status = 'ANNOUNCED', announced_on = :on, execution_owner_post_id = :owner,
				  updated_at = :now WHERE id = :id""").param("on", on).param("owner", owner).param("now", clock.now())
				.param("id", caseId).update();
		jdbc.sql("UPDATE acc_party SET delivered_on = :on, updated_at = :now WHERE case_id = :id AND disposition = 'CONFIRMED'")
				.param("on", on).param("now", clock.now()).param("id", caseId).update();
		step(caseId, "ANNOUNCE", on, null, blankToNull(request.text()));
		audit.record(new AuditTrail.Change(head.orgId(), "accountability-case", caseId, "ANNOUNCE",
				"on=%s executionOwnerPost=%s".formatted(on, owner)));
		for (CaseRecords.PartyRow party : records.partyRows(caseId)) {
			if (party.disposition() == Disposition.CONFIRMED) {
				trackExecution(head, owner, party, on);
			}
		}
		return get(caseId);
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
		Decision current = records.decisions(List.of(party.id())).getOrDefault(party.id(), List.of()).stream()
				.filter(Decision::current).findFirst().orElse(null);
		if (current == null || !current.hasOrganisationalHandling()
				|| records.execution(party.id()).isPresent()) {
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
	@Transactional
	public AccountabilityCase file(long caseId, PartyStep request) {
		CaseRecords.Head head = workedHead(caseId);
		requireStatus(head, "file", Status.ANNOUNCED);
		LocalDate on = dated("on", request.on(), head.announcedOn());
		List<CaseRecords.PartyRow> parties = records.partyRows(caseId);
		Map<Long, List<Decision>> decisions = records.decisions(parties.stream().map(CaseRecords.PartyRow::id).toList());
		for (CaseRecords.PartyRow party : parties) {
			boolean handling = decisions.getOrDefault(party.id(), List.of()).stream()
					.anyMatch(d -> d.current() && d.hasOrganisationalHandling());
			var item = handling ? records.execution(party.id()) : java.util.Optional.<TrackedItem>empty();
			if (item.isPresent() && item.get().status() != TrackedItem.Status.CLOSED) {
				throw new ConflictException("status", "error.accountability.execution-open", party.name(),
						item.get().status(), item.get().deadline());
			}
		}
		jdbc.sql("UPDATE acc_case SET status = 'FILED', filed_on = :on, updated_at = :now WHERE id = :id")
				.param("on", on).param("now", clock.now()).param("id", caseId).update();
		step(caseId, "FILE", on, null, blankToNull(request.text()));
		audit.record(new AuditTrail.Change(head.orgId(), "accountability-case", caseId, "FILE", "on=" + on));
		return get(caseId);
	}

	/**
	 * Art. 15: a party may appeal within one month of receiving the decision; the appeal is
	 * decided within one month; execution is not suspended meanwhile (nothing else changes).
	 */
	@Transactional
	public AccountabilityCase appeal(long caseId, long partyId, PartyStep request) {
		CaseRecords.Head head = workedHead(caseId);
		requireStatus(head, "appeal", Status.ANNOUNCED, Status.FILED);
		CaseRecords.PartyRow party = confirmedParty(caseId, partyId);
		LocalDate on = dated("on", request.on(), party.deliveredOn());
		LocalDate until = party.deliveredOn().plus(deadlines.appeal());
		if (on.isAfter(until)) {
			throw new ConflictException("on", "error.accountability.appeal-too-late", party.deliveredOn(), until);
		}
		List<InputError> errors = new ArrayList<>();
		requireText(errors, "text", request.text(), 4000);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
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
		step(caseId, "APPEAL", on, partyId, party.name());
		audit.record(new AuditTrail.Change(head.orgId(), "accountability-case", caseId, "APPEAL",
				"party=%d on=%s due=%s".formatted(partyId, on, due)));
		return get(caseId);
	}

	/** The outcome of an appeal; a variation or revocation is a new decision for the party. */
	public record AppealDecision(LocalDate on, AppealOutcome outcome, String reason, String authority,
			List<Form> forms, String sanctionDetail) {
	}

	@Transactional
	public AccountabilityCase decideAppeal(long caseId, long appealId, AppealDecision request) {
		CaseRecords.Head head = workedHead(caseId);
		Appeal appeal = records.appeal(caseId, appealId)
				.orElseThrow(() -> new NotFoundException("accountability-appeal", appealId));
		if (appeal.decidedOn() != null) {
			throw new ConflictException("appealId", "error.accountability.appeal-decided", appeal.decidedOn());
		}
		CaseRecords.PartyRow party = confirmedParty(caseId, appeal.partyId());
		LocalDate on = dated("on", request.on(), appeal.filedOn());
		List<InputError> errors = new ArrayList<>();
		if (request.outcome() == null) {
			errors.add(InputError.field("outcome", "error.field.required"));
		}
		requireText(errors, "reason", request.reason(), 4000);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		if (request.outcome() != AppealOutcome.UPHELD) {
			List<Decision> decisions = records.decisions(List.of(party.id())).getOrDefault(party.id(), List.of());
			DecisionInput input = new DecisionInput(on, request.authority(),
					request.outcome() == AppealOutcome.REVOKED ? List.of() : request.forms(), request.sanctionDetail(),
					request.reason());
			List<Form> forms = checkDecision(input, party, true);
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
		step(caseId, "APPEAL_DECIDED", on, party.id(), party.name() + "：" + request.outcome());
		audit.record(new AuditTrail.Change(head.orgId(), "accountability-case", caseId, "APPEAL_DECIDED",
				"appeal=%d on=%s outcome=%s late=%s".formatted(appealId, on, request.outcome(), on.isAfter(appeal.dueOn()))));
		return get(caseId);
	}

	// ---- helpers --------------------------------------------------------------------------------

	private CaseRecords.PartyRow confirmedParty(long caseId, long partyId) {
		CaseRecords.PartyRow party = records.partyRows(caseId).stream().filter(r -> r.id() == partyId).findFirst()
				.orElseThrow(() -> new NotFoundException("accountability-party", partyId));
		if (party.disposition() != Disposition.CONFIRMED) {
			throw new ConflictException("partyId", "error.accountability.party-not-confirmed", party.name());
		}
		return party;
	}

	/** Refuses a step the case's state does not allow, naming the step and the state. */
	private void requireStatus(CaseRecords.Head head, String step, Status... allowed) {
		if (!EnumSet.copyOf(List.of(allowed)).contains(head.status())) {
			throw new ConflictException("status", "error.accountability.illegal-step", step, head.status(),
					List.of(allowed).toString());
		}
	}

	/** The date of a step: today when not given; never in the future, never before {@code notBefore}. */
	private LocalDate dated(String field, LocalDate on, LocalDate notBefore) {
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

	private void step(long caseId, String step, LocalDate on, Long partyId, String note) {
		jdbc.sql("""
				INSERT INTO acc_step (case_id, step, on_date, party_id, note, username, created_at)
				VALUES (:case, :step, :on, :party, :note, :user, :now)
				""").param("case", caseId).param("step", step).param("on", on).param("party", partyId)
				.param("note", truncate(note, 4000)).param("user", CurrentUser.actor()).param("now", clock.now()).update();
	}

	private static String describe(List<Form> forms) {
		return forms.isEmpty() ? "EXEMPT" : forms.toString();
	}

	private static void requireText(List<InputError> errors, String field, String value, int max) {
		if (value == null || value.isBlank()) {
			errors.add(InputError.field(field, "error.field.required"));
		}
		else if (value.strip().length() > max) {
			errors.add(InputError.field(field, "error.field.too-long", max));
		}
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	private static String truncate(String s, int max) {
		return s == null || s.length() <= max ? s : s.substring(0, max);
	}

	private static LocalDate max(LocalDate a, LocalDate b) {
		return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
	}

	private static LocalDate min(LocalDate a, LocalDate b) {
		return a.isBefore(b) ? a : b;
	}

}
