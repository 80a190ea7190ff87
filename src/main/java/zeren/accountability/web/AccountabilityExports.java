package zeren.accountability.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;
import zeren.accountability.AccountabilityStatistics;
import zeren.accountability.Cases;
import zeren.org.OrgTree;
import zeren.platform.BusinessClock;
import zeren.platform.xlsx.TableExport;

/** The accountability pages' tables as XLSX: the cases of a subtree, and its statistics. */
@Controller
class AccountabilityExports {

	private final Cases cases;
	private final AccountabilityStatistics statistics;
	private final OrgTree tree;
	private final BusinessClock clock;
	private final MessageSource messages;

	AccountabilityExports(Cases cases, AccountabilityStatistics statistics, OrgTree tree, BusinessClock clock,
			MessageSource messages) {
		this.cases = cases;
		this.statistics = statistics;
		this.tree = tree;
		this.clock = clock;
		this.messages = messages;
	}

	@GetMapping("/accountability/export.xlsx")
	void cases(@RequestParam long orgId, @RequestParam(required = false) Integer year, Locale locale,
			HttpServletResponse response) {
		int y = year == null ? clock.today().getYear() : year;
		String orgName = tree.get(orgId).name();
		List<Cases.Summary> list = cases.list(orgId, y);
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

	private void counts(TableExport.Sheet sheet, Map<? extends Enum<?>, Long> counts, String prefix, Locale locale) {
		counts.forEach((key, count) -> sheet.row(m(locale, prefix + key.name()), count));
	}

	private String m(Locale locale, String code, Object... args) {
		return messages.getMessage(code, args, locale);
	}
}
