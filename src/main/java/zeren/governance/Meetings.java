package zeren.governance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
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
import zeren.governance.Meeting.Kind;
import zeren.org.Leadership;
import zeren.org.Org;
import zeren.org.OrgTree;
import zeren.org.Post;
import zeren.org.PostKind;
import zeren.platform.BusinessClock;
import zeren.platform.ConflictException;
import zeren.platform.CurrentUser;
import zeren.platform.ForbiddenException;
import zeren.platform.InputError;
import zeren.platform.Inputs;
import zeren.platform.InvalidInputException;
import zeren.platform.NotFoundException;
import zeren.tracking.NewTrackedItem;
import zeren.tracking.Tracking;

/**
 * Meetings of a committee on Party conduct and clean government. A meeting is a fact: recorded
 * once with its team resolved through tenures on the date (every holder of every post of the
 * committee's team — and the 纪委书记 of its linked discipline body —, or the coordination group's
 * members for a group meeting, or the team member alone for an area hearing), the absentees with
 * their reasons, the minutes and the decisions; a decision can then become a tracked item. Recording
 * needs the committee to be managed by the caller (403); reads are cut to the caller's scope (404,
 * {@link MeetingReads}).
 */
@Service
@Transactional(readOnly = true)
public class Meetings {

	static final int MAX_MINUTES = 16000;
	static final int MAX_ITEM = 1000;
	static final int MAX_DECISION = 2000;
	static final int MAX_ITEMS = 50;
	/** The owner type of a meeting's files in the evidence module. */
	static final String ATTACHMENTS = "gov-meeting";
	/** The tracked-item kind of a decision; its source reference is the decision's id. */
	public static final String DECISION_KIND = "governance.decision";

	private final JdbcClient jdbc;
	private final Validator validator;
	private final OrgTree tree;
	private final Leadership leadership;
	private final CoordinationGroups groups;
	private final Tracking items;
	private final Attachments files;
	private final MeetingReads reads;
	private final BusinessClock clock;
	private final AuditTrail audit;

	Meetings(JdbcClient jdbc, Validator validator, OrgTree tree, Leadership leadership, CoordinationGroups groups,
			Tracking items, Attachments files, MeetingReads reads, BusinessClock clock, AuditTrail audit) {
		this.jdbc = jdbc;
		this.validator = validator;
		this.tree = tree;
		this.leadership = leadership;
		this.groups = groups;
		this.items = items;
		this.files = files;
		this.reads = reads;
		this.clock = clock;
		this.audit = audit;
	}

	/** A holder who did not attend, and why; without the person, every holder of the post on the date. */
	public record Absence(@NotNull Long postId, Long personId, @NotBlank @Size(max = 200) String reason) {
	}

	public record NewMeeting(@NotNull Long orgId, @NotNull LocalDate date, @NotNull Kind kind,
			@NotBlank @Size(max = 200) String title, @NotNull Long chairPostId, List<String> agenda,
			@Valid List<Absence> absences, @NotBlank @Size(max = MAX_MINUTES) String minutes, List<String> decisions) {
	}

	/** Whether {@code org} may hold meetings of this module: a committee (党委, 党组, 党工委). */
	static boolean holdsMeetings(Org org) {
		return org.type().mayHaveDisciplineBody();
	}

