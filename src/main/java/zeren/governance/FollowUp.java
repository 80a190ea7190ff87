package zeren.governance;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The secretary's personal follow-up of a matter (批示 / 督办): the instruction given on a report,
 * a finding, a case, a letter from the public or another matter, and the 督办 it became — the
 * unit that must answer, the post that carries it and the deadline, followed as a tracked item to
 * closure. With a category it is in the register of 重大问题、重要案件、重大事项, with what was decided.
 */
public record FollowUp(long id, long orgId, String orgName, LocalDate instructedOn, long instructorPostId,
		String instructorPostTitle, long instructorPersonId, String instructorName, SourceKind sourceKind, Long sourceId,
		String subject, String instruction, Category category, String decided, long answerOrgId, String answerOrgName,
		Long trackedItemId, String itemStatus, LocalDate deadline, LocalDate closedOn, String createdBy,
		OffsetDateTime createdAt) {

	public enum SourceKind {
		/** 工作报告 */
		REPORT,
		/** 检查发现的问题 (a finding of Zeren's inspection module) */
		FINDING,
		/** 问责案件 (a case of Zeren's accountability module) */
		CASE,
		/** 群众来信 */
		LETTER,
		/** 其他事项 */
		OTHER;

		/** Whether the source is a record of Zeren, chosen rather than described. */
		public boolean isRecord() {
			return this == FINDING || this == CASE;
		}
	}

	/** 重大问题、重要案件、重大事项 */
	public enum Category {
		MAJOR_ISSUE, MAJOR_CASE, MAJOR_MATTER
	}

	/** Answered: the 督办 item is closed. */
	public boolean closed() {
		return closedOn != null;
	}
}
