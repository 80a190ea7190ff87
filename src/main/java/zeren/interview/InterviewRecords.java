package zeren.interview;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zeren.audit.AuditTrail;
import zeren.evidence.Attachments;
import zeren.evidence.Download;
import zeren.evidence.Evidence;
import zeren.interview.Interview.Kind;
import zeren.interview.Interview.Party;
import zeren.org.Leadership;
import zeren.org.Org;
import zeren.org.OrgTree;
import zeren.org.Person;
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
import zeren.platform.Paged;
import zeren.platform.Scope;
import zeren.tracking.NewTrackedItem;
import zeren.tracking.Tracking;

/**
 * Interview records. An interview is a fact: it is recorded once, with every person checked
 * through tenures to have held the named post on the interview date, and is not edited
 * afterwards. Recording needs the holding organisation to be managed by the caller (403);
 * reads are cut to the caller's scope (404).
 */
@Service
@Transactional(readOnly = true)
public class InterviewRecords {

	static final int MAX_CONTENT = 8000;
	static final int MAX_REQUIREMENT = 2000;
	static final int MAX_REQUIREMENTS = 50;
	static final int MAX_INTERVIEWEES = 100;
	/** The most interviews a list returns (newest first). */
	public static final int LIST_LIMIT = 1000;

	private final JdbcClient jdbc;
	private final Validator validator;
	private final Tracking items;
	private final Attachments files;
	private final OrgTree tree;
	private final Leadership leadership;
	private final BusinessClock clock;
	private final CurrentScope scope;
	private final AuditTrail audit;

	InterviewRecords(JdbcClient jdbc, Validator validator, Tracking items, Attachments files, OrgTree tree,
			Leadership leadership, BusinessClock clock, CurrentScope scope, AuditTrail audit) {
		this.jdbc = jdbc;
		this.validator = validator;
		this.items = items;
		this.files = files;
		this.tree = tree;
		this.leadership = leadership;
		this.clock = clock;
		this.scope = scope;
		this.audit = audit;
	}

	/** A post and, optionally, the person who held it; without the person, the one holder on the date is taken. */
	public record Attendee(@NotNull Long postId, Long personId) {
	}

	public record NewInterview(@NotNull Long orgId, @NotNull LocalDate date, @NotNull Kind kind,
			@Valid Attendee interviewer, @NotEmpty @Size(max = MAX_INTERVIEWEES) @Valid List<Attendee> interviewees,
			@NotBlank @Size(max = MAX_CONTENT) String content, List<String> requirements) {

		public NewInterview {
			// a missing person is one without a post (refused as such: "interviewer.postId"), not a hole
			interviewer = interviewer == null ? new Attendee(null, null) : interviewer;
			interviewees = interviewees == null ? null
					: interviewees.stream().map(a -> a == null ? new Attendee(null, null) : a).toList();
		}
	}

