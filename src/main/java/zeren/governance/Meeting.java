package zeren.governance;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A meeting of the committee on Party conduct and clean government, as recorded: its team on the
 * date (every holder of every post, present or absent, a vacant post listed as such), the chair in
 * post on the date, the agenda, the minutes and the decisions (each may become a tracked item).
 */
public record Meeting(long id, long orgId, String orgName, LocalDate date, Kind kind, String title, Attendee chair,
		List<String> agenda, List<Attendee> attendees, String minutes, List<Decision> decisions,
		List<Attachment> attachments, String createdBy, OffsetDateTime createdAt) {

	/** The kinds of meeting the source text asks of a committee. */
	public enum Kind {
		/** 党委（党组）会议专题研究党风廉政建设 */
		TOPIC,
		/** 听取纪委（纪检组）工作汇报 */
		DISCIPLINE_REPORT,
		/** 班子成员听取分管领域党风廉政建设情况汇报 */
		AREA_HEARING,
		/** 反腐败工作协调领导小组会议 */
		GROUP
	}

	/** A holder of a post on the date; {@code personId} is null for a post nobody held (vacant). */
	public record Attendee(long postId, String postTitle, long orgId, String orgName, Long personId, String personName,
			boolean present, String absenceReason) {

		public boolean vacant() {
			return personId == null;
		}
	}

	/** A decision taken (决定事项), numbered from 1; {@code trackedItemId}: the tracked item it became, if any. */
	public record Decision(int no, String text, Long trackedItemId) {
	}

	/** A file attached to the record (an evidence file of the holding organisation). */
	public record Attachment(long evidenceId, String name, String mediaType, long size, String sha256) {
	}

	public long presentCount() {
		return attendees.stream().filter(Attendee::present).count();
	}

	public long absentCount() {
		return attendees.stream().filter(a -> !a.present() && !a.vacant()).count();
	}
}
