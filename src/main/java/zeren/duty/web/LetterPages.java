package zeren.duty.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import zeren.platform.document.DocumentFormat;
import zeren.duty.LetterBatches;
import zeren.duty.LetterManagement;
import zeren.duty.ResponsibilityLetter;
import zeren.duty.ResponsibilityLetters;
import zeren.org.OrgChoice;
import zeren.org.OrgTree;
import zeren.platform.BusinessClock;
import zeren.platform.ConflictException;
import zeren.platform.ForbiddenException;
import zeren.platform.InvalidInputException;
import zeren.platform.Paged;
import zeren.platform.web.ListQuery;
import zeren.platform.web.PageErrors;

/** Responsibility letters of an organisation and year: generate, edit drafts, issue, sign, overview, PDF. */
@Controller
class LetterPages {

	private final ResponsibilityLetters letters;
	private final LetterManagement management;
	private final OrgTree tree;
	private final BusinessClock clock;
	private final PageErrors errors;
	private final LetterDocument pdf;
	private final LetterBatches batches;

	LetterPages(ResponsibilityLetters letters, LetterManagement management, OrgTree tree, BusinessClock clock,
			PageErrors errors, LetterDocument pdf, LetterBatches batches) {
		this.batches = batches;
		this.letters = letters;
		this.management = management;
		this.tree = tree;
		this.clock = clock;
		this.errors = errors;
		this.pdf = pdf;
	}

	static final int PAGE_SIZE = 50;

	/**
	 * The letters an organisation issues for a year, searched (recipient, title), filtered
	 * (status, kind), sorted and paged; the query stays in the address (a page is a link).
	 */
	@GetMapping("/duty/letters")
	String index(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String q, @RequestParam(required = false) String status,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String sort,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer unsignedPage,
			Model model) {
		int y = year == null ? clock.today().getYear() : year;
		model.addAttribute("sides", ResponsibilityLetter.Side.values());
		model.addAllAttributes(OrgChoice.of(tree, orgId, y).attributes());
		ResponsibilityLetters.LetterSort order = ResponsibilityLetters.LetterSort.of(sort);
		model.addAttribute("sorts", ResponsibilityLetters.LetterSort.values());
		model.addAttribute("statuses", ResponsibilityLetter.Status.values());
		model.addAttribute("kinds", ResponsibilityLetter.Kind.values());
		// two paged lists: each pager keeps the other list's page
		int p = Paged.page(page);
		int u = Paged.page(unsignedPage);
		ListQuery query = ListQuery.of(q, order).with("orgId", orgId).with("year", y).with("status", status)
				.with("kind", kind);
		model.addAttribute("listQuery", query.with("unsignedPage", u > 1 ? u : null));
		model.addAttribute("unsignedQuery", query.with("page", p > 1 ? p : null));
		if (orgId != null) {
			model.addAttribute("letters", letters.page(orgId, y, new ResponsibilityLetters.LetterFilter(q, status, kind),
					order, p, PAGE_SIZE));
			// the counts over the whole subtree, one page of its unsigned letters (paged in the database)
			ResponsibilityLetters.Overview overview = letters.overview(orgId, y, u, ResponsibilityLetters.OVERVIEW_ROWS);
			model.addAttribute("overview", overview);
			model.addAttribute("unsigned", new Paged<>(overview.unsigned(), u, ResponsibilityLetters.OVERVIEW_ROWS,
					overview.unsignedCount()));
		}
		return "duty/letters";
	}

	/**
	 * Several letters of the list issued or signed at once ({@code action} ISSUE or SIGN): all or
	 * nothing, the letter refused named (LetterBatches); back to the same page of the list.
	 */
	@PostMapping("/duty/letters/batch")
	String batch(@RequestParam(required = false) String action,
			@RequestParam(name = "letterIds", required = false) List<Long> letterIds,
			@RequestParam(required = false) String back, RedirectAttributes flash, Locale locale) {
		try {
			int done = batches.apply(action, letterIds);
			flash.addFlashAttribute("notice", errors.message("letters.batch.done." + action, locale, String.valueOf(done)));
		}
		catch (InvalidInputException | ConflictException e) {
			flash.addFlashAttribute("errors", errors.of(e, locale));
		}
		return "redirect:" + (back != null && back.startsWith("/duty/letters") && !back.startsWith("//") ? back
				: "/duty/letters");
	}

