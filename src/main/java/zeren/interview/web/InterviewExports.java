package zeren.interview.web;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;
import zeren.interview.Interview;
import zeren.interview.InterviewCoverage;
import zeren.interview.InterviewRecords;
import zeren.platform.BusinessClock;
import zeren.platform.xlsx.TableExport;

/**
 * The interview page's tables as XLSX: coverage by level, every missing pair (the page shows the
 * first ones only), and the interviews of the subtree.
 */
@Controller
class InterviewExports {

	private final InterviewCoverage coverage;
	private final InterviewRecords records;
	private final BusinessClock clock;
	private final MessageSource messages;

	InterviewExports(InterviewCoverage coverage, InterviewRecords records, BusinessClock clock, MessageSource messages) {
		this.coverage = coverage;
		this.records = records;
		this.clock = clock;
		this.messages = messages;
	}

	@GetMapping("/interviews/export.xlsx")
	void export(@RequestParam long orgId, @RequestParam(required = false) Integer year, Locale locale,
			HttpServletResponse response) {
		int y = year == null ? clock.today().getYear() : year;
		InterviewCoverage.Coverage c = coverage.coverage(orgId, y);
		List<Interview> interviews = records.inSubtree(orgId, y);
		TableExport.send(response, m(locale, "interview.coverage.heading", c.orgName(), String.valueOf(y)), book -> {
			TableExport.Sheet levels = book.sheet(m(locale, "interview.coverage.level"), List.of(
					m(locale, "interview.coverage.level"), m(locale, "interview.coverage.required"),
					m(locale, "interview.coverage.covered"), m(locale, "interview.coverage.missing")));
			for (InterviewCoverage.Level l : c.levels()) {
				levels.row(m(locale, "interview.coverage.level-name", l.level()), l.required(), l.covered(), l.missing());
			}
			TableExport.Sheet missing = book.sheet(m(locale, "interview.coverage.missing-heading"), List.of(
					m(locale, "interview.coverage.rule"), m(locale, "interview.coverage.interviewer"),
					m(locale, "interview.coverage.interviewee")));
			for (InterviewCoverage.MissingPair p : c.missing()) {
				missing.row(m(locale, "interview.rule." + p.rule()), p.upperOrgName() + " · " + p.interviewerPostTitle(),
						p.lowerOrgName() + " · " + p.intervieweePostTitle());
			}
			TableExport.Sheet done = book.sheet(m(locale, "interview.records"), List.of(m(locale, "interview.date"),
					m(locale, "interview.kind"), m(locale, "interview.interviewer"), m(locale, "interview.interviewees")));
			for (Interview i : interviews) {
				done.row(i.date(), m(locale, "interview.kind." + i.kind().name()),
						i.interviewer().personName() + "（" + i.interviewer().postTitle() + "）",
						String.join("、", i.interviewees().stream()
								.map(e -> e.personName() + "（" + e.orgName() + " · " + e.postTitle() + "）").toList()));
			}
		});
	}

	private String m(Locale locale, String code, Object... args) {
		return messages.getMessage(code, args, locale);
	}
}
