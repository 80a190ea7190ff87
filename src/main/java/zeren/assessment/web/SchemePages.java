package zeren.assessment.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import zeren.assessment.Rounds;
import zeren.assessment.Scheme;
import zeren.assessment.SchemeSheet;
import zeren.assessment.Schemes;
import zeren.org.OrgChoice;
import zeren.org.OrgTree;
import zeren.platform.BusinessClock;
import zeren.platform.ConflictException;
import zeren.platform.InvalidInputException;
import zeren.platform.ReadOnlyWork;
import zeren.platform.web.PageErrors;
import zeren.platform.xlsx.TableExport;

/**
 * The schemes' pages: the schemes of a year (the default and the organisation's own), a scheme's
 * indicator tree with its points and rules, a new draft from the default or from a scheme (its next
 * version when it is the organisation's own), publishing (confirmed), and the scheme as Excel —
 * exported and imported in the same layout.
 */
@Controller
class SchemePages {

	private final Schemes schemes;
	private final SchemeSheet sheet;
	private final Rounds rounds;
	private final OrgTree tree;
	private final BusinessClock clock;
	private final PageErrors errors;
	private final MessageSource messages;

	SchemePages(Schemes schemes, SchemeSheet sheet, Rounds rounds, OrgTree tree, BusinessClock clock, PageErrors errors,
			MessageSource messages) {
		this.schemes = schemes;
		this.sheet = sheet;
		this.rounds = rounds;
		this.tree = tree;
		this.clock = clock;
		this.errors = errors;
		this.messages = messages;
	}

	@GetMapping("/assessment/schemes")
	String index(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer year, Model model) {
		int y = year == null ? clock.today().getYear() : year;
		model.addAllAttributes(OrgChoice.of(tree, orgId, y).attributes());
		model.addAttribute("defaultScheme", schemes.defaultFor(y));
		model.addAttribute("defaults", java.util.Arrays.stream(Scheme.Party.values()).map(p -> schemes.defaultFor(y, p)).toList());
		model.addAttribute("schemes", schemes.list(y).stream().filter(s -> s.orgId() != null && (orgId == null || s.orgId() == orgId))
				.toList());
		model.addAttribute("canAssess", orgId != null && rounds.mayAssess(orgId));
		return "assessment/schemes";
	}

	@GetMapping("/assessment/schemes/{id}")
	String show(@PathVariable long id, @RequestParam(required = false) Long orgId, Model model) {
		Scheme s = schemes.get(id);
		model.addAttribute("scheme", s);
		Long owner = s.orgId() != null ? s.orgId() : orgId;
		model.addAttribute("ownerOrgId", owner);
		model.addAttribute("canAssess", owner != null && rounds.mayAssess(owner));
		return "assessment/scheme";
	}

	@PostMapping("/assessment/schemes")
	String create(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) Long basedOn, @RequestParam(required = false) String party, RedirectAttributes flash,
			Locale locale) {
		try {
			Scheme s = schemes.create(new Schemes.NewScheme(orgId, year, null, basedOn, null, party));
			flash.addFlashAttribute("notice", errors.message("assessment.scheme.created", locale));
			return "redirect:/assessment/schemes/" + s.id();
		}
		catch (InvalidInputException | ConflictException e) {
			flash.addFlashAttribute("errors", errors.of(e, locale));
			return "redirect:/assessment/schemes" + (orgId == null ? "" : "?orgId=" + orgId);
		}
	}

	@PostMapping("/assessment/schemes/import")
	String importSheet(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String name, @RequestParam(name = "file", required = false) MultipartFile file,
			RedirectAttributes flash, Locale locale) throws IOException {
		try {
			Scheme s = schemes.importSheet(orgId, year, name, file == null ? null : file.getBytes(), sheet);
			flash.addFlashAttribute("notice", errors.message("assessment.scheme.imported", locale));
			return "redirect:/assessment/schemes/" + s.id();
		}
		catch (InvalidInputException | ConflictException e) {
			flash.addFlashAttribute("errors", errors.of(e, locale));
			return "redirect:/assessment/schemes" + (orgId == null ? "" : "?orgId=" + orgId + (year == null ? "" : "&year=" + year));
		}
	}

	@PostMapping("/assessment/schemes/{id}/publish")
	String publish(@PathVariable long id, RedirectAttributes flash, Locale locale) {
		String target = errors.attempt(() -> schemes.publish(id), "redirect:/assessment/schemes/" + id, flash, locale);
		if (flash.getFlashAttributes().containsKey("success")) {
			flash.addFlashAttribute("notice", errors.message("assessment.scheme.published", locale));
		}
		return target;
	}

	@ReadOnlyWork
	@GetMapping("/assessment/schemes/{id}/export.xlsx")
	void export(@PathVariable long id, HttpServletResponse response) {
		Scheme s = schemes.get(id);
		List<List<Object>> rows = sheet.rows(s);
		TableExport.send(response, s.name(), book -> {
			TableExport.Sheet out = book.sheet(messages.getMessage("assessment.schemes", null, Locale.SIMPLIFIED_CHINESE),
					SchemeSheet.COLUMNS);
			rows.forEach(out::row);
		});
	}
}
