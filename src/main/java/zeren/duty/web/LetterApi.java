package zeren.duty.web;

import java.util.List;
import java.util.Locale;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import zeren.platform.document.DocumentFormat;
import zeren.platform.ReadOnlyWork;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import zeren.duty.LetterBatches;
import zeren.duty.LetterManagement;
import zeren.duty.ResponsibilityLetter;
import zeren.duty.ResponsibilityLetters;
import jakarta.servlet.http.HttpServletRequest;
import zeren.platform.BusinessClock;
import zeren.platform.web.ApiPage;
import zeren.platform.Inputs;

/** Responsibility letters (责任书) over JSON and PDF. */
@RestController
@Tag(name = "Responsibility letters", description = "责任书: generated from the list, edited as a draft, issued, signed by both parties (SHA-256 of the content), PDF")
class LetterApi {

	private final ResponsibilityLetters letters;
	private final LetterManagement management;
	private final BusinessClock clock;
	private final LetterDocument pdf;

	private final LetterBatches batches;
	private final Inputs inputs;

	LetterApi(ResponsibilityLetters letters, LetterManagement management, BusinessClock clock, LetterDocument pdf,
			LetterBatches batches, Inputs inputs) {
		this.batches = batches;
		this.inputs = inputs;
		this.letters = letters;
		this.management = management;
		this.clock = clock;
		this.pdf = pdf;
	}

	@PostMapping("/api/v1/duty/letters/generate")
	@Operation(summary = "Generate the year's letters of an organisation: one per lower organisation (items: its 1+X requirements, else its list) and one per team post (items it leads); existing ones are kept")
	LetterManagement.Generated generate(@RequestBody LetterManagement.Generation request) {
		return management.generate(request);
	}

	@GetMapping("/api/v1/duty/letters")
	@Operation(summary = "The letters an organisation issues for a year")
	List<ResponsibilityLetter> issuedBy(@RequestParam long orgId, @RequestParam(required = false) Integer year) {
		return letters.issuedBy(orgId, year == null ? clock.today().getYear() : year);
	}

	@ReadOnlyWork
	@GetMapping("/api/v1/duty/letters/overview")
	@Operation(summary = "Who has and has not signed, for the letters issued in an organisation's subtree in a year (within "
			+ "the caller's scope): counts by status over all of them, and the first " + ResponsibilityLetters.OVERVIEW_ROWS
			+ " unsigned letters (unsignedCount: all of them, truncated: more than listed; every one through "
			+ "/api/v1/duty/letters/overview/unsigned)")
	ResponsibilityLetters.Overview overview(@RequestParam long orgId, @RequestParam(required = false) Integer year) {
		return letters.overview(orgId, year == null ? clock.today().getYear() : year);
	}

	@ReadOnlyWork
	@GetMapping("/api/v1/duty/letters/overview/unsigned")
	@Operation(summary = "Every letter of the overview not yet signed by both sides, paged in its order: page (from 1) and "
			+ "size (at most 200, default 100); the rows as a JSON array, X-Total-Count and Link (first, prev, next, last)")
	ResponseEntity<List<ResponsibilityLetters.Pending>> unsigned(@RequestParam long orgId,
			@RequestParam(required = false) Integer year, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, HttpServletRequest request) {
		return ApiPage.of(letters.unsigned(orgId, year == null ? clock.today().getYear() : year, ApiPage.page(page),
				ApiPage.size(size)), request);
	}

	/** Several letters to issue or sign at once: {@code action} ISSUE or SIGN. */
	record BatchRequest(String action, @NotEmpty @Size(max = zeren.platform.Batch.MAX) List<Long> letterIds) {
	}

	/** How many letters a batch issued or signed. */
	record BatchDone(String action, int done) {
	}