	/**
	 * The team of a meeting of {@code kind} held by {@code org} on {@code date}: every holder of
	 * every post that sits in it (a vacant post once, with no person). For an area hearing, the
	 * chair's post alone.
	 */
	public List<Leadership.Holding> team(Org org, Kind kind, LocalDate date, Long chairPostId) {
		List<Leadership.Holding> team = new ArrayList<>();
		switch (kind) {
			case GROUP -> {
				for (Long postId : groups.memberPosts(org.id())) {
					Post post = leadership.getPost(postId);
					leadership.leadersAt(post.orgId(), date).stream().filter(h -> h.post().id() == postId).forEach(team::add);
				}
			}
			case AREA_HEARING -> {
				if (chairPostId != null) {
					leadership.leadersAt(org.id(), date).stream().filter(h -> h.post().id() == chairPostId).forEach(team::add);
				}
			}
			default -> {
				leadership.leadersAt(org.id(), date).stream()
						.filter(h -> h.post().active() && h.post().kind() != PostKind.LIAISON).forEach(team::add);
				if (org.disciplineBodyId() != null) {
					Set<Long> held = new HashSet<>();
					team.stream().filter(h -> h.post().kind() == PostKind.DISCIPLINE_SECRETARY).forEach(h -> held.add(h.post().id()));
					if (held.isEmpty()) {
						leadership.leadersAt(org.disciplineBodyId(), date).stream()
								.filter(h -> h.post().active() && h.post().kind() == PostKind.DISCIPLINE_SECRETARY)
								.forEach(team::add);
					}
				}
			}
		}
		return team;
	}

	/** The posts a chair may be chosen from for a meeting of {@code kind} (the team's; for a hearing, the team members'). */
	public List<Post> chairPosts(Org org, Kind kind) {
		if (kind == Kind.GROUP) {
			return groups.memberPosts(org.id()).stream().map(leadership::getPost).toList();
		}
		return leadership.posts(org.id()).stream().filter(Post::active)
				.filter(p -> kind != Kind.AREA_HEARING ? p.kind() != PostKind.LIAISON
						: p.kind() == PostKind.SECRETARY || p.kind() == PostKind.DEPUTY_SECRETARY || p.kind() == PostKind.MEMBER)
				.toList();
	}

