package zeren.report;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zeren.org.Org;
import zeren.org.OrgTree;
import zeren.platform.BusinessClock;
import zeren.platform.ConflictException;
import zeren.platform.CurrentScope;
import zeren.platform.ForbiddenException;
import zeren.report.AnnualReport.Kind;
import zeren.report.AnnualReport.Status;

/**
 * The recipients of a submitted report — the upper Party committee and the upper discipline
 * commission (上级党委和纪委) —: who receives it on submission, who reviews it for which recipient,
 * the whole report's state settled from both reviews, and what was sent to a discipline body.
 * The reviews themselves (query, accept) are {@link ReportReviews}'.
 */
@Service
@Transactional(readOnly = true)
public class ReportRecipients {

	private final JdbcClient jdbc;
	private final OrgTree tree;
	private final CurrentScope scope;
	private final BusinessClock clock;

	ReportRecipients(JdbcClient jdbc, OrgTree tree, CurrentScope scope, BusinessClock clock) {
		this.jdbc = jdbc;
		this.tree = tree;
		this.scope = scope;
		this.clock = clock;
	}

	void receive(long reportId, AnnualReport.Recipient recipient, long orgId) {
		jdbc.sql("""
				INSERT INTO annual_report_review (report_id, recipient, recipient_org_id, status, rounds)
				VALUES (:report, :recipient, :org, 'SUBMITTED', 0)
				""").param("report", reportId).param("recipient", recipient.name()).param("org", orgId).update();
	}

	/** Whether the caller reviews this report for one of its recipients. */
	public boolean canReview(AnnualReport report) {
		return !reviewing(report).isEmpty();
	}

	/**
	 * The recipients the caller reviews this report for: the upper discipline commission when they
	 * manage or supervise that body; the upper committee when they manage it, or supervise it other
	 * than as the commission's user.
	 */
	public List<AnnualReport.Review> reviewing(AnnualReport report) {
		Optional<AnnualReport.Review> discipline = report.review(AnnualReport.Recipient.DISCIPLINE);
		boolean forDiscipline = discipline.flatMap(v -> tree.find(v.orgId()))
				.map(o -> scope.supervising().contains(o.path()) || scope.managing().contains(o.path())).orElse(false);
		return report.reviews().stream().filter(v -> {
			Org o = tree.find(v.orgId()).orElse(null);
			if (o == null) {
				return false;
			}
			if (v.recipient() == AnnualReport.Recipient.DISCIPLINE) {
				return forDiscipline;
			}
			// the committee's review: its administrators, and its supervisors who do not review for
			// the discipline commission (a 纪委 user supervises the committee through the commission)
			return scope.isAdmin() || scope.managing().contains(o.path())
					|| scope.supervising().contains(o.path()) && !forDiscipline;
		}).toList();
	}

	/**
	 * The review the caller does for {@code recipient} (null: the first they review for, the
	 * committee before the discipline commission); 403 when they do not review it for that recipient.
	 */
	AnnualReport.Review reviewed(AnnualReport report, AnnualReport.Recipient recipient) {
		if (report.status() == Status.DRAFT) {
			// nothing to review yet: said to the upper level, refused to anyone else
			Org org = tree.find(report.orgId()).orElse(null);
			boolean upper = org != null && org.parentId() != null && tree.find(org.parentId())
					.map(p -> scope.supervising().contains(p.path()) || scope.managing().contains(p.path())).orElse(false);
			throw upper ? new ConflictException("status", "error.report.not-under-review", report.status())
					: new ForbiddenException();
		}
		return reviewing(report).stream().filter(v -> recipient == null || v.recipient() == recipient).findFirst()
				.orElseThrow(ForbiddenException::new);
	}

	/**
	 * The whole report's state from its recipients' reviews: QUERIED while one has questions open,
	 * ACCEPTED once every one has accepted (at the last acceptance), else SUBMITTED.
	 */
	void settle(long id) {
		List<AnnualReport.Review> reviews = jdbc.sql("SELECT status, rounds, accepted_at FROM annual_report_review WHERE report_id = :id")
				.param("id", id).query((rs, n) -> new AnnualReport.Review(null, 0, null, Status.valueOf(rs.getString(1)),
						rs.getInt(2), rs.getObject(3, OffsetDateTime.class))).list();
		Status status = reviews.stream().anyMatch(v -> v.status() == Status.QUERIED) ? Status.QUERIED
				: !reviews.isEmpty() && reviews.stream().allMatch(v -> v.status() == Status.ACCEPTED) ? Status.ACCEPTED
						: Status.SUBMITTED;
		OffsetDateTime accepted = status != Status.ACCEPTED ? null
				: reviews.stream().map(AnnualReport.Review::acceptedAt).max(java.util.Comparator.naturalOrder()).orElse(null);
		int rounds = reviews.stream().mapToInt(AnnualReport.Review::rounds).sum();
		jdbc.sql("UPDATE annual_report SET status = :status, rounds = :rounds, accepted_at = :accepted, updated_at = :now WHERE id = :id")
				.param("status", status.name()).param("rounds", rounds).param("accepted", accepted).param("now", clock.now())
				.param("id", id).update();
	}


	/** The most reports {@link #sentTo} lists. */
	static final int SENT_LIMIT = 2000;

	/** A report sent to a discipline body, with that body's review of it. */
	public record Sent(long reportId, long orgId, String orgName, Kind kind, String title, LocalDate submittedOn,
			Status reviewStatus, int rounds) {
	}

	/**
	 * The reports of a year sent to a discipline body (those of the lower organisations of the
	 * committee it is linked to), with its own review of each; 404 when the body is out of view.
	 */
	public List<Sent> sentTo(long orgId, int year) {
		tree.get(orgId);
		return jdbc.sql("""
				SELECT r.id, r.org_id, o.name, r.kind, r.title, r.submitted_on, v.status, v.rounds
				FROM annual_report_review v JOIN annual_report r ON r.id = v.report_id JOIN org o ON o.id = r.org_id
				WHERE v.recipient_org_id = :org AND v.recipient = 'DISCIPLINE' AND r.report_year = :year
				ORDER BY o.path, r.kind FETCH FIRST %d ROWS ONLY""".formatted(SENT_LIMIT))
				.param("org", orgId).param("year", year)
				.query((rs, n) -> new Sent(rs.getLong(1), rs.getLong(2), rs.getString(3), Kind.valueOf(rs.getString(4)),
						rs.getString(5), rs.getObject(6, LocalDate.class), Status.valueOf(rs.getString(7)), rs.getInt(8)))
				.list();
	}
}
