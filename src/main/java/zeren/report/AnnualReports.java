package zeren.report;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;


import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zeren.audit.AuditTrail;
import zeren.org.Leadership;
import zeren.org.Org;
import zeren.org.OrgTree;
import zeren.org.OrgType;
import zeren.org.PostKind;
import zeren.org.Subtree;
import zeren.platform.BusinessClock;
import zeren.platform.ConflictException;
import zeren.platform.CurrentScope;
import zeren.platform.ForbiddenException;
import zeren.platform.InputError;
import zeren.platform.Inputs;
import zeren.platform.InvalidInputException;
import zeren.platform.NotFoundException;
import zeren.platform.Paged;
import zeren.platform.Scope;
import zeren.platform.Sha256;
import zeren.report.AnnualReport.Kind;
import zeren.report.AnnualReport.Question;
import zeren.report.AnnualReport.Status;
import zeren.tracking.TrackedItems;

/**
 * Annual reports: drafted and submitted by the reporting organisation (the caller manages it),
 * reviewed by the upper level (the caller manages or supervises its parent). Submission locks the
 * report; its canonical content and SHA-256 are kept; a submission after the deadline is recorded
 * as late. Reads are cut to the caller's scope (404).
 */
@Service
@Transactional(readOnly = true)
public class AnnualReports {

	static final int MAX_TITLE = 200;
	static final int MAX_BODY = 100_000;
	/** Rows an overview lists ({@link #overview(long, int)}); its counts cover every row. */
	public static final int OVERVIEW_ROWS = 100;

	private final JdbcClient jdbc;
	private final Validator validator;
	private final ReportSettings settings;
	private final ReportFacts facts;
	private final MessageSource messages;
	private final zeren.evidence.Attachments files;
	private final TrackedItems items;
	private final OrgTree tree;
	private final Leadership leadership;
	private final BusinessClock clock;
	private final CurrentScope scope;
	private final AuditTrail audit;

	private final org.springframework.context.ApplicationEventPublisher events;
	private final ReportRecipients recipients;

	AnnualReports(JdbcClient jdbc, Validator validator, ReportSettings settings, ReportFacts facts,
			MessageSource messages, zeren.evidence.Attachments files, TrackedItems items, OrgTree tree,
			Leadership leadership, BusinessClock clock, CurrentScope scope, AuditTrail audit,
			org.springframework.context.ApplicationEventPublisher events, ReportRecipients recipients) {
		this.recipients = recipients;
		this.jdbc = jdbc;
		this.validator = validator;
		this.settings = settings;
		this.facts = facts;
		this.messages = messages;
		this.files = files;
		this.items = items;
		this.tree = tree;
		this.leadership = leadership;
		this.clock = clock;
		this.scope = scope;
		this.audit = audit;
		this.events = events;
	}

	/** The organisations that report: Party committees, Party groups and working committees. */
	static List<OrgType> reportingTypes() {
		return Arrays.stream(OrgType.values()).filter(OrgType::mayHaveDisciplineBody).toList();
	}

	// ---- reading ------------------------------------------------------------------------------

	private static final String SELECT = """
			SELECT r.*, o.name AS org_name, ap.title AS author_post_title, pe.name AS author_name
			FROM annual_report r JOIN org o ON o.id = r.org_id
			LEFT JOIN post ap ON ap.id = r.author_post_id LEFT JOIN person pe ON pe.id = r.author_person_id
			""";

	private static final RowMapper<AnnualReport> REPORT = (rs, n) -> new AnnualReport(rs.getLong("id"),
			rs.getLong("org_id"), rs.getString("org_name"), rs.getInt("report_year"), Kind.valueOf(rs.getString("kind")),
			rs.getString("title"), rs.getString("body"), Status.valueOf(rs.getString("status")),
			rs.getObject("deadline", LocalDate.class), (Long) rs.getObject("author_post_id", Long.class),
			rs.getString("author_post_title"), (Long) rs.getObject("author_person_id", Long.class),
			rs.getString("author_name"), rs.getObject("submitted_on", LocalDate.class),
			rs.getObject("submitted_at", OffsetDateTime.class), (Boolean) rs.getObject("late", Boolean.class),
			rs.getString("sha256"), rs.getInt("rounds"), rs.getObject("accepted_at", OffsetDateTime.class), List.of(), List.of(),
			List.of());

