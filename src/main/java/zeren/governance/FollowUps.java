package zeren.governance;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zeren.accountability.Cases;
import zeren.audit.AuditTrail;
import zeren.governance.FollowUp.Category;
import zeren.governance.FollowUp.SourceKind;
import zeren.inspection.Findings;
import zeren.org.Leadership;
import zeren.org.Org;
import zeren.org.OrgTree;
import zeren.org.Post;
import zeren.org.PostKind;
import zeren.org.Subtree;
import zeren.platform.BusinessClock;
import zeren.platform.CurrentScope;
import zeren.platform.CurrentUser;
import zeren.platform.ForbiddenException;
import zeren.platform.InputError;
import zeren.platform.Inputs;
import zeren.platform.InvalidInputException;
import zeren.platform.NotFoundException;
import zeren.platform.Scope;
import zeren.tracking.NewTrackedItem;
import zeren.tracking.Tracking;

/**
 * Follow-ups (批示 / 督办). Recording one needs the instructing organisation to be managed by the
 * caller; the instructor is the holder of one of its posts (or of its discipline body's) on the
 * date, through tenures; a finding or case it is about must lie in the organisation's subtree
 * and the caller's view, and its title becomes the subject when none is written; the 督办 is a
 * tracked item of the answering unit (the organisation or one below it), owned by the post named
 * or else its 书记, verified by the instructing organisation and the instructor.
 */
@Service
@Transactional(readOnly = true)
public class FollowUps {

	/** The tracked-item kind of a 督办; its source reference is the follow-up's id. */
	public static final String KIND = "governance.follow-up";
	public static final int LIST_LIMIT = 1000;

	private final JdbcClient jdbc;
	private final Validator validator;
	private final OrgTree tree;
	private final Leadership leadership;
	private final Cases cases;
	private final Findings findings;
	private final Tracking items;
	private final CurrentScope scope;
	private final BusinessClock clock;
	private final AuditTrail audit;

	FollowUps(JdbcClient jdbc, Validator validator, OrgTree tree, Leadership leadership, Cases cases, Findings findings,
			Tracking items, CurrentScope scope, BusinessClock clock, AuditTrail audit) {
		this.jdbc = jdbc;
		this.validator = validator;
		this.tree = tree;
		this.leadership = leadership;
		this.cases = cases;
		this.findings = findings;
		this.items = items;
		this.scope = scope;
		this.clock = clock;
		this.audit = audit;
	}

	public record NewFollowUp(@NotNull Long orgId, @NotNull LocalDate instructedOn, @NotNull Long instructorPostId,
			@NotNull SourceKind sourceKind, Long sourceId, @Size(max = 200) String subject,
			@NotBlank @Size(max = 4000) String instruction, Category category, @NotNull Long answerOrgId, Long ownerPostId,
			@NotNull LocalDate deadline) {
	}

