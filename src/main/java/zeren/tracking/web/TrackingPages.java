package zeren.tracking.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import zeren.evidence.EvidenceFiles;
import zeren.platform.BusinessClock;
import zeren.platform.InvalidInputException;
import zeren.platform.Paged;
import zeren.platform.web.ListQuery;
import zeren.platform.web.PageErrors;
import zeren.tracking.EntryCorrections;
import zeren.tracking.Move;
import zeren.tracking.TrackedItem;
import zeren.tracking.TrackedItemLists;
import zeren.tracking.TrackedItemMoves;
import zeren.tracking.TrackedItems;

/**
 * The pages every kind of tracked item shares: my items; an item with its entries, evidence and
 * history, the entry form (with files, usable from a phone) and the moves the caller may make.
 */
@Controller
class TrackingPages {

	private final TrackedItems items;
	private final TrackedItemLists lists;
	private final TrackedItemMoves moves;
	private final EvidenceFiles files;
	private final BusinessClock clock;
	private final PageErrors errors;
	private final EntryCorrections corrections;

	TrackingPages(TrackedItems items, TrackedItemLists lists, TrackedItemMoves moves, EvidenceFiles files,
			BusinessClock clock, PageErrors errors, EntryCorrections corrections) {
		this.lists = lists;
		this.corrections = corrections;
		this.items = items;
		this.moves = moves;
		this.files = files;
		this.clock = clock;
		this.errors = errors;
	}

	static final int PAGE_SIZE = 50;

	/**
	 * My items: those I hold (paged by {@code page}) and those waiting for my verification (paged
	 * by {@code verifyPage}), both searched (title, organisation), filtered (status) and sorted by
	 * the same query, which stays in the address (a page is a link).
	 */
	@GetMapping("/tracking")
	String mine(@RequestParam(required = false) Integer year, @RequestParam(required = false) String q,
			@RequestParam(required = false) String status, @RequestParam(required = false) String sort,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer verifyPage, Model model) {
		int y = year == null ? clock.today().getYear() : year;
		TrackedItemLists.ItemSort order = TrackedItemLists.ItemSort.of(sort);
		int held = Paged.page(page);
		int toVerify = Paged.page(verifyPage);
		ListQuery query = ListQuery.of(q, order).with("year", y).with("status", status);
		model.addAttribute("year", y);
		model.addAttribute("sorts", TrackedItemLists.ItemSort.values());
		model.addAttribute("statuses", TrackedItem.Status.values());
		model.addAttribute("listQuery", query);
		// each pager keeps the other list's page
		model.addAttribute("heldQuery", query.with("verifyPage", toVerify > 1 ? toVerify : null));
		model.addAttribute("verifyQuery", query.with("page", held > 1 ? held : null));
		model.addAttribute("mine", lists.mine(y, new TrackedItemLists.ItemFilter(q, status), order, held, toVerify, PAGE_SIZE));
		return "tracking/mine";
	}

	/**
	 * Several submitted items of 待我审核 closed (销号) at once: all or nothing, the item refused
	 * named (TrackedItemMoves.closeAll); the submitter of an item cannot close it, in a batch too.
	 * Back to the same page of the list ({@code back}, an address on /tracking).
	 */
	@PostMapping("/tracking/close")
	String closeAll(@RequestParam(name = "itemIds", required = false) List<Long> itemIds,
			@RequestParam(required = false) String note, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String back, RedirectAttributes flash, Locale locale) {
		try {
			int closed = moves.closeAll(itemIds, note);
			flash.addFlashAttribute("notice", errors.message("tracking.batch.closed", locale, String.valueOf(closed)));
		}
		catch (InvalidInputException | zeren.platform.ConflictException e) {
			flash.addFlashAttribute("errors", errors.of(e, locale));
		}
		if (back != null && (back.equals("/tracking") || back.startsWith("/tracking?")) && !back.contains("//")) {
			return "redirect:" + back;
		}
		return "redirect:/tracking" + (year == null ? "" : "?year=" + year);
	}