	/** A report the caller may see, or 404. */
	public AnnualReport get(long id) {
		Scope reading = scope.reading();
		AnnualReport report = reading.bind(jdbc.sql(SELECT + " WHERE r.id = :id AND " + reading.condition("o")))
				.param("id", id).query(REPORT).optional().orElseThrow(() -> new NotFoundException("report", id));
		return withQuestions(report);
	}

	private AnnualReport withQuestions(AnnualReport r) {
		List<Question> questions = jdbc.sql("""
				SELECT id, round, question, tracked_item_id, asked_by, asked_at, recipient FROM annual_report_question
				WHERE report_id = :id ORDER BY recipient, round, sort_order
				""").param("id", r.id()).query((rs, n) -> new Question(rs.getLong("id"), rs.getInt("round"),
				rs.getString("question"), (Long) rs.getObject("tracked_item_id", Long.class), null,
				rs.getString("asked_by"), rs.getObject("asked_at", OffsetDateTime.class),
				AnnualReport.Recipient.valueOf(rs.getString("recipient")))).list();
		questions = questions.stream().map(q -> new Question(q.id(), q.round(), q.question(), q.trackedItemId(),
				answerStatus(q), q.askedBy(), q.askedAt(), q.recipient())).toList();
		List<AnnualReport.Review> reviews = jdbc.sql("""
				SELECT v.recipient, v.recipient_org_id, o.name, v.status, v.rounds, v.accepted_at
				FROM annual_report_review v JOIN org o ON o.id = v.recipient_org_id
				WHERE v.report_id = :id ORDER BY v.recipient
				""").param("id", r.id()).query((rs, n) -> new AnnualReport.Review(
						AnnualReport.Recipient.valueOf(rs.getString(1)), rs.getLong(2), rs.getString(3),
						Status.valueOf(rs.getString(4)), rs.getInt(5), rs.getObject(6, OffsetDateTime.class))).list();
		return new AnnualReport(r.id(), r.orgId(), r.orgName(), r.year(), r.kind(), r.title(), r.body(), r.status(),
				r.deadline(), r.authorPostId(), r.authorPostTitle(), r.authorPersonId(), r.authorName(), r.submittedOn(),
				r.submittedAt(), r.late(), r.sha256(), r.rounds(), r.acceptedAt(), questions, attachments(r.id()), reviews);
	}

	/** The files attached to a report, in the order attached (the caller sees the report, so them too). */
	private List<AnnualReport.Attachment> attachments(long reportId) {
		return files.of(ReportFiles.of(reportId)).stream().map(e -> new AnnualReport.Attachment(e.id(), e.originalName(),
				e.mediaType(), e.size(), e.sha256())).toList();
	}

	/** The caller manages the report's organisation (403 otherwise, 404 when unknown). */
	public void requireManaged(long id) {
		managed(id);
	}

	/**
	 * Attaches a file to a draft (stored as evidence of the reporting organisation, checked by
	 * content); a submitted report is locked (409, {@link ReportFiles}). The file's SHA-256
	 * becomes part of what the submission hashes.
	 */
	@Transactional
	public AnnualReport attach(long id, String name, java.io.InputStream content) {
		AnnualReport report = managed(id);
		var attached = files.store(ReportFiles.of(id), report.orgId(), name, content);
		if (attached.added()) {
			zeren.evidence.Evidence stored = attached.evidence();
			audit.record(new AuditTrail.Change(report.orgId(), "report", id, "ATTACH",
					"evidence=%d name=%s sha256=%s".formatted(stored.id(), stored.originalName(), stored.sha256())));
		}
		return get(id);
	}

	/** A file attached to a report the caller may see, to send under its original name. */
	public zeren.evidence.Download download(long id, long evidenceId) {
		get(id);
		return files.open(ReportFiles.of(id), evidenceId);
	}