	@Transactional
	public FollowUp record(NewFollowUp request) {
		if (request == null) {
			throw InvalidInputException.of("body", "error.field.required");
		}
		List<InputError> errors = new ArrayList<>(Inputs.errors(validator.validate(request)));
		if (request.orgId() == null) {
			throw new InvalidInputException(errors);
		}
		Org org = tree.manageableOrForbidden(request.orgId());
		Subtree subtree = tree.subtree(org.id());
		LocalDate date = request.instructedOn();
		if (date != null && date.isAfter(clock.today())) {
			errors.add(InputError.field("instructedOn", "error.field.future"));
		}
		if (date != null && request.deadline() != null && request.deadline().isBefore(date)) {
			errors.add(InputError.field("deadline", "error.governance.deadline-before", date));
		}
		Leadership.Holding instructor = null;
		if (request.instructorPostId() != null && date != null) {
			instructor = holder(org, request.instructorPostId(), date, errors);
		}
		String subject = request.subject() == null ? "" : request.subject().strip();
		if (request.sourceKind() != null && request.sourceKind().isRecord()) {
			String title = source(request.sourceKind(), request.sourceId(), subtree, errors);
			if (subject.isEmpty() && title != null) {
				subject = title.length() > 200 ? title.substring(0, 199) + "…" : title;
			}
		}
		if (subject.isEmpty() && errors.stream().noneMatch(e -> "sourceId".equals(e.field()))) {
			errors.add(InputError.field("subject", "error.field.required"));
		}
		Post owner = null;
		if (request.answerOrgId() != null) {
			if (tree.find(request.answerOrgId()).isEmpty() || !tree.contains(subtree, request.answerOrgId())) {
				errors.add(InputError.field("answerOrgId", "error.governance.answer-outside", request.answerOrgId()));
			}
			else {
				owner = owner(request.answerOrgId(), request.ownerPostId(), errors);
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO gov_follow_up (org_id, instructed_on, instructor_post_id, instructor_person_id, source_kind,
				                           source_id, subject, instruction, category, answer_org_id, created_by, created_at)
				VALUES (:org, :on, :post, :person, :kind, :source, :subject, :instruction, :category, :answer, :user, :now)
				""").param("org", org.id()).param("on", date).param("post", instructor.post().id())
				.param("person", instructor.person().id()).param("kind", request.sourceKind().name())
				.param("source", request.sourceKind().isRecord() ? request.sourceId() : null).param("subject", subject)
				.param("instruction", request.instruction().strip())
				.param("category", request.category() == null ? null : request.category().name())
				.param("answer", request.answerOrgId()).param("user", CurrentUser.actor()).param("now", clock.now())
				.update(keys, "id");
		long id = keys.getKey().longValue();
		Long verifierPost = instructor.post().orgId() == org.id() ? instructor.post().id() : null;
		var item = items.open(new NewTrackedItem(KIND, String.valueOf(id), request.answerOrgId(), subject, owner.id(),
				verifierPost, org.id(), request.deadline()));
		jdbc.sql("UPDATE gov_follow_up SET tracked_item_id = :item WHERE id = :id").param("item", item.id()).param("id", id)
				.update();
		audit.record(new AuditTrail.Change(org.id(), "gov-follow-up", id, "RECORD",
				"on=%s instructor=%s@%d source=%s/%s category=%s answer=%d owner=%d deadline=%s item=%d".formatted(date,
						instructor.person().name(), instructor.post().id(), request.sourceKind(), request.sourceId(),
						request.category(), request.answerOrgId(), owner.id(), request.deadline(), item.id())));
		return get(id);
	}

	/** The holder on {@code date} of a post of the organisation or of its discipline body. */
	private Leadership.Holding holder(Org org, long postId, LocalDate date, List<InputError> errors) {
		Post post;
		try {
			post = leadership.getPost(postId);
		}
		catch (NotFoundException e) {
			post = null;
		}
		if (post == null || (post.orgId() != org.id() && !Long.valueOf(post.orgId()).equals(org.disciplineBodyId()))) {
			errors.add(InputError.field("instructorPostId", "error.governance.instructor-outside", postId));
			return null;
		}
		long id = post.id();
		Leadership.Holding h = leadership.leadersAt(post.orgId(), date).stream()
				.filter(x -> x.post().id() == id && x.person() != null).findFirst().orElse(null);
		if (h == null) {
			errors.add(InputError.field("instructorPostId", "error.governance.post-vacant", post.title(), date));
		}
		return h;
	}

	/** The title of the finding or case the follow-up is about, if it is one the organisation may follow. */
	private String source(SourceKind kind, Long sourceId, Subtree subtree, List<InputError> errors) {
		if (sourceId == null) {
			errors.add(InputError.field("sourceId", "error.field.required"));
			return null;
		}
		try {
			if (kind == SourceKind.CASE) {
				var c = cases.get(sourceId);
				if (tree.contains(subtree, c.orgId())) {
					return c.title();
				}
			}
			else {
				var f = findings.get(sourceId);
				if (tree.contains(subtree, f.orgId())) {
					return f.orgName() + "：" + f.description();
				}
			}
		}
		catch (NotFoundException e) {
			// named below, as for a record outside the subtree
		}
		errors.add(InputError.field("sourceId", "error.governance.source-outside", sourceId));
		return null;
	}

	/** The post that carries the 督办: the one named (of the answering unit), else the unit's 书记. */
	private Post owner(long answerOrgId, Long ownerPostId, List<InputError> errors) {
		List<Post> posts = leadership.posts(answerOrgId).stream().filter(Post::active).toList();
		if (ownerPostId != null) {
			return posts.stream().filter(p -> p.id() == ownerPostId).findFirst().orElseGet(() -> {
				errors.add(InputError.field("ownerPostId", "error.governance.owner-outside", ownerPostId));
				return null;
			});
		}
		return posts.stream().filter(p -> p.kind() == PostKind.SECRETARY).findFirst().orElseGet(() -> {
			errors.add(InputError.field("ownerPostId", "error.governance.owner-required"));
			return null;
		});
	}

	public record Decided(@NotBlank @Size(max = 4000) String decided) {
	}

	/** Records what was decided on the matter (for the register); may be rewritten as the matter moves. */
	@Transactional
	public FollowUp decide(long id, Decided request) {
		FollowUp f = get(id);
		if (!tree.canManage(f.orgId())) {
			throw new ForbiddenException();
		}
		CoordinationGroups.valid(validator, request);
		jdbc.sql("UPDATE gov_follow_up SET decided = :d WHERE id = :id").param("d", request.decided().strip())
				.param("id", id).update();
		audit.record(new AuditTrail.Change(f.orgId(), "gov-follow-up", id, "DECIDE", "length=" + request.decided().strip().length()));
		return get(id);
	}

	private static final String SELECT = """
			SELECT f.id, f.org_id, o.name AS org_name, f.instructed_on, f.instructor_post_id, p.title AS instructor_post_title,
			       f.instructor_person_id, pe.name AS instructor_name, f.source_kind, f.source_id, f.subject, f.instruction,
			       f.category, f.decided, f.answer_org_id, ao.name AS answer_org_name, f.tracked_item_id, t.status AS item_status,
			       t.deadline, CAST(t.closed_at AS DATE) AS closed_on, f.created_by, f.created_at
			FROM gov_follow_up f JOIN org o ON o.id = f.org_id JOIN org ao ON ao.id = f.answer_org_id
			JOIN post p ON p.id = f.instructor_post_id JOIN person pe ON pe.id = f.instructor_person_id
			LEFT JOIN tracked_item t ON t.id = f.tracked_item_id
			""";

	private static FollowUp map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		String category = rs.getString("category");
		return new FollowUp(rs.getLong("id"), rs.getLong("org_id"), rs.getString("org_name"),
				rs.getObject("instructed_on", LocalDate.class), rs.getLong("instructor_post_id"),
				rs.getString("instructor_post_title"), rs.getLong("instructor_person_id"), rs.getString("instructor_name"),
				SourceKind.valueOf(rs.getString("source_kind")), rs.getObject("source_id", Long.class), rs.getString("subject"),
				rs.getString("instruction"), category == null ? null : Category.valueOf(category), rs.getString("decided"),
				rs.getLong("answer_org_id"), rs.getString("answer_org_name"), rs.getObject("tracked_item_id", Long.class),
				rs.getString("item_status"), rs.getObject("deadline", LocalDate.class),
				rs.getObject("closed_on", LocalDate.class), rs.getString("created_by"),
				rs.getObject("created_at", OffsetDateTime.class));
	}

	/** A follow-up the caller may see: the instructing organisation or the answering unit is in their view; else 404. */
	public FollowUp get(long id) {
		Scope reading = scope.reading();
		return reading.bind(jdbc.sql(SELECT + " WHERE f.id = :id AND (%s OR %s)".formatted(reading.condition("o"),
				reading.condition("ao")))).param("id", id).query(FollowUps::map).optional()
				.orElseThrow(() -> new NotFoundException("gov-follow-up", id));
	}

	/**
	 * The follow-ups given in {@code year} by the organisations of {@code orgId}'s subtree, newest
	 * first; {@code registerOnly}: those with a category (the register of major matters).
	 */
	public List<FollowUp> inSubtree(long orgId, int year, boolean registerOnly) {
		Subtree subtree = tree.subtree(orgId);
		Scope reading = scope.reading();
		return reading.bind(subtree.bind(jdbc.sql(SELECT + """
				WHERE o.path >= :subtreeFrom AND o.path < :subtreeTo AND %s %s
				  AND f.instructed_on >= :start AND f.instructed_on <= :end
				ORDER BY f.instructed_on DESC, f.id DESC FETCH FIRST %d ROWS ONLY
				""".formatted(reading.condition("o"), registerOnly ? "AND f.category IS NOT NULL" : "", LIST_LIMIT))))
				.param("start", LocalDate.of(year, 1, 1)).param("end", LocalDate.of(year, 12, 31)).query(FollowUps::map)
				.list();
	}
}
