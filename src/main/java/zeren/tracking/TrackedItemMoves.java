package zeren.tracking;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.core.io.InputStreamSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zeren.audit.AuditTrail;
import zeren.evidence.Attachments;
import zeren.evidence.Evidence;
import zeren.evidence.EvidenceFiles;
import zeren.platform.Batch;
import zeren.platform.BusinessClock;
import zeren.platform.ConflictException;
import zeren.platform.CurrentScope;
import zeren.platform.CurrentUser;
import zeren.platform.ForbiddenException;
import zeren.platform.NotFoundException;
import zeren.platform.InputError;
import zeren.platform.Inputs;
import zeren.platform.InvalidInputException;
import zeren.platform.Scope;
import zeren.tracking.ItemRows.Row;
import zeren.tracking.Move.Action;
import zeren.tracking.StateMachine.Moved;
import zeren.tracking.StateMachine.Refused;
import zeren.tracking.TrackedItem.Status;

/**
 * The moves people make on a tracked item (the command side of the work; {@link TrackedItems}
 * reads, {@link Tracking} opens items for the modules): the owner side records entries, starts
 * and submits, the verifier side returns and closes, an upper organisation reopens. Each move
 * locks the item, checks the caller's side (403), asks the {@link StateMachine} (409 naming the
 * state and the move, or the closed year, or the missing entry), and is kept in the item's
 * history and in the audit trail.
 */
@Service
@Transactional(readOnly = true)
public class TrackedItemMoves {

	static final int MAX_TEXT = 4000;
	static final int MAX_NOTE = 2000;

	private final JdbcClient jdbc;
	private final Inputs inputs;
	private final Validator validator;
	private final ItemRows rows;
	private final History history;
	private final TrackedItems items;
	private final CurrentScope scope;
	private final AuditTrail audit;
	private final org.springframework.context.ApplicationEventPublisher events;
	private final BusinessClock clock;
	private final TrackingRules rules;
	private final EvidenceFiles evidence;
	private final Attachments attachments;

	TrackedItemMoves(JdbcClient jdbc, Inputs inputs, Validator validator, ItemRows rows, History history,
			TrackedItems items, CurrentScope scope, AuditTrail audit, BusinessClock clock, TrackingRules rules,
			EvidenceFiles evidence, Attachments attachments,
			org.springframework.context.ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.inputs = inputs;
		this.validator = validator;
		this.rows = rows;
		this.history = history;
		this.items = items;
		this.scope = scope;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
		this.rules = rules;
		this.evidence = evidence;
		this.attachments = attachments;
	}

	// ---- who may move -------------------------------------------------------------------------

	/** 404 when the item does not exist or is out of view, 403 when the caller may make no move on it at all. */
	public void requireActor(long id) {
		Row row = rows.any(id);
		Scope acting = scope.acting();
		if (!row.on(Side.OWNER, acting) && !row.on(Side.VERIFIER, acting) && !row.on(Side.UPPER, acting)) {
			throw refusal(row);
		}
	}

	/** 404/403 before an upload is read: the item must exist and the caller be on its owner side. */
	public void requireOwner(long id) {
		requireOn(rows.any(id), Side.OWNER);
	}

	private void requireOn(Row row, Side side) {
		if (!row.on(side, scope.acting())) {
			throw refusal(row);
		}
	}

	/** 403 for an item the caller sees; 404, as for an item that does not exist, for one out of view. */
	private RuntimeException refusal(Row row) {
		long id = row.item().id();
		return rows.visible(id).isPresent() ? new ForbiddenException() : new NotFoundException("tracked-item", id);
	}

	/**
	 * The item to move, locked, and what the move does to it: 404 when the item does not exist or
	 * the caller cannot see it, 403 when they see it but are not on the side that makes the move,
	 * 409 when the state machine refuses it.
	 */
	private Moving moving(long id, Action move) {
		Row row = rows.locked(id);
		requireOn(row, StateMachine.sideOf(move));
		TrackedItem item = row.item();
		StateMachine.Outcome outcome = StateMachine.take(StateMachine.State.of(item), move,
				move == Action.CLOSE && CurrentUser.actor().equals(lastSubmitter(id)));
		if (outcome instanceof Refused refused) {
			throw refusal(item, move, refused.reason());
		}
		return new Moving(item, move, (Moved) outcome);
	}

	/** Who made the item's latest submission (null when it was never submitted). */
	private String lastSubmitter(long id) {
		return jdbc.sql("""
				SELECT username FROM tracked_move WHERE item_id = :id AND action = 'SUBMIT'
				ORDER BY id DESC FETCH FIRST 1 ROWS ONLY""").param("id", id).query(String.class).optional().orElse(null);
	}

