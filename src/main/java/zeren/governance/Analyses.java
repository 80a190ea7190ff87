package zeren.governance;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zeren.audit.AuditTrail;
import zeren.governance.Analysis.Fact;
import zeren.governance.Analysis.Measure;
import zeren.governance.Analysis.Section;
import zeren.governance.Analysis.Status;
import zeren.governance.Analysis.Step;
import zeren.org.Leadership;
import zeren.org.Org;
import zeren.org.OrgTree;
import zeren.org.Post;
import zeren.org.Subtree;
import zeren.platform.BusinessClock;
import zeren.platform.ConflictException;
import zeren.platform.CurrentScope;
import zeren.platform.CurrentUser;
import zeren.platform.ForbiddenException;
import zeren.platform.InputError;
import zeren.platform.Inputs;
import zeren.platform.InvalidInputException;
import zeren.platform.NotFoundException;
import zeren.platform.Rows;
import zeren.platform.Scope;
import zeren.tracking.NewTrackedItem;
import zeren.tracking.Tracking;

/**
 * Situation analyses (形势研判). Creating one computes its facts from the records of the subtree
 * and stores them (refreshable while it is a draft); the judgement and the measures are the
 * committee's. Writing needs the analysing organisation to be managed by the caller (403); reads
 * are cut to the caller's scope (404). Every change is audited in its transaction.
 */
@Service
@Transactional(readOnly = true)
public class Analyses {

	static final int MAX_JUDGEMENT = 8000;
	static final int MAX_MEASURE = 2000;
	static final int MAX_MEASURES = 50;
	static final int MAX_TITLE = 200;
	/** How many years after the analysed one a measure's deadline may lie. */
	static final int MEASURE_YEARS = 5;
	/** The most analyses a list returns (newest first). */
	public static final int LIST_LIMIT = 200;
	/** The tracked-item kind of a measure; its source reference is the measure's id. */
	public static final String MEASURE_KIND = "governance.measure";

	private final JdbcClient jdbc;
	private final Validator validator;
	private final AnalysisFacts facts;
	private final Tracking tracking;
	private final OrgTree tree;
	private final Leadership leadership;
	private final BusinessClock clock;
	private final CurrentScope scope;
	private final AuditTrail audit;

	Analyses(JdbcClient jdbc, Validator validator, AnalysisFacts facts, Tracking tracking, OrgTree tree,
			Leadership leadership, BusinessClock clock, CurrentScope scope, AuditTrail audit) {
		this.jdbc = jdbc;
		this.validator = validator;
		this.facts = facts;
		this.tracking = tracking;
		this.tree = tree;
		this.leadership = leadership;
		this.clock = clock;
		this.scope = scope;
		this.audit = audit;
	}

	/** An analysis of {@code orgId}'s subtree for {@code year}, from and to within it (default: the whole year). */
	public record NewAnalysis(@NotNull Long orgId, @NotNull Integer year, LocalDate from, LocalDate to,
			@Size(max = MAX_TITLE) String title) {
	}

