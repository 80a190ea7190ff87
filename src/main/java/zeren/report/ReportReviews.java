package zeren.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zeren.audit.AuditTrail;
import zeren.org.Leadership;
import zeren.org.Org;
import zeren.org.PostKind;
import zeren.platform.BusinessClock;
import zeren.platform.ConflictException;
import zeren.platform.InputError;
import zeren.platform.InvalidInputException;
import zeren.platform.NotFoundException;
import zeren.report.AnnualReport.Question;
import zeren.report.AnnualReport.Status;
import zeren.tracking.NewTrackedItem;
import zeren.tracking.TrackedItem;
import zeren.tracking.TrackedItemMoves;
import zeren.tracking.TrackedItems;
import zeren.tracking.Tracking;
import zeren.platform.CurrentUser;

/**
 * The review of a submitted report by each of its recipients — the upper Party committee and the
 * upper discipline commission, each on its own ({@link AnnualReport.Review}): accept it, or query
 * it (质询) with questions. The whole report is QUERIED while a recipient's questions are open and
 * ACCEPTED once every recipient has accepted ({@link AnnualReports#settle}).
 * Each question is a tracked item ({@link TrackedItems}, kind {@value #KIND}) of the reporting
 * organisation, owned by its secretary's post and verified by the upper organisation: the
 * reporting organisation answers it there (entries, evidence, submit). A new round may be asked
 * once every question of the last one is answered (submitted); the answers it follows are then
 * closed. Accepting needs every question answered too, and closes the answers.
 */
@Service
@Transactional(readOnly = true)
public class ReportReviews {

	/** The tracked-item kind of a question; its source reference is the question's id. */
	public static final String KIND = "report.query";

	static final int MAX_QUESTION = 2000;
	static final int MAX_QUESTIONS = 50;

	private final JdbcClient jdbc;
	private final AnnualReports reports;
	private final TrackedItems items;
	private final Tracking tracking;
	private final TrackedItemMoves moves;
	private final Leadership leadership;
	private final BusinessClock clock;
	private final AuditTrail audit;
	private final ReportSettings settings;
	private final ReportRecipients recipients;

	ReportReviews(JdbcClient jdbc, AnnualReports reports, ReportRecipients recipients, TrackedItems items, Tracking tracking, TrackedItemMoves moves,
			Leadership leadership, BusinessClock clock, AuditTrail audit, ReportSettings settings,
			org.springframework.context.MessageSource messages) {
		this.messages = messages;
		this.recipients = recipients;
		this.jdbc = jdbc;
		this.reports = reports;
		this.items = items;
		this.tracking = tracking;
		this.moves = moves;
		this.leadership = leadership;
		this.clock = clock;
		this.audit = audit;
		this.settings = settings;
	}

	/**
	 * Questions, one per entry; {@code deadline} for the answers (default: in {@code zeren.report.answer-days});
	 * {@code recipient}: whose questions (null: the first recipient the caller reviews for).
	 */
	public record NewQuery(List<String> questions, LocalDate deadline, AnnualReport.Recipient recipient) {

		public NewQuery(List<String> questions, LocalDate deadline) {
			this(questions, deadline, null);
		}
	}

