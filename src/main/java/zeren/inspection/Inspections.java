package zeren.inspection;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zeren.audit.AuditTrail;
import zeren.inspection.Inspection.Kind;
import zeren.inspection.Inspection.Target;
import zeren.inspection.Inspection.TeamMember;
import zeren.org.Leadership;
import zeren.org.Org;
import zeren.org.OrgTree;
import zeren.org.Post;
import zeren.org.Subtree;
import zeren.platform.BusinessClock;
import zeren.platform.CurrentScope;
import zeren.platform.ForbiddenException;
import zeren.platform.InputError;
import zeren.platform.Inputs;
import zeren.platform.InvalidInputException;
import zeren.platform.NotFoundException;
import zeren.platform.Rows;
import zeren.platform.Scope;

/**
 * Inspections: planned by an inspecting organisation (the caller supervises it: DISCIPLINE or
 * ADMIN), read by whoever sees the inspecting organisation or one of its targets (404
 * otherwise). The team is fixed as it stood on the start date; targets are rules (one
 * organisation or a subtree) resolved when read.
 */
@Service
@Transactional(readOnly = true)
public class Inspections {

	/** The five focus points of the annual check (source text), unless {@code zeren.inspection.focus-items} says otherwise. */
	static final List<String> DEFAULT_FOCUS = List.of(
			"主要负责同志管好班子，带好队伍，管好自己，当好廉洁从政表率的情况",
			"加强领导，选好用好干部，防止出现选人用人上的不正之风和腐败问题的情况",
			"坚决纠正损害群众利益行为的情况",
			"强化对权力运行的制约和监督，从源头上防治腐败情况",
			"领导和支持执纪执法机关查处违纪违法案件情况");

	/** A focus item is at most this long. */
	static final int FOCUS_TEXT_MAX = 500;

	/** A focus item says what to check, in a sentence or two. */
	static boolean aFocusItemSaysWhatToCheck(String item) {
		return item != null && !item.isBlank() && item.strip().length() <= FOCUS_TEXT_MAX;
	}

	/** At most this many resolved target organisations are listed at once. */
	public static final int MAX_TARGETS_LISTED = 1000;

	private final JdbcClient jdbc;
	private final OrgTree tree;
	private final Leadership leadership;
	private final BusinessClock clock;
	private final CurrentScope scope;
	private final AuditTrail audit;
	private final Validator validator;
	private final List<String> defaultFocus;

	Inspections(JdbcClient jdbc, OrgTree tree, Leadership leadership, BusinessClock clock, CurrentScope scope,
			AuditTrail audit, Validator validator, Environment environment) {
		this.jdbc = jdbc;
		this.tree = tree;
		this.leadership = leadership;
		this.clock = clock;
		this.scope = scope;
		this.audit = audit;
		this.validator = validator;
		this.defaultFocus = List.copyOf(Binder.get(environment)
				.bind("zeren.inspection.focus-items", Bindable.listOf(String.class)).orElse(DEFAULT_FOCUS));
	}

	/** The focus items an inspection gets when none are given. */
	public List<String> defaultFocus() {
		return defaultFocus;
	}

	public record TeamInput(@NotNull Long postId, Boolean leader) {
	}

	public record TargetInput(@NotNull Long orgId, Boolean includeSubtree) {
	}

	/** An inspection to plan; {@code focusItems} empty: the default focus items. */
	public record NewInspection(@NotNull Long orgId, @NotNull Kind kind, @NotBlank @Size(max = 200) String title,
			@NotNull LocalDate startDate, @NotNull LocalDate endDate, @Valid List<TeamInput> team,
			@NotEmpty @Valid List<TargetInput> targets, List<String> focusItems) {
	}