	@Transactional
	public Analysis create(NewAnalysis request) {
		List<InputError> errors = new ArrayList<>(violations(request));
		if (request.orgId() == null) {
			throw new InvalidInputException(errors);
		}
		Org org = tree.manageableOrForbidden(request.orgId());
		Integer year = request.year();
		int thisYear = clock.today().getYear();
		if (year != null && year < 2000) {
			errors.add(InputError.field("year", "error.field.min", 2000));
		}
		else if (year != null && year > thisYear) {
			errors.add(InputError.field("year", "error.field.max", thisYear));
		}
		LocalDate from = request.from();
		LocalDate to = request.to();
		if (year != null) {
			from = from == null ? LocalDate.of(year, 1, 1) : from;
			to = to == null ? LocalDate.of(year, 12, 31) : to;
			if (from.getYear() != year) {
				errors.add(InputError.field("from", "error.analysis.outside-year", year));
			}
			if (to.getYear() != year) {
				errors.add(InputError.field("to", "error.analysis.outside-year", year));
			}
			else if (from.isAfter(to)) {
				errors.add(InputError.field("to", "error.analysis.period-order"));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		String title = request.title() == null || request.title().isBlank()
				? "%s%d年度党风廉政建设形势研判".formatted(org.name(), year) : request.title().strip();
		OffsetDateTime now = clock.now();
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO gov_analysis (org_id, analysis_year, period_from, period_to, title, status, facts_at, created_by,
				                          created_at)
				VALUES (:org, :year, :from, :to, :title, 'DRAFT', :now, :user, :now)
				""").param("org", org.id()).param("year", year).param("from", from).param("to", to)
				.param("title", title.length() > MAX_TITLE ? title.substring(0, MAX_TITLE) : title).param("now", now)
				.param("user", CurrentUser.actor()).update(keys, "id");
		long id = keys.getKey().longValue();
		int stored = storeFacts(id, facts.compute(org.id(), from, to));
		audit.record(new AuditTrail.Change(org.id(), "governance.analysis", id, "CREATE",
				"year=%d from=%s to=%s facts=%d title=%s".formatted(year, from, to, stored, title)));
		return get(id);
	}

	/** What a request's declared constraints refuse; a request with no body is refused as such. */
	private List<InputError> violations(Object request) {
		if (request == null) {
			throw InvalidInputException.of("body", "error.field.required");
		}
		return Inputs.errors(validator.validate(request));
	}

	/** Computes the facts again (a draft only). */
	@Transactional
	public Analysis refresh(long id) {
		Analysis a = requireManaged(id, Step.REFRESH);
		jdbc.sql("DELETE FROM gov_analysis_fact WHERE analysis_id = :id").param("id", id).update();
		int stored = storeFacts(id, facts.compute(a.orgId(), a.from(), a.to()));
		jdbc.sql("UPDATE gov_analysis SET facts_at = :now WHERE id = :id").param("now", clock.now()).param("id", id).update();
		audit.record(new AuditTrail.Change(a.orgId(), "governance.analysis", id, "REFRESH", "facts=" + stored));
		return get(id);
	}

	private int storeFacts(long id, List<Fact> computed) {
		Map<Section, Integer> order = new HashMap<>();
		for (Fact f : computed) {
			jdbc.sql("""
					INSERT INTO gov_analysis_fact (analysis_id, section, sort_order, item_key, label, current_value,
					                               previous_value, current_done, previous_done)
					VALUES (:id, :section, :sort, :key, :label, :current, :previous, :currentDone, :previousDone)
					""").param("id", id).param("section", f.section().name()).param("sort", order.merge(f.section(), 1, Integer::sum))
					.param("key", f.key()).param("label", f.label()).param("current", f.current()).param("previous", f.previous())
					.param("currentDone", f.currentDone()).param("previousDone", f.previousDone()).update();
		}
		return computed.size();
	}

	public record Judgement(@Size(max = MAX_JUDGEMENT) String judgement) {
	}

	/** Writes the committee's judgement (研判意见) of a draft. */
	@Transactional
	public Analysis judge(long id, Judgement request) {
		Analysis a = requireManaged(id, Step.EDIT);
		List<InputError> errors = violations(request);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		String text = request.judgement() == null || request.judgement().isBlank() ? null : request.judgement().strip();
		jdbc.sql("UPDATE gov_analysis SET judgement = :text WHERE id = :id").param("text", text).param("id", id).update();
		audit.record(new AuditTrail.Change(a.orgId(), "governance.analysis", id, "JUDGE",
				"judgement=" + (text == null ? 0 : text.length()) + " characters"));
		return get(id);
	}

	/** A measure: what is to be done, by the holder of which post of the subtree, by when. */
	public record MeasureInput(@NotBlank @Size(max = MAX_MEASURE) String text, @NotNull Long ownerPostId,
			@NotNull LocalDate deadline) {
	}

	@Transactional
	public Analysis addMeasure(long id, MeasureInput request) {
		Analysis a = requireManaged(id, Step.EDIT);
		Post post = checkMeasure(a, request);
		if (a.measures().size() >= MAX_MEASURES) {
			throw InvalidInputException.of("measures", "error.field.too-many", MAX_MEASURES);
		}
		int next = a.measures().stream().mapToInt(Measure::no).max().orElse(0) + 1;
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO gov_analysis_measure (analysis_id, sort_order, text, owner_post_id, deadline)
				VALUES (:id, :sort, :text, :post, :deadline)
				""").param("id", id).param("sort", next).param("text", request.text().strip()).param("post", post.id())
				.param("deadline", request.deadline()).update(keys, "id");
		audit.record(new AuditTrail.Change(a.orgId(), "governance.analysis", id, "ADD_MEASURE",
				"measure=%d post=%d deadline=%s".formatted(keys.getKey().longValue(), post.id(), request.deadline())));
		return get(id);
	}

	@Transactional
	public Analysis updateMeasure(long id, long measureId, MeasureInput request) {
		Analysis a = requireManaged(id, Step.EDIT);
		untracked(a, measureId);
		Post post = checkMeasure(a, request);
		jdbc.sql("UPDATE gov_analysis_measure SET text = :text, owner_post_id = :post, deadline = :deadline WHERE id = :m")
				.param("text", request.text().strip()).param("post", post.id()).param("deadline", request.deadline())
				.param("m", measureId).update();
		audit.record(new AuditTrail.Change(a.orgId(), "governance.analysis", id, "UPDATE_MEASURE",
				"measure=%d post=%d deadline=%s".formatted(measureId, post.id(), request.deadline())));
		return get(id);
	}

	@Transactional
	public Analysis removeMeasure(long id, long measureId) {
		Analysis a = requireManaged(id, Step.EDIT);
		Measure m = untracked(a, measureId);
		jdbc.sql("DELETE FROM gov_analysis_measure WHERE id = :m").param("m", measureId).update();
		audit.record(new AuditTrail.Change(a.orgId(), "governance.analysis", id, "REMOVE_MEASURE",
				"measure=%d text=%s".formatted(measureId, m.text())));
		return get(id);
	}

	private Measure measure(Analysis a, long measureId) {
		return a.measures().stream().filter(m -> m.id() == measureId).findFirst()
				.orElseThrow(() -> new NotFoundException("governance-analysis-measure", a.id() + "/" + measureId));
	}

	/** A tracked measure is followed as it was tracked: changing it would change what its owner answers for. */
	private Measure untracked(Analysis a, long measureId) {
		Measure m = measure(a, measureId);
		if (m.trackedItemId() != null) {
			throw new ConflictException("measureId", "error.analysis.measure-tracked", m.no(), m.trackedItemId());
		}
		return m;
	}

	/** The post (of the analysed subtree) and deadline of a measure, or the errors naming them. */
	private Post checkMeasure(Analysis a, MeasureInput request) {
		List<InputError> errors = new ArrayList<>(violations(request));
		Post post = null;
		if (request.ownerPostId() != null) {
			try {
				post = leadership.getPost(request.ownerPostId());
				if (!tree.contains(tree.subtree(a.orgId()), post.orgId())) {
					errors.add(InputError.field("ownerPostId", "error.analysis.post-outside", post.title(), a.orgName()));
				}
			}
			catch (NotFoundException e) {
				errors.add(InputError.field("ownerPostId", "error.post.unknown", request.ownerPostId()));
			}
		}
		LocalDate latest = LocalDate.of(a.year() + MEASURE_YEARS, 12, 31);
		if (request.deadline() != null && request.deadline().isBefore(clock.today())) {
			errors.add(InputError.field("deadline", "error.analysis.deadline-past"));
		}
		else if (request.deadline() != null && request.deadline().isAfter(latest)) {
			errors.add(InputError.field("deadline", "error.analysis.deadline-far", latest));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return post;
	}

	/** When the analysis was adopted at the committee's meeting (default: today). */
	public record Adoption(LocalDate adoptedOn) {
	}

	/** 研判会议通过: the analysis is frozen, for good. */
	@Transactional
	public Analysis adopt(long id, Adoption request) {
		Analysis a = requireManaged(id, Step.ADOPT);
		LocalDate today = clock.today();
		LocalDate on = request == null || request.adoptedOn() == null ? today : request.adoptedOn();
		if (on.isAfter(today)) {
			throw InvalidInputException.of("adoptedOn", "error.field.future");
		}
		if (on.isBefore(a.from())) {
			throw InvalidInputException.of("adoptedOn", "error.analysis.adopted-before", a.from());
		}
		if (a.judgement() == null) {
			throw InvalidInputException.of("judgement", "error.analysis.judgement-missing");
		}
		jdbc.sql("UPDATE gov_analysis SET status = 'ADOPTED', adopted_on = :on, adopted_by = :user WHERE id = :id")
				.param("on", on).param("user", CurrentUser.actor()).param("id", id).update();
		audit.record(new AuditTrail.Change(a.orgId(), "governance.analysis", id, "ADOPT",
				"adoptedOn=%s measures=%d".formatted(on, a.measures().size())));
		return get(id);
	}

	/**
	 * Makes a measure a tracked item of its owner post's organisation, verified by the analysing
	 * organisation. Once only (409).
	 */
	@Transactional
	public Analysis track(long id, long measureId) {
		Analysis a = requireManaged(id, Step.TRACK);
		Measure m = untracked(a, measureId);
		var item = tracking.open(new NewTrackedItem(MEASURE_KIND, String.valueOf(m.id()), m.ownerOrgId(), m.text(),
				m.ownerPostId(), null, a.orgId(), m.deadline()));
		jdbc.sql("UPDATE gov_analysis_measure SET tracked_item_id = :item WHERE id = :m").param("item", item.id())
				.param("m", measureId).update();
		audit.record(new AuditTrail.Change(a.orgId(), "governance.analysis", id, "TRACK",
				"measure=%d item=%d org=%d post=%d deadline=%s".formatted(m.id(), item.id(), m.ownerOrgId(), m.ownerPostId(),
						m.deadline())));
		return get(id);
	}

	/**
	 * The analysis a change is about, its row locked until the change commits (two changes of one
	 * analysis, an adoption among them, happen one after the other): 404 when it is not visible,
	 * 403 when the caller does not manage its organisation, 409 when its status refuses the step.
	 */
	private Analysis requireManaged(long id, Step step) {
		long orgId = jdbc.sql("SELECT org_id FROM gov_analysis WHERE id = :id FOR UPDATE").param("id", id).query(Long.class)
				.optional().orElseThrow(() -> new NotFoundException("governance-analysis", id));
		Analysis a = get(id);
		if (!tree.canManage(orgId)) {
			throw new ForbiddenException();
		}
		if (!a.status().allows(step)) {
			throw new ConflictException("status", "error.analysis.adopted");
		}
		return a;
	}

	// ---- reading ------------------------------------------------------------------------------

	private record Head(long id, long orgId, String orgName, int analysisYear, LocalDate periodFrom, LocalDate periodTo,
			String title, Status status, String judgement, OffsetDateTime factsAt, LocalDate adoptedOn, String adoptedBy,
			String createdBy, OffsetDateTime createdAt) {
	}

	private static final String HEAD = """
			SELECT a.id, a.org_id, o.name AS org_name, a.analysis_year, a.period_from, a.period_to, a.title, a.status,
			       a.judgement, a.facts_at, a.adopted_on, a.adopted_by, a.created_by, a.created_at
			FROM gov_analysis a JOIN org o ON o.id = a.org_id
			""";

	/** An analysis the caller may see (its organisation is in their scope), or 404. */
	public Analysis get(long id) {
		Scope reading = scope.reading();
		Head h = reading.bind(jdbc.sql(HEAD + " WHERE a.id = :id AND " + reading.condition("o"))).param("id", id)
				.query(Rows.of(Head.class)).optional().orElseThrow(() -> new NotFoundException("governance-analysis", id));
		return assemble(List.of(h)).get(0);
	}

	/** The analyses of the organisations of {@code orgId}'s subtree for {@code year}, newest first, at most {@link #LIST_LIMIT}. */
	public List<Analysis> inSubtree(long orgId, int year) {
		Subtree subtree = tree.subtree(orgId);
		Scope reading = scope.reading();
		return assemble(reading.bind(subtree.bind(jdbc.sql(HEAD + """
				WHERE o.path >= :subtreeFrom AND o.path < :subtreeTo AND %s AND a.analysis_year = :year
				ORDER BY a.created_at DESC, a.id DESC FETCH FIRST %d ROWS ONLY
				""".formatted(reading.condition("o"), LIST_LIMIT)))).param("year", year).query(Rows.of(Head.class)).list());
	}

	private record FactRow(long analysisId, Section section, String itemKey, String label, long currentValue,
			long previousValue, Long currentDone, Long previousDone) {
	}

	private record MeasureRow(long analysisId, long id, int sortOrder, String text, long ownerPostId, String postTitle,
			long postOrgId, String postOrgName, LocalDate deadline, Long trackedItemId) {
	}

	/** The facts and the measures of the given analyses: two queries in all. */
	private List<Analysis> assemble(List<Head> heads) {
		if (heads.isEmpty()) {
			return List.of();
		}
		List<Long> ids = heads.stream().map(Head::id).toList();
		Map<Long, List<Fact>> factsOf = new HashMap<>();
		jdbc.sql("""
				SELECT analysis_id, section, item_key, label, current_value, previous_value, current_done, previous_done
				FROM gov_analysis_fact WHERE analysis_id IN (:ids) ORDER BY analysis_id, sort_order
				""").param("ids", ids).query(Rows.of(FactRow.class)).list()
				.forEach(r -> factsOf.computeIfAbsent(r.analysisId(), k -> new ArrayList<>()).add(new Fact(r.section(),
						r.itemKey(), r.label(), r.currentValue(), r.previousValue(), r.currentDone(), r.previousDone())));
		Map<Long, List<Measure>> measuresOf = new HashMap<>();
		jdbc.sql("""
				SELECT m.analysis_id, m.id, m.sort_order, m.text, m.owner_post_id, p.title AS post_title, p.org_id AS post_org_id,
				       po.name AS post_org_name, m.deadline, m.tracked_item_id
				FROM gov_analysis_measure m JOIN post p ON p.id = m.owner_post_id JOIN org po ON po.id = p.org_id
				WHERE m.analysis_id IN (:ids) ORDER BY m.analysis_id, m.sort_order
				""").param("ids", ids).query(Rows.of(MeasureRow.class)).list()
				.forEach(r -> measuresOf.computeIfAbsent(r.analysisId(), k -> new ArrayList<>()).add(new Measure(r.id(),
						r.sortOrder(), r.text(), r.ownerPostId(), r.postTitle(), r.postOrgId(), r.postOrgName(), r.deadline(),
						r.trackedItemId())));
		return heads.stream().map(h -> new Analysis(h.id(), h.orgId(), h.orgName(), h.analysisYear(), h.periodFrom(),
				h.periodTo(), h.title(), h.status(), h.judgement(), sorted(factsOf.getOrDefault(h.id(), List.of())),
				h.factsAt(), measuresOf.getOrDefault(h.id(), List.of()), h.adoptedOn(), h.adoptedBy(), h.createdBy(),
				h.createdAt())).toList();
	}

	/** In the document's order: by section, then as stored. */
	private static List<Fact> sorted(List<Fact> facts) {
		List<Fact> sorted = new ArrayList<>(facts);
		sorted.sort(java.util.Comparator.comparing(Fact::section));
		return sorted;
	}
}