	@GetMapping("/tracking/items/{id}")
	String show(@PathVariable long id, Model model) {
		TrackedItem item = items.get(id);
		model.addAttribute("item", item);
		model.addAttribute("entries", items.entries(id));
		model.addAttribute("moves", items.moves(id));
		model.addAttribute("may", items.abilities(id));
		model.addAttribute("today", clock.today());
		model.addAttribute("maxMegabytes", files.maxSize().toMegabytes());
		model.addAttribute("versions", corrections.versionsOf(id));
		model.addAttribute("correctable", corrections.correctable(id));
		return "tracking/item";
	}

	@GetMapping("/tracking/items/{id}/entries/{entryId}/correct")
	String correction(@PathVariable long id, @PathVariable long entryId, Model model) {
		model.addAttribute("item", items.get(id));
		model.addAttribute("entry", corrections.entry(id, entryId));
		model.addAttribute("today", clock.today());
		model.addAttribute("maxMegabytes", files.maxSize().toMegabytes());
		return "tracking/correct";
	}

	@PostMapping("/tracking/items/{id}/entries/{entryId}/correct")
	String correct(@PathVariable long id, @PathVariable long entryId, @RequestParam(required = false) LocalDate date,
			@RequestParam(required = false) String text, @RequestParam(required = false) String reason,
			@RequestParam(name = "kept", required = false) List<Long> kept,
			@RequestParam(name = "files", required = false) List<MultipartFile> uploads, RedirectAttributes flash,
			Locale locale) {
		moves.requireOwner(id);
		try {
			corrections.correctWithFiles(id, entryId, date, text, kept, newFiles(uploads), reason);
			flash.addFlashAttribute("done", errors.message("tracking.correct.done", locale));
			return "redirect:/tracking/items/" + id;
		}
		catch (InvalidInputException | zeren.platform.ConflictException | zeren.platform.ForbiddenException e) {
			flash.addFlashAttribute("errors", errors.of(e, locale));
			return "redirect:/tracking/items/" + id + "/entries/" + entryId + "/correct";
		}
	}

	private static List<TrackedItemMoves.NewFile> newFiles(List<MultipartFile> uploads) {
		List<TrackedItemMoves.NewFile> newFiles = new ArrayList<>();
		if (uploads != null) {
			for (MultipartFile upload : uploads) {
				if (upload != null && !upload.isEmpty()) {
					newFiles.add(new TrackedItemMoves.NewFile(upload.getOriginalFilename(), upload));
				}
			}
		}
		return newFiles;
	}

	@PostMapping("/tracking/items/{id}/entries")
	String addEntry(@PathVariable long id, @RequestParam(required = false) LocalDate date,
			@RequestParam(required = false) String text,
			@RequestParam(name = "files", required = false) List<MultipartFile> uploads, RedirectAttributes flash,
			Locale locale) {
		moves.requireOwner(id);
		List<TrackedItemMoves.NewFile> newFiles = newFiles(uploads);
		String target = "redirect:/tracking/items/" + id;
		try {
			moves.addEntryWithFiles(id, date, text, newFiles);
			flash.addFlashAttribute("done", errors.message("tracking.entry.recorded", locale));
		}
		catch (InvalidInputException | zeren.platform.ConflictException e) {
			flash.addFlashAttribute("errors", errors.of(e, locale));
			flash.addFlashAttribute("draftText", text);
		}
		return target;
	}

	@PostMapping("/tracking/items/{id}/moves")
	String move(@PathVariable long id, @RequestParam(required = false) Move.Action action,
			@RequestParam(required = false) String note, RedirectAttributes flash, Locale locale) {
		return errors.attempt(() -> {
			if (action == null) {
				throw InvalidInputException.of("action", "error.field.required");
			}
			switch (action) {
				case START -> moves.start(id);
				case SUBMIT -> moves.submit(id, note);
				case RETURN -> moves.returnToOwner(id, note);
				case CLOSE -> moves.close(id, note);
				case REOPEN -> moves.reopen(id, note);
				case OPEN, ENTRY -> throw InvalidInputException.of("action", "error.tracking.action-invalid", action.name());
			}
		}, "redirect:/tracking/items/" + id, flash, locale);
	}

	@GetMapping("/tracking/items/{id}/evidence/{evidenceId}")
	ResponseEntity<InputStreamResource> download(@PathVariable long id, @PathVariable long evidenceId) {
		return items.download(id, evidenceId).toResponse();
	}
}
