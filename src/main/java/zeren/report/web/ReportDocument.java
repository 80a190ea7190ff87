package zeren.report.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import zeren.platform.document.DocumentFormat;
import zeren.platform.document.DocumentWriter;
import zeren.report.AnnualReport;
import zeren.report.AnnualReports;
import zeren.tracking.TrackedItems;

/** A report as a document (PDF or DOCX) through the shared writer: title, status line, the text, the query rounds with their answers. */
@Component
class ReportDocument {

	private final MessageSource messages;
	private final TrackedItems items;

	ReportDocument(MessageSource messages, TrackedItems items) {
		this.messages = messages;
		this.items = items;
	}

	byte[] write(AnnualReport r, Locale locale, DocumentFormat format) {
		DocumentWriter pdf = format.writer().info(r.title(), "Zeren", r.orgName() + " " + r.year()).title(r.title());
		pdf.note(text(locale, "report.pdf.head", r.orgName(), String.valueOf(r.year()),
				text(locale, "report.kind." + r.kind()), text(locale, "report.status." + r.status())));
		if (r.submittedOn() != null) {
			pdf.note(text(locale, "report.pdf.submitted", r.submittedOn().toString(),
					Boolean.TRUE.equals(r.late()) ? text(locale, "report.late") : text(locale, "report.on-time"),
					r.deadline().toString()));
			if (r.authorName() != null) {
				pdf.note(text(locale, "report.pdf.author", r.authorName(), r.authorPostTitle()));
			}
			pdf.note("SHA-256: " + r.sha256());
		}
		pdf.space(8);
		for (String paragraph : AnnualReports.paragraphs(r.body())) {
			pdf.paragraph(paragraph);
		}
		if (!r.reviews().isEmpty()) {
			pdf.heading(text(locale, "report.reviews"));
			for (AnnualReport.Review v : r.reviews()) {
				pdf.note(text(locale, "report.pdf.review", v.orgName(), text(locale, "report.recipient." + v.recipient()),
						text(locale, "report.status." + v.status()), v.rounds()));
			}
		}
		if (!r.questions().isEmpty()) {
			pdf.heading(text(locale, "report.questions"));
			List<List<String>> rows = new ArrayList<>();
			for (AnnualReport.Question q : r.questions()) {
				rows.add(List.of(text(locale, "report.recipient." + q.recipient()), String.valueOf(q.round()), q.question(),
						answers(q), q.answerStatus() == null ? "—" : text(locale, "report.answer." + q.answerStatus())));
			}
			pdf.table(List.of(text(locale, "report.recipient"), text(locale, "report.round"), text(locale, "report.question"),
					text(locale, "report.answer"), text(locale, "report.answer-status")), new float[] { 2, 1, 6, 6, 2 }, rows);
		}
		return pdf.toBytes();
	}

	/** The report as a download named after its organisation, year and title. */
	ResponseEntity<byte[]> response(AnnualReport report, Locale locale, DocumentFormat format) {
		return format.response(write(report, locale, format), report.orgName() + report.year() + report.title());
	}

	/** The answer to a question: the entries of its tracked item, oldest first, one a line. */
	private String answers(AnnualReport.Question q) {
		if (q.trackedItemId() == null) {
			return "";
		}
		return String.join("\n", items.entries(q.trackedItemId()).stream().map(e -> e.date() + " " + e.text()).toList());
	}

	private String text(Locale locale, String code, Object... args) {
		return messages.getMessage(code, args, locale);
	}
}
