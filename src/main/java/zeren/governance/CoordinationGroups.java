package zeren.governance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zeren.accountability.AccountabilityCase;
import zeren.accountability.Cases;
import zeren.audit.AuditTrail;
import zeren.governance.CoordinationGroup.Member;
import zeren.governance.CoordinationGroup.Role;
import zeren.org.Leadership;
import zeren.org.Org;
import zeren.org.OrgTree;
import zeren.org.Post;
import zeren.platform.BusinessClock;
import zeren.platform.ConflictException;
import zeren.platform.CurrentUser;
import zeren.platform.InputError;
import zeren.platform.Inputs;
import zeren.platform.InvalidInputException;
import zeren.platform.NotFoundException;

/**
 * The coordination group of a committee: set up (name, rules of work) by whoever manages the
 * committee, its members chosen from the committee's subtree (units and posts), and its register
 * of major cases (accountability cases of the subtree). Reads follow the committee's visibility.
 */
@Service
@Transactional(readOnly = true)
public class CoordinationGroups {

	static final int MAX_MEMBERS = 100;

	private final JdbcClient jdbc;
	private final Validator validator;
	private final OrgTree tree;
	private final Leadership leadership;
	private final Cases cases;
	private final BusinessClock clock;
	private final AuditTrail audit;

	CoordinationGroups(JdbcClient jdbc, Validator validator, OrgTree tree, Leadership leadership, Cases cases,
			BusinessClock clock, AuditTrail audit) {
		this.jdbc = jdbc;
		this.validator = validator;
		this.tree = tree;
		this.leadership = leadership;
		this.cases = cases;
		this.clock = clock;
		this.audit = audit;
	}

