package zeren.assessment.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import zeren.assessment.SpecialSupervisors;
import zeren.org.OrgChoice;
import zeren.org.OrgTree;
import zeren.platform.BusinessClock;
import zeren.platform.ConflictException;
import zeren.platform.InvalidInputException;
import zeren.platform.web.Uploads;
import zeren.platform.web.PageErrors;
import zeren.platform.xlsx.TableExport;

/**
 * The special supervisors' pages: an assessing organisation's supervisors (designated through the
 * people picker, ended with a confirmation) and the visits of a year, the form a supervisor records
 * a visit with (the unit through the organisation picker below the organisation, three findings
 * each confirmed or not), and a visit with its findings and files.
 */
@Controller
class SupervisorPages {

	private static final int FINDING_ROWS = 3;

	private final SpecialSupervisors supervisors;
	private final OrgTree tree;
	private final BusinessClock clock;
	private final PageErrors errors;

	SupervisorPages(SpecialSupervisors supervisors, OrgTree tree, BusinessClock clock, PageErrors errors) {
		this.supervisors = supervisors;
		this.tree = tree;
		this.clock = clock;
		this.errors = errors;
	}

	@GetMapping("/assessment/supervisors")
	String index(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer year, Model model) {
		int y = year == null ? clock.today().getYear() : year;
		model.addAllAttributes(OrgChoice.of(tree, orgId, y).attributes());
		if (orgId != null) {
			boolean assess = supervisors.mayAssess(orgId);
			List<SpecialSupervisors.Supervisor> all = supervisors.of(orgId);
			model.addAttribute("supervisors", all);
			model.addAttribute("canAssess", assess);
			// the designations the caller records visits as: all active ones for the assessing side, else their own
			model.addAttribute("recordAs", assess ? all.stream().filter(SpecialSupervisors.Supervisor::active).toList()
					: supervisors.mine(orgId));
			model.addAttribute("visits", supervisors.visits(orgId, y));
			model.addAttribute("findingRows", java.util.stream.IntStream.range(0, FINDING_ROWS).boxed().toList());
			model.addAttribute("today", clock.today());
		}
		return "assessment/supervisors";
	}

	/** The year's visits of an organisation's special supervisors (the page's 明察暗访记录) as XLSX. */
	@zeren.platform.ReadOnlyWork
	@GetMapping("/assessment/supervisors/export.xlsx")
	void export(@RequestParam long orgId, @RequestParam(required = false) Integer year, Locale locale,
			jakarta.servlet.http.HttpServletResponse response) {
		int y = year == null ? clock.today().getYear() : year;
		String orgName = tree.get(orgId).name();
		List<SpecialSupervisors.Visit> visits = supervisors.visits(orgId, y);
		String title = errors.message("assessment.visits", locale, String.valueOf(y));
		TableExport.send(response, orgName + title, book -> {
			TableExport.Sheet sheet = book.sheet(title, List.of(errors.message("field.assessment.visitedOn", locale),
					errors.message("field.assessment.unitOrgId", locale), errors.message("field.assessment.supervisorId", locale),
					errors.message("field.assessment.findings", locale), errors.message("assessment.visit.confirmed", locale)));
			for (SpecialSupervisors.Visit v : visits) {
				sheet.row(v.visitedOn(), v.unitOrgName(), v.supervisorName(), v.findings().size(), v.confirmed());
			}
		});
	}

	@PostMapping("/assessment/supervisors")
	String designate(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Long personId,
			RedirectAttributes flash, Locale locale) {
		String target = "redirect:/assessment/supervisors" + (orgId == null ? "" : "?orgId=" + orgId);
		if (orgId == null) {
			flash.addFlashAttribute("errors", errors.of(InvalidInputException.of("orgId", "error.field.required"), locale));
			return target;
		}
		return notice(errors.attempt(() -> supervisors.designate(orgId, new SpecialSupervisors.NewSupervisor(personId)), target, flash,
				locale), flash, "assessment.supervisor.designated", locale);
	}

	@PostMapping("/assessment/supervisors/{supervisorId}/end")
	String end(@PathVariable long supervisorId, @RequestParam(required = false) Long orgId, RedirectAttributes flash,
			Locale locale) {
		String target = "redirect:/assessment/supervisors" + (orgId == null ? "" : "?orgId=" + orgId);
		return notice(errors.attempt(() -> supervisors.end(supervisorId), target, flash, locale), flash,
				"assessment.supervisor.ended", locale);
	}

	@PostMapping("/assessment/visits")
	String record(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Long supervisorId,
			@RequestParam(required = false) Long unitOrgId, @RequestParam(required = false) String visitedOn,
			@RequestParam(required = false) String summary, @RequestParam(name = "findingText", required = false) List<String> texts,
			@RequestParam(name = "findingConfirmed", required = false) List<Integer> confirmed, RedirectAttributes flash,
			Locale locale) {
		String back = "redirect:/assessment/supervisors" + (orgId == null ? "" : "?orgId=" + orgId);
		if (orgId == null) {
			flash.addFlashAttribute("errors", errors.of(InvalidInputException.of("orgId", "error.field.required"), locale));
			return back;
		}
		List<SpecialSupervisors.NewFinding> findings = new ArrayList<>();
		List<String> given = texts == null ? List.of() : texts;
		for (int i = 0; i < given.size(); i++) {
			findings.add(new SpecialSupervisors.NewFinding(given.get(i), confirmed != null && confirmed.contains(i)));
		}
		try {
			SpecialSupervisors.Visit v = supervisors.record(orgId,
					new SpecialSupervisors.NewVisit(supervisorId, unitOrgId, visitedOn, summary, findings));
			flash.addFlashAttribute("notice", errors.message("assessment.visit.recorded", locale));
			return "redirect:/assessment/visits/" + v.id();
		}
		catch (InvalidInputException | ConflictException e) {
			flash.addFlashAttribute("errors", errors.of(e, locale));
			return back;
		}
	}

	@GetMapping("/assessment/visits/{visitId}")
	String visit(@PathVariable long visitId, Model model) {
		SpecialSupervisors.Visit v = supervisors.get(visitId);
		model.addAttribute("visit", v);
		model.addAttribute("files", supervisors.files(visitId));
		model.addAttribute("canEdit", supervisors.mayEdit(v));
		return "assessment/visit";
	}

	@PostMapping("/assessment/visits/{visitId}/files")
	String attach(@PathVariable long visitId, @RequestParam(name = "file", required = false) MultipartFile file,
			RedirectAttributes flash, Locale locale) throws IOException {
		String target = "redirect:/assessment/visits/" + visitId;
		try {
			Uploads.required(file);
		}
		catch (InvalidInputException e) {
			// scope first: a sibling's visit answers 404, not "choose a file"
			supervisors.get(visitId);
			flash.addFlashAttribute("errors", errors.of(e, locale));
			return target;
		}
		var content = file.getInputStream();
		return notice(errors.attempt(() -> supervisors.attach(visitId, file.getOriginalFilename(), content), target, flash, locale),
				flash, "assessment.visit.attached", locale);
	}

	@GetMapping("/assessment/visits/{visitId}/files/{evidenceId}")
	org.springframework.http.ResponseEntity<org.springframework.core.io.InputStreamResource> file(@PathVariable long visitId,
			@PathVariable long evidenceId) {
		return supervisors.file(visitId, evidenceId).toResponse();
	}

	private String notice(String target, RedirectAttributes flash, String code, Locale locale) {
		if (flash.getFlashAttributes().containsKey("success")) {
			flash.addFlashAttribute("notice", errors.message(code, locale));
		}
		return target;
	}
}
