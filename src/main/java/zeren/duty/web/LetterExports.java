package zeren.duty.web;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;
import zeren.duty.ResponsibilityLetter;
import zeren.duty.ResponsibilityLetter.Side;
import zeren.duty.ResponsibilityLetters;
import zeren.org.OrgTree;
import zeren.platform.BusinessClock;
import zeren.platform.xlsx.TableExport;

/** The letters page's tables as XLSX: the letters an organisation issued, and the unsigned letters of its subtree. */
@Controller
class LetterExports {

	private final ResponsibilityLetters letters;
	private final OrgTree tree;
	private final BusinessClock clock;
	private final MessageSource messages;

	LetterExports(ResponsibilityLetters letters, OrgTree tree, BusinessClock clock, MessageSource messages) {
		this.letters = letters;
		this.tree = tree;
		this.clock = clock;
		this.messages = messages;
	}

	/** The most letters one export carries (an organisation issues one per lower organisation and team post). */
	static final int MAX_EXPORTED = 100_000;

	/**
	 * The letters the list shows — its search text, status, kind and sort, every page — and the
	 * signing overview of the subtree (that table has no search; it is exported whole).
	 */
	@GetMapping("/duty/letters/export.xlsx")
	void export(@RequestParam long orgId, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String q, @RequestParam(required = false) String status,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String sort, Locale locale,
			HttpServletResponse response) {
		int y = year == null ? clock.today().getYear() : year;
		String orgName = tree.get(orgId).name();
		List<ResponsibilityLetter> issued = letters.page(orgId, y, new ResponsibilityLetters.LetterFilter(q, status, kind),
				ResponsibilityLetters.LetterSort.of(sort), 1, MAX_EXPORTED).items();
		// every unsigned letter of the subtree, not the page's first ones: one page as long as the list
		ResponsibilityLetters.Overview overview = letters.overview(orgId, y, 1, Integer.MAX_VALUE);
		TableExport.send(response, m(locale, "letters.heading", orgName, String.valueOf(y)), book -> {
			TableExport.Sheet sheet = book.sheet(m(locale, "letters.title"), List.of(m(locale, "letters.col.kind"),
					m(locale, "letters.recipient"), m(locale, "letters.items"), m(locale, "letters.col.status"),
					m(locale, "letters.col.issuer-signed"), m(locale, "letters.col.recipient-signed")));
			for (ResponsibilityLetter l : issued) {
				sheet.row(m(locale, "letters.kind." + l.kind()), l.recipient().orgName() + " " + l.recipient().postTitle(),
						l.items().size(), m(locale, "letters.status." + l.status()), signed(locale, l.signedBy(Side.values()[0])),
						signed(locale, l.signedBy(Side.values()[1])));
			}
			TableExport.Sheet unsigned = book.sheet(m(locale, "letters.overview"), List.of(m(locale, "letters.issuer"),
					m(locale, "letters.recipient"), m(locale, "letters.col.status"), m(locale, "letters.col.issuer-signed"),
					m(locale, "letters.col.recipient-signed")));
			for (ResponsibilityLetters.Pending p : overview.unsigned()) {
				unsigned.row(p.issuerOrgName() + " " + p.issuerPostTitle(), p.recipientOrgName() + " " + p.recipientPostTitle(),
						m(locale, "letters.status." + p.status()), signed(locale, p.issuerSigned()),
						signed(locale, p.recipientSigned()));
			}
		});
	}

	private String signed(Locale locale, boolean signed) {
		return m(locale, signed ? "letters.yes" : "letters.no");
	}

	private String m(Locale locale, String code, Object... args) {
		return messages.getMessage(code, args, locale);
	}
}
