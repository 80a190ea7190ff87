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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import zeren.assessment.Rounds;
import zeren.assessment.Scheme;
import zeren.assessment.SchemeEdits;
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

	private final SchemeEdits edits;

	SchemePages(Schemes schemes, SchemeSheet sheet, Rounds rounds, OrgTree tree, BusinessClock clock, PageErrors errors,
			MessageSource messages, SchemeEdits edits) {
		this.edits = edits;
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
		Long owner = s.orgId() != null ? s.orgId() : orgId;
		editor(model, s, owner, null, null);
		return "assessment/scheme";
	}

	/** The scheme's indicator table, with one indicator in its edit form (typed: what was sent, kept on an error). */
	private void editor(Model model, Scheme s, Long owner, Long editing, SchemeEdits.IndicatorEdit typed) {
		model.addAttribute("scheme", s);
		model.addAttribute("ownerOrgId", owner);
		boolean assess = owner != null && rounds.mayAssess(owner);
		model.addAttribute("canAssess", assess);
		model.addAttribute("canEdit", assess && s.orgId() != null && s.status() == Scheme.Status.DRAFT);
		model.addAttribute("editing", editing);
		model.addAttribute("typed", typed);
		model.addAttribute("rules", Scheme.Rule.values());
		model.addAttribute("autoKinds", edits.autoKinds());
	}

	@GetMapping("/assessment/schemes/{id}/indicators/{indicatorId}/edit")
	String editIndicator(@PathVariable long id, @PathVariable long indicatorId, Model model) {
		Scheme s = schemes.get(id);
		editor(model, s, s.orgId(), indicatorId, null);
		return "assessment/scheme :: editor";
	}

	@PostMapping("/assessment/schemes/{id}/indicators/{indicatorId}")
	String updateIndicator(@PathVariable long id, @PathVariable long indicatorId, SchemeEdits.IndicatorEdit edit,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model, RedirectAttributes flash, Locale locale) {
		return change(id, () -> edits.update(id, indicatorId, edit), indicatorId, edit, "assessment.indicator.saved", htmx, model,
				flash, locale);
	}

	@PostMapping("/assessment/schemes/{id}/indicators/{indicatorId}/children")
	String addChild(@PathVariable long id, @PathVariable long indicatorId,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model, RedirectAttributes flash, Locale locale) {
		long[] added = new long[1];
		return change(id, () -> added[0] = edits.addChild(id, indicatorId), null, null, "assessment.indicator.added", htmx, model,
				flash, locale, added);
	}

	@PostMapping("/assessment/schemes/{id}/indicators/{indicatorId}/delete")
	String removeIndicator(@PathVariable long id, @PathVariable long indicatorId,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model, RedirectAttributes flash, Locale locale) {
		return change(id, () -> edits.remove(id, indicatorId), null, null, "assessment.indicator.removed", htmx, model, flash,
				locale);
	}

	private String change(long id, Runnable change, Long editing, SchemeEdits.IndicatorEdit typed, String notice, String htmx,
			Model model, RedirectAttributes flash, Locale locale) {
		return change(id, change, editing, typed, notice, htmx, model, flash, locale, null);
	}

	/**
	 * A change of the editor: through htmx, the table again (with the success sentence, or the
	 * indicator's form as typed with its errors); without, a redirect to the scheme's page.
	 */
	private String change(long id, Runnable change, Long editing, SchemeEdits.IndicatorEdit typed, String notice, String htmx,
			Model model, RedirectAttributes flash, Locale locale, long[] added) {
		List<String> refused = null;
		try {
			change.run();
		}
		catch (InvalidInputException | ConflictException e) {
			refused = errors.of(e, locale);
		}
		if (htmx == null) {
			if (refused != null) {
				flash.addFlashAttribute("errors", refused);
			}
			else {
				flash.addFlashAttribute("notice", errors.message(notice, locale));
			}
			return "redirect:/assessment/schemes/" + id;
		}
		Scheme s = schemes.get(id);
		editor(model, s, s.orgId(), refused != null ? editing : added != null ? Long.valueOf(added[0]) : null,
				refused != null ? typed : null);
		model.addAttribute("editorErrors", refused);
		model.addAttribute("editorNotice", refused == null ? errors.message(notice, locale) : null);
		return "assessment/scheme :: editor";
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
			@RequestParam(required = false) String name, @RequestParam(required = false) String party,
			@RequestParam(name = "file", required = false) MultipartFile file,
			RedirectAttributes flash, Locale locale) throws IOException {
		try {
			Scheme s = schemes.importSheet(orgId, year, name, party, file == null ? null : file.getBytes(), sheet);
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