	/** An allowed move on a locked item, to apply once the input is checked. */
	private record Moving(TrackedItem item, Action move, Moved outcome) {
	}

	ConflictException refusal(TrackedItem item, Action move, StateMachine.Refusal reason) {
		return switch (reason) {
			case ILLEGAL_MOVE -> new ConflictException("status", "error.tracking.illegal-move",
					label("tracking.status.", item.status().name()), label("tracking.move.", move.name()));
			case YEAR_CLOSED -> new ConflictException("status", "error.tracking.year-closed", item.year(),
					rules.closeDate(item.year()).toString());
			case NO_ENTRY -> new ConflictException("entries", "error.tracking.no-entry");
			case OWN_SUBMISSION -> new ConflictException("status", "error.tracking.own-submission");
		};
	}

	/** A state or move named in the caller's language when the error is rendered (its code otherwise). */
	static MessageSourceResolvable label(String prefix, String code) {
		return new DefaultMessageSourceResolvable(new String[] { prefix + code }, code);
	}

	// ---- moves --------------------------------------------------------------------------------

	/** OPEN → IN_PROGRESS, by the owner side. */
	@Transactional
	public TrackedItem start(long id) {
		apply(moving(id, Action.START), null);
		return items.get(id);
	}

	/** IN_PROGRESS → SUBMITTED, by the owner side, once at least one entry is recorded. */
	@Transactional
	public TrackedItem submit(long id, String note) {
		Moving moving = moving(id, Action.SUBMIT);
		apply(moving, note(note));
		return items.get(id);
	}

	/** SUBMITTED → IN_PROGRESS, by the verifier side, with the reason it is not accepted. */
	@Transactional
	public TrackedItem returnToOwner(long id, String reason) {
		Moving moving = moving(id, Action.RETURN);
		apply(moving, reason(reason));
		return items.get(id);
	}

	/** SUBMITTED → CLOSED (销号), by the verifier side. */
	@Transactional
	public TrackedItem close(long id, String note) {
		Moving moving = moving(id, Action.CLOSE);
		apply(moving, note(note));
		return items.get(id);
	}

	/**
	 * Several submitted items closed (销号) at once by a verifier, each through {@link #close} with
	 * its own checks (the verifier side; not the person who submitted it) and its own history and
	 * audit event; all or nothing ({@link Batch}): an item that cannot be closed is named by its
	 * title with the reason, and none is closed. Answers how many were closed.
	 */
	@Transactional
	public int closeAll(List<Long> ids, String note) {
		return Batch.each(ids, id -> rows.visible(id).map(r -> r.item().title()).orElse(String.valueOf(id)),
				id -> close(id, note));
	}

	/**
	 * By an upper organisation, with a reason: a closed item goes back to IN_PROGRESS, and an
	 * item whose year has closed may take entries again until it is closed. Anything else has
	 * nothing to reopen (409).
	 */
	@Transactional
	public TrackedItem reopen(long id, String reason) {
		Moving moving = moving(id, Action.REOPEN);
		apply(moving, reason(reason));
		return items.get(id);
	}

	/** Stores the move's outcome: the new state, the history, the audit trail. */
	private void apply(Moving moving, String note) {
		TrackedItem item = moving.item();
		Status to = moving.outcome().to();
		OffsetDateTime now = clock.now();
		jdbc.sql("UPDATE tracked_item SET status = :to, updated_at = :now, closed_at = :closed, reopened = :reopened WHERE id = :id")
				.param("to", to.name()).param("now", now).param("closed", to == Status.CLOSED ? now : null)
				.param("reopened", moving.outcome().reopened()).param("id", item.id()).update();
		if (to == Status.CLOSED || item.status() == Status.CLOSED) {
			// closing (or reopening) fulfils (or undoes) the item's obligation: oversight sweeps its organisation again
			events.publishEvent(new zeren.oversight.ObligationsAffected(item.orgId(), item.year()));
		}
		history.record(item.id(), item.orgId(), moving.move(), item.status(), to, note,
				"%s→%s%s".formatted(item.status(), to, note == null ? "" : " note=" + note));
	}

	// ---- entries ------------------------------------------------------------------------------

