package zeren.duty.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import zeren.duty.DutyList;
import zeren.duty.ResponsibilityLists;
import zeren.org.OrgTree;
import zeren.platform.BusinessClock;
import zeren.platform.ConflictException;
import zeren.platform.InvalidInputException;
import zeren.platform.web.PageErrors;

/** The responsibility list of an organisation for a year: the task detail table, create, publish, export. */
@Controller
class DutyPages {

	private final ResponsibilityLists lists;
	private final OrgTree tree;
	private final BusinessClock clock;
	private final PageErrors errors;

	DutyPages(ResponsibilityLists lists, OrgTree tree, BusinessClock clock, PageErrors errors) {
		this.lists = lists;
		this.tree = tree;
		this.clock = clock;
		this.errors = errors;
	}

	@GetMapping("/duty")
	String index(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer year,
			Model model) {
		int y = year == null ? clock.today().getYear() : year;
		model.addAttribute("year", y);
		var roots = tree.roots();
		model.addAttribute("roots", roots);
		model.addAttribute("orgAmongRoots", roots.stream().anyMatch(r -> orgId != null && r.org().id() == orgId));
		if (orgId != null) {
			model.addAttribute("org", tree.get(orgId));
			model.addAttribute("canManage", tree.canManage(orgId));
			lists.find(orgId, y).ifPresent(list -> model.addAttribute("list", list));
		}
		return "duty/index";
	}

	@PostMapping("/duty/lists")
	String create(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer year,
			RedirectAttributes flash, Locale locale) {
		try {
			DutyList list = lists.create(orgId, year);
			return "redirect:/duty?orgId=" + list.orgId() + "&year=" + list.year();
		}
		catch (InvalidInputException | ConflictException e) {
			flash.addFlashAttribute("errors", errors.of(e, locale));
			return orgId == null ? "redirect:/duty" : "redirect:/duty?orgId=" + orgId;
		}
	}

	@PostMapping("/duty/lists/{id}/publish")
	String publish(@PathVariable long id, RedirectAttributes flash, Locale locale) {
		DutyList list = lists.get(id);
		try {
			lists.publish(id);
		}
		catch (InvalidInputException | ConflictException e) {
			flash.addFlashAttribute("errors", errors.of(e, locale));
		}
		return "redirect:/duty?orgId=" + list.orgId() + "&year=" + list.year();
	}

	@GetMapping("/duty/lists/{id}/xlsx")
	ResponseEntity<byte[]> export(@PathVariable long id) throws IOException {
		DutyList list = lists.get(id);
		return ResponseEntity.ok()
				.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
						.filename("duty-" + list.orgId() + "-" + list.year() + ".xlsx", StandardCharsets.UTF_8).build()
						.toString())
				.contentType(MediaType.parseMediaType(TaskDetailTable.CONTENT_TYPE)).body(TaskDetailTable.write(list));
	}
}