	/** The state of the tracked item that answers a question, as the caller may see it. */
	private String answerStatus(Question q) {
		if (q.trackedItemId() == null) {
			return null;
		}
		try {
			return items.get(q.trackedItemId()).status().name();
		}
		catch (NotFoundException e) {
			return null;
		}
	}

	/** The reports of an organisation on a year (at most one of each kind). */
	public List<AnnualReport> of(long orgId, int year) {
		tree.get(orgId);
		return jdbc.sql(SELECT + " WHERE r.org_id = :org AND r.report_year = :year ORDER BY r.kind")
				.param("org", orgId).param("year", year).query(REPORT).list().stream().map(this::withQuestions).toList();
	}

	/** The canonical content that was submitted, exactly as hashed. */
	public String canonical(long id) {
		get(id);
		return jdbc.sql("SELECT canonical FROM annual_report WHERE id = :id").param("id", id).query(String.class)
				.optional().orElse(null);
	}

	// ---- drafting -------------------------------------------------------------------------------

	public record NewReport(@NotNull Long orgId, @NotNull Integer year, @NotNull Kind kind, Boolean prefill) {
	}

	/** Creates the draft of an organisation's report of a kind on a year, or returns the one it has. */
	@Transactional
	public AnnualReport create(NewReport request) {
		List<InputError> errors = new ArrayList<>(Inputs.errors(validator.validate(request)));
		if (request.orgId() == null) {
			throw new InvalidInputException(errors);
		}
		Org org = tree.manageableOrForbidden(request.orgId());
		int thisYear = clock.today().getYear();
		if (request.year() != null && (request.year() < 2000 || request.year() > thisYear)) {
			errors.add(InputError.field("year", "error.report.year-range", 2000, thisYear));
		}
		if (!org.type().mayHaveDisciplineBody()) {
			errors.add(InputError.field("orgId", "error.report.not-a-committee", org.name()));
		}
		else if (org.parentId() == null) {
			errors.add(InputError.field("orgId", "error.report.no-upper-level", org.name()));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		int year = request.year();
		Optional<AnnualReport> existing = find(org.id(), year, request.kind());
		if (existing.isPresent()) {
			return existing.get();
		}
		String title = messages.getMessage("report.default-title." + request.kind(), new Object[] { org.name(),
				String.valueOf(year) }, Locale.SIMPLIFIED_CHINESE);
		String body = Boolean.TRUE.equals(request.prefill()) ? facts.draft(org, year, request.kind()) : "";
		var now = clock.now();
		var keys = new GeneratedKeyHolder();
		try {
			jdbc.sql("""
					INSERT INTO annual_report (org_id, report_year, kind, title, body, status, deadline, created_at, updated_at)
					VALUES (:org, :year, :kind, :title, :body, 'DRAFT', :deadline, :now, :now)
					""").param("org", org.id()).param("year", year).param("kind", request.kind().name())
					.param("title", title).param("body", body).param("deadline", settings.deadlineOf(year))
					.param("now", now).update(keys, "id");
		}
		catch (DuplicateKeyException e) {
			throw new ConflictException("kind", "error.report.exists", year);
		}
		long id = keys.getKey().longValue();
		audit.record(new AuditTrail.Change(org.id(), "report", id, "CREATE",
				"year=%d kind=%s prefilled=%s".formatted(year, request.kind(), Boolean.TRUE.equals(request.prefill()))));
		return get(id);
	}

	private Optional<AnnualReport> find(long orgId, int year, Kind kind) {
		return jdbc.sql(SELECT + " WHERE r.org_id = :org AND r.report_year = :year AND r.kind = :kind")
				.param("org", orgId).param("year", year).param("kind", kind.name()).query(REPORT).optional()
				.map(this::withQuestions);
	}

	public record Draft(@NotBlank @Size(max = MAX_TITLE) String title, @Size(max = MAX_BODY) String body) {
	}

	/** Changes a draft's title and text; a submitted report is locked (409). */
	@Transactional
	public AnnualReport edit(long id, Draft draft) {
		AnnualReport report = managed(id);
		if (report.locked()) {
			throw new ConflictException("status", "error.report.locked");
		}
		List<InputError> errors = Inputs.errors(validator.validate(draft));
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		String title = draft.title().strip();
		String body = normalise(draft.body());
		int changed = jdbc.sql("UPDATE annual_report SET title = :title, body = :body, updated_at = :now WHERE id = :id AND status = 'DRAFT'")
				.param("title", title).param("body", body).param("now", clock.now()).param("id", id).update();
		if (changed == 0) {
			throw new ConflictException("status", "error.report.locked");
		}
		audit.record(new AuditTrail.Change(report.orgId(), "report", id, "EDIT",
				"title=%s length=%d".formatted(title, body.length())));
		return get(id);
	}

	/** Line ends as \n, no trailing spaces, at most one blank line between paragraphs, no blank start or end. */
	static String normalise(String text) {
		if (text == null) {
			return "";
		}
		String unified = text.replace("\r\n", "\n").replace('\r', '\n');
		String lines = Arrays.stream(unified.split("\n", -1)).map(String::stripTrailing).collect(Collectors.joining("\n"));
		return lines.replaceAll("\n{3,}", "\n\n").strip();
	}

	/** The paragraphs of a body (separated by blank lines). */
	public static List<String> paragraphs(String body) {
		String text = normalise(body);
		return text.isEmpty() ? List.of() : Arrays.stream(text.split("\n\n")).toList();
	}

	// ---- submission -----------------------------------------------------------------------------

	/**
	 * Submits a draft: the report is locked; the author (for a principal's report, the person who
	 * holds the organisation's secretary post today, through tenures), the business date, lateness
	 * against the deadline and the SHA-256 of the canonical content are kept.
	 */
	@Transactional
	public AnnualReport submit(long id) {
		// locked before it is read: an attachment (ReportFiles) cannot slip in between what is hashed and the update
		jdbc.sql("SELECT id FROM annual_report WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).optional();
		AnnualReport report = managed(id);
		if (report.locked()) {
			throw new ConflictException("status", "error.report.already-submitted", report.submittedOn());
		}
		if (report.body().isBlank()) {
			throw new InvalidInputException(List.of(InputError.field("body", "error.field.required")));
		}
		LocalDate today = clock.today();
		Long postId = null;
		Long personId = null;
		String author = "-";
		if (report.kind() == Kind.PRINCIPAL) {
			var holding = leadership.leadersAt(report.orgId(), today).stream()
					.filter(h -> h.post().kind() == PostKind.SECRETARY && h.person() != null).findFirst()
					.orElseThrow(() -> new ConflictException("kind", "error.report.no-principal", report.orgName(), today));
			postId = holding.post().id();
			personId = holding.person().id();
			author = holding.person().name() + " / " + holding.post().title();
		}
		boolean late = today.isAfter(report.deadline());
		String canonical = canonical(report, author, today);
		String sha = Sha256.hex(canonical);
		int changed = jdbc.sql("""
				UPDATE annual_report SET status = 'SUBMITTED', author_post_id = :post, author_person_id = :person,
				       submitted_on = :today, submitted_at = :now, late = :late, sha256 = :sha, canonical = :canonical,
				       updated_at = :now
				WHERE id = :id AND status = 'DRAFT'
				""").param("post", postId).param("person", personId).param("today", today).param("now", clock.now())
				.param("late", late).param("sha", sha).param("canonical", canonical).param("id", id).update();
		if (changed == 0) {
			throw new ConflictException("status", "error.report.already-submitted", today);
		}
		// it goes to the upper committee and to the discipline body linked to it, each to review on its own
		// (the upper level is usually out of the reporting organisation's view: looked up by the tree's rows)
		jdbc.sql("SELECT p.id, p.discipline_body_id FROM org o JOIN org p ON p.id = o.parent_id WHERE o.id = :org")
				.param("org", report.orgId()).query((rs, n) -> {
					recipients.receive(id, AnnualReport.Recipient.COMMITTEE, rs.getLong(1));
					Long body = rs.getObject(2, Long.class);
					if (body != null) {
						recipients.receive(id, AnnualReport.Recipient.DISCIPLINE, body);
					}
					return 0;
				}).list();
		// the report on year Y is an obligation of year Y + 1
		events.publishEvent(new zeren.oversight.ObligationsAffected(report.orgId(), report.year() + 1));
		audit.record(new AuditTrail.Change(report.orgId(), "report", id, "SUBMIT",
				"year=%d kind=%s late=%s deadline=%s sha256=%s author=%s".formatted(report.year(), report.kind(), late,
						report.deadline(), sha, author)));
		return get(id);
	}

	/** The exact text a submission hashes: a header of who, what and when, then the title and the body. */
	static String canonical(AnnualReport report, String author, LocalDate submittedOn) {
		return """
				zeren-annual-report 1
				org: %d %s
				year: %d
				kind: %s
				author: %s
				submitted-on: %s
				title: %s

				%s
				""".formatted(report.orgId(), report.orgName(), report.year(), report.kind(), author, submittedOn,
				report.title(), normalise(report.body()))
				+ report.attachments().stream().map(a -> "attachment: %s %s\n".formatted(a.sha256(), a.name()))
						.collect(java.util.stream.Collectors.joining());
	}

	// ---- scope -------------------------------------------------------------------------------------

	/** A report to change as the reporting organisation: 404 when unknown, 403 when its organisation is not managed. */
	private AnnualReport managed(long id) {
		AnnualReport report = jdbc.sql(SELECT + " WHERE r.id = :id").param("id", id).query(REPORT).optional()
				.orElseThrow(() -> new NotFoundException("report", id));
		if (!tree.canManage(report.orgId())) {
			get(id); // out of view: 404, as for a report that does not exist
			throw new ForbiddenException();
		}
		return withQuestions(report);
	}

	// ---- overview ----------------------------------------------------------------------------------

	/** One reporting organisation below the root and the state of its two reports. */
	public record OverviewRow(long orgId, String orgName, int level, Entry committee, Entry principal) {
	}

	/** {@code status} null: not created; {@code late}: submitted after the deadline, or not submitted by it. */
	public record Entry(Long reportId, Status status, LocalDate submittedOn, boolean late, int rounds) {

		public boolean submitted() {
			return status != null && status != Status.DRAFT;
		}
	}

	/**
	 * The counts over every reporting organisation of the subtree ({@code organisations} of them,
	 * two reports expected of each); {@code rows}: one page of them in the tree's order (the first
	 * {@link #OVERVIEW_ROWS} for {@link #overview(long, int)}); {@code truncated}: more
	 * organisations than listed ({@link #overviewRows} pages through them all).
	 */
	public record Overview(long orgId, String orgName, int year, LocalDate deadline, long expected, long submitted,
			long late, long openQueries, long accepted, List<OverviewRow> rows, long organisations, boolean truncated) {
	}

	/** A submitted report (not a draft), for the overview's counts. */
	private static final String SUBMITTED = "%1$s.status IN ('SUBMITTED', 'QUERIED', 'ACCEPTED')";

	/**
	 * The reporting organisations below the root with their two reports of the year; the counts
	 * and the rows read the same rows.
	 */
	private static final String OVERVIEW_FROM = """
			FROM org o
			LEFT JOIN annual_report rc ON rc.org_id = o.id AND rc.report_year = :year AND rc.kind = 'COMMITTEE'
			LEFT JOIN annual_report rp ON rp.org_id = o.id AND rp.report_year = :year AND rp.kind = 'PRINCIPAL'
			WHERE o.path >= :subtreeFrom AND o.path < :subtreeTo AND o.id <> :root AND o.active = TRUE
			  AND o.type IN (:types) AND %s
			""";

	/**
	 * For the organisations below {@code orgId} that report: who has submitted, who is late, which
	 * reports have open queries (counted in the database over all of them), and the first
	 * {@link #OVERVIEW_ROWS} organisations.
	 */
	public Overview overview(long orgId, int year) {
		return overview(orgId, year, 1, OVERVIEW_ROWS);
	}

	/** The same counts, with page {@code page} (from 1) of {@code size} organisations. */
	public Overview overview(long orgId, int year, int page, int size) {
		Org root = tree.get(orgId);
		Subtree subtree = tree.subtree(orgId);
		Scope reading = scope.reading();
		LocalDate deadline = settings.deadlineOf(year);
		boolean pastDeadline = clock.today().isAfter(deadline);
		String from = OVERVIEW_FROM.formatted(reading.condition("o"));
		List<String> types = reportingTypes().stream().map(OrgType::name).toList();
		// counts: a report not submitted (none, or a draft) is late once the deadline has passed
		long[] counts = reading.bind(subtree.bind(jdbc.sql("""
				SELECT COUNT(*) AS organisations,
				       COALESCE(SUM(%1$s + %2$s), 0) AS submitted,
				       COALESCE(SUM(CASE WHEN %3$s THEN CASE WHEN rc.late = TRUE THEN 1 ELSE 0 END ELSE :past END
				                  + CASE WHEN %4$s THEN CASE WHEN rp.late = TRUE THEN 1 ELSE 0 END ELSE :past END), 0) AS late,
				       COALESCE(SUM(CASE WHEN rc.status = 'QUERIED' THEN 1 ELSE 0 END
				                  + CASE WHEN rp.status = 'QUERIED' THEN 1 ELSE 0 END), 0) AS open_queries,
				       COALESCE(SUM(CASE WHEN rc.status = 'ACCEPTED' THEN 1 ELSE 0 END
				                  + CASE WHEN rp.status = 'ACCEPTED' THEN 1 ELSE 0 END), 0) AS accepted
				""".formatted("CASE WHEN " + SUBMITTED.formatted("rc") + " THEN 1 ELSE 0 END",
				"CASE WHEN " + SUBMITTED.formatted("rp") + " THEN 1 ELSE 0 END", SUBMITTED.formatted("rc"),
				SUBMITTED.formatted("rp")) + from))).param("year", year).param("root", orgId).param("types", types)
				.param("past", pastDeadline ? 1 : 0)
				.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5) })
				.single();
		List<OverviewRow> rows = reading.bind(subtree.bind(jdbc.sql("""
				SELECT o.id, o.name, o.depth,
				       rc.id AS c_id, rc.status AS c_status, rc.submitted_on AS c_on, rc.late AS c_late, rc.rounds AS c_rounds,
				       rp.id AS p_id, rp.status AS p_status, rp.submitted_on AS p_on, rp.late AS p_late, rp.rounds AS p_rounds
				""" + from + """
				ORDER BY o.path, o.id OFFSET :offset ROWS FETCH NEXT :size ROWS ONLY
				"""))).param("year", year).param("root", orgId).param("types", types)
				.param("offset", Paged.offset(page, size)).param("size", size)
				.query((rs, n) -> new OverviewRow(rs.getLong("id"), rs.getString("name"), rs.getInt("depth") - root.depth(),
						entry(rs, "c_", pastDeadline), entry(rs, "p_", pastDeadline)))
				.list();
		long organisations = counts[0];
		return new Overview(root.id(), root.name(), year, deadline, 2L * organisations, counts[1], counts[2], counts[3],
				counts[4], rows, organisations, Paged.offset(page, size) + rows.size() < organisations);
	}

	/**
	 * Page {@code page} (from 1) of {@code size} of every reporting organisation of the overview,
	 * in its order; 404 for an organisation out of view.
	 */
	public Paged<OverviewRow> overviewRows(long orgId, int year, int page, int size) {
		Overview overview = overview(orgId, year, page, size);
		return new Paged<>(overview.rows(), page, size, overview.organisations());
	}

	private static Entry entry(java.sql.ResultSet rs, String p, boolean pastDeadline) throws java.sql.SQLException {
		Long id = (Long) rs.getObject(p + "id", Long.class);
		Status status = id == null ? null : Status.valueOf(rs.getString(p + "status"));
		boolean submitted = status != null && status != Status.DRAFT;
		boolean late = submitted ? Boolean.TRUE.equals(rs.getObject(p + "late", Boolean.class)) : pastDeadline;
		return new Entry(id, status, rs.getObject(p + "on", LocalDate.class), late, id == null ? 0 : rs.getInt(p + "rounds"));
	}
}
