package zeren.inspection.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import zeren.inspection.Notice;
import zeren.platform.document.DocumentFormat;
import zeren.platform.document.DocumentWriter;

/** A circulated notice as a document (PDF or DOCX) in Chinese (an official document is Chinese whatever the reader's language), through the shared writer. */
@Component
class NoticeDocument {

	private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	private final MessageSource messages;

	NoticeDocument(MessageSource messages) {
		this.messages = messages;
	}

	private String msg(String code) {
		return messages.getMessage(code, null, CHINESE);
	}

	byte[] write(Notice notice, DocumentFormat format) {
		DocumentWriter pdf = format.writer().info(notice.title(), notice.orgName(), msg("inspection.notice"))
				.title(notice.title())
				.note(notice.orgName() + "　" + notice.issuedOn() + "　" + msg("inspection.notice.scope") + "："
						+ msg("inspection.notice.scope." + notice.scopeKind().name()) + "（" + notice.scopeOrgName() + "）");
		for (String paragraph : notice.paragraphs()) {
			pdf.paragraph(paragraph);
		}
		if (!notice.findings().isEmpty()) {
			pdf.heading(msg("inspection.notice.findings"));
			List<List<String>> rows = new ArrayList<>();
			int n = 0;
			for (Notice.Concerning f : notice.findings()) {
				rows.add(List.of(String.valueOf(++n), f.orgName(), msg("inspection.severity." + f.severity().name()),
						f.description()));
			}
			pdf.table(List.of("序号", msg("inspection.finding.org"), msg("inspection.finding.severity"),
					msg("inspection.finding.description")), new float[] { 1, 4, 2, 9 }, rows);
		}
		if (!notice.criticised().isEmpty()) {
			pdf.heading(msg("inspection.notice.criticised"));
			pdf.paragraph(messages.getMessage("inspection.notice.criticised-text", new Object[] {
					String.join("、", notice.criticised().stream().map(Notice.Criticised::orgName).toList()) }, CHINESE));
		}
		pdf.signatures(List.of(new DocumentWriter.Signature(msg("inspection.notice.issuer"),
				List.of(notice.orgName(), DocumentWriter.date(notice.issuedOn())))));
		return pdf.toBytes();
	}

	/** The notice as a download named after its title. */
	ResponseEntity<byte[]> response(Notice notice, DocumentFormat format) {
		return format.response(write(notice, format), notice.title());
	}
}