	@PostMapping("/api/v1/duty/letters/batch")
	@Operation(summary = "Issue (ISSUE) or sign (SIGN) several letters at once, each with its own checks and audit event; signing signs "
			+ "the side whose post the caller's person holds today; all or nothing: 409 names the first letter refused and why, and "
			+ "none is done; 400 names the field (action, letterIds); at most 200")
	BatchDone batch(@RequestBody BatchRequest request) {
		inputs.check(request);
		int done = batches.apply(request.action(), request.letterIds());
		return new BatchDone(request.action().strip(), done);
	}

	@GetMapping("/api/v1/duty/letters/{letterId}")
	@Operation(summary = "A letter with its parties, items, status and signatures")
	ResponsibilityLetter get(@PathVariable long letterId) {
		return letters.get(letterId);
	}

	@PutMapping("/api/v1/duty/letters/{letterId}")
	@Operation(summary = "Change the title and text of a draft letter (409 once issued or signed)")
	ResponsibilityLetter editText(@PathVariable long letterId, @RequestBody LetterManagement.TextInput input) {
		return management.editText(letterId, input);
	}

	@PostMapping("/api/v1/duty/letters/{letterId}/items")
	@Operation(summary = "Add an item to a draft letter")
	ResponsibilityLetter addItem(@PathVariable long letterId, @RequestBody LetterManagement.ItemInput input) {
		return management.addItem(letterId, input);
	}

	@PutMapping("/api/v1/duty/letters/{letterId}/items/{letterItemId}")
	@Operation(summary = "Change an item of a draft letter")
	ResponsibilityLetter editItem(@PathVariable long letterId, @PathVariable long letterItemId,
			@RequestBody LetterManagement.ItemInput input) {
		return management.editItem(letterId, letterItemId, input);
	}

	@DeleteMapping("/api/v1/duty/letters/{letterId}/items/{letterItemId}")
	@Operation(summary = "Remove an item from a draft letter")
	ResponsibilityLetter removeItem(@PathVariable long letterId, @PathVariable long letterItemId) {
		return management.removeItem(letterId, letterItemId);
	}

	@PostMapping("/api/v1/duty/letters/{letterId}/issue")
	@Operation(summary = "Issue a draft: its canonical content is fixed and hashed (SHA-256); it now waits for both signatures")
	ResponsibilityLetter issue(@PathVariable long letterId) {
		return management.issue(letterId);
	}

	record Signing(ResponsibilityLetter.Side party) {
	}

	@PostMapping("/api/v1/duty/letters/{letterId}/sign")
	@Operation(summary = "Sign for a party (ISSUER or RECIPIENT; empty: the caller's own): only the user linked to the person holding that party's post today; 403 otherwise")
	ResponsibilityLetter sign(@PathVariable long letterId, @RequestBody(required = false) Signing request) {
		return management.sign(letterId, request == null ? null : request.party());
	}

	@GetMapping("/api/v1/duty/letters/{letterId}/verification")
	@Operation(summary = "Recompute the canonical content and its SHA-256 and compare with the issued hash and each signature")
	ResponsibilityLetters.Verification verify(@PathVariable long letterId) {
		return letters.verify(letterId);
	}

	@GetMapping("/api/v1/duty/letters/{letterId}/content")
	@Operation(summary = "The canonical text of the letter, as hashed and signed (UTF-8)")
	ResponseEntity<String> content(@PathVariable long letterId) {
		return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_PLAIN, java.nio.charset.StandardCharsets.UTF_8))
				.body(letters.content(letterId));
	}

	@GetMapping("/api/v1/duty/letters/{letterId}/pdf")
	@Operation(summary = "The letter as a PDF (Chinese text, content hash, signatures)")
	ResponseEntity<byte[]> pdf(@PathVariable long letterId, Locale locale) {
		return pdf.response(letters.get(letterId), locale, DocumentFormat.PDF);
	}

	@GetMapping("/api/v1/duty/letters/{letterId}/docx")
	@Operation(summary = "The letter as a Word document (DOCX, GB/T 9704 layout: content hash, signatures)")
	ResponseEntity<byte[]> docx(@PathVariable long letterId, Locale locale) {
		return pdf.response(letters.get(letterId), locale, DocumentFormat.DOCX);
	}
}
