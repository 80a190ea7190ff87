package zeren.inspection;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zeren.audit.AuditTrail;
import zeren.inspection.Notice.Criticised;
import zeren.inspection.Notice.Criticism;
import zeren.inspection.Notice.ScopeKind;
import zeren.org.Org;
import zeren.org.OrgTree;
import zeren.org.Subtree;
import zeren.platform.BusinessClock;
import zeren.platform.CurrentScope;
import zeren.platform.InputError;
import zeren.platform.Inputs;
import zeren.platform.InvalidInputException;
import zeren.platform.NotFoundException;
import zeren.platform.Rows;
import zeren.platform.Scope;

/**
 * Circulated notices (通报): issued by an inspecting organisation about its findings to a scope
 * (one organisation, a subtree, or its whole jurisdiction), recording serious criticism
 * (严肃批评) against organisations. Who received a notice is computed when read, from the
 * scope and the tree, never copied per recipient: an organisation receives every notice whose
 * scope organisation is itself or (for a subtree) one of its ancestors.
 */
@Service
@Transactional(readOnly = true)
public class Notices {

	private final JdbcClient jdbc;
	private final Inspections inspections;
	private final OrgTree tree;
	private final BusinessClock clock;
	private final CurrentScope scope;
	private final AuditTrail audit;
	private final Validator validator;

	Notices(JdbcClient jdbc, Inspections inspections, OrgTree tree, BusinessClock clock, CurrentScope scope,
			AuditTrail audit, Validator validator) {
		this.jdbc = jdbc;
		this.inspections = inspections;
		this.tree = tree;
		this.clock = clock;
		this.scope = scope;
		this.audit = audit;
		this.validator = validator;
	}

	/**
	 * A notice to issue. {@code scopeOrgId} is needed for ORG and SUBTREE (an organisation in the
	 * issuer's jurisdiction); JURISDICTION is the issuer's own subtree.
	 */
	public record NewNotice(@NotNull Long orgId, @NotBlank @Size(max = 200) String title,
			@NotBlank @Size(max = 8000) String body, @NotNull ScopeKind scopeKind, Long scopeOrgId,
			@NotEmpty List<Long> findingIds, List<Long> criticisedOrgIds) {
	}

