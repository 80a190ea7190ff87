package zeren.report;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The report of an organisation (or of its principal) on a year. {@code body} is plain text,
 * paragraphs separated by blank lines. Once submitted it is locked: {@code sha256} is the hash of
 * {@code canonical}, the exact text that was submitted.
 */
public record AnnualReport(long id, long orgId, String orgName, int year, Kind kind, String title, String body,
		Status status, LocalDate deadline, Long authorPostId, String authorPostTitle, Long authorPersonId,
		String authorName, LocalDate submittedOn, OffsetDateTime submittedAt, Boolean late, String sha256,
		int rounds, OffsetDateTime acceptedAt, List<Question> questions, List<Attachment> attachments,
		List<Review> reviews) {

	public enum Kind {
		/** 党委（党组）履行党风廉政建设主体责任情况报告 */
		COMMITTEE,
		/** 党委（党组）书记履行第一责任人职责情况报告 */
		PRINCIPAL
	}

	public enum Status {
		/** Being written. */
		DRAFT,
		/** Locked, waiting for the upper level's review. */
		SUBMITTED,
		/** The upper level asked questions; the reporting organisation answers them. */
		QUERIED,
		/** Accepted by the upper level. */
		ACCEPTED
	}

	/**
	 * A question of {@code recipient}'s query round {@code round}. {@code trackedItemId} is the
	 * tracked item through which it is answered; {@code answerStatus} is that item's status.
	 */
	public record Question(long id, int round, String question, Long trackedItemId, String answerStatus,
			String askedBy, OffsetDateTime askedAt, Recipient recipient) {
	}

	/** Who receives a submitted report: the upper Party committee and the upper discipline commission (上级党委和纪委). */
	public enum Recipient {
		/** 上级党委: the reporting organisation's parent. */
		COMMITTEE,
		/** 上级纪委: the discipline body linked to the parent. */
		DISCIPLINE
	}

	/** One recipient's review of the report: its own status (SUBMITTED, QUERIED, ACCEPTED) and query rounds. */
	public record Review(Recipient recipient, long orgId, String orgName, Status status, int rounds,
			OffsetDateTime acceptedAt) {
	}

	/** The review of {@code recipient}, if the report went to it. */
	public java.util.Optional<Review> review(Recipient recipient) {
		return reviews.stream().filter(r -> r.recipient() == recipient).findFirst();
	}

	/** The questions {@code recipient} asked. */
	public List<Question> questionsOf(Recipient recipient) {
		return questions.stream().filter(q -> q.recipient() == recipient).toList();
	}

	/** A file attached to the report while a draft (an evidence file of the reporting organisation). */
	public record Attachment(long evidenceId, String name, String mediaType, long size, String sha256) {
	}

	public boolean locked() {
		return status != Status.DRAFT;
	}
}