	@Transactional
	public Interview record(NewInterview request) {
		List<InputError> errors = new ArrayList<>(Inputs.errors(validator.validate(request)));
		if (request.orgId() == null) {
			throw new InvalidInputException(errors);
		}
		Org org = tree.manageableOrForbidden(request.orgId());
		LocalDate date = request.date();
		if (date != null && date.isAfter(clock.today())) {
			errors.add(InputError.field("date", "error.field.future"));
		}
		else if (date != null && date.getYear() < 2000) {
			errors.add(InputError.field("date", "error.interview.date-range", 2000));
		}
		String content = request.content() == null ? "" : request.content().strip();
		List<String> requirements = new ArrayList<>();
		List<String> given = request.requirements() == null ? List.of() : request.requirements();
		for (int i = 0; i < given.size(); i++) {
			String text = given.get(i) == null ? "" : given.get(i).strip();
			if (text.length() > MAX_REQUIREMENT) {
				// per entry by hand: a constraint on a list's strings would name the field "requirements[0].<list element>"
				errors.add(InputError.field("requirements[%d]".formatted(i), "error.field.too-long", MAX_REQUIREMENT));
			}
			else if (!text.isEmpty()) {
				requirements.add(text);
			}
		}
		if (requirements.size() > MAX_REQUIREMENTS) {
			errors.add(InputError.field("requirements", "error.interview.too-many", MAX_REQUIREMENTS));
		}
		Subtree subtree = tree.subtree(org.id());
		Resolved interviewer = null;
		List<Resolved> interviewees = new ArrayList<>();
		if (request.interviewer().postId() != null && date != null) {
			interviewer = resolve(request.interviewer(), "interviewer", subtree, date, errors);
		}
		List<Attendee> attendees = request.interviewees() == null ? List.of() : request.interviewees();
		Set<Long> posts = new HashSet<>();
		if (request.interviewer().postId() != null) {
			posts.add(request.interviewer().postId());
		}
		for (int i = 0; i < attendees.size() && i < MAX_INTERVIEWEES; i++) {
			Attendee a = attendees.get(i);
			String field = "interviewees[" + i + "]";
			if (a.postId() == null) {
				continue;
			}
			if (!posts.add(a.postId())) {
				errors.add(InputError.field(field + ".postId", "error.interview.post-twice"));
				continue;
			}
			if (date != null) {
				Resolved r = resolve(a, field, subtree, date, errors);
				if (r != null) {
					interviewees.add(r);
				}
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO interview (org_id, interview_date, kind, interviewer_person_id, interviewer_post_id, content,
				                       created_by, created_at)
				VALUES (:org, :date, :kind, :person, :post, :content, :user, :now)
				""").param("org", org.id()).param("date", date).param("kind", request.kind().name())
				.param("person", interviewer.person().id()).param("post", interviewer.post().id()).param("content", content)
				.param("user", CurrentUser.actor()).param("now", clock.now()).update(keys, "id");
		long id = keys.getKey().longValue();
		int order = 0;
		for (Resolved r : interviewees) {
			jdbc.sql("INSERT INTO interview_interviewee (interview_id, post_id, person_id, sort_order) VALUES (:id, :post, :person, :sort)")
					.param("id", id).param("post", r.post().id()).param("person", r.person().id()).param("sort", ++order)
					.update();
		}
		order = 0;
		for (String text : requirements) {
			jdbc.sql("INSERT INTO interview_requirement (interview_id, sort_order, text) VALUES (:id, :sort, :text)")
					.param("id", id).param("sort", ++order).param("text", text).update();
		}
		audit.record(new AuditTrail.Change(org.id(), "interview", id, "RECORD",
				"date=%s kind=%s interviewer=%s@%d interviewees=%s requirements=%d".formatted(date, request.kind(),
						interviewer.person().name(), interviewer.post().id(),
						interviewees.stream().map(r -> r.person().name() + "@" + r.post().id()).toList(),
						requirements.size())));
		return get(id);
	}

	/** The tracked-item kind of a requirement raised in an interview; its source reference is the requirement's id. */
	public static final String REQUIREMENT_KIND = "interview.requirement";

	/** Whose organisation carries the requirement (optional with one interviewee) and by when. */
	public record TrackRequirement(Long intervieweePostId, @NotNull LocalDate deadline) {
	}

	/**
	 * Makes requirement {@code no} of an interview a tracked item of an interviewee's
	 * organisation: owned by the interviewee's post, verified by the holding organisation (and the
	 * interviewer's post when it is that organisation's). Once only (409).
	 */
	@Transactional
	public Interview track(long id, int no, TrackRequirement request) {
		Interview interview = requireManaged(id);
		Interview.Requirement requirement = interview.requirements().stream().filter(r -> r.no() == no).findFirst()
				.orElseThrow(() -> new NotFoundException("interview-requirement", id + "/" + no));
		if (requirement.trackedItemId() != null) {
			throw new ConflictException("no", "error.interview.requirement-tracked", no, requirement.trackedItemId());
		}
		List<InputError> errors = new ArrayList<>(Inputs.errors(validator.validate(request)));
		Party target = null;
		if (request.intervieweePostId() == null) {
			if (interview.interviewees().size() == 1) {
				target = interview.interviewees().get(0);
			}
			else {
				errors.add(InputError.field("intervieweePostId", "error.field.required"));
			}
		}
		else {
			target = interview.interviewees().stream().filter(p -> p.postId() == request.intervieweePostId()).findFirst()
					.orElse(null);
			if (target == null) {
				errors.add(InputError.field("intervieweePostId", "error.interview.not-an-interviewee", request.intervieweePostId()));
			}
		}
		if (request.deadline() != null && request.deadline().isBefore(interview.date())) {
			errors.add(InputError.field("deadline", "error.interview.deadline-before", interview.date()));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		long requirementId = jdbc.sql("SELECT id FROM interview_requirement WHERE interview_id = :id AND sort_order = :no")
				.param("id", id).param("no", no).query(Long.class).single();
		Long verifierPost = interview.interviewer().orgId() == interview.orgId() ? interview.interviewer().postId() : null;
		var item = items.open(new NewTrackedItem(REQUIREMENT_KIND, String.valueOf(requirementId), target.orgId(),
				requirement.text(), target.postId(), verifierPost, interview.orgId(), request.deadline()));
		jdbc.sql("UPDATE interview_requirement SET tracked_item_id = :item WHERE id = :id").param("item", item.id())
				.param("id", requirementId).update();
		audit.record(new AuditTrail.Change(interview.orgId(), "interview", id, "TRACK",
				"requirement=%d item=%d org=%d post=%d deadline=%s".formatted(no, item.id(), target.orgId(), target.postId(),
						request.deadline())));
		return get(id);
	}

	/** 404 when the interview is not visible, 403 when the caller does not manage its organisation. */
	public Interview requireManaged(long id) {
		long orgId = jdbc.sql("SELECT org_id FROM interview WHERE id = :id").param("id", id).query(Long.class).optional()
				.orElseThrow(() -> new NotFoundException("interview", id));
		if (!tree.canManage(orgId)) {
			get(id); // out of view: 404, as for an interview that does not exist
			throw new ForbiddenException();
		}
		return get(id);
	}

	/** The owner type of an interview's files in the evidence module. */
	static final String ATTACHMENTS = "interview";

	/** Attaches a file (stored as evidence of the holding organisation, checked by content). */
	@Transactional
	public Interview attach(long id, String name, java.io.InputStream content) {
		Interview interview = requireManaged(id);
		var attached = files.store(new Attachments.Owner(ATTACHMENTS, id), interview.orgId(), name, content);
		if (attached.added()) {
			Evidence stored = attached.evidence();
			audit.record(new AuditTrail.Change(interview.orgId(), "interview", id, "ATTACH",
					"evidence=%d name=%s sha256=%s".formatted(stored.id(), stored.originalName(), stored.sha256())));
		}
		return get(id);
	}

	/** A file attached to an interview the caller may see, to send under its original name. */
	public Download download(long id, long evidenceId) {
		get(id);
		return files.open(new Attachments.Owner(ATTACHMENTS, id), evidenceId);
	}

	private record Resolved(Post post, Person person) {
	}

	/**
	 * The post (visible, in the holding organisation's subtree) and the person who held it on
	 * {@code date}, through tenures; errors name {@code field}.
	 */
	private Resolved resolve(Attendee attendee, String field, Subtree subtree, LocalDate date, List<InputError> errors) {
		Post post;
		try {
			post = leadership.getPost(attendee.postId());
		}
		catch (NotFoundException e) {
			errors.add(InputError.field(field + ".postId", "error.post.unknown", attendee.postId()));
			return null;
		}
		if (!tree.contains(subtree, post.orgId())) {
			errors.add(InputError.field(field + ".postId", "error.interview.post-outside", post.title()));
			return null;
		}
		List<Leadership.Holding> holdings = leadership.leadersAt(post.orgId(), date).stream()
				.filter(h -> h.post().id() == post.id() && h.person() != null).toList();
		if (attendee.personId() != null) {
			return holdings.stream().filter(h -> h.person().id() == attendee.personId()).findFirst()
					.map(h -> new Resolved(post, h.person())).orElseGet(() -> {
						errors.add(InputError.field(field + ".personId", "error.interview.not-holder", post.title(), date));
						return null;
					});
		}
		if (holdings.isEmpty()) {
			errors.add(InputError.field(field + ".postId", "error.interview.post-vacant", post.title(), date));
			return null;
		}
		if (holdings.size() > 1) {
			errors.add(InputError.field(field + ".personId", "error.interview.name-the-person", post.title(), date));
			return null;
		}
		return new Resolved(post, holdings.get(0).person());
	}


	// ---- reading ------------------------------------------------------------------------------

	private record Head(long id, long orgId, String orgName, LocalDate date, Kind kind, String content,
			String createdBy, OffsetDateTime createdAt) {
	}

	private static final String HEAD = """
			SELECT i.id, i.org_id, o.name AS org_name, i.interview_date, i.kind, i.content, i.created_by, i.created_at
			FROM interview i JOIN org o ON o.id = i.org_id
			""";

	private static Head head(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Head(rs.getLong("id"), rs.getLong("org_id"), rs.getString("org_name"),
				rs.getObject("interview_date", LocalDate.class), Kind.valueOf(rs.getString("kind")),
				rs.getString("content"), rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class));
	}

	/** An interview the caller may see (its holding organisation is in their scope), or 404. */
	public Interview get(long id) {
		Scope reading = scope.reading();
		Head h = reading.bind(jdbc.sql(HEAD + " WHERE i.id = :id AND " + reading.condition("o"))).param("id", id)
				.query((rs, n) -> head(rs)).optional().orElseThrow(() -> new NotFoundException("interview", id));
		return assemble(List.of(h)).get(0);
	}

	/**
	 * The interviews held by the organisations of {@code orgId}'s subtree in {@code year}, newest
	 * first, at most {@link #LIST_LIMIT}.
	 */
	public List<Interview> inSubtree(long orgId, int year) {
		Subtree subtree = tree.subtree(orgId);
		Scope reading = scope.reading();
		List<Head> heads = reading.bind(subtree.bind(jdbc.sql(HEAD + """
				WHERE o.path >= :subtreeFrom AND o.path < :subtreeTo AND %s
				  AND i.interview_date >= :start AND i.interview_date <= :end
				ORDER BY i.interview_date DESC, i.id DESC FETCH FIRST %d ROWS ONLY
				""".formatted(reading.condition("o"), LIST_LIMIT)))).param("start", LocalDate.of(year, 1, 1))
				.param("end", LocalDate.of(year, 12, 31)).query((rs, n) -> head(rs)).list();
		return assemble(heads);
	}

	/**
	 * Page {@code page} (from 1) of {@code size} of the same interviews, newest first, counted and
	 * cut in the database (every one of them, not only the first {@link #LIST_LIMIT}).
	 */
	public Paged<Interview> pageInSubtree(long orgId, int year, int page, int size) {
		Subtree subtree = tree.subtree(orgId);
		Scope reading = scope.reading();
		String where = " WHERE o.path >= :subtreeFrom AND o.path < :subtreeTo AND " + reading.condition("o")
				+ " AND i.interview_date >= :start AND i.interview_date <= :end";
		long total = reading.bind(subtree.bind(jdbc.sql("SELECT COUNT(*) FROM interview i JOIN org o ON o.id = i.org_id" + where)))
				.param("start", LocalDate.of(year, 1, 1)).param("end", LocalDate.of(year, 12, 31)).query(Long.class).single();
		List<Head> heads = reading.bind(subtree.bind(jdbc.sql(HEAD + where
				+ " ORDER BY i.interview_date DESC, i.id DESC OFFSET :offset ROWS FETCH NEXT :size ROWS ONLY")))
				.param("start", LocalDate.of(year, 1, 1)).param("end", LocalDate.of(year, 12, 31))
				.param("offset", Paged.offset(page, size)).param("size", size).query((rs, n) -> head(rs)).list();
		return new Paged<>(assemble(heads), page, size, total);
	}

	/** The interviews an organisation held in a year (its own record), oldest first. */
	public List<Interview> heldBy(long orgId, int year) {
		tree.get(orgId);
		List<Head> heads = jdbc.sql(HEAD + """
				WHERE i.org_id = :org AND i.interview_date >= :start AND i.interview_date <= :end
				ORDER BY i.interview_date, i.id
				""").param("org", orgId).param("start", LocalDate.of(year, 1, 1)).param("end", LocalDate.of(year, 12, 31))
				.query((rs, n) -> head(rs)).list();
		return assemble(heads);
	}

	/**
	 * The interviews of these kinds in which the person was an interviewee, in whichever post, newest
	 * first, at most {@link #LIST_LIMIT}: those held by organisations the caller may see (e.g. the
	 * 诫勉谈话 and 提醒谈话 of a person's integrity file).
	 */
	public List<Interview> ofInterviewee(long personId, java.util.Collection<Kind> kinds) {
		if (kinds.isEmpty()) {
			return List.of();
		}
		Scope reading = scope.reading();
		List<Head> heads = reading.bind(jdbc.sql(HEAD + """
				WHERE %s AND i.kind IN (:kinds) AND EXISTS (
				  SELECT 1 FROM interview_interviewee e
				  WHERE e.interview_id = i.id AND e.person_id = :person
				    AND e.post_id IN (SELECT t.post_id FROM tenure t WHERE t.person_id = :person))
				ORDER BY i.interview_date DESC, i.id DESC FETCH FIRST %d ROWS ONLY
				""".formatted(reading.condition("o"), LIST_LIMIT))).param("person", personId)
				.param("kinds", kinds.stream().map(Kind::name).toList()).query((rs, n) -> head(rs)).list();
		return assemble(heads);
	}

	private static final String PARTY_COLUMNS = "pe.id AS person_id, pe.name AS person_name, p.id AS post_id, "
			+ "p.title AS post_title, po.id AS post_org_id, po.name AS post_org_name";

	private static Party party(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Party(rs.getLong("person_id"), rs.getString("person_name"), rs.getLong("post_id"),
				rs.getString("post_title"), rs.getLong("post_org_id"), rs.getString("post_org_name"));
	}

	/** Interviewers, interviewees and requirements of the given interviews: three queries in all. */
	private List<Interview> assemble(List<Head> heads) {
		if (heads.isEmpty()) {
			return List.of();
		}
		List<Long> ids = heads.stream().map(Head::id).toList();
		Map<Long, Party> interviewers = new LinkedHashMap<>();
		jdbc.sql("SELECT i.id AS interview_id, " + PARTY_COLUMNS + """
				 FROM interview i JOIN person pe ON pe.id = i.interviewer_person_id
				JOIN post p ON p.id = i.interviewer_post_id JOIN org po ON po.id = p.org_id
				WHERE i.id IN (:ids)
				""").param("ids", ids).query(rs -> {
			interviewers.put(rs.getLong("interview_id"), party(rs));
		});
		Map<Long, List<Party>> interviewees = new LinkedHashMap<>();
		jdbc.sql("SELECT e.interview_id, " + PARTY_COLUMNS + """
				 FROM interview_interviewee e JOIN person pe ON pe.id = e.person_id
				JOIN post p ON p.id = e.post_id JOIN org po ON po.id = p.org_id
				WHERE e.interview_id IN (:ids) ORDER BY e.interview_id, e.sort_order
				""").param("ids", ids).query(rs -> {
			interviewees.computeIfAbsent(rs.getLong("interview_id"), k -> new ArrayList<>()).add(party(rs));
		});
		Map<Long, List<Interview.Requirement>> requirements = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT interview_id, sort_order, text, tracked_item_id FROM interview_requirement
				WHERE interview_id IN (:ids) ORDER BY interview_id, sort_order
				""").param("ids", ids).query(rs -> {
					requirements.computeIfAbsent(rs.getLong("interview_id"), k -> new ArrayList<>())
							.add(new Interview.Requirement(rs.getInt("sort_order"), rs.getString("text"),
									(Long) rs.getObject("tracked_item_id", Long.class)));
				});
		// the caller sees the interviews, so they see what is attached to them
		Map<Long, List<Evidence>> attached = files.of(ATTACHMENTS, ids);
		return heads.stream().map(h -> new Interview(h.id(), h.orgId(), h.orgName(), h.date(), h.kind(),
				interviewers.get(h.id()), interviewees.getOrDefault(h.id(), List.of()), h.content(),
				requirements.getOrDefault(h.id(), List.of()),
				attached.getOrDefault(h.id(), List.of()).stream().map(e -> new Interview.Attachment(e.id(),
						e.originalName(), e.mediaType(), e.size(), e.sha256())).toList(),
				h.createdBy(), h.createdAt())).toList();
	}
}
