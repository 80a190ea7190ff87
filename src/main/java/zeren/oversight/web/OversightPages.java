package zeren.oversight.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;
import zeren.org.OrgChoice;
import zeren.org.OrgTree;
import zeren.oversight.Obligation;
import zeren.oversight.Oversight;
import zeren.oversight.OversightRequests;
import zeren.oversight.Sweep;
import zeren.platform.BusinessClock;
import zeren.platform.CurrentScope;
import zeren.platform.xlsx.TableExport;

/** The dashboard (驾驶舱) of an organisation: heat map of its children × kinds, trend, red list, export, sweep. */
@Controller
class OversightPages {

	private final Oversight oversight;
	private final Sweep sweep;
	private final OrgTree tree;
	private final BusinessClock clock;
	private final CurrentScope scope;
	private final MessageSource messages;

	OversightPages(Oversight oversight, Sweep sweep, OrgTree tree, BusinessClock clock, CurrentScope scope,
			MessageSource messages) {
		this.oversight = oversight;
		this.sweep = sweep;
		this.tree = tree;
		this.clock = clock;
		this.scope = scope;
		this.messages = messages;
	}

	private int year(Integer year) {
		return OversightRequests.year(year == null ? clock.today().getYear() : year);
	}

	@GetMapping("/oversight")
	String dashboard(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer year,
			Model model) {
		int y = year(year);
		Long chosen = orgId;
		if (chosen == null) {
			var roots = tree.roots();
			chosen = roots.size() == 1 ? roots.get(0).org().id() : null;
		}
		model.addAllAttributes(OrgChoice.of(tree, chosen, y).attributes());
		model.addAttribute("canSweep", scope.isAdmin());
		if (chosen != null) {
			Oversight.Dashboard d = oversight.dashboard(chosen, y);
			model.addAttribute("dashboard", d);
			var org = tree.get(chosen);
			if (org.parentId() != null) {
				tree.find(org.parentId()).ifPresent(parent -> model.addAttribute("parent", parent));
			}
		}
		return "oversight/index";
	}

	@PostMapping("/oversight/sweep")
	String sweepNow(@RequestParam long orgId, @RequestParam(required = false) Integer year, RedirectAttributes flash,
			Locale locale) {
		int y = year(year);
		Sweep.Result result = sweep.sweepNow(orgId, y);
		flash.addFlashAttribute("notice", messages.getMessage("oversight.swept",
				new Object[] { result.instances(), result.colourChanges() }, locale));
		return "redirect:/oversight?orgId=" + orgId + "&year=" + y;
	}

	@GetMapping("/oversight/export.xlsx")
	void export(@RequestParam long orgId, @RequestParam(required = false) Integer year, Locale locale,
			HttpServletResponse response) throws IOException {
		int y = year(year);
		Oversight.Dashboard d = oversight.dashboard(orgId, y);
		List<String> kinds = d.kinds().stream().map(k -> text("oversight.kind." + k, locale)).toList();
		List<String> heatHeaders = new ArrayList<>(List.of(text("oversight.org", locale)));
		for (String k : kinds) {
			heatHeaders.add(k + " " + text("oversight.counts.done", locale));
			heatHeaders.add(k + " " + text("oversight.counts.total", locale));
			heatHeaders.add(k + " " + text("oversight.colour", locale));
		}
		List<List<?>> heat = new ArrayList<>();
		List<Oversight.Line> lines = new ArrayList<>(d.children());
		lines.add(0, d.own());
		lines.add(d.subtree());
		for (Oversight.Line line : lines) {
			List<Object> row = new ArrayList<>();
			row.add(line == d.own() ? line.orgName() + "（" + text("oversight.own", locale) + "）"
					: line == d.subtree() ? text("oversight.subtree", locale) : line.orgName());
			for (String k : d.kinds()) {
				Oversight.Counts c = line.byKind().get(k);
				row.add(c.doneOnTime() + c.doneLate());
				row.add(c.total() - c.notApplicable());
				row.add(text("oversight.colour." + c.colour().name(), locale));
			}
			heat.add(row);
		}
		List<String> statusHeaders = List.of("DONE_ON_TIME", "DONE_LATE", "OPEN", "OVERDUE", "VACANT").stream()
				.map(s -> text("oversight.status." + s, locale)).toList();
		List<String> trendHeaders = new ArrayList<>(List.of(text("oversight.month", locale)));
		trendHeaders.addAll(statusHeaders);
		List<? extends List<?>> trend = d.trend().stream().map(m -> List.<Object>of(m.month(), m.counts().doneOnTime(),
				m.counts().doneLate(), m.counts().openCount(), m.counts().overdue(), m.counts().vacant())).toList();
		List<? extends List<?>> red = d.redList().stream().map(o -> row(o, locale)).toList();
		response.setHeader("Content-Disposition", "attachment; filename=\"oversight-" + orgId + "-" + y + ".xlsx\"");
		response.setContentType(TableExport.CONTENT_TYPE);
		TableExport.write(response.getOutputStream(), book -> {
			sheet(book.sheet(text("oversight.heatmap", locale), heatHeaders), heat);
			sheet(book.sheet(text("oversight.trend", locale), trendHeaders), trend);
			sheet(book.sheet(text("oversight.redlist", locale), redHeaders(locale)), red);
		});
	}

	private static void sheet(TableExport.Sheet sheet, List<? extends List<?>> rows) {
		rows.forEach(sheet::row);
	}

	private List<String> redHeaders(Locale locale) {
		return List.of("oversight.org", "oversight.kind", "oversight.due", "oversight.status", "oversight.colour",
				"oversight.post", "oversight.holder").stream().map(k -> text(k, locale)).toList();
	}

	private List<?> row(Obligation o, Locale locale) {
		return java.util.Arrays.asList(o.orgName(), text("oversight.kind." + o.kind(), locale), o.dueDate().toString(),
				text("oversight.status." + o.status().name(), locale), text("oversight.colour." + o.colour().name(), locale),
				o.postTitle(), o.holderName());
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}
}