	@Transactional
	public Meeting record(NewMeeting request) {
		if (request == null) {
			throw InvalidInputException.of("body", "error.field.required");
		}
		List<InputError> errors = new ArrayList<>(Inputs.errors(validator.validate(request)));
		if (request.orgId() == null) {
			throw new InvalidInputException(errors);
		}
		Org org = tree.manageableOrForbidden(request.orgId());
		if (!holdsMeetings(org)) {
			throw InvalidInputException.of("orgId", "error.governance.not-a-committee", org.name());
		}
		LocalDate date = request.date();
		if (date != null && date.isAfter(clock.today())) {
			errors.add(InputError.field("date", "error.field.future"));
		}
		else if (date != null && date.getYear() < 2000) {
			errors.add(InputError.field("date", "error.governance.date-range", 2000));
		}
		if (request.kind() == Kind.GROUP && groups.of(org.id()).isEmpty()) {
			errors.add(InputError.field("kind", "error.governance.no-group", org.name()));
		}
		List<String> agenda = lines(request.agenda(), "agenda", MAX_ITEM, errors);
		List<String> decisions = lines(request.decisions(), "decisions", MAX_DECISION, errors);
		if (!errors.isEmpty() || date == null || request.kind() == null || request.chairPostId() == null) {
			throw new InvalidInputException(errors);
		}
		List<Leadership.Holding> team = team(org, request.kind(), date, request.chairPostId());
		Map<Long, Leadership.Holding> teamPosts = new HashMap<>();
		team.forEach(h -> teamPosts.putIfAbsent(h.post().id(), h));
		List<Absence> absences = request.absences() == null ? List.of() : request.absences();
		Map<String, String> absent = new HashMap<>();
		for (int i = 0; i < absences.size(); i++) {
			Absence a = absences.get(i);
			if (a == null || a.postId() == null) {
				continue;
			}
			String field = "absences[%d].postId".formatted(i);
			List<Leadership.Holding> holders = team.stream()
					.filter(h -> h.post().id() == a.postId() && h.person() != null
							&& (a.personId() == null || h.person().id() == a.personId()))
					.toList();
			if (!teamPosts.containsKey(a.postId())) {
				errors.add(InputError.field(field, "error.governance.not-in-team", a.postId()));
			}
			else if (holders.isEmpty()) {
				errors.add(InputError.field(field, "error.governance.absent-vacant", teamPosts.get(a.postId()).post().title(), date));
			}
			holders.forEach(h -> absent.put(h.post().id() + "/" + h.person().id(), a.reason() == null ? "" : a.reason().strip()));
		}
		Leadership.Holding chair = team.stream()
				.filter(h -> h.post().id() == request.chairPostId() && h.person() != null
						&& !absent.containsKey(h.post().id() + "/" + h.person().id()))
				.findFirst().orElse(null);
		if (chair == null) {
			Post post = teamPosts.containsKey(request.chairPostId()) ? teamPosts.get(request.chairPostId()).post() : null;
			if (post == null) {
				errors.add(InputError.field("chairPostId", "error.governance.chair-not-in-team", request.chairPostId()));
			}
			else {
				errors.add(InputError.field("chairPostId", "error.governance.chair-not-present", post.title(), date));
			}
		}
		else if (request.kind() == Kind.AREA_HEARING && chairPosts(org, Kind.AREA_HEARING).stream()
				.noneMatch(p -> p.id() == chair.post().id())) {
			errors.add(InputError.field("chairPostId", "error.governance.chair-not-member", chair.post().title()));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO gov_meeting (org_id, meeting_date, kind, title, chair_post_id, chair_person_id, minutes,
				                         created_by, created_at)
				VALUES (:org, :date, :kind, :title, :post, :person, :minutes, :user, :now)
				""").param("org", org.id()).param("date", date).param("kind", request.kind().name())
				.param("title", request.title().strip()).param("post", chair.post().id()).param("person", chair.person().id())
				.param("minutes", request.minutes().strip()).param("user", CurrentUser.actor()).param("now", clock.now())
				.update(keys, "id");
		long id = keys.getKey().longValue();
		int order = 0;
		for (Leadership.Holding h : team) {
			String reason = h.person() == null ? null : absent.get(h.post().id() + "/" + h.person().id());
			jdbc.sql("""
					INSERT INTO gov_meeting_attendee (meeting_id, sort_order, post_id, person_id, present, absence_reason)
					VALUES (:id, :sort, :post, :person, :present, :reason)
					""").param("id", id).param("sort", ++order).param("post", h.post().id())
					.param("person", h.person() == null ? null : h.person().id())
					.param("present", h.person() != null && reason == null).param("reason", reason).update();
		}
		order = 0;
		for (String text : agenda) {
			jdbc.sql("INSERT INTO gov_meeting_agenda (meeting_id, sort_order, text) VALUES (:id, :sort, :text)")
					.param("id", id).param("sort", ++order).param("text", text).update();
		}
		order = 0;
		for (String text : decisions) {
			jdbc.sql("INSERT INTO gov_meeting_decision (meeting_id, sort_order, text) VALUES (:id, :sort, :text)")
					.param("id", id).param("sort", ++order).param("text", text).update();
		}
		audit.record(new AuditTrail.Change(org.id(), "gov-meeting", id, "RECORD",
				"date=%s kind=%s chair=%s@%d team=%d absent=%d agenda=%d decisions=%d".formatted(date, request.kind(),
						chair.person().name(), chair.post().id(), team.size(), absent.size(), agenda.size(), decisions.size())));
		return reads.get(id);
	}

	/** The non-empty lines of a list, each at most {@code max} characters, at most {@link #MAX_ITEMS}. */
	private static List<String> lines(List<String> given, String field, int max, List<InputError> errors) {
		List<String> kept = new ArrayList<>();
		List<String> all = given == null ? List.of() : given;
		for (int i = 0; i < all.size(); i++) {
			String text = all.get(i) == null ? "" : all.get(i).strip();
			if (text.length() > max) {
				errors.add(InputError.field("%s[%d]".formatted(field, i), "error.field.too-long", max));
			}
			else if (!text.isEmpty()) {
				kept.add(text);
			}
		}
		if (kept.size() > MAX_ITEMS) {
			errors.add(InputError.field(field, "error.governance.too-many", MAX_ITEMS));
		}
		return kept;
	}

	/** Which post of the committee or of an organisation below it carries the decision, and by when. */
	public record TrackDecision(@NotNull Long ownerPostId, @NotNull LocalDate deadline) {
	}

	/**
	 * Makes decision {@code no} of a meeting a tracked item of the owner post's organisation
	 * (the committee or one below it), verified by the committee and the meeting's chair. Once only (409).
	 */
	@Transactional
	public Meeting track(long id, int no, TrackDecision request) {
		Meeting meeting = requireManaged(id);
		Meeting.Decision decision = meeting.decisions().stream().filter(d -> d.no() == no).findFirst()
				.orElseThrow(() -> new NotFoundException("gov-meeting-decision", id + "/" + no));
		if (decision.trackedItemId() != null) {
			throw new ConflictException("no", "error.governance.decision-tracked", no, decision.trackedItemId());
		}
		List<InputError> errors = new ArrayList<>(Inputs.errors(validator.validate(request)));
		Post owner = null;
		if (request.ownerPostId() != null) {
			try {
				owner = leadership.getPost(request.ownerPostId());
			}
			catch (NotFoundException e) {
				owner = null;
			}
			if (owner == null || !tree.contains(tree.subtree(meeting.orgId()), owner.orgId())) {
				errors.add(InputError.field("ownerPostId", "error.governance.owner-outside", request.ownerPostId()));
			}
		}
		if (request.deadline() != null && request.deadline().isBefore(meeting.date())) {
			errors.add(InputError.field("deadline", "error.governance.deadline-before", meeting.date()));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		long decisionId = jdbc.sql("SELECT id FROM gov_meeting_decision WHERE meeting_id = :id AND sort_order = :no")
				.param("id", id).param("no", no).query(Long.class).single();
		Long verifierPost = meeting.chair().orgId() == meeting.orgId() ? meeting.chair().postId() : null;
		var item = items.open(new NewTrackedItem(DECISION_KIND, String.valueOf(decisionId), owner.orgId(),
				decision.text(), owner.id(), verifierPost, meeting.orgId(), request.deadline()));
		jdbc.sql("UPDATE gov_meeting_decision SET tracked_item_id = :item WHERE id = :id").param("item", item.id())
				.param("id", decisionId).update();
		audit.record(new AuditTrail.Change(meeting.orgId(), "gov-meeting", id, "TRACK",
				"decision=%d item=%d org=%d post=%d deadline=%s".formatted(no, item.id(), owner.orgId(), owner.id(),
						request.deadline())));
		return reads.get(id);
	}

	/** 404 when the meeting is not visible, 403 when the caller does not manage its committee. */
	public Meeting requireManaged(long id) {
		Meeting meeting = reads.get(id);
		if (!tree.canManage(meeting.orgId())) {
			throw new ForbiddenException();
		}
		return meeting;
	}

	/** Attaches a file (stored as evidence of the committee, checked by content). */
	@Transactional
	public Meeting attach(long id, String name, java.io.InputStream content) {
		Meeting meeting = requireManaged(id);
		var attached = files.store(new Attachments.Owner(ATTACHMENTS, id), meeting.orgId(), name, content);
		if (attached.added()) {
			Evidence stored = attached.evidence();
			audit.record(new AuditTrail.Change(meeting.orgId(), "gov-meeting", id, "ATTACH",
					"evidence=%d name=%s sha256=%s".formatted(stored.id(), stored.originalName(), stored.sha256())));
		}
		return reads.get(id);
	}

	/** A file attached to a meeting the caller may see, to send under its original name. */
	public Download download(long id, long evidenceId) {
		reads.get(id);
		return files.open(new Attachments.Owner(ATTACHMENTS, id), evidenceId);
	}
}
