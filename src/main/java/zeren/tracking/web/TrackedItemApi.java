package zeren.tracking.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import zeren.evidence.Evidence;
import zeren.platform.BusinessClock;
import zeren.platform.Inputs;
import zeren.platform.InvalidInputException;
import zeren.tracking.Entry;
import zeren.tracking.EntryCorrections;
import zeren.tracking.Move;
import zeren.tracking.NewEntry;
import zeren.tracking.TrackedItem;
import zeren.tracking.TrackedItemMoves;
import zeren.tracking.TrackedItems;
import zeren.tracking.TrackingFilter;
import zeren.tracking.TrackingOverview;

/** Tracked items of every kind over JSON: read, record entries, move through the states, evidence. */
@RestController
@Tag(name = "Tracked items", description = "Owner, deadline, status, entries, evidence and verifier: ledger tasks, rectifications, follow-ups")
class TrackedItemApi {

	private final TrackedItems items;
	private final TrackedItemMoves moves;
	private final BusinessClock clock;
	private final Inputs inputs;
	private final EntryCorrections corrections;

	TrackedItemApi(TrackedItems items, TrackedItemMoves moves, BusinessClock clock, Inputs inputs,
			EntryCorrections corrections) {
		this.corrections = corrections;
		this.items = items;
		this.moves = moves;
		this.clock = clock;
		this.inputs = inputs;
	}

	@GetMapping("/api/v1/tracked-items")
	@Operation(summary = "The items of an organisation and everything below it for a year, with counts by status and warning")
	TrackingOverview inSubtree(@RequestParam long orgId, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String kind, @RequestParam(required = false) TrackedItem.Status status,
			@RequestParam(required = false) TrackedItem.Warning warning, @RequestParam(required = false) Integer limit) {
		return items.inSubtree(orgId, year == null ? clock.today().getYear() : year,
				new TrackingFilter(kind, status, warning, limit));
	}

	@GetMapping("/api/v1/tracked-items/mine")
	@Operation(summary = "My items: owned or verified by a post I hold today, and those waiting for my verification")
	TrackedItems.Mine mine(@RequestParam(required = false) Integer year) {
		return items.mine(year == null ? clock.today().getYear() : year, 500);
	}

	@GetMapping("/api/v1/tracked-items/{id}")
	@Operation(summary = "An item with its status and its warning (BLUE, YELLOW, RED, NONE), computed today")
	TrackedItem get(@PathVariable long id) {
		return items.get(id);
	}

	@GetMapping("/api/v1/tracked-items/{id}/entries")
	@Operation(summary = "The progress entries of an item with their evidence")
	List<Entry> entries(@PathVariable long id) {
		return items.entries(id);
	}

	@PostMapping("/api/v1/tracked-items/{id}/entries")
	@Operation(summary = "Record a progress entry (owner side; the first one starts the item; refused after the year closed)")
	ResponseEntity<Entry> addEntry(@PathVariable long id, @RequestBody NewEntry request) {
		Entry entry = moves.addEntry(id, request);
		return ResponseEntity.created(URI.create("/api/v1/tracked-items/" + id + "/entries")).body(entry);
	}

	@PostMapping("/api/v1/tracked-items/{id}/entries/{entryId}/corrections")
	@Operation(summary = "Correct an entry (更正) with a reason: its date, text and files (evidenceIds: the files it keeps and adds); "
			+ "by who recorded it or an administrator of the organisation, while the item takes entries; every version is kept")
	Entry correct(@PathVariable long id, @PathVariable long entryId, @RequestBody EntryCorrections.Correction request) {
		return corrections.correct(id, entryId, request);
	}

	@GetMapping("/api/v1/tracked-items/{id}/entries/{entryId}/versions")
	@Operation(summary = "The versions of an entry, the original first (empty when it was never corrected)")
	List<EntryCorrections.Version> versions(@PathVariable long id, @PathVariable long entryId) {
		return corrections.versions(id, entryId);
	}

	@GetMapping("/api/v1/tracked-items/{id}/moves")
	@Operation(summary = "The history of an item: every move with its note or reason, who and when")
	List<Move> history(@PathVariable long id) {
		return items.moves(id);
	}

	/** A move: START, SUBMIT (owner), RETURN (verifier, reason required), CLOSE (verifier), REOPEN (upper organisation, reason required). */
	record MoveRequest(@NotNull Move.Action action, @Size(max = 2000) String note, @Size(max = 2000) String reason) {
	}

	@PostMapping("/api/v1/tracked-items/{id}/moves")
	@Operation(summary = "Move an item: START, SUBMIT, RETURN (with reason), CLOSE, REOPEN (with reason); 409 names the state and the move when not allowed")
	TrackedItem move(@PathVariable long id, @RequestBody MoveRequest request) {
		// scope first: a move aimed at another organisation's item is refused before its body is read
		moves.requireActor(id);
		inputs.check(request);
		String text = request.reason() != null ? request.reason() : request.note();
		return switch (request.action()) {
			case START -> moves.start(id);
			case SUBMIT -> moves.submit(id, text);
			case RETURN -> moves.returnToOwner(id, text);
			case CLOSE -> moves.close(id, text);
			case REOPEN -> moves.reopen(id, text);
			case OPEN, ENTRY -> throw InvalidInputException.of("action", "error.tracking.action-invalid", request.action().name());
		};
	}

	/** Several items to close (销号) at once, with one note for each. */
	record CloseRequest(@NotEmpty @Size(max = zeren.platform.Batch.MAX) List<Long> itemIds, @Size(max = 2000) String note) {
	}

	/** How many items a batch closed. */
	record Closed(int closed) {
	}

	@PostMapping("/api/v1/tracked-items/close")
	@Operation(summary = "Close (销号) several submitted items at once (verifier side; not by who submitted an item), each with its own checks, "
			+ "history and audit event; all or nothing: 409 names the first item refused and why, and none is closed; at most 200")
	Closed closeAll(@RequestBody CloseRequest request) {
		inputs.check(request);
		return new Closed(moves.closeAll(request.itemIds(), request.note()));
	}

	@GetMapping("/api/v1/tracked-items/{id}/evidence")
	@Operation(summary = "The evidence attached to the entries of an item")
	List<Evidence> evidence(@PathVariable long id) {
		return items.evidence(id);
	}

	@PostMapping(path = "/api/v1/tracked-items/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Upload a file for an item's organisation (owner side); attach it by its id to an entry")
	ResponseEntity<Evidence> upload(@PathVariable long id,
			@RequestPart(name = "file", required = false) MultipartFile file) throws IOException {
		// scope first: a file aimed at another organisation's item is refused before it is read
		moves.requireOwner(id);
		if (file == null) {
			throw InvalidInputException.of("file", "error.evidence.file-missing");
		}
		try (InputStream in = file.getInputStream()) {
			Evidence evidence = moves.upload(id, file.getOriginalFilename(), in);
			return ResponseEntity.created(URI.create("/api/v1/tracked-items/" + id + "/evidence/" + evidence.id()))
					.body(evidence);
		}
	}

	@GetMapping("/api/v1/tracked-items/{id}/evidence/{evidenceId}")
	@Operation(summary = "Download a file attached to an entry of the item, under its original name")
	ResponseEntity<InputStreamResource> download(@PathVariable long id, @PathVariable long evidenceId) {
		return items.download(id, evidenceId).toResponse();
	}
}
