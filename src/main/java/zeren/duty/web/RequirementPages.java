package zeren.duty.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.springframework.web.bind.annotation.PathVariable;

import zeren.duty.Requirements;
import zeren.org.OrgType;
import zeren.org.OrgChoice;
import zeren.org.OrgTree;
import zeren.platform.BusinessClock;
import zeren.platform.web.PageErrors;
import zeren.platform.xlsx.TableExport;

/**
 * The "1+X" requirements an organisation publishes for a year: what it has published, whom each
 * reaches and how many lists hold it, a form to publish one more with its targeting (by default
 * the committees of the next level), and one to revise each while no list holding it is published.
 */
@Controller
class RequirementPages {

	private final Requirements requirements;
	private final OrgTree tree;
	private final BusinessClock clock;
	private final PageErrors errors;

	RequirementPages(Requirements requirements, OrgTree tree, BusinessClock clock, PageErrors errors) {
		this.requirements = requirements;
		this.tree = tree;
		this.clock = clock;
		this.errors = errors;
	}

	@GetMapping("/duty/requirements")
	String index(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer year,
			Model model) {
		int y = year == null ? clock.today().getYear() : year;
		model.addAllAttributes(OrgChoice.of(tree, orgId, y).attributes());
		model.addAttribute("requirements", orgId == null ? List.of() : requirements.of(orgId, y));
		model.addAttribute("reaches", Requirements.Reach.values());
		model.addAttribute("orgTypes", OrgType.values());
		model.addAttribute("defaultTypes", Requirements.Targeting.COMMITTEES);
		return "duty/requirements";
	}

	/** The published requirements with whom each reaches and how many lists hold it (the page's table) as XLSX. */
	@zeren.platform.ReadOnlyWork
	@GetMapping("/duty/requirements/export.xlsx")
	void export(@RequestParam long orgId, @RequestParam(required = false) Integer year, Locale locale,
			jakarta.servlet.http.HttpServletResponse response) {
		int y = year == null ? clock.today().getYear() : year;
		String orgName = tree.get(orgId).name();
		List<Requirements.Issued> rows = requirements.of(orgId, y);
		TableExport.send(response, m(locale, "duty.requirements.heading", orgName, String.valueOf(y)), book -> {
			TableExport.Sheet sheet = book.sheet(m(locale, "duty.requirements.title"), List.of(m(locale, "duty.col.no"),
					m(locale, "duty.col.category"), m(locale, "duty.col.task"), m(locale, "duty.col.goal"),
					m(locale, "duty.col.deadline"), m(locale, "duty.requirements.targeting"), m(locale, "duty.requirements.reached")));
			for (Requirements.Issued r : rows) {
				sheet.row(r.itemNo(), r.category(), r.task(), r.goal(), r.deadline(),
						m(locale, "duty.reach." + r.reach().name()) + "："
								+ String.join("、", r.types().stream().map(OrgType::chineseName).toList()),
						r.reached());
			}
		});
	}

	private String m(Locale locale, String code, Object... args) {
		return errors.message(code, locale, args);
	}

	private static String back(Long orgId, Integer year) {
		return "redirect:/duty/requirements" + (orgId == null ? "" : "?orgId=" + orgId + "&year=" + year);
	}

	/** Revises one requirement (its substance and whom it reaches); the fields as on the publishing form. */
	@PostMapping("/duty/requirements/{requirementId}")
	String revise(@PathVariable long requirementId, @RequestParam(required = false) Long orgId,
			@RequestParam(required = false) Integer year, @RequestParam(required = false) String itemNo,
			@RequestParam(required = false) String category, @RequestParam(required = false) String task,
			@RequestParam(required = false) String goal, @RequestParam(required = false) LocalDate deadline,
			@RequestParam(required = false) Requirements.Reach reach,
			@RequestParam(required = false) List<OrgType> types, RedirectAttributes flash, Locale locale) {
		return errors.attempt(() -> requirements.revise(requirementId, new Requirements.Revision(itemNo, category, task,
				goal, deadline, new Requirements.Targeting(reach, types))), back(orgId, year), flash, locale);
	}

	/** Field names as the request's paths ({@code items[0].task}), so each error lands beside its field. */
	@PostMapping("/duty/requirements")
	String publish(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer year,
			@RequestParam(name = "items[0].itemNo", required = false) String itemNo,
			@RequestParam(name = "items[0].category", required = false) String category,
			@RequestParam(name = "items[0].task", required = false) String task,
			@RequestParam(name = "items[0].goal", required = false) String goal,
			@RequestParam(name = "items[0].deadline", required = false) LocalDate deadline,
			@RequestParam(required = false) Requirements.Reach reach, @RequestParam(required = false) List<OrgType> types,
			RedirectAttributes flash, Locale locale) {
		String back = back(orgId, year);
		try {
			Requirements.Published done = requirements.publish(new Requirements.Publication(orgId, year,
					List.of(new Requirements.Requirement(null, itemNo, category, task, goal, deadline)),
					new Requirements.Targeting(reach, types)));
			flash.addFlashAttribute("notice", errors.message("duty.requirements.published", locale,
					String.valueOf(done.listsCreated()), String.valueOf(done.itemsInherited())));
		}
		catch (zeren.platform.InvalidInputException | zeren.platform.ConflictException e) {
			flash.addFlashAttribute("errors", errors.of(e, locale));
		}
		return back;
	}
}