	/**
	 * Records a progress entry, by the owner side, while the item is open or in progress (the
	 * first entry starts it) and its year has not closed. The evidence must belong to the item's
	 * organisation.
	 */
	@Transactional
	public Entry addEntry(long id, NewEntry request) {
		Moving moving = moving(id, Action.ENTRY);
		if (request == null) {
			throw InvalidInputException.of("body", "error.field.required");
		}
		TrackedItem item = moving.item();
		// what the request declares, and what only the business date and the evidence can tell, at once
		List<InputError> errors = new ArrayList<>(Inputs.errors(validator.validate(request)));
		List<Long> evidenceIds = checked(item, request.date(), request.evidenceIds(), errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		String text = request.text().strip();
		if (moving.outcome().to() != item.status()) {
			// the first entry starts the item
			apply(new Moving(item, Action.START, moving.outcome()), null);
		}
		var keys = new GeneratedKeyHolder();
		OffsetDateTime now = clock.now();
		jdbc.sql("""
				INSERT INTO tracked_entry (item_id, entry_date, text, recorded_by, recorded_at, evidence_count)
				VALUES (:item, :date, :text, :user, :now, :files)
				""").param("item", id).param("date", request.date()).param("text", text)
				.param("user", CurrentUser.actor()).param("now", now).param("files", evidenceIds.size())
				.update(keys, "id");
		long entryId = keys.getKey().longValue();
		attachments.attach(new Attachments.Owner(TrackedItems.ENTRY_FILES, entryId), evidenceIds);
		jdbc.sql("""
				UPDATE tracked_item SET entry_count = entry_count + 1,
				       last_entry_date = CASE WHEN last_entry_date IS NULL OR last_entry_date < :date THEN :date ELSE last_entry_date END,
				       updated_at = :now WHERE id = :id
				""").param("date", request.date()).param("now", now).param("id", id).update();
		audit.record(new AuditTrail.Change(item.orgId(), "tracked-item", id, "ENTRY",
				"entry=%d date=%s evidence=%s text=%s".formatted(entryId, request.date(), evidenceIds, text)));
		return items.entriesOf(id).stream().filter(e -> e.id() == entryId).findFirst().orElseThrow();
	}

	/**
	 * What only the business date and the evidence can tell of an entry (new or corrected): the
	 * date is not after today, each file is one of the item's organisation. Adds what is wrong to
	 * {@code errors}; answers the files named, once each.
	 */
	List<Long> checked(TrackedItem item, LocalDate date, List<Long> requested, List<InputError> errors) {
		if (date != null && date.isAfter(clock.today())) {
			errors.add(InputError.field("date", "error.field.future"));
		}
		List<Long> evidenceIds = requested == null ? List.of()
				: requested.stream().filter(Objects::nonNull).distinct().toList();
		List<Evidence> found = evidence.describe(evidenceIds);
		for (Long evId : evidenceIds) {
			if (found.stream().noneMatch(e -> e.id() == evId && e.orgId() == item.orgId())) {
				errors.add(InputError.field("evidenceIds", "error.tracking.evidence-unknown", evId));
			}
		}
		return evidenceIds;
	}

	/** The item, locked, when the caller is on its owner side (else 403, or 404 out of view). */
	Row lockedForOwner(long id) {
		Row row = rows.locked(id);
		requireOn(row, Side.OWNER);
		return row;
	}

	/** Stores uploads as evidence of the organisation: the ids, in the order given. */
	List<Long> store(long orgId, List<NewFile> files) {
		List<Long> ids = new ArrayList<>();
		for (NewFile file : files) {
			try (InputStream in = file.content().getInputStream()) {
				ids.add(evidence.store(orgId, file.name(), in).id());
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return ids;
	}

	/** A file to attach, as uploaded. */
	public record NewFile(String name, InputStreamSource content) {
	}

	/**
	 * Stores the files as evidence of the item's organisation and records an entry with them, all
	 * or nothing: a refused file (or entry) leaves no record.
	 */
	@Transactional
	public Entry addEntryWithFiles(long id, LocalDate date, String text, List<NewFile> files) {
		TrackedItem item = moving(id, Action.ENTRY).item();
		return addEntry(id, new NewEntry(date, text, store(item.orgId(), files)));
	}

	/** Stores a file as evidence of the item's organisation, by the owner side (attach it with an entry). */
	@Transactional
	public Evidence upload(long id, String name, InputStream content) {
		Row row = rows.locked(id);
		requireOn(row, Side.OWNER);
		return evidence.store(row.item().orgId(), name, content);
	}

	// ---- input --------------------------------------------------------------------------------

	/** What may be written with a submission or a closing. */
	record Note(@Size(max = MAX_NOTE) String note) {
	}

	/** Why an item is returned or reopened: those moves need one. */
	record Reason(@NotBlank @Size(max = MAX_NOTE) String reason) {
	}

	private String note(String note) {
		inputs.check(new Note(note));
		return note == null || note.isBlank() ? null : note.strip();
	}

	private String reason(String reason) {
		inputs.check(new Reason(reason));
		return reason.strip();
	}
}
