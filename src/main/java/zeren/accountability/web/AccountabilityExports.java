package zeren.accountability.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;
import zeren.accountability.AccountabilityCase;
import zeren.accountability.AccountabilityStatistics;
import zeren.accountability.Cases;
import zeren.accountability.IntegrityFiles;
import zeren.org.OrgTree;
import zeren.platform.BusinessClock;
import zeren.platform.xlsx.TableExport;

/** The accountability pages' tables as XLSX: the cases of a subtree, its statistics, and a person's integrity file. */
@Controller
class AccountabilityExports {

	private final Cases cases;
	private final AccountabilityStatistics statistics;
	private final OrgTree tree;
	private final BusinessClock clock;
	private final MessageSource messages;
	private final IntegrityFiles integrityFiles;

	AccountabilityExports(Cases cases, AccountabilityStatistics statistics, OrgTree tree, BusinessClock clock,
			MessageSource messages, IntegrityFiles integrityFiles) {
		this.integrityFiles = integrityFiles;
		this.cases = cases;
		this.statistics = statistics;
		this.tree = tree;
		this.clock = clock;
		this.messages = messages;
	}

	/** The most cases one export carries. */
	static final int MAX_EXPORTED = 100_000;

	/** The cases the list shows: its search text, status and sort, every page. */
	@GetMapping("/accountability/export.xlsx")
	void cases(@RequestParam long orgId, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String q, @RequestParam(required = false) String status,
			@RequestParam(required = false) String sort, Locale locale, HttpServletResponse response) {
		int y = year == null ? clock.today().getYear() : year;
		String orgName = tree.get(orgId).name();
		List<Cases.Summary> list = cases.page(orgId, y, q, status, Cases.CaseSort.of(sort), 1, MAX_EXPORTED).items();
		TableExport.send(response, orgName + y + m(locale, "accountability.title"), book -> {
			TableExport.Sheet sheet = book.sheet(m(locale, "accountability.title"), List.of(m(locale, "accountability.col.title"),
					m(locale, "accountability.col.org"), m(locale, "accountability.col.origin"),
					m(locale, "accountability.col.period"), m(locale, "accountability.col.registered"),
					m(locale, "accountability.col.status"), m(locale, "accountability.col.parties"),
					m(locale, "accountability.col.dual")));
			for (Cases.Summary c : list) {
				sheet.row(c.title(), c.orgName(), m(locale, "accountability.origin." + c.origin().name()),
						c.periodFrom() + " — " + c.periodTo(), c.registeredOn(),
						m(locale, "accountability.status." + c.status().name()), c.confirmedParties(),
						m(locale, c.dualInvestigation() ? "accountability.yes" : "accountability.no"));
			}
		});
	}

	@GetMapping("/accountability/statistics/export.xlsx")
	void statistics(@RequestParam long orgId, @RequestParam(required = false) Integer year, Locale locale,
			HttpServletResponse response) {
		int y = year == null ? clock.today().getYear() : year;
		AccountabilityStatistics.Statistics s = statistics.of(orgId, y);
		TableExport.send(response, m(locale, "accountability.stats.heading", s.orgName(), String.valueOf(y)), book -> {
			List<String> headers = List.of(m(locale, "accountability.stats.item"), m(locale, "accountability.stats.count"));
			TableExport.Sheet totals = book.sheet(m(locale, "accountability.statistics"), headers);
			totals.row(m(locale, "accountability.stats.cases"), s.cases());
			totals.row(m(locale, "accountability.stats.dual"), s.dualInvestigationCases());
			totals.row(m(locale, "accountability.stats.exempted"), s.exempted());
			counts(book.sheet(m(locale, "accountability.stats.by-status"), headers), s.casesByStatus(), "accountability.status.",
					locale);
			counts(book.sheet(m(locale, "accountability.stats.by-responsibility"), headers), s.partiesByResponsibility(),
					"accountability.responsibility.", locale);
			counts(book.sheet(m(locale, "accountability.stats.forms"), headers), s.forms(), "accountability.form.", locale);
		});
	}

	/** The integrity file (廉政档案) as the page shows it, one sheet a part. */
	@GetMapping("/accountability/people/{id}/integrity-file.xlsx")
	void integrityFile(@PathVariable long id, Locale locale, HttpServletResponse response) {
		IntegrityFiles.IntegrityFile file = integrityFiles.of(id);
		TableExport.send(response, m(locale, "accountability.person.heading", file.person().name()), book -> {
			TableExport.Sheet posts = book.sheet(m(locale, "accountability.person.posts"), List.of(
					m(locale, "accountability.col.org"), m(locale, "accountability.col.post"),
					m(locale, "accountability.col.from"), m(locale, "accountability.col.to")));
			file.posts().forEach(e -> posts.row(e.org().name(), e.post().title(), e.tenure().startDate(),
					e.tenure().endDate() == null ? "" : e.tenure().endDate()));
			TableExport.Sheet entries = book.sheet(m(locale, "accountability.person.cases"), List.of(
					m(locale, "accountability.col.title"), m(locale, "accountability.col.org"),
					m(locale, "accountability.col.period"), m(locale, "accountability.case.reason"),
					m(locale, "accountability.case.decisions")));
			for (IntegrityFiles.Entry e : file.entries()) {
				AccountabilityCase.Decision d = e.current();
				entries.row(e.caseTitle(), e.orgName(), e.periodFrom() + " — " + e.periodTo(),
						m(locale, "accountability.responsibility." + e.responsibility().name()),
						d == null ? "" : m(locale, "accountability.outcome." + d.outcome().name()) + " " + String.join("、",
								d.forms().stream().map(f -> m(locale, "accountability.form." + f.name())).toList()));
			}
			TableExport.Sheet talks = book.sheet(m(locale, "accountability.person.talks"), List.of(
					m(locale, "accountability.col.date"), m(locale, "accountability.col.talk-kind"),
					m(locale, "accountability.col.interviewer"), m(locale, "accountability.col.content")));
			file.interviews().forEach(i -> talks.row(i.date(), m(locale, "interview.kind." + i.kind().name()),
					i.interviewer().orgName() + i.interviewer().postTitle() + " " + i.interviewer().personName(),
					i.content()));
			TableExport.Sheet notices = book.sheet(m(locale, "accountability.person.notices"), List.of(
					m(locale, "accountability.col.date"), m(locale, "accountability.col.notice"),
					m(locale, "accountability.col.issuer"), m(locale, "accountability.col.named-as")));
			file.notices().forEach(n -> notices.row(n.issuedOn(), n.noticeTitle(), n.issuerOrgName(),
					m(locale, "accountability.named." + n.basis(), n.orgName(), n.postTitle())));
			TableExport.Sheet letters = book.sheet(m(locale, "accountability.person.letters"), List.of(
					m(locale, "accountability.col.year"), m(locale, "accountability.col.letter"),
					m(locale, "accountability.col.signed-as"), m(locale, "accountability.col.other-side"),
					m(locale, "accountability.col.signed-on")));
			file.letters().forEach(l -> letters.row(l.year(), l.title(), l.orgName() + l.postTitle(),
					l.otherOrgName() + l.otherPostTitle(), l.signedOn()));
		});
	}

	private void counts(TableExport.Sheet sheet, Map<? extends Enum<?>, Long> counts, String prefix, Locale locale) {
		counts.forEach((key, count) -> sheet.row(m(locale, prefix + key.name()), count));
	}

	private String m(Locale locale, String code, Object... args) {
		return messages.getMessage(code, args, locale);
	}
}