	@Transactional
	public Inspection create(NewInspection in) {
		Org org = in.orgId() == null ? null : requirePlanning(in.orgId(), in.kind());
		List<InputError> errors = new ArrayList<>(Inputs.errors(validator.validate(in)));
		if (org == null) {
			// without the inspecting organisation nothing else can be checked
			throw new InvalidInputException(errors);
		}
		if (in.endDate() != null && in.startDate() != null && in.endDate().isBefore(in.startDate())) {
			errors.add(InputError.field("endDate", "error.inspection.end-before-start"));
		}
		Subtree jurisdiction = tree.subtree(org.id());
		List<TargetInput> targets = in.targets() == null ? List.of() : in.targets();
		Set<Long> seenTargets = new HashSet<>();
		for (int i = 0; i < targets.size(); i++) {
			TargetInput t = targets.get(i);
			String field = "targets[" + i + "].orgId";
			if (t == null) {
				// an empty entry of the list: the declared constraints do not reach it
				errors.add(InputError.field(field, "error.field.required"));
			}
			else if (t.orgId() != null && (t.orgId() == org.id() || !tree.contains(jurisdiction, t.orgId()))) {
				errors.add(InputError.field(field, "error.inspection.target-outside", t.orgId()));
			}
			else if (t.orgId() != null && !seenTargets.add(t.orgId())) {
				errors.add(InputError.field(field, "error.inspection.target-twice", t.orgId()));
			}
		}
		List<String> focus = new ArrayList<>();
		for (String f : in.focusItems() == null || in.focusItems().isEmpty() ? defaultFocus : in.focusItems()) {
			if (!aFocusItemSaysWhatToCheck(f)) {
				errors.add(InputError.field("focusItems", "error.inspection.focus-text", FOCUS_TEXT_MAX));
			}
			else {
				focus.add(f.strip());
			}
		}
		List<TeamInput> team = in.team() == null ? List.of() : in.team();
		List<TeamMember> members = new ArrayList<>();
		Set<Long> seenPosts = new HashSet<>();
		for (int i = 0; i < team.size(); i++) {
			TeamInput m = team.get(i);
			String field = "team[" + i + "].postId";
			if (m == null) {
				// an empty entry of the list: the declared constraints do not reach it
				errors.add(InputError.field(field, "error.field.required"));
				continue;
			}
			if (m.postId() == null) {
				// reported by the declared constraints
				continue;
			}
			Post post = findPost(m.postId());
			if (post == null || !tree.contains(jurisdiction, post.orgId())) {
				errors.add(InputError.field(field, "error.inspection.post-unknown", m.postId()));
				continue;
			}
			if (!seenPosts.add(post.id())) {
				errors.add(InputError.field(field, "error.inspection.post-twice", post.title()));
				continue;
			}
			boolean leader = Boolean.TRUE.equals(m.leader());
			if (leader && in.kind() != null && in.kind().needsTeamLeader() && post.orgId() != org.id()) {
				errors.add(InputError.field(field, "error.inspection.leader-not-team-member", post.title()));
				continue;
			}
			var holder = in.startDate() == null ? null
					: leadership.leadersAt(post.orgId(), in.startDate()).stream()
							.filter(h -> h.post().id() == post.id() && h.person() != null).findFirst().orElse(null);
			if (in.startDate() != null && holder == null) {
				errors.add(InputError.field(field, "error.inspection.post-vacant", post.title(), in.startDate()));
				continue;
			}
			members.add(new TeamMember(post.id(), post.title(), post.orgId(),
					holder == null ? null : holder.person().id(), holder == null ? null : holder.person().name(), leader));
		}
		if (in.kind() != null && in.kind().needsTeamLeader() && members.stream().noneMatch(TeamMember::leader)
				&& errors.stream().noneMatch(e -> e.field().startsWith("team"))) {
			errors.add(InputError.field("team", "error.inspection.leader-required"));
		}
		if (members.stream().filter(TeamMember::leader).count() > 1) {
			errors.add(InputError.field("team", "error.inspection.one-leader"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		String title = in.title().strip();
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO inspection (org_id, kind, title, start_date, end_date, created_at)
				VALUES (:org, :kind, :title, :start, :end, :now)
				""").param("org", org.id()).param("kind", in.kind().name()).param("title", title)
				.param("start", in.startDate()).param("end", in.endDate()).param("now", clock.now()).update(keys, "id");
		long id = keys.getKey().longValue();
		int order = 0;
		for (TeamMember m : members) {
			jdbc.sql("""
					INSERT INTO inspection_member (inspection_id, post_id, person_id, leader, sort_order)
					VALUES (:id, :post, :person, :leader, :sort)
					""").param("id", id).param("post", m.postId()).param("person", m.personId())
					.param("leader", m.leader()).param("sort", ++order).update();
		}
		for (TargetInput t : targets) {
			jdbc.sql("INSERT INTO inspection_target (inspection_id, org_id, include_subtree) VALUES (:id, :org, :sub)")
					.param("id", id).param("org", t.orgId()).param("sub", Boolean.TRUE.equals(t.includeSubtree()))
					.update();
		}
		for (int i = 0; i < focus.size(); i++) {
			jdbc.sql("INSERT INTO inspection_focus (inspection_id, focus_no, text) VALUES (:id, :no, :text)")
					.param("id", id).param("no", i + 1).param("text", focus.get(i)).update();
		}
		audit.record(new AuditTrail.Change(org.id(), "inspection", id, "CREATE",
				"kind=%s title=%s %s..%s targets=%d team=%d".formatted(in.kind(), title, in.startDate(), in.endDate(),
						targets.size(), members.size())));
		return get(id);
	}

	/** An organisation the caller supervises: 404 when it does not exist (or is not visible), 403 when not supervised. */
	Org requireSupervising(long orgId) {
		// an organisation the caller does not see is refused like one they see but do not supervise
		Org org = tree.find(orgId).orElse(null);
		if (org == null || !supervises(org.id())) {
			throw new ForbiddenException();
		}
		return org;
	}

	/**
	 * The organisation, when the caller may plan an inspection of this kind by it: supervisory
	 * work (DISCIPLINE, ADMIN); an annual check, led by a member of the leadership team, is
	 * organised by the committee office, so its ORG_ADMIN may plan one too.
	 */
	Org requirePlanning(long orgId, Kind kind) {
		Org org = tree.find(orgId).orElse(null);
		if (org == null || !plannable(org.id()).contains(kind == null ? Kind.ANNUAL_CHECK : kind)) {
			throw new ForbiddenException();
		}
		return org;
	}

	/** The kinds of inspection the caller may plan (and then carry on with) for this organisation. */
	public List<Kind> plannable(long orgId) {
		if (supervises(orgId)) {
			return List.of(Kind.values());
		}
		return tree.canManage(orgId) ? List.of(Kind.ANNUAL_CHECK) : List.of();
	}

	/** Whether the caller may change this inspection: record its findings, attach their files. */
	public boolean mayChange(Inspection inspection) {
		return plannable(inspection.orgId()).contains(inspection.kind());
	}

	/** {@link #mayChange(Inspection)} by id, for a finding's page seen from a target below the inspection's view. */
	public boolean mayChange(long inspectionId) {
		return jdbc.sql("SELECT org_id, kind FROM inspection WHERE id = :id").param("id", inspectionId)
				.query((rs, n) -> plannable(rs.getLong("org_id")).contains(Kind.valueOf(rs.getString("kind"))))
				.optional().orElse(false);
	}

	private Post findPost(long id) {
		try {
			return leadership.getPost(id);
		}
		catch (NotFoundException e) {
			return null;
		}
	}

	/** Whether the caller does supervisory work (DISCIPLINE, ADMIN) at this organisation. */
	public boolean supervises(long orgId) {
		Scope supervising = scope.supervising();
		return supervising.bind(jdbc.sql("SELECT COUNT(*) FROM org o WHERE o.id = :id AND " + supervising.condition("o")))
				.param("id", orgId).query(Long.class).single() > 0;
	}

	// ---- reading ------------------------------------------------------------------------------

	record Head(long id, long orgId, String orgName, Kind kind, String title, LocalDate startDate, LocalDate endDate,
			OffsetDateTime createdAt) {
	}

	static final String HEAD_COLUMNS = "i.id, i.org_id, io.name AS org_name, i.kind, i.title, i.start_date, i.end_date, i.created_at";

	/**
	 * The condition under which the caller sees inspection {@code i} (its organisation joined as
	 * {@code io}): they see the inspecting organisation or an organisation it targets.
	 */
	static String visible(Scope reading) {
		return "(" + reading.condition("io") + " OR EXISTS (SELECT 1 FROM inspection_target vt JOIN org vo ON vo.id = vt.org_id"
				+ " WHERE vt.inspection_id = i.id AND " + reading.condition("vo") + "))";
	}

	Head head(long id) {
		Scope reading = scope.reading();
		return reading.bind(jdbc.sql("SELECT " + HEAD_COLUMNS + " FROM inspection i JOIN org io ON io.id = i.org_id"
				+ " WHERE i.id = :id AND " + visible(reading))).param("id", id).query(Rows.of(Head.class)).optional()
				.orElseThrow(() -> new NotFoundException("inspection", id));
	}

	/** An inspection to change: 404 when it does not exist or is out of view, 403 when the caller does not supervise its organisation. */
	Head supervisedHead(long id) {
		Head head = jdbc.sql("SELECT " + HEAD_COLUMNS + " FROM inspection i JOIN org io ON io.id = i.org_id WHERE i.id = :id")
				.param("id", id).query(Rows.of(Head.class)).optional().orElseThrow(() -> new NotFoundException("inspection", id));
		if (!plannable(head.orgId()).contains(head.kind())) {
			head(id); // out of view: 404, as for an inspection that does not exist
			throw new ForbiddenException();
		}
		return head;
	}

	/** 404 when the inspection does not exist, 403 when the caller does not supervise its organisation. */
	public void requireSupervised(long id) {
		supervisedHead(id);
	}

	public Inspection get(long id) {
		return assemble(head(id));
	}

	private Inspection assemble(Head h) {
		List<TeamMember> team = jdbc.sql("""
				SELECT m.post_id, p.title AS post_title, p.org_id AS post_org_id, m.person_id, pe.name AS person_name, m.leader
				FROM inspection_member m
				JOIN post p ON p.id = m.post_id LEFT JOIN person pe ON pe.id = m.person_id
				WHERE m.inspection_id = :id ORDER BY m.leader DESC, m.sort_order
				""").param("id", h.id()).query(Rows.of(TeamMember.class)).list();
		return new Inspection(h.id(), h.orgId(), h.orgName(), h.kind(), h.title(), h.startDate(), h.endDate(), team,
				targets(h.id()), focus(h.id()), h.createdAt());
	}

	List<Target> targets(long id) {
		return jdbc.sql("""
				SELECT t.org_id, o.name AS org_name, t.include_subtree FROM inspection_target t JOIN org o ON o.id = t.org_id
				WHERE t.inspection_id = :id ORDER BY o.sort_order, o.id
				""").param("id", id).query(Rows.of(Target.class)).list();
	}

	List<String> focus(long id) {
		return jdbc.sql("SELECT text FROM inspection_focus WHERE inspection_id = :id ORDER BY focus_no").param("id", id)
				.query(String.class).list();
	}

	/** The inspections the caller sees that {@code orgId} carried out or was targeted by in a year, latest first. */
	public List<Inspection> of(long orgId, int year) {
		Org org = tree.get(orgId);
		Scope reading = scope.reading();
		return reading.bind(jdbc.sql("SELECT " + HEAD_COLUMNS + " FROM inspection i JOIN org io ON io.id = i.org_id"
				+ " WHERE (i.org_id = :org OR EXISTS (SELECT 1 FROM inspection_target t JOIN org r ON r.id = t.org_id"
				+ "   WHERE t.inspection_id = i.id AND (t.org_id = :org OR (t.include_subtree AND r.path < :path"
				+ "   AND SUBSTR(:path, 1, LENGTH(r.path)) = r.path))))"
				+ " AND i.start_date <= :last AND i.end_date >= :first AND " + visible(reading)
				+ " ORDER BY i.start_date DESC, i.id DESC")).param("org", org.id()).param("path", org.path())
				.param("first", LocalDate.of(year, 1, 1)).param("last", LocalDate.of(year, 12, 31)).query(Rows.of(Head.class)).list()
				.stream().map(this::assemble).toList();
	}

	/** A target organisation, resolved: one organisation the inspection covers. */
	public record TargetOrg(long orgId, String code, String name) {
	}

	/**
	 * The organisations an inspection covers now that the caller sees (first {@link #MAX_TARGETS_LISTED}
	 * in tree order): each rule resolved as an index range over the tree, set-based.
	 */
	public List<TargetOrg> targetOrgs(long id) {
		head(id);
		Scope reading = scope.reading();
		List<Target> rules = targets(id);
		List<String> parts = new ArrayList<>();
		java.util.Map<String, Object> params = new java.util.HashMap<>();
		List<Long> single = new ArrayList<>();
		for (Target t : rules) {
			if (!t.includeSubtree()) {
				single.add(t.orgId());
				continue;
			}
			Subtree subtree = tree.find(t.orgId()).map(o -> tree.subtree(o.id())).orElse(null);
			if (subtree == null) {
				continue;
			}
			int k = parts.size();
			parts.add("(o.path >= :from_%d AND o.path < :to_%d)".formatted(k, k));
			params.put("from_" + k, subtree.from());
			params.put("to_" + k, subtree.to());
		}
		if (!single.isEmpty()) {
			parts.add("o.id IN (:single)");
			params.put("single", single);
		}
		if (parts.isEmpty()) {
			return List.of();
		}
		return reading.bind(jdbc.sql("SELECT o.id AS org_id, o.code, o.name FROM org o WHERE (" + String.join(" OR ", parts)
				+ ") AND " + reading.condition("o") + " ORDER BY o.path FETCH FIRST " + MAX_TARGETS_LISTED + " ROWS ONLY"))
				.params(params).query(Rows.of(TargetOrg.class)).list();
	}

	/** Whether an inspection covers {@code orgId} now (one of its rules takes it in). */
	boolean covers(long inspectionId, long orgId) {
		for (Target t : targets(inspectionId)) {
			if (t.orgId() == orgId) {
				return true;
			}
			if (t.includeSubtree() && tree.find(t.orgId()).isPresent() && tree.contains(tree.subtree(t.orgId()), orgId)) {
				return true;
			}
		}
		return false;
	}
}
