package zeren.ledger.web;

import java.io.IOException;
import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;
import zeren.platform.ReadOnlyWork;
import zeren.ledger.Reconciliation;
import zeren.ledger.WorkLedger;
import zeren.org.OrgTree;
import zeren.platform.BusinessClock;

/** The reconciliation table (对账) with drill-down and the export; items themselves are on the tracking pages. */
@Controller
class LedgerPages {

	private final WorkLedger ledger;
	private final OrgTree tree;
	private final BusinessClock clock;

	LedgerPages(WorkLedger ledger, OrgTree tree, BusinessClock clock) {
		this.ledger = ledger;
		this.tree = tree;
		this.clock = clock;
	}

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
			model.addAttribute("part", ledger.partOf(orgId, y));
		}
		return "ledger/index";
	}

	@GetMapping("/ledger/tasks")
	String tasks(@RequestParam long orgId, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) Reconciliation.GroupBy groupBy, @RequestParam(required = false) String key,
			@RequestParam(required = false) Reconciliation.Column column, @RequestParam(required = false) String label,
			Model model) {
		int y = year == null ? clock.today().getYear() : year;
		model.addAttribute("org", tree.get(orgId));
		model.addAttribute("year", y);
		model.addAttribute("groupBy", groupBy == null ? Reconciliation.GroupBy.ORG : groupBy);
		model.addAttribute("column", column == null ? Reconciliation.Column.ALL : column);
		model.addAttribute("label", label);
		model.addAttribute("tasks", ledger.tasks(orgId, y, groupBy, key, column));
		return "ledger/tasks";
	}

	@ReadOnlyWork
	@GetMapping("/ledger/export")
	void export(@RequestParam long orgId, @RequestParam(required = false) Integer year, Locale locale,
			HttpServletResponse response) throws IOException {
		LedgerApi.export(ledger, tree, orgId, year == null ? clock.today().getYear() : year, locale, response);
	}
}
