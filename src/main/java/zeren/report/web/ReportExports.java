package zeren.report.web;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;
import zeren.platform.BusinessClock;
import zeren.platform.xlsx.TableExport;
import zeren.report.AnnualReports;

/** The reports page's overview of the subtree as XLSX: each organisation's two reports, status, date, lateness, rounds. */
@Controller
class ReportExports {

	private final AnnualReports reports;
	private final BusinessClock clock;
	private final MessageSource messages;

	ReportExports(AnnualReports reports, BusinessClock clock, MessageSource messages) {
		this.reports = reports;
		this.clock = clock;
		this.messages = messages;
	}

	@GetMapping("/reports/export.xlsx")
	void export(@RequestParam long orgId, @RequestParam(required = false) Integer year, Locale locale,
			HttpServletResponse response) {
		int y = year == null ? clock.today().getYear() - 1 : year;
		// every organisation of the subtree, not the page's first ones: one page as long as the list
		AnnualReports.Overview overview = reports.overview(orgId, y, 1, Integer.MAX_VALUE);
		TableExport.send(response, overview.orgName() + y + m(locale, "report.overview.sheet"), book -> {
			List<String> headers = new java.util.ArrayList<>(List.of(m(locale, "report.org")));
			for (String kind : List.of("COMMITTEE", "PRINCIPAL")) {
				String k = m(locale, "report.kind." + kind);
				headers.addAll(List.of(k + " · " + m(locale, "report.overview.status"), k + " · " + m(locale, "report.overview.submitted"),
						k + " · " + m(locale, "report.late"), k + " · " + m(locale, "report.round")));
			}
			TableExport.Sheet sheet = book.sheet(m(locale, "report.overview.sheet"), headers);
			for (AnnualReports.OverviewRow row : overview.rows()) {
				List<Object> cells = new java.util.ArrayList<>(List.of(row.orgName()));
				for (AnnualReports.Entry e : List.of(row.committee(), row.principal())) {
					cells.add(m(locale, "report.status." + (e.status() == null ? "NONE" : e.status().name())));
					cells.add(e.submittedOn());
					cells.add(e.late() ? m(locale, "report.late") : "");
					cells.add(e.rounds());
				}
				sheet.row(cells);
			}
		});
	}

	private String m(Locale locale, String code, Object... args) {
		return messages.getMessage(code, args, locale);
	}
}
