package zeren.tracking;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zeren.audit.AuditTrail;
import zeren.evidence.Attachments;
import zeren.evidence.Evidence;
import zeren.platform.BusinessClock;
import zeren.platform.ConflictException;
import zeren.platform.CurrentScope;
import zeren.platform.CurrentUser;
import zeren.platform.ForbiddenException;
import zeren.platform.InputError;
import zeren.platform.Inputs;
import zeren.platform.InvalidInputException;
import zeren.platform.NotFoundException;
import zeren.platform.Rows;
import zeren.tracking.ItemRows.Row;
import zeren.tracking.Move.Action;
import zeren.tracking.StateMachine.Refused;

/**
 * 更正: a recorded entry corrected — its date, text or evidence — with a reason, by who recorded
 * it or an administrator of the item's organisation (ADMIN, ORG_ADMIN), both on the item's owner
 * side. A correction follows the rule of entries: only while the item takes entries (open or in
 * progress, its year not closed unless an upper organisation reopened it); a submitted item is
 * returned first, a closed one reopened. Every version is kept, the original first
 * ({@code tracked_entry_version}, each with its own files), and each correction is audited.
 */
@Service
@Transactional(readOnly = true)
public class EntryCorrections {

	/** The files of a version of an entry, as they were. */
	static final String VERSION_FILES = "tracked-entry-version";

	/** A correction: the entry as it should read, the files it keeps and adds, and why. */
	public record Correction(@NotNull LocalDate date, @NotBlank @Size(max = TrackedItemMoves.MAX_TEXT) String text,
			List<Long> evidenceIds, @NotBlank @Size(max = TrackedItemMoves.MAX_NOTE) String reason) {
	}

	/** One version of an entry: the original (version 1, no reason) or a correction. */
	public record Version(long id, long entryId, int version, LocalDate date, String text, String writtenBy,
			OffsetDateTime writtenAt, String reason, List<Evidence> evidence) {
	}

	private record Current(long id, long itemId, LocalDate entryDate, String text, String recordedBy,
			OffsetDateTime recordedAt, int version) {
	}

	private record Written(long id, long entryId, int version, LocalDate entryDate, String text, String writtenBy,
			OffsetDateTime writtenAt, String reason) {
	}

	private final JdbcClient jdbc;
	private final ItemRows rows;
	private final Validator validator;
	private final TrackedItems items;
	private final TrackedItemMoves moves;
	private final Attachments attachments;
	private final CurrentScope scope;
	private final AuditTrail audit;
	private final BusinessClock clock;

