package zeren.duty.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import zeren.duty.DutyList;
import zeren.duty.DutyListManagement;
import zeren.duty.ResponsibilityLists;
import zeren.org.Leadership;
import zeren.org.OrgChoice;
import zeren.org.OrgTree;
import zeren.platform.BusinessClock;
import zeren.platform.ConflictException;
import zeren.platform.InvalidInputException;
import zeren.platform.web.PageErrors;
import zeren.platform.web.Uploads;

/** The responsibility list of an organisation for a year: the task detail table, create, publish, export. */
@Controller
class DutyPages {

	private final ResponsibilityLists lists;
	private final DutyListManagement management;
	private final OrgTree tree;
	private final BusinessClock clock;
	private final PageErrors errors;
	private final Leadership leadership;

	DutyPages(ResponsibilityLists lists, DutyListManagement management, OrgTree tree, BusinessClock clock,
			PageErrors errors, Leadership leadership) {
		this.lists = lists;
		this.management = management;
		this.leadership = leadership;
		this.tree = tree;
		this.clock = clock;
		this.errors = errors;
	}

	@GetMapping("/duty")
	String index(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) Integer version, Model model) {
		int y = year == null ? clock.today().getYear() : year;
		model.addAllAttributes(OrgChoice.of(tree, orgId, y).attributes());
		if (orgId != null) {
			lists.find(orgId, y).ifPresent(list -> {
				model.addAttribute("list", list);
				model.addAttribute("versions", lists.versions(list.id()));
				java.util.Map<Long, String> milestoneText = new java.util.HashMap<>();
				list.items().forEach(i -> milestoneText.put(i.id(), String.join("\n",
						i.milestones().stream().map(m -> m.dueDate() + " " + m.description()).toList())));
				model.addAttribute("milestoneText", milestoneText);
				if (version != null) {
					model.addAttribute("shownVersion", version);
					model.addAttribute("versionItems", lists.itemsAt(list.id(), version));
				}
			});
			model.addAttribute("posts", leadership.posts(orgId));
			model.addAttribute("zone", clock.zone());
		}
		return "duty/index";
	}

	@PostMapping("/duty/lists")
	String create(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer year,
			RedirectAttributes flash, Locale locale) {
		try {
			DutyList list = management.create(new DutyListManagement.NewList(orgId, year));
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
			management.publish(id);
		}
		catch (InvalidInputException | ConflictException e) {
			flash.addFlashAttribute("errors", errors.of(e, locale));
		}
		return "redirect:/duty?orgId=" + list.orgId() + "&year=" + list.year();
	}

	private String listPage(long listId) {
		DutyList list = lists.get(listId);
		return "redirect:/duty?orgId=" + list.orgId() + "&year=" + list.year();
	}

	/** Milestones as written in the form: one per line, {@code YYYY-MM-DD 说明}, as in the XLSX. */
	static List<DutyList.Milestone> milestones(String text) {
		List<DutyList.Milestone> milestones = new ArrayList<>();
		for (String line : (text == null ? "" : text).split("\r?\n")) {
			String l = line.strip();
			if (l.isEmpty()) {
				continue;
			}
			int space = l.indexOf(' ');
			try {
				milestones.add(new DutyList.Milestone(LocalDate.parse(space < 0 ? l : l.substring(0, space)),
						space < 0 ? "" : l.substring(space + 1).strip()));
			}
			catch (DateTimeParseException e) {
				throw InvalidInputException.of("milestones", "error.duty.milestone-format", l);
			}
		}
		return milestones;
	}

	private static DutyListManagement.ItemInput input(ItemForm f) {
		return new DutyListManagement.ItemInput(f.itemNo(), f.category(), f.task(), f.goal(), f.leaderPostId(),
				f.leadUnit(), f.participatingUnits(), f.supervisingUnit(), f.deadline(), milestones(f.milestones()),
				f.reason(), f.leadOrgId(), f.participatingOrgIds(), f.supervisingOrgId());
	}

	/** The fields of the item forms (add and edit); the units' ids come from the pickers. */
	record ItemForm(String itemNo, String category, String task, String goal, Long leaderPostId, String leadUnit,
			String participatingUnits, String supervisingUnit, LocalDate deadline, String milestones, String reason,
			Long leadOrgId, List<Long> participatingOrgIds, Long supervisingOrgId) {
	}

	@PostMapping("/duty/lists/{id}/items")
	String addItem(@PathVariable long id, ItemForm form, RedirectAttributes flash, Locale locale) {
		lists.requireManaged(id);
		return errors.attempt(() -> management.addItem(id, input(form)), listPage(id), flash, locale);
	}

	@PostMapping("/duty/lists/{id}/items/{itemId}")
	String editItem(@PathVariable long id, @PathVariable long itemId, ItemForm form, RedirectAttributes flash,
			Locale locale) {
		lists.requireManaged(id);
		return errors.attempt(() -> management.editItem(id, itemId, input(form)), listPage(id), flash, locale);
	}

	@PostMapping("/duty/lists/{id}/items/{itemId}/remove")
	String removeItem(@PathVariable long id, @PathVariable long itemId, @RequestParam(required = false) String reason,
			RedirectAttributes flash, Locale locale) {
		lists.requireManaged(id);
		return errors.attempt(() -> management.removeItem(id, itemId, reason), listPage(id), flash, locale);
	}

	@PostMapping("/duty/lists/{id}/import")
	String importXlsx(@PathVariable long id, @RequestParam(required = false) MultipartFile file,
			@RequestParam(required = false) String reason, RedirectAttributes flash, Locale locale) {
		// scope first: a file aimed at another organisation's list is refused before it is read
		lists.requireManaged(id);
		return errors.attempt(() -> {
			Uploads.required(file);
			try {
				management.replaceOwnItems(id, TaskDetailTable.read(file.getInputStream()), reason);
			}
			catch (java.io.IOException e) {
				throw InvalidInputException.of("file", "error.import.xlsx-unreadable");
			}
		}, listPage(id), flash, locale);
	}

	@GetMapping("/duty/lists/{id}/xlsx")
	ResponseEntity<byte[]> export(@PathVariable long id) throws IOException {
		return TaskDetailTable.response(lists.get(id));
	}
}