	@PostMapping("/duty/letters/generate")
	String generate(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer year,
			RedirectAttributes flash, Locale locale) {
		String back = orgId == null ? "redirect:/duty/letters" : "redirect:/duty/letters?orgId=" + orgId
				+ (year == null ? "" : "&year=" + year);
		try {
			LetterManagement.Generated generated = management.generate(new LetterManagement.Generation(orgId, year));
			flash.addFlashAttribute("notice", errors.message("letters.generated", locale, generated.created().size()));
			if (!generated.skipped().isEmpty()) {
				flash.addFlashAttribute("skipped", String.join("、", generated.skipped()));
			}
		}
		catch (InvalidInputException | ConflictException e) {
			flash.addFlashAttribute("errors", errors.of(e, locale));
		}
		return back;
	}

	@GetMapping("/duty/letters/{letterId}")
	String show(@PathVariable long letterId, Model model) {
		ResponsibilityLetter letter = letters.get(letterId);
		model.addAttribute("letter", letter);
		model.addAttribute("sides", ResponsibilityLetter.Side.values());
		model.addAttribute("zone", clock.zone());
		model.addAttribute("canEdit", letter.status() == ResponsibilityLetter.Status.DRAFT && letters.canManage(letter));
		model.addAttribute("signable", letters.signableByCaller(letter));
		model.addAttribute("verification", letters.verify(letterId));
		return "duty/letter";
	}

	private String back(long letterId) {
		return "redirect:/duty/letters/" + letterId;
	}

	@PostMapping("/duty/letters/{letterId}/text")
	String editText(@PathVariable long letterId, @RequestParam(required = false) String title,
			@RequestParam(required = false) String preamble, RedirectAttributes flash, Locale locale) {
		letters.requireManaged(letterId);
		return errors.attempt(() -> management.editText(letterId, new LetterManagement.TextInput(title, preamble)),
				back(letterId), flash, locale);
	}

	@PostMapping("/duty/letters/{letterId}/items")
	String addItem(@PathVariable long letterId, @RequestParam(required = false) String itemNo,
			@RequestParam(required = false) String category, @RequestParam(required = false) String task,
			@RequestParam(required = false) String goal, @RequestParam(required = false) LocalDate deadline,
			RedirectAttributes flash, Locale locale) {
		letters.requireManaged(letterId);
		return errors.attempt(() -> management.addItem(letterId,
				new LetterManagement.ItemInput(itemNo, category, task, goal, deadline)), back(letterId), flash, locale);
	}

	@PostMapping("/duty/letters/{letterId}/items/{letterItemId}")
	String editItem(@PathVariable long letterId, @PathVariable long letterItemId,
			@RequestParam(required = false) String itemNo, @RequestParam(required = false) String category,
			@RequestParam(required = false) String task, @RequestParam(required = false) String goal,
			@RequestParam(required = false) LocalDate deadline, RedirectAttributes flash, Locale locale) {
		letters.requireManaged(letterId);
		return errors.attempt(() -> management.editItem(letterId, letterItemId,
				new LetterManagement.ItemInput(itemNo, category, task, goal, deadline)), back(letterId), flash, locale);
	}

	@PostMapping("/duty/letters/{letterId}/items/{letterItemId}/remove")
	String removeItem(@PathVariable long letterId, @PathVariable long letterItemId, RedirectAttributes flash,
			Locale locale) {
		letters.requireManaged(letterId);
		return errors.attempt(() -> management.removeItem(letterId, letterItemId), back(letterId), flash, locale);
	}

	@PostMapping("/duty/letters/{letterId}/issue")
	String issue(@PathVariable long letterId, RedirectAttributes flash, Locale locale) {
		letters.requireManaged(letterId);
		return errors.attempt(() -> management.issue(letterId), back(letterId), flash, locale);
	}

	@PostMapping("/duty/letters/{letterId}/sign")
	String sign(@PathVariable long letterId, @RequestParam(required = false) ResponsibilityLetter.Side party,
			RedirectAttributes flash, Locale locale) {
		try {
			management.sign(letterId, party);
		}
		catch (InvalidInputException | ConflictException e) {
			flash.addFlashAttribute("errors", errors.of(e, locale));
		}
		catch (ForbiddenException e) {
			if (e.error() == null) {
				throw e;
			}
			flash.addFlashAttribute("errors", errors.of(e, locale));
		}
		return back(letterId);
	}

	@GetMapping("/duty/letters/{letterId}/pdf")
	ResponseEntity<byte[]> pdf(@PathVariable long letterId, Locale locale) {
		return pdf.response(letters.get(letterId), locale, DocumentFormat.PDF);
	}

	@GetMapping("/duty/letters/{letterId}/docx")
	ResponseEntity<byte[]> docx(@PathVariable long letterId, Locale locale) {
		return pdf.response(letters.get(letterId), locale, DocumentFormat.DOCX);
	}
}