	EntryCorrections(JdbcClient jdbc, ItemRows rows, Validator validator, TrackedItems items, TrackedItemMoves moves,
			Attachments attachments, CurrentScope scope, AuditTrail audit, BusinessClock clock) {
		this.jdbc = jdbc;
		this.rows = rows;
		this.validator = validator;
		this.items = items;
		this.moves = moves;
		this.attachments = attachments;
		this.scope = scope;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Corrects an entry: 404 for an item out of view or an entry not of the item, 403 off the
	 * owner side or for neither its recorder nor an administrator of the organisation, 409 when
	 * the item takes no entries now, 400 for bad input or a correction that changes nothing.
	 */
	@Transactional
	public Entry correct(long itemId, long entryId, Correction request) {
		Row row = moves.lockedForOwner(itemId);
		Current current = current(itemId, entryId);
		requireCorrector(row, current);
		TrackedItem item = row.item();
		requireTakingEntries(item);
		if (request == null) {
			throw InvalidInputException.of("body", "error.field.required");
		}
		List<InputError> errors = new ArrayList<>(Inputs.errors(validator.validate(request)));
		List<Long> evidenceIds = moves.checked(item, request.date(), request.evidenceIds(), errors);
		Attachments.Owner entryFiles = new Attachments.Owner(TrackedItems.ENTRY_FILES, entryId);
		List<Long> before = attachments.of(entryFiles).stream().map(Evidence::id).toList();
		if (errors.isEmpty() && request.date().equals(current.entryDate()) && request.text().strip().equals(current.text())
				&& before.equals(evidenceIds)) {
			errors.add(InputError.field("text", "error.tracking.correct-unchanged"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		String text = request.text().strip();
		String reason = request.reason().strip();
		if (current.version() == 1) {
			// the original, as it was recorded, becomes version 1 before anything changes
			long original = insertVersion(entryId, 1, current.entryDate(), current.text(), before.size(),
					current.recordedBy(), current.recordedAt(), null);
			attachments.attach(new Attachments.Owner(VERSION_FILES, original), before);
		}
		int version = current.version() + 1;
		OffsetDateTime now = clock.now();
		long written = insertVersion(entryId, version, request.date(), text, evidenceIds.size(), CurrentUser.actor(),
				now, reason);
		attachments.attach(new Attachments.Owner(VERSION_FILES, written), evidenceIds);
		before.stream().filter(id -> !evidenceIds.contains(id)).forEach(id -> attachments.detach(entryFiles, id));
		attachments.attach(entryFiles, evidenceIds);
		jdbc.sql("""
				UPDATE tracked_entry SET entry_date = :date, text = :text, evidence_count = :files, version = :version
				WHERE id = :id""").param("date", request.date()).param("text", text).param("files", evidenceIds.size())
				.param("version", version).param("id", entryId).update();
		jdbc.sql("""
				UPDATE tracked_item SET last_entry_date = (SELECT MAX(entry_date) FROM tracked_entry WHERE item_id = :id),
				       updated_at = :now WHERE id = :id""").param("now", now).param("id", itemId).update();
		audit.record(new AuditTrail.Change(item.orgId(), "tracked-item", itemId, "CORRECT",
				"entry=%d version=%d date=%s evidence=%s reason=%s text=%s".formatted(entryId, version, request.date(),
						evidenceIds, reason, text)));
		return items.entriesOf(itemId).stream().filter(e -> e.id() == entryId).findFirst().orElseThrow();
	}

	/** As {@link #correct}, storing the uploads as evidence of the item's organisation first: all or nothing. */
	@Transactional
	public Entry correctWithFiles(long itemId, long entryId, LocalDate date, String text, List<Long> kept,
			List<TrackedItemMoves.NewFile> files, String reason) {
		Row row = moves.lockedForOwner(itemId);
		requireCorrector(row, current(itemId, entryId));
		// refused before any file is stored
		requireTakingEntries(row.item());
		List<Long> ids = new ArrayList<>(kept == null ? List.of() : kept.stream().filter(Objects::nonNull).toList());
		ids.addAll(moves.store(row.item().orgId(), files));
		return correct(itemId, entryId, new Correction(date, text, ids, reason));
	}

	/** The entries of the item the caller may correct now (for pages: where to offer 更正). */
	public java.util.Set<Long> correctable(long itemId) {
		if (!items.abilities(itemId).allows(Action.ENTRY.name())) {
			return java.util.Set.of();
		}
		boolean managing = scope.managing().contains(rows.any(itemId).orgPath());
		return items.entriesOf(itemId).stream().filter(e -> managing || e.recordedBy().equals(CurrentUser.actor()))
				.map(Entry::id).collect(Collectors.toSet());
	}

	/** The entry as it stands, of an item the caller may see (for the correction form). */
	public Entry entry(long itemId, long entryId) {
		return items.entries(itemId).stream().filter(e -> e.id() == entryId).findFirst()
				.orElseThrow(() -> new NotFoundException("tracked-entry", entryId));
	}

	/** The versions of an entry of an item the caller may see, the original first; empty when never corrected. */
	public List<Version> versions(long itemId, long entryId) {
		entry(itemId, entryId);
		return versionsOf(itemId).getOrDefault(entryId, List.of());
	}

	/** The versions of the corrected entries of an item the caller may see, by entry, the original first. */
	public Map<Long, List<Version>> versionsOf(long itemId) {
		items.get(itemId);
		List<Written> written = jdbc.sql("""
				SELECT v.id, v.entry_id, v.version, v.entry_date, v.text, v.written_by, v.written_at, v.reason
				FROM tracked_entry_version v JOIN tracked_entry e ON e.id = v.entry_id
				WHERE e.item_id = :item ORDER BY v.entry_id, v.version""").param("item", itemId)
				.query(Rows.of(Written.class)).list();
		Map<Long, List<Evidence>> files = attachments.of(VERSION_FILES, written.stream().map(Written::id).toList());
		return written.stream()
				.map(w -> new Version(w.id(), w.entryId(), w.version(), w.entryDate(), w.text(), w.writtenBy(),
						w.writtenAt(), w.reason(), files.getOrDefault(w.id(), List.of())))
				.collect(Collectors.groupingBy(Version::entryId, java.util.LinkedHashMap::new, Collectors.toList()));
	}

	private Current current(long itemId, long entryId) {
		return jdbc.sql("""
				SELECT id, item_id, entry_date, text, recorded_by, recorded_at, version FROM tracked_entry
				WHERE id = :id AND item_id = :item""").param("id", entryId).param("item", itemId)
				.query(Rows.of(Current.class)).optional().orElseThrow(() -> new NotFoundException("tracked-entry", entryId));
	}

	/** A correction follows the rule of entries: 409 naming the state (or the closed year) when the item takes none now. */
	private void requireTakingEntries(TrackedItem item) {
		if (StateMachine.take(StateMachine.State.of(item), Action.ENTRY) instanceof Refused refused) {
			throw switch (refused.reason()) {
				case ILLEGAL_MOVE -> new ConflictException("status", "error.tracking.illegal-move",
						TrackedItemMoves.label("tracking.status.", item.status().name()),
						new DefaultMessageSourceResolvable(new String[] { "tracking.correct" }, "correct"));
				default -> moves.refusal(item, Action.ENTRY, refused.reason());
			};
		}
	}

	/** Who recorded the entry, or an administrator of the item's organisation; anyone else 403. */
	private void requireCorrector(Row row, Current current) {
		if (!current.recordedBy().equals(CurrentUser.actor()) && !scope.managing().contains(row.orgPath())) {
			throw new ForbiddenException("entry", "error.tracking.correct-not-recorder");
		}
	}

	private long insertVersion(long entryId, int version, LocalDate date, String text, int files, String by,
			OffsetDateTime at, String reason) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO tracked_entry_version (entry_id, version, entry_date, text, evidence_count, written_by, written_at, reason)
				VALUES (:entry, :version, :date, :text, :files, :by, :at, :reason)""").param("entry", entryId)
				.param("version", version).param("date", date).param("text", text).param("files", files).param("by", by)
				.param("at", at).param("reason", reason).update(keys, "id");
		return keys.getKey().longValue();
	}
}
