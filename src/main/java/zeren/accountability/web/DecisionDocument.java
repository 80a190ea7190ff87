package zeren.accountability.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import zeren.accountability.AccountabilityCase;
import zeren.accountability.AccountabilityCase.Decision;
import zeren.accountability.AccountabilityCase.Party;
import zeren.platform.NotFoundException;
import zeren.platform.document.DocumentFormat;
import zeren.platform.document.DocumentWriter;

/**
 * The accountability decisions of a case as one document (问责决定, PDF or DOCX), in Chinese as an
 * official document is: the case and its facts, then for each party the decision in force
 * (forms, the disciplinary sanction, or the reason for not holding to account), the authority
 * and date, and the time to appeal; signed by the authority with the latest date.
 */
@Component
class DecisionDocument {

	private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	private final MessageSource messages;

	DecisionDocument(MessageSource messages) {
		this.messages = messages;
	}

	private String m(String code, Object... args) {
		return messages.getMessage(code, args, CHINESE);
	}

	byte[] write(AccountabilityCase c, DocumentFormat format) {
		List<Party> decided = c.parties().stream().filter(p -> p.current() != null).toList();
		if (decided.isEmpty()) {
			// no decision yet: there is no document to download (as for a case that does not exist)
			throw new NotFoundException("accountability-decision", c.id());
		}
		String title = m("accountability.document.title", c.title());
		DocumentWriter w = format.writer().info(title, c.orgName(), m("accountability.decision-kind.DECISION"));
		w.title(title);
		w.paragraph(m("accountability.document.intro", c.orgName(), DocumentWriter.date(c.periodFrom()), DocumentWriter.date(c.periodTo())));
		if (c.facts() != null && !c.facts().isBlank()) {
			w.heading(m("accountability.case.facts"));
			w.paragraph(c.facts());
		}
		String authority = c.orgName();
		LocalDate latest = null;
		int n = 0;
		for (Party p : decided) {
			Decision d = p.current();
			w.heading(m("accountability.document.party", chineseNumber(++n), p.name(),
					m("accountability.responsibility." + p.responsibility().name())));
			StringBuilder text = new StringBuilder(m("accountability.decision-kind." + d.kind().name())).append("：")
					.append(m("accountability.outcome." + d.outcome().name()));
			if (d.outcome() == AccountabilityCase.Outcome.ACCOUNTABLE && !d.forms().isEmpty()) {
				text.append("，").append(String.join("、", d.forms().stream().map(f -> m("accountability.form." + f.name())).toList()));
			}
			if (d.sanctionDetail() != null && !d.sanctionDetail().isBlank()) {
				text.append("（").append(d.sanctionDetail()).append("）");
			}
			text.append("。");
			w.paragraph(text.toString());
			if (d.reason() != null && !d.reason().isBlank()) {
				w.paragraph(m("accountability.field.reason") + "：" + d.reason());
			}
			w.paragraph(m("accountability.document.decided", d.authority(), DocumentWriter.date(d.decidedOn())));
			if (p.appealUntil() != null) {
				w.paragraph(m("accountability.document.appeal", DocumentWriter.date(p.appealUntil())));
			}
			if (d.decidedOn() != null && (latest == null || d.decidedOn().isAfter(latest))) {
				latest = d.decidedOn();
				authority = d.authority() == null || d.authority().isBlank() ? c.orgName() : d.authority();
			}
		}
		w.signatures(List.of(new DocumentWriter.Signature(m("accountability.field.authority"), List.of(authority, DocumentWriter.date(latest)))));
		return w.toBytes();
	}

	private static String chineseNumber(int n) {
		String digits = "〇一二三四五六七八九";
		if (n < 10) {
			return String.valueOf(digits.charAt(n));
		}
		if (n < 20) {
			return "十" + (n % 10 == 0 ? "" : digits.charAt(n % 10));
		}
		return String.valueOf(n);
	}

	/** The decisions as a download named after the case. */
	ResponseEntity<byte[]> response(AccountabilityCase c, DocumentFormat format) {
		return format.response(write(c, format), m("accountability.document.title", c.title()));
	}
}
