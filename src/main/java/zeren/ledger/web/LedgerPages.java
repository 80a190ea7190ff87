package zeren.ledger.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;
import zeren.platform.ReadOnlyWork;
import zeren.ledger.LedgerTask;
import zeren.ledger.Reconciliation;
import zeren.ledger.WorkLedger;
import zeren.org.OrgTree;
import zeren.platform.BusinessClock;
import zeren.platform.Paged;
import zeren.platform.web.ListQuery;
import zeren.platform.xlsx.TableExport;
import zeren.tracking.TrackedItem;

/** The reconciliation table (对账) with drill-down and the export; items themselves are on the tracking pages. */
@Controller
class LedgerPages {

	private final WorkLedger ledger;
	private final OrgTree tree;
	private final BusinessClock clock;
	private final MessageSource messages;

	LedgerPages(WorkLedger ledger, OrgTree tree, BusinessClock clock, MessageSource messages) {
		this.messages = messages;
		this.ledger = ledger;
		this.tree = tree;
		this.clock = clock;
	}

	/** The rows of the organisation's part of the lists the page shows; the reconciliation's XLSX carries them all. */
	static final int PART_SHOWN = 50;

	@GetMapping("/ledger")
	String reconciliation(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) Reconciliation.GroupBy groupBy, Locale locale, Model model) {
		int y = year == null ? clock.today().getYear() : year;
		model.addAttribute("year", y);
		var roots = tree.roots();
		model.addAttribute("roots", roots);
		model.addAttribute("groupBys", Reconciliation.GroupBy.values());
		model.addAttribute("groupBy", groupBy == null ? Reconciliation.GroupBy.ORG : groupBy);
		model.addAttribute("orgAmongRoots", roots.stream().anyMatch(r -> orgId != null && r.org().id() == orgId));
		if (orgId != null) {
			model.addAttribute("org", tree.get(orgId));
			model.addAttribute("reconciliation", ledger.reconcile(orgId, y, groupBy, locale));
			model.addAttribute("part", ledger.partOf(orgId, y, PART_SHOWN));
		}
		return "ledger/index";
	}

	/**
	 * The /ledger page's two tables as XLSX: the reconciliation (对账), grouped as the page shows it,
	 * with its total row; and the organisation's part of the lists (upper or own) with each task's progress.
	 */
	@ReadOnlyWork
	@GetMapping("/ledger/reconciliation.xlsx")
	void exportReconciliation(@RequestParam long orgId, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) Reconciliation.GroupBy groupBy, Locale locale, HttpServletResponse response) {
		int y = year == null ? clock.today().getYear() : year;
		Reconciliation r = ledger.reconcile(orgId, y, groupBy, locale);
		List<WorkLedger.UnitPart> part = ledger.partOf(orgId, y);
		TableExport.send(response, messages.getMessage("ledger.heading", new Object[] { r.orgName(), String.valueOf(y) }, locale),
				book -> {
					TableExport.Sheet sheet = book.sheet(m(locale, "ledger.reconciliation.sheet"), List.of(
							m(locale, "ledger.group." + r.groupBy().name()), m(locale, "ledger.col.ALL"),
							m(locale, "ledger.col.NO_ENTRY"), m(locale, "ledger.col.OVERDUE"),
							m(locale, "ledger.col.SUBMITTED"), m(locale, "ledger.col.CLOSED")));
					for (Reconciliation.Row row : r.rows()) {
						sheet.row(row.label(), row.tasks(), row.noEntry(), row.overdue(), row.submitted(), row.closed());
					}
					Reconciliation.Row t = r.total();
					sheet.row(t.label(), t.tasks(), t.noEntry(), t.overdue(), t.submitted(), t.closed());
					TableExport.Sheet own = book.sheet(messages.getMessage("ledger.part.heading", new Object[] { r.orgName() }, locale),
							List.of(m(locale, "ledger.part.list"), m(locale, "ledger.col.no"), m(locale, "ledger.col.task"),
									m(locale, "ledger.part.role"), m(locale, "ledger.col.lead"), m(locale, "ledger.col.deadline"),
									m(locale, "ledger.col.status"), m(locale, "ledger.part.warning"), m(locale, "ledger.part.entries")));
					for (WorkLedger.UnitPart u : part) {
						var task = u.task();
						var item = u.item();
						own.row(task.listOrgName(), task.itemNo(), task.task(), m(locale, "ledger.part.role." + task.role().name()),
								task.leadUnit(), item != null ? item.deadline() : task.deadline(),
								item != null ? m(locale, "tracking.status." + item.status().name()) : m(locale, "ledger.part.untracked"),
								item != null ? m(locale, "tracking.warning." + item.warning().name()) : null,
								item != null ? item.entryCount() : 0);
					}
				});
	}

	static final int PAGE_SIZE = 50;

	/** The most tasks one export of the drill-down carries. */
	static final int MAX_EXPORTED = 100_000;

	/**
	 * The drill-down of one cell of the reconciliation, searched (task, unit, leader), filtered
	 * (status), sorted and paged; the query stays in the address (a page is a link) and its export
	 * carries the same rows.
	 */
	@GetMapping("/ledger/tasks")
	String tasks(@RequestParam long orgId, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) Reconciliation.GroupBy groupBy, @RequestParam(required = false) String key,
			@RequestParam(required = false) Reconciliation.Column column, @RequestParam(required = false) String label,
			@RequestParam(required = false) String q, @RequestParam(required = false) String status,
			@RequestParam(required = false) String sort, @RequestParam(required = false) Integer page, Model model) {
		int y = year == null ? clock.today().getYear() : year;
		Reconciliation.GroupBy by = groupBy == null ? Reconciliation.GroupBy.ORG : groupBy;
		Reconciliation.Column col = column == null ? Reconciliation.Column.ALL : column;
		LedgerTask.Sort order = LedgerTask.Sort.of(sort);
		model.addAttribute("org", tree.get(orgId));
		model.addAttribute("year", y);
		model.addAttribute("groupBy", by);
		model.addAttribute("column", col);
		model.addAttribute("label", label);
		model.addAttribute("sorts", LedgerTask.Sort.values());
		model.addAttribute("statuses", TrackedItem.Status.values());
		model.addAttribute("listQuery", ListQuery.of(q, order).with("orgId", orgId).with("year", y).with("groupBy", by)
				.with("key", key).with("column", col).with("label", label).with("status", status));
		model.addAttribute("tasks", ledger.tasks(orgId, y, by, key, col, new LedgerTask.Filter(q, status), order,
				Paged.page(page), PAGE_SIZE));
		return "ledger/tasks";
	}

	/** The drill-down as XLSX: the rows the list shows (its group, column, search, status and sort), every page. */
	@ReadOnlyWork
	@GetMapping("/ledger/tasks/export.xlsx")
	void exportTasks(@RequestParam long orgId, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) Reconciliation.GroupBy groupBy, @RequestParam(required = false) String key,
			@RequestParam(required = false) Reconciliation.Column column, @RequestParam(required = false) String q,
			@RequestParam(required = false) String status, @RequestParam(required = false) String sort, Locale locale,
			HttpServletResponse response) {
		int y = year == null ? clock.today().getYear() : year;
		String orgName = tree.get(orgId).name();
		Reconciliation.Column col = column == null ? Reconciliation.Column.ALL : column;
		TableExport.send(response, orgName + y + m(locale, "ledger.col." + col.name()), book -> {
			TableExport.Sheet sheet = book.sheet(m(locale, "ledger.tasks.sheet"), List.of(m(locale, "tracking.col.org"),
					m(locale, "ledger.col.no"), m(locale, "ledger.col.category"), m(locale, "ledger.col.task"),
					m(locale, "ledger.col.leader"), m(locale, "tracking.col.deadline"), m(locale, "tracking.col.status"),
					m(locale, "tracking.col.warning"), m(locale, "tracking.col.entries")));
			// streamed: each row is written as it is fetched, through the workbook's window of 100 rows
			ledger.forEachTask(orgId, y, groupBy, key, col, new LedgerTask.Filter(q, status), LedgerTask.Sort.of(sort),
					MAX_EXPORTED, t -> sheet.row(t.item().orgName(), t.itemNo(), t.category(), t.item().title(),
							t.leaderPostTitle(), t.item().deadline(), m(locale, "tracking.status." + t.item().status().name()),
							m(locale, "tracking.warning." + t.item().warning().name()), t.item().entryCount()));
		});
	}

	private String m(Locale locale, String code) {
		return messages.getMessage(code, null, locale);
	}

	@ReadOnlyWork
	@GetMapping("/ledger/export")
	void export(@RequestParam long orgId, @RequestParam(required = false) Integer year, Locale locale,
			HttpServletResponse response) throws IOException {
		LedgerApi.export(ledger, tree, orgId, year == null ? clock.today().getYear() : year, locale, response);
	}
}