	@Transactional
	public AnnualReport query(long id, NewQuery request) {
		AnnualReport report = lockedForReview(id);
		AnnualReport.Review review = recipients.reviewed(report, request == null ? null : request.recipient());
		if (request == null) {
			throw InvalidInputException.of("body", "error.field.required");
		}
		requireUnderReview(review);
		requireAnswered(report, review);
		List<InputError> errors = new ArrayList<>();
		List<String> questions = new ArrayList<>();
		List<String> given = request.questions() == null ? List.of() : request.questions();
		for (int i = 0; i < given.size(); i++) {
			String q = given.get(i) == null ? "" : given.get(i).strip();
			if (q.length() > MAX_QUESTION) {
				// per entry by hand: a constraint on a list's strings would name the field "questions[0].<list element>"
				errors.add(InputError.field("questions[%d]".formatted(i), "error.field.too-long", MAX_QUESTION));
			}
			else if (!q.isEmpty()) {
				questions.add(q);
			}
		}
		if (questions.isEmpty() && errors.isEmpty()) {
			errors.add(InputError.field("questions", "error.field.required"));
		}
		if (questions.size() > MAX_QUESTIONS) {
			errors.add(InputError.field("questions", "error.report.too-many", MAX_QUESTIONS));
		}
		LocalDate today = clock.today();
		LocalDate deadline = request.deadline() == null ? today.plusDays(settings.answerDays()) : request.deadline();
		if (deadline.isBefore(today)) {
			errors.add(InputError.field("deadline", "error.report.deadline-past"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		// the answers are owned by the reporting organisation's principal post
		long ownerPost = report.authorPostId() != null ? report.authorPostId()
				: leadership.posts(report.orgId()).stream().filter(p -> p.active() && p.kind() == PostKind.SECRETARY)
						.findFirst().orElseThrow(() -> new ConflictException("orgId", "error.report.no-principal-post",
								report.orgName())).id();
		int round = review.rounds() + 1;
		closeAnswers(report, review, recorded("report.note.round", round));
		int order = 0;
		List<Long> itemIds = new ArrayList<>();
		for (String question : questions) {
			var keys = new GeneratedKeyHolder();
			jdbc.sql("""
					INSERT INTO annual_report_question (report_id, round, sort_order, question, asked_by, asked_at, recipient)
					VALUES (:report, :round, :sort, :question, :user, :now, :recipient)
					""").param("report", id).param("round", round).param("sort", ++order).param("question", question)
					.param("user", CurrentUser.actor()).param("now", clock.now()).param("recipient", review.recipient().name())
					.update(keys, "id");
			long questionId = keys.getKey().longValue();
			TrackedItem item = tracking.open(new NewTrackedItem(KIND, String.valueOf(questionId), report.orgId(),
					"%s（%s %d）%s".formatted(report.title(), review.orgName(), round, question), ownerPost, null,
					review.orgId(), deadline));
			jdbc.sql("UPDATE annual_report_question SET tracked_item_id = :item WHERE id = :id").param("item", item.id())
					.param("id", questionId).update();
			itemIds.add(item.id());
		}
		jdbc.sql("""
				UPDATE annual_report_review SET status = 'QUERIED', rounds = :round WHERE report_id = :id AND recipient = :recipient
				""").param("round", round).param("id", id).param("recipient", review.recipient().name()).update();
		recipients.settle(id);
		audit.record(new AuditTrail.Change(report.orgId(), "report", id, "QUERY",
				"recipient=%s round=%d questions=%d items=%s deadline=%s by=%s".formatted(review.recipient(), round,
						questions.size(), itemIds, deadline, review.orgName())));
		return reports.get(id);
	}

	/** Accepts the report for {@code recipient} (null: the first recipient the caller reviews for). */
	@Transactional
	public AnnualReport accept(long id, AnnualReport.Recipient recipient) {
		AnnualReport report = lockedForReview(id);
		AnnualReport.Review review = recipients.reviewed(report, recipient);
		requireUnderReview(review);
		requireAnswered(report, review);
		closeAnswers(report, review, recorded("report.note.accepted"));
		jdbc.sql("""
				UPDATE annual_report_review SET status = 'ACCEPTED', accepted_at = :now WHERE report_id = :id AND recipient = :recipient
				""").param("now", clock.now()).param("id", id).param("recipient", review.recipient().name()).update();
		recipients.settle(id);
		audit.record(new AuditTrail.Change(report.orgId(), "report", id, "ACCEPT",
				"recipient=%s by=%s rounds=%d sha256=%s".formatted(review.recipient(), review.orgName(), review.rounds(),
						report.sha256())));
		return reports.get(id);
	}

	public AnnualReport accept(long id) {
		return accept(id, null);
	}

	/** A report to review, its row locked (one review at a time): 404 when unknown or out of view. */
	private AnnualReport lockedForReview(long id) {
		jdbc.sql("SELECT id FROM annual_report WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).optional()
				.orElseThrow(() -> new NotFoundException("report", id));
		return reports.get(id);
	}

	private static void requireUnderReview(AnnualReport.Review review) {
		if (review.status() != Status.SUBMITTED && review.status() != Status.QUERIED) {
			throw new ConflictException("status", "error.report.not-under-review", review.status());
		}
	}

	/** Every question of the recipient's last round answered: its item submitted (or already closed). */
	private void requireAnswered(AnnualReport report, AnnualReport.Review review) {
		long pending = lastRound(report, review).stream().map(q -> items.get(q.trackedItemId()))
				.filter(i -> i.status() != TrackedItem.Status.SUBMITTED && i.status() != TrackedItem.Status.CLOSED).count();
		if (pending > 0) {
			throw new ConflictException("questions", "error.report.answers-pending", pending);
		}
	}

	private final org.springframework.context.MessageSource messages;

	/** A note kept on the tracked items' history: in Chinese, the language of the record. */
	private String recorded(String key, Object... args) {
		return messages.getMessage(key, java.util.Arrays.stream(args).map(String::valueOf).toArray(),
				java.util.Locale.SIMPLIFIED_CHINESE);
	}

	private void closeAnswers(AnnualReport report, AnnualReport.Review review, String note) {
		for (Question q : lastRound(report, review)) {
			if (items.get(q.trackedItemId()).status() == TrackedItem.Status.SUBMITTED) {
				moves.close(q.trackedItemId(), note);
			}
		}
	}

	private static List<Question> lastRound(AnnualReport report, AnnualReport.Review review) {
		return report.questionsOf(review.recipient()).stream()
				.filter(q -> q.round() == review.rounds() && q.trackedItemId() != null).toList();
	}
}
