package zeren.interview;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One interview as recorded: the interviewer and each interviewee with the post they held on
 * {@code date} (checked through tenures when it was recorded).
 */
public record Interview(long id, long orgId, String orgName, LocalDate date, Kind kind, Party interviewer,
		List<Party> interviewees, String content, List<Requirement> requirements, List<Attachment> attachments,
		String createdBy, OffsetDateTime createdAt) {

	/** A file attached to the record (an evidence file of the holding organisation). */
	public record Attachment(long evidenceId, String name, String mediaType, long size, String sha256) {
	}

	/** The kinds of talk of the source text. */
	public enum Kind {
		/** 例行约谈 */
		ROUTINE,
		/** 提醒谈话 */
		REMINDER,
		/** 专项约谈 */
		SPECIAL,
		/** 诫勉谈话 */
		ADMONISHMENT
	}

	/**
	 * A requirement raised (提出的要求), numbered from 1; {@code trackedItemId}: the tracked item
	 * it became for an interviewee's organisation, if any.
	 */
	public record Requirement(int no, String text, Long trackedItemId) {
	}

	/** A person in the post they held on the interview date, with the post's organisation. */
	public record Party(long personId, String personName, long postId, String postTitle, long orgId, String orgName) {
	}
}
