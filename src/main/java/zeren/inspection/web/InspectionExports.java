package zeren.inspection.web;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;
import zeren.inspection.Finding;
import zeren.inspection.Findings;
import zeren.inspection.Rectification;
import zeren.inspection.Rectifications;
import zeren.org.OrgTree;
import zeren.platform.BusinessClock;
import zeren.platform.xlsx.TableExport;

/** The inspection pages' tables as XLSX: the plan, the rectification board and the findings of a subtree. */
@Controller
class InspectionExports {

	private final Rectifications rectifications;
	private final Findings findings;
	private final zeren.inspection.Inspections inspections;
	private final OrgTree tree;
	private final BusinessClock clock;
	private final MessageSource messages;

	InspectionExports(Rectifications rectifications, Findings findings, zeren.inspection.Inspections inspections,
			OrgTree tree, BusinessClock clock, MessageSource messages) {
		this.inspections = inspections;
		this.rectifications = rectifications;
		this.findings = findings;
		this.tree = tree;
		this.clock = clock;
		this.messages = messages;
	}

	/** The rectification board of an organisation for a year as XLSX: every rectification of each column. */
	@GetMapping("/inspection/board/export.xlsx")
	void board(@RequestParam long orgId, @RequestParam(required = false) Integer year, Locale locale,
			HttpServletResponse response) {
		int y = year == null ? clock.today().getYear() : year;
		String orgName = tree.get(orgId).name();
		java.time.LocalDate today = clock.today();
		TableExport.send(response, orgName + y + m(locale, "inspection.board"), book -> {
			TableExport.Sheet sheet = book.sheet(m(locale, "inspection.board"), List.of(m(locale, "inspection.board.column"),
					m(locale, "inspection.finding.description"), m(locale, "inspection.finding.org"),
					m(locale, "inspection.rectification.post"), m(locale, "inspection.rectification.problems"),
					m(locale, "inspection.rectification.measures"), m(locale, "inspection.rectification.deadline"),
					m(locale, "inspection.board.item-status")));
			for (Rectifications.Column column : Rectifications.Column.values()) {
				// every row of the column, not the board's first ones
				for (Rectification r : rectifications.column(orgId, y, column, today, 1, MAX_EXPORTED).items()) {
					sheet.row(m(locale, "inspection.board." + column.name()), r.findingDescription(), r.orgName(),
							r.responsiblePostTitle(), r.problems(), r.measures(), r.deadline(),
							r.item() == null ? null : m(locale, "tracking.status." + r.item().status().name()));
				}
			}
		});
	}

	/** The inspection plan of an organisation for a year (the /inspection page's table) as XLSX. */
	@zeren.platform.ReadOnlyWork
	@GetMapping("/inspection/export.xlsx")
	void plan(@RequestParam long orgId, @RequestParam(required = false) Integer year, Locale locale,
			HttpServletResponse response) {
		int y = year == null ? clock.today().getYear() : year;
		String orgName = tree.get(orgId).name();
		List<zeren.inspection.Inspection> list = inspections.of(orgId, y);
		TableExport.send(response, m(locale, "inspection.heading", orgName, String.valueOf(y)), book -> {
			TableExport.Sheet sheet = book.sheet(m(locale, "inspection.plan"), List.of(m(locale, "inspection.name"),
					m(locale, "inspection.kind"), m(locale, "inspection.inspecting-org"), m(locale, "inspection.period"),
					m(locale, "inspection.targets"), m(locale, "inspection.team")));
			for (zeren.inspection.Inspection i : list) {
				sheet.row(i.title(), m(locale, "inspection.kind." + i.kind().name()), i.orgName(),
						i.startDate() + " — " + i.endDate(),
						String.join("、", i.targets().stream().map(t -> t.orgName()
								+ (t.includeSubtree() ? "（" + m(locale, "inspection.targets.subtree") + "）" : "")).toList()),
						String.join("、", i.team().stream().map(t -> t.postTitle() + (t.personName() != null ? " " + t.personName() : "")
								+ (t.leader() ? "（" + m(locale, "inspection.team.leader") + "）" : "")).toList()));
			}
		});
	}

	/** The most findings one export carries. */
	static final int MAX_EXPORTED = 100_000;

	/** The findings the list shows: its search text, severity and sort, every page. */
	@GetMapping("/inspection/findings/export.xlsx")
	void findings(@RequestParam long orgId, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String q, @RequestParam(required = false) String severity,
			@RequestParam(required = false) String sort, Locale locale, HttpServletResponse response) {
		int y = year == null ? clock.today().getYear() : year;
		String orgName = tree.get(orgId).name();
		List<Finding> list = findings.page(orgId, y, new Findings.FindingFilter(q, severity), Findings.FindingSort.of(sort),
				1, MAX_EXPORTED).items();
		TableExport.send(response, orgName + y + m(locale, "inspection.findings"), book -> {
			TableExport.Sheet sheet = book.sheet(m(locale, "inspection.findings"), List.of(m(locale, "inspection.finding.number"),
					m(locale, "inspection.finding.org"), m(locale, "inspection.finding.inspection"),
					m(locale, "inspection.finding.focus"), m(locale, "inspection.finding.description"),
					m(locale, "inspection.finding.severity"), m(locale, "inspection.finding.posts")));
			for (Finding f : list) {
				sheet.row(f.id(), f.orgName(), f.inspectingOrgName() + "：" + f.inspectionTitle(), f.focusItem(), f.description(),
						m(locale, "inspection.severity." + f.severity().name()),
						String.join("、", f.responsiblePosts().stream().map(Finding.ResponsiblePost::title).toList()));
			}
		});
	}

	private String m(Locale locale, String code, Object... args) {
		return messages.getMessage(code, args, locale);
	}
}
