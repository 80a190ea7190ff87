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
import zeren.report.AnnualReport.Question;
import zeren.report.AnnualReport.Status;
import zeren.tracking.NewTrackedItem;
import zeren.tracking.TrackedItem;
import zeren.tracking.TrackedItemMoves;
import zeren.tracking.TrackedItems;
import zeren.tracking.Tracking;
import zeren.platform.CurrentUser;

/**
 * The upper level's review of a submitted report: accept it, or query it (质询) with questions.
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

	ReportReviews(JdbcClient jdbc, AnnualReports reports, TrackedItems items, Tracking tracking, TrackedItemMoves moves,
			Leadership leadership, BusinessClock clock, AuditTrail audit, ReportSettings settings,
			org.springframework.context.MessageSource messages) {
		this.messages = messages;
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

	/** Questions, one per entry; {@code deadline} for the answers (default: in {@code zeren.report.answer-days}). */
	public record NewQuery(List<String> questions, LocalDate deadline) {
	}

	@Transactional
	public AnnualReport query(long id, NewQuery request) {
		AnnualReport report = reports.reviewed(id);
		Org upper = reports.upper(report).orElseThrow();
		requireUnderReview(report);
		requireAnswered(report);
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
		closeAnswers(report, recorded("report.note.round", report.rounds() + 1));
		int round = report.rounds() + 1;
		int order = 0;
		List<Long> itemIds = new ArrayList<>();
		for (String question : questions) {
			var keys = new GeneratedKeyHolder();
			jdbc.sql("""
					INSERT INTO annual_report_question (report_id, round, sort_order, question, asked_by, asked_at)
					VALUES (:report, :round, :sort, :question, :user, :now)
					""").param("report", id).param("round", round).param("sort", ++order).param("question", question)
					.param("user", CurrentUser.actor()).param("now", clock.now()).update(keys, "id");
			long questionId = keys.getKey().longValue();
			TrackedItem item = tracking.open(new NewTrackedItem(KIND, String.valueOf(questionId), report.orgId(),
					"%s（%d）%s".formatted(report.title(), round, question), ownerPost, null, upper.id(), deadline));
			jdbc.sql("UPDATE annual_report_question SET tracked_item_id = :item WHERE id = :id").param("item", item.id())
					.param("id", questionId).update();
			itemIds.add(item.id());
		}
		jdbc.sql("UPDATE annual_report SET status = 'QUERIED', rounds = :round, updated_at = :now WHERE id = :id")
				.param("round", round).param("now", clock.now()).param("id", id).update();
		audit.record(new AuditTrail.Change(report.orgId(), "report", id, "QUERY",
				"round=%d questions=%d items=%s deadline=%s by=%s".formatted(round, questions.size(), itemIds, deadline,
						upper.name())));
		return reports.get(id);
	}

	@Transactional
	public AnnualReport accept(long id) {
		AnnualReport report = reports.reviewed(id);
		requireUnderReview(report);
		requireAnswered(report);
		closeAnswers(report, recorded("report.note.accepted"));
		jdbc.sql("UPDATE annual_report SET status = 'ACCEPTED', accepted_at = :now, updated_at = :now WHERE id = :id")
				.param("now", clock.now()).param("id", id).update();
		audit.record(new AuditTrail.Change(report.orgId(), "report", id, "ACCEPT",
				"rounds=%d sha256=%s".formatted(report.rounds(), report.sha256())));
		return reports.get(id);
	}

	private static void requireUnderReview(AnnualReport report) {
		if (report.status() != Status.SUBMITTED && report.status() != Status.QUERIED) {
			throw new ConflictException("status", "error.report.not-under-review", report.status());
		}
	}

	/** Every question of the last round answered: its item submitted (or already closed). */
	private void requireAnswered(AnnualReport report) {
		long pending = lastRound(report).stream().map(q -> items.get(q.trackedItemId()))
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

	private void closeAnswers(AnnualReport report, String note) {
		for (Question q : lastRound(report)) {
			if (items.get(q.trackedItemId()).status() == TrackedItem.Status.SUBMITTED) {
				moves.close(q.trackedItemId(), note);
			}
		}
	}

	private static List<Question> lastRound(AnnualReport report) {
		return report.questions().stream().filter(q -> q.round() == report.rounds() && q.trackedItemId() != null).toList();
	}
}