	public record GroupInput(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 8000) String rules) {
	}

	/** Sets up the committee's group or changes its name and rules of work. */
	@Transactional
	public CoordinationGroup save(long orgId, GroupInput input) {
		Org org = tree.manageableOrForbidden(orgId);
		if (!Meetings.holdsMeetings(org)) {
			throw InvalidInputException.of("orgId", "error.governance.not-a-committee", org.name());
		}
		valid(validator, input);
		Optional<Long> existing = groupId(orgId);
		if (existing.isPresent()) {
			jdbc.sql("UPDATE gov_group SET name = :name, rules = :rules WHERE id = :id").param("name", input.name().strip())
					.param("rules", input.rules().strip()).param("id", existing.get()).update();
			audit.record(new AuditTrail.Change(orgId, "gov-group", existing.get(), "UPDATE", "name=" + input.name().strip()));
		}
		else {
			var keys = new GeneratedKeyHolder();
			jdbc.sql("""
					INSERT INTO gov_group (org_id, name, rules, created_by, created_at) VALUES (:org, :name, :rules, :user, :now)
					""").param("org", orgId).param("name", input.name().strip()).param("rules", input.rules().strip())
					.param("user", CurrentUser.actor()).param("now", clock.now()).update(keys, "id");
			audit.record(new AuditTrail.Change(orgId, "gov-group", keys.getKey().longValue(), "CREATE",
					"name=" + input.name().strip()));
		}
		return of(orgId).orElseThrow();
	}

	/** {@code role}: LEADER, DEPUTY, MEMBER or UNIT (also by its Chinese name: 组长, 副组长, 成员, 成员单位). */
	public record NewMember(@NotBlank String role, Long memberOrgId, Long postId, @NotBlank @Size(max = 2000) String duties) {

		public NewMember(Role role, Long memberOrgId, Long postId, String duties) {
			this(role == null ? null : role.name(), memberOrgId, postId, duties);
		}
	}

	/** Adds a member: a unit of the committee's subtree for {@link Role#UNIT}, else a post of it. */
	@Transactional
	public CoordinationGroup addMember(long orgId, NewMember request) {
		long groupId = managedGroup(orgId);
		if (request == null) {
			throw InvalidInputException.of("body", "error.field.required");
		}
		List<InputError> errors = new ArrayList<>(Inputs.errors(validator.validate(request)));
		var subtree = tree.subtree(orgId);
		Long memberOrg = null;
		Long post = null;
		Role role = Role.parse(request.role()).orElse(null);
		if (role == null && request.role() != null && !request.role().isBlank()) {
			errors.add(InputError.field("role", "error.governance.unknown-role", request.role()));
		}
		if (role == Role.UNIT) {
			if (request.memberOrgId() == null) {
				errors.add(InputError.field("memberOrgId", "error.field.required"));
			}
			else if (request.memberOrgId() == orgId || tree.find(request.memberOrgId()).isEmpty()
					|| !tree.contains(subtree, request.memberOrgId())) {
				errors.add(InputError.field("memberOrgId", "error.governance.member-outside", request.memberOrgId()));
			}
			else {
				memberOrg = request.memberOrgId();
			}
		}
		else if (role != null) {
			if (request.postId() == null) {
				errors.add(InputError.field("postId", "error.field.required"));
			}
			else {
				Post p = null;
				try {
					p = leadership.getPost(request.postId());
				}
				catch (NotFoundException e) {
					// named below
				}
				if (p == null || !tree.contains(subtree, p.orgId())) {
					errors.add(InputError.field("postId", "error.governance.member-outside", request.postId()));
				}
				else {
					post = p.id();
				}
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		long count = jdbc.sql("SELECT COUNT(*) FROM gov_group_member WHERE group_id = :g").param("g", groupId)
				.query(Long.class).single();
		if (count >= MAX_MEMBERS) {
			throw InvalidInputException.of("role", "error.governance.too-many", MAX_MEMBERS);
		}
		boolean twice = jdbc.sql("""
				SELECT COUNT(*) FROM gov_group_member WHERE group_id = :g AND (member_org_id = :org OR post_id = :post)
				""").param("g", groupId).param("org", memberOrg).param("post", post).query(Long.class).single() > 0;
		if (twice) {
			throw new ConflictException(memberOrg != null ? "memberOrgId" : "postId", "error.governance.member-twice");
		}
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO gov_group_member (group_id, role, member_org_id, post_id, duties, sort_order)
				VALUES (:g, :role, :org, :post, :duties, :sort)
				""").param("g", groupId).param("role", role.name()).param("org", memberOrg).param("post", post)
				.param("duties", request.duties().strip()).param("sort", count + 1).update(keys, "id");
		audit.record(new AuditTrail.Change(orgId, "gov-group", groupId, "ADD_MEMBER",
				"member=%d role=%s org=%s post=%s".formatted(keys.getKey().longValue(), role, memberOrg, post)));
		return of(orgId).orElseThrow();
	}

	@Transactional
	public CoordinationGroup removeMember(long orgId, long memberId) {
		long groupId = managedGroup(orgId);
		int removed = jdbc.sql("DELETE FROM gov_group_member WHERE id = :id AND group_id = :g").param("id", memberId)
				.param("g", groupId).update();
		if (removed == 0) {
			throw new NotFoundException("gov-group-member", memberId);
		}
		audit.record(new AuditTrail.Change(orgId, "gov-group", groupId, "REMOVE_MEMBER", "member=" + memberId));
		return of(orgId).orElseThrow();
	}

	public record CaseLink(@NotNull Long caseId, @NotBlank @Size(max = 2000) String note) {
	}

	/** Puts an accountability case of the committee's subtree in the group's register of major cases. */
	@Transactional
	public CoordinationGroup addCase(long orgId, CaseLink request) {
		long groupId = managedGroup(orgId);
		valid(validator, request);
		AccountabilityCase c;
		try {
			c = cases.get(request.caseId());
		}
		catch (NotFoundException e) {
			throw InvalidInputException.of("caseId", "error.governance.case-outside", request.caseId());
		}
		if (!tree.contains(tree.subtree(orgId), c.orgId())) {
			throw InvalidInputException.of("caseId", "error.governance.case-outside", request.caseId());
		}
		boolean twice = jdbc.sql("SELECT COUNT(*) FROM gov_group_case WHERE group_id = :g AND case_id = :c")
				.param("g", groupId).param("c", c.id()).query(Long.class).single() > 0;
		if (twice) {
			throw new ConflictException("caseId", "error.governance.case-twice", c.title());
		}
		jdbc.sql("INSERT INTO gov_group_case (group_id, case_id, added_on, note) VALUES (:g, :c, :on, :note)")
				.param("g", groupId).param("c", c.id()).param("on", clock.today()).param("note", request.note().strip())
				.update();
		audit.record(new AuditTrail.Change(orgId, "gov-group", groupId, "ADD_CASE", "case=" + c.id()));
		return of(orgId).orElseThrow();
	}

	/** Refuses a missing body or one that breaks its constraints, naming each field. */
	static void valid(Validator validator, Object input) {
		if (input == null) {
			throw InvalidInputException.of("body", "error.field.required");
		}
		List<InputError> errors = Inputs.errors(validator.validate(input));
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
	}

	private long managedGroup(long orgId) {
		tree.manageableOrForbidden(orgId);
		return groupId(orgId).orElseThrow(() -> new NotFoundException("gov-group", orgId));
	}

	private Optional<Long> groupId(long orgId) {
		return jdbc.sql("SELECT id FROM gov_group WHERE org_id = :org").param("org", orgId).query(Long.class).optional();
	}

	/** The posts among the group's members (组长, 副组长, 成员), in the order of the list. */
	public List<Long> memberPosts(long orgId) {
		return jdbc.sql("""
				SELECT m.post_id FROM gov_group_member m JOIN gov_group g ON g.id = m.group_id
				WHERE g.org_id = :org AND m.post_id IS NOT NULL ORDER BY m.sort_order, m.id
				""").param("org", orgId).query(Long.class).list();
	}

	/** The committee's group, if it has one (404 when the committee is out of the caller's view). */
	public Optional<CoordinationGroup> of(long orgId) {
		Org org = tree.get(orgId);
		LocalDate today = clock.today();
		return jdbc.sql("SELECT id, name, rules FROM gov_group WHERE org_id = :org").param("org", orgId)
				.query((rs, n) -> new Object[] { rs.getLong("id"), rs.getString("name"), rs.getString("rules") }).optional()
				.map(row -> {
					long id = (Long) row[0];
					List<Member> members = jdbc.sql("""
							SELECT m.id, m.role, m.member_org_id, mo.name AS member_org_name, m.post_id, p.title AS post_title,
							       po.name AS post_org_name,
							       (SELECT MIN(pe.name) FROM tenure t JOIN person pe ON pe.id = t.person_id WHERE t.post_id = m.post_id
							          AND t.start_date <= :today AND (t.end_date IS NULL OR t.end_date >= :today)) AS holder_name,
							       m.duties
							FROM gov_group_member m LEFT JOIN org mo ON mo.id = m.member_org_id
							LEFT JOIN post p ON p.id = m.post_id LEFT JOIN org po ON po.id = p.org_id
							WHERE m.group_id = :g ORDER BY m.sort_order, m.id
							""").param("g", id).param("today", today)
							.query((rs, n) -> new Member(rs.getLong("id"), Role.valueOf(rs.getString("role")),
									rs.getObject("member_org_id", Long.class), rs.getString("member_org_name"),
									rs.getObject("post_id", Long.class), rs.getString("post_title"), rs.getString("post_org_name"),
									rs.getString("holder_name"), rs.getString("duties")))
							.list();
					List<CoordinationGroup.GroupCase> register = new ArrayList<>();
					jdbc.sql("SELECT case_id, added_on, note FROM gov_group_case WHERE group_id = :g ORDER BY added_on DESC, case_id DESC")
							.param("g", id).query((rs, n) -> new Object[] { rs.getLong("case_id"),
									rs.getObject("added_on", LocalDate.class), rs.getString("note") })
							.list().forEach(r -> {
								AccountabilityCase c = cases.get((Long) r[0]);
								register.add(new CoordinationGroup.GroupCase(c.id(), c.orgId(), c.orgName(), c.title(),
										c.status(), c.registeredOn(), (LocalDate) r[1], (String) r[2]));
							});
					return new CoordinationGroup(id, org.id(), org.name(), (String) row[1], (String) row[2], members, register);
				});
	}
}
