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
		// every missing pair, not the page's first ones: one page as long as the list
		InterviewCoverage.Coverage c = coverage.coverage(orgId, y, 1, Integer.MAX_VALUE);
		List<Interview> interviews = records.inSubtree(orgId, y);
		TableExport.send(response, m(locale, "interview.coverage.heading", c.orgName(), String.valueOf(y)), book -> {
			TableExport.Sheet levels = book.sheet(m(locale, "interview.coverage.level"), List.of(
					m(locale, "interview.coverage.level"), m(locale, "interview.coverage.required"),
					m(locale, "interview.coverage.covered"), m(locale, "interview.coverage.missing"),
					m(locale, "interview.coverage.vacant"), m(locale, "interview.coverage.not-set-up")));
			for (InterviewCoverage.Level l : c.levels()) {
				levels.row(m(locale, "interview.coverage.level-name", l.level()), l.required(), l.covered(), l.missing(),
						l.vacant(), l.notSetUp());
			}
			TableExport.Sheet missing = book.sheet(m(locale, "interview.coverage.missing-heading"), List.of(
					m(locale, "interview.coverage.rule"), m(locale, "interview.coverage.interviewer"),
					m(locale, "interview.coverage.interviewee"), m(locale, "interview.coverage.status")));
			for (InterviewCoverage.MissingPair p : c.missing()) {
				missing.row(m(locale, "interview.rule." + p.rule()),
						side(locale, p.upperOrgName(), p.interviewerKind(), p.interviewerPostTitle()),
						side(locale, p.lowerOrgName(), p.intervieweeKind(), p.intervieweePostTitle()),
						m(locale, "interview.coverage.status." + p.status().name()));
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

	/** "organisation · post", or the kind of post that is not set up. */
	private String side(Locale locale, String orgName, zeren.org.PostKind kind, String postTitle) {
		return orgName + " · " + (postTitle != null ? postTitle
				: m(locale, "interview.coverage.post-missing", m(locale, "post.kind." + kind.name())));
	}

	private String m(Locale locale, String code, Object... args) {
		return messages.getMessage(code, args, locale);
	}
}
