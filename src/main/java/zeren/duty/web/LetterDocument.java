package zeren.duty.web;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import zeren.duty.ResponsibilityLetter;
import zeren.duty.ResponsibilityLetter.Side;
import zeren.platform.BusinessClock;
import zeren.platform.document.DocumentFormat;
import zeren.platform.document.DocumentWriter;

/** A responsibility letter as a document (PDF or DOCX): title, parties, text, items, content hash and both signature boxes. */
@Component
class LetterDocument {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final MessageSource messages;
	private final BusinessClock clock;

	LetterDocument(MessageSource messages, BusinessClock clock) {
		this.messages = messages;
		this.clock = clock;
	}

	private String m(String code, Locale locale, Object... args) {
		return messages.getMessage(code, args, locale);
	}

	byte[] write(ResponsibilityLetter l, Locale locale, DocumentFormat format) {
		DocumentWriter pdf = format.writer().info(l.title(), l.issuer().orgName(), l.recipient().orgName())
				.pageNumbers(m("letters.pdf.page", locale, "{0}", "{1}"));
		pdf.title(l.title());
		if (l.status() == ResponsibilityLetter.Status.DRAFT) {
			pdf.note(m("letters.pdf.draft", locale));
		}
		pdf.paragraph(m("letters.issuer", locale) + "：" + l.issuer().orgName() + " " + l.issuer().postTitle());
		pdf.paragraph(m("letters.recipient", locale) + "：" + l.recipient().orgName() + " " + l.recipient().postTitle());
		pdf.paragraph(m("letters.pdf.year", locale, String.valueOf(l.year())));
		if (l.preamble() != null) {
			pdf.paragraph(l.preamble());
		}
		List<List<String>> rows = new ArrayList<>();
		for (ResponsibilityLetter.Item i : l.items()) {
			rows.add(java.util.Arrays.asList(i.itemNo(), i.category(), i.task(), i.goal(),
					i.deadline() == null ? null : i.deadline().toString()));
		}
		pdf.table(List.of(m("letters.col.no", locale), m("letters.col.category", locale), m("letters.col.task", locale),
				m("letters.col.goal", locale), m("letters.col.deadline", locale)), new float[] { 1.2f, 2.5f, 6, 5, 2.6f },
				rows);
		if (l.contentSha256() != null) {
			pdf.note(m("letters.pdf.content-hash", locale, l.contentSha256()));
		}
		List<DocumentWriter.Signature> boxes = new ArrayList<>();
		for (Side side : Side.values()) {
			ResponsibilityLetter.Party party = l.party(side);
			List<String> lines = new ArrayList<>();
			lines.add(party.orgName() + " " + party.postTitle());
			l.signatures().stream().filter(s -> s.party() == side).findFirst().ifPresentOrElse(s -> {
				lines.add(m("letters.pdf.signature", locale, s.personName(), s.username()));
				lines.add(m("letters.pdf.signed-on", locale, s.signedAt().atZoneSameInstant(clock.zone()).format(TIME)));
				lines.add(m("letters.pdf.signature-hash", locale, s.contentSha256()));
			}, () -> lines.add(m("letters.pdf.not-signed", locale)));
			boxes.add(new DocumentWriter.Signature(m("letters.side." + side, locale), lines));
		}
		pdf.signatures(boxes);
		return pdf.toBytes();
	}

	/** The letter as a download named after its title. */
	ResponseEntity<byte[]> response(ResponsibilityLetter l, Locale locale, DocumentFormat format) {
		return format.response(write(l, locale, format), l.title());
	}
}