	@Transactional
	public Notice issue(NewNotice in) {
		Org issuer = in.orgId() == null ? null : inspections.requireSupervising(in.orgId());
		List<InputError> errors = new ArrayList<>(Inputs.errors(validator.validate(in)));
		if (issuer == null) {
			// without the issuer nothing else can be checked
			throw new InvalidInputException(errors);
		}
		Subtree jurisdiction = tree.subtree(issuer.id());
		// one organisation or a subtree: named, and inside the issuer's jurisdiction
		Long scopeOrgId = in.scopeKind() == ScopeKind.JURISDICTION ? Long.valueOf(issuer.id()) : in.scopeOrgId();
		if (in.scopeKind() == ScopeKind.ORG || in.scopeKind() == ScopeKind.SUBTREE) {
			if (scopeOrgId == null) {
				errors.add(InputError.field("scopeOrgId", "error.inspection.scope-org-required"));
			}
			else if (!tree.contains(jurisdiction, scopeOrgId)) {
				errors.add(InputError.field("scopeOrgId", "error.inspection.scope-outside", scopeOrgId));
			}
		}
		Set<Long> findingIds = new LinkedHashSet<>(in.findingIds() == null ? List.of() : in.findingIds());
		findingIds.remove(null);
		Map<Long, Long> findingOrgs = new HashMap<>();
		if (findingIds.isEmpty() && in.findingIds() != null && !in.findingIds().isEmpty()) {
			// a list of empty entries only: the declared constraints do not reach them
			errors.add(InputError.field("findingIds", "error.field.required"));
		}
		else if (!findingIds.isEmpty()) {
			jdbc.sql("""
					SELECT f.id, f.org_id FROM inspection_finding f JOIN inspection i ON i.id = f.inspection_id
					WHERE f.id IN (:ids) AND i.org_id = :issuer
					""").param("ids", List.copyOf(findingIds)).param("issuer", issuer.id())
					.query(rs -> {
						findingOrgs.put(rs.getLong("id"), rs.getLong("org_id"));
					});
			for (Long id : findingIds) {
				if (!findingOrgs.containsKey(id)) {
					errors.add(InputError.field("findingIds", "error.inspection.finding-not-of-issuer", id));
				}
			}
		}
		Set<Long> criticised = new LinkedHashSet<>(in.criticisedOrgIds() == null ? List.of() : in.criticisedOrgIds());
		criticised.remove(null);
		for (Long orgId : criticised) {
			if (!findingOrgs.containsValue(orgId)) {
				errors.add(InputError.field("criticisedOrgIds", "error.inspection.criticised-not-in-findings", orgId));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		String title = in.title().strip();
		String body = in.body().strip();
		LocalDate today = clock.today();
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO inspection_notice (org_id, title, body, scope_kind, scope_org_id, issued_on, issued_at)
				VALUES (:org, :title, :body, :kind, :scope, :today, :now)
				""").param("org", issuer.id()).param("title", title).param("body", body)
				.param("kind", in.scopeKind().name()).param("scope", scopeOrgId).param("today", today)
				.param("now", clock.now()).update(keys, "id");
		long id = keys.getKey().longValue();
		for (Long findingId : findingIds) {
			jdbc.sql("INSERT INTO inspection_notice_finding (notice_id, finding_id) VALUES (:n, :f)").param("n", id)
					.param("f", findingId).update();
		}
		for (Long orgId : criticised) {
			jdbc.sql("INSERT INTO inspection_criticism (notice_id, org_id, issued_on) VALUES (:n, :o, :today)")
					.param("n", id).param("o", orgId).param("today", today).update();
			audit.record(new AuditTrail.Change(orgId, "inspection-criticism", id, "SERIOUS_CRITICISM",
					"notice=%d %s".formatted(id, title)));
		}
		audit.record(new AuditTrail.Change(issuer.id(), "inspection-notice", id, "ISSUE",
				"scope=%s:%d findings=%s criticised=%s %s".formatted(in.scopeKind(), scopeOrgId, findingIds, criticised,
						title)));
		return byId(id);
	}

	// ---- reading ------------------------------------------------------------------------------

	private static final String COLUMNS = """
			n.id, n.org_id, io.name AS org_name, n.title, n.body, n.scope_kind, n.scope_org_id, so.name AS scope_org_name,
			n.issued_on, n.issued_at""";

	private static final String FROM = "FROM inspection_notice n JOIN org io ON io.id = n.org_id JOIN org so ON so.id = n.scope_org_id";

	private static final RowMapper<Notice> NOTICE = (rs, n) -> new Notice(rs.getLong("id"), rs.getLong("org_id"),
			rs.getString("org_name"), rs.getString("title"), rs.getString("body"),
			ScopeKind.valueOf(rs.getString("scope_kind")), rs.getLong("scope_org_id"), rs.getString("scope_org_name"),
			rs.getObject("issued_on", LocalDate.class), rs.getObject("issued_at", OffsetDateTime.class), List.of(),
			List.of());

	/**
	 * The caller sees a notice they issued or received: they see the issuer or the scope
	 * organisation, or (subtree scopes) one of their grants starts inside the scope's subtree.
	 */
	private static String visible(Scope reading) {
		if (reading.unrestricted() || reading.isEmpty()) {
			return reading.condition("so");
		}
		List<String> inside = new ArrayList<>();
		for (int i = 0; i < reading.ranges().size(); i++) {
			inside.add("SUBSTR(:scope_from_%d, 1, LENGTH(so.path)) = so.path".formatted(i));
		}
		return "(" + reading.condition("io") + " OR " + reading.condition("so") + " OR (n.scope_kind <> 'ORG' AND ("
				+ String.join(" OR ", inside) + ")))";
	}

	/** A notice the caller issued or received, or 404. */
	public Notice get(long id) {
		Scope reading = scope.reading();
		reading.bind(jdbc.sql("SELECT COUNT(*) " + FROM + " WHERE n.id = :id AND " + visible(reading)))
				.param("id", id).query(Long.class).optional().filter(c -> c > 0)
				.orElseThrow(() -> new NotFoundException("inspection-notice", id));
		return byId(id);
	}

	private Notice byId(long id) {
		Notice n = jdbc.sql("SELECT " + COLUMNS + " " + FROM + " WHERE n.id = :id").param("id", id).query(NOTICE)
				.single();
		List<Notice.Concerning> findings = jdbc.sql("""
				SELECT f.id AS finding_id, f.org_id, o.name AS org_name, f.severity, f.description
				FROM inspection_notice_finding nf
				JOIN inspection_finding f ON f.id = nf.finding_id JOIN org o ON o.id = f.org_id
				WHERE nf.notice_id = :id ORDER BY f.id
				""").param("id", id).query(Rows.of(Notice.Concerning.class)).list();
		List<Criticised> criticised = jdbc.sql("""
				SELECT c.org_id, o.name AS org_name FROM inspection_criticism c JOIN org o ON o.id = c.org_id
				WHERE c.notice_id = :id ORDER BY o.path
				""").param("id", id).query(Rows.of(Criticised.class)).list();
		return new Notice(n.id(), n.orgId(), n.orgName(), n.title(), n.body(), n.scopeKind(), n.scopeOrgId(),
				n.scopeOrgName(), n.issuedOn(), n.issuedAt(), findings, criticised);
	}

	/**
	 * The notices an organisation received, latest first: those to itself, and those to a subtree
	 * or jurisdiction whose organisation is itself or one of its ancestors (a prefix of its path).
	 */
	public List<Notice> received(long orgId) {
		Org org = tree.get(orgId);
		return jdbc.sql("SELECT " + COLUMNS + " " + FROM + """
				 WHERE (n.scope_kind = 'ORG' AND n.scope_org_id = :org)
				    OR (n.scope_kind <> 'ORG' AND so.path <= :path AND SUBSTR(:path, 1, LENGTH(so.path)) = so.path)
				 ORDER BY n.issued_at DESC, n.id DESC
				""").param("org", org.id()).param("path", org.path()).query(NOTICE).list();
	}

	/** The notices an organisation issued, latest first. */
	public List<Notice> issued(long orgId) {
		Org org = tree.get(orgId);
		return jdbc.sql("SELECT " + COLUMNS + " " + FROM + " WHERE n.org_id = :org ORDER BY n.issued_at DESC, n.id DESC")
				.param("org", org.id()).query(NOTICE).list();
	}

	/**
	 * How a notice names a person: {@code CRITICISED_ORG}, it recorded serious criticism against an
	 * organisation in whose leadership the person held {@code postTitle} on the day it was issued;
	 * {@code RESPONSIBLE_POST}, it is about a finding for which that post, held by the person on that
	 * day, was responsible ({@code findingId}, its description).
	 */
	public record Naming(long noticeId, String noticeTitle, long issuerOrgId, String issuerOrgName, LocalDate issuedOn,
			String basis, long orgId, String orgName, long postId, String postTitle, Long findingId,
			String findingDescription) {
	}

	/**
	 * The notices the caller sees (issued or received) that name a person, through the posts the
	 * person held on the day each was issued (tenures at the date of the fact), latest first.
	 */
	public List<Naming> naming(long personId) {
		Scope reading = scope.reading();
		String held = "t.person_id = :person AND t.start_date <= n.issued_on AND (t.end_date IS NULL OR t.end_date >= n.issued_on)";
		return reading.bind(jdbc.sql("""
				SELECT * FROM (
				  SELECT n.id AS notice_id, n.title AS notice_title, n.org_id AS issuer_org_id, io.name AS issuer_org_name,
				         n.issued_on, 'CRITICISED_ORG' AS basis, o.id AS org_id, o.name AS org_name, p.id AS post_id,
				         p.title AS post_title, CAST(NULL AS BIGINT) AS finding_id,
				         CAST(NULL AS VARCHAR(4000)) AS finding_description
				  %1$s JOIN inspection_criticism c ON c.notice_id = n.id JOIN org o ON o.id = c.org_id
				  JOIN post p ON p.org_id = c.org_id AND p.kind <> 'LIAISON' JOIN tenure t ON t.post_id = p.id
				  WHERE %2$s AND %3$s
				  UNION ALL
				  SELECT n.id, n.title, n.org_id, io.name, n.issued_on, 'RESPONSIBLE_POST', o.id, o.name, p.id, p.title,
				         f.id, f.description
				  %1$s JOIN inspection_notice_finding nf ON nf.notice_id = n.id
				  JOIN inspection_finding f ON f.id = nf.finding_id JOIN org o ON o.id = f.org_id
				  JOIN inspection_finding_post fp ON fp.finding_id = f.id JOIN post p ON p.id = fp.post_id
				  JOIN tenure t ON t.post_id = p.id
				  WHERE %2$s AND %3$s
				) named ORDER BY issued_on DESC, notice_id DESC, basis, post_id
				""".formatted(FROM, held, visible(reading)))).param("person", personId).query(Rows.of(Naming.class))
				.list();
	}

	/** Serious criticisms recorded against an organisation and everything below it that the caller sees. */
	public List<Criticism> criticisms(long orgId) {
		Subtree subtree = tree.subtree(orgId);
		Scope reading = scope.reading();
		return reading.bind(subtree.bind(jdbc.sql("""
				SELECT c.notice_id, n.title AS notice_title, n.org_id AS issuer_org_id, io.name AS issuer_org_name, c.org_id,
				       o.name AS org_name, c.issued_on
				FROM inspection_criticism c JOIN inspection_notice n ON n.id = c.notice_id JOIN org io ON io.id = n.org_id
				JOIN org o ON o.id = c.org_id
				WHERE c.org_id IN (%s) AND %s ORDER BY c.issued_on DESC, c.id DESC
				""".formatted(Subtree.ORG_IDS, reading.condition("o"))))).query(Rows.of(Criticism.class)).list();
	}
}
