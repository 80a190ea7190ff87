package zeren.report.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import zeren.platform.pdf.PdfWriter;
import zeren.report.AnnualReport;
import zeren.report.AnnualReports;

/** A report as PDF through the shared writer: title, status line, the text, the query rounds. */
@Component
class ReportPdf {

	private final MessageSource messages;

	ReportPdf(MessageSource messages) {
		this.messages = messages;
	}

	byte[] write(AnnualReport r, Locale locale) {
		PdfWriter pdf = PdfWriter.a4().info(r.title(), "Zeren", r.orgName() + " " + r.year()).title(r.title());
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
		if (!r.questions().isEmpty()) {
			pdf.heading(text(locale, "report.questions"));
			List<List<String>> rows = new ArrayList<>();
			for (AnnualReport.Question q : r.questions()) {
				rows.add(List.of(String.valueOf(q.round()), q.question(),
						q.answerStatus() == null ? "—" : text(locale, "report.answer." + q.answerStatus())));
			}
			pdf.table(List.of(text(locale, "report.round"), text(locale, "report.question"), text(locale, "report.answer")),
					new float[] { 1, 8, 2 }, rows);
		}
		return pdf.toBytes();
	}

	/** The report's PDF as a download named after its organisation, year and kind. */
	ResponseEntity<byte[]> response(AnnualReport report, Locale locale) {
		return ResponseEntity.ok()
				.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
						.filename("report-" + report.orgId() + "-" + report.year() + "-" + report.kind() + ".pdf",
								StandardCharsets.UTF_8).build().toString())
				.contentType(MediaType.APPLICATION_PDF).body(write(report, locale));
	}

	private String text(Locale locale, String code, Object... args) {
		return messages.getMessage(code, args, locale);
	}
}
