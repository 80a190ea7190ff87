package zeren.governance.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import zeren.governance.Meeting;
import zeren.platform.document.DocumentFormat;
import zeren.platform.document.DocumentWriter;

/** The minutes of a meeting as a document (会议纪要): attendance, agenda, minutes, decisions and whether each is followed. */
@Component
class MeetingDocument {

	private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	private final MessageSource messages;

	MeetingDocument(MessageSource messages) {
		this.messages = messages;
	}

	/** The minutes as PDF or Word (DOCX, in the 公文 layout). */
	ResponseEntity<byte[]> document(Meeting m, DocumentFormat format) {
		String title = m(CHINESE, "governance.minutes.title", m.orgName(), m.title());
		DocumentWriter doc = format.writer().info(title, m.orgName(), m(CHINESE, "governance.meetings.title"))
				.pageNumbers("— {0} —").title(title)
				.note(m(CHINESE, "governance.minutes.head", DocumentWriter.date(m.date()),
						m(CHINESE, "governance.kind." + m.kind()), m.chair().personName(), m.chair().postTitle()));
		doc.heading(m(CHINESE, "governance.meeting.attendance"));
		List<List<String>> rows = new ArrayList<>();
		for (Meeting.Attendee a : m.attendees()) {
			rows.add(List.of(a.orgName() + " " + a.postTitle(), a.vacant() ? "—" : a.personName(),
					a.vacant() ? m(CHINESE, "governance.attendee.vacant")
							: a.present() ? m(CHINESE, "governance.attendee.present")
									: m(CHINESE, "governance.attendee.absent") + "：" + a.absenceReason()));
		}
		doc.table(List.of(m(CHINESE, "governance.attendee.post"), m(CHINESE, "governance.attendee.person"),
				m(CHINESE, "governance.attendee.status")), new float[] { 5, 2, 5 }, rows);
		doc.note(m(CHINESE, "governance.meeting.attendance-totals", m.presentCount(), m.absentCount()));
		if (!m.agenda().isEmpty()) {
			doc.heading(m(CHINESE, "governance.meeting.agenda"));
			StringBuilder agenda = new StringBuilder();
			for (int i = 0; i < m.agenda().size(); i++) {
				agenda.append(i == 0 ? "" : "\n").append(i + 1).append("．").append(m.agenda().get(i));
			}
			doc.paragraph(agenda.toString());
		}
		doc.heading(m(CHINESE, "governance.meeting.minutes"));
		doc.paragraph(m.minutes());
		if (!m.decisions().isEmpty()) {
			doc.heading(m(CHINESE, "governance.meeting.decisions"));
			List<List<String>> decisions = new ArrayList<>();
			for (Meeting.Decision d : m.decisions()) {
				decisions.add(List.of(String.valueOf(d.no()), d.text(), d.trackedItemId() == null
						? m(CHINESE, "governance.decision.untracked") : m(CHINESE, "governance.decision.tracked")));
			}
			doc.table(List.of(m(CHINESE, "governance.decision.no"), m(CHINESE, "governance.decision.text"),
					m(CHINESE, "governance.decision.follow")), new float[] { 1, 10, 3 }, decisions);
		}
		doc.signatures(List.of(new DocumentWriter.Signature(m(CHINESE, "governance.minutes.issuer"),
				List.of(m.orgName(), DocumentWriter.date(m.date())))));
		return format.response(doc.toBytes(), title);
	}

	private String m(Locale locale, String code, Object... args) {
		return messages.getMessage(code, args, locale);
	}
}
