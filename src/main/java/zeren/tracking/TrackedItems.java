package zeren.tracking;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zeren.evidence.Attachments;
import zeren.evidence.Download;
import zeren.evidence.Evidence;
import zeren.org.OrgTree;
import zeren.org.Subtree;
import zeren.platform.BusinessClock;
import zeren.platform.CurrentScope;
import zeren.platform.NotFoundException;
import zeren.platform.Paged;
import zeren.platform.Rows;
import zeren.platform.Scope;
import zeren.tracking.ItemRows.Row;
import zeren.tracking.ItemRows.Stored;
import zeren.tracking.Move.Action;
import zeren.tracking.TrackedItem.Status;
import zeren.tracking.TrackedItem.Warning;

/**
 * Tracked items as the caller sees them (the query side; {@link TrackedItemMoves} changes them,
 * {@link StateMachine} says how). Reads need the item's organisation or its verifier
 * organisation in the caller's view (404 otherwise). Warnings, days left and the year lock are
 * computed on the business date when read.
 */
@Service
@Transactional(readOnly = true)
public class TrackedItems {

	static final int MAX_LISTED = 2000;

	/** The owner type of an entry's files in the evidence module. */
	static final String ENTRY_FILES = "tracked-entry";

	private final JdbcClient jdbc;
	private final JdbcClient streaming;
	private final ItemRows rows;
	private final OrgTree tree;
	private final TrackedItemLists lists;
	private final CurrentScope scope;
	private final BusinessClock clock;
	private final TrackingRules rules;
	private final Attachments attachments;

	TrackedItems(JdbcClient jdbc, JdbcTemplate template, ItemRows rows, OrgTree tree, TrackedItemLists lists,
			CurrentScope scope, BusinessClock clock, TrackingRules rules, Attachments attachments) {
		this.jdbc = jdbc;
		this.rows = rows;
		this.tree = tree;
		this.lists = lists;
		this.scope = scope;
		this.clock = clock;
		this.rules = rules;
		this.attachments = attachments;
		// rows are fetched a thousand at a time (PostgreSQL otherwise reads a whole result into memory)
		JdbcTemplate fetching = new JdbcTemplate(template.getDataSource());
		fetching.setFetchSize(1000);
		this.streaming = JdbcClient.create(fetching);
	}

	/** An item the caller may see, or 404. */
	public TrackedItem get(long id) {
		return rows.visible(id).map(Row::item).orElseThrow(() -> new NotFoundException("tracked-item", id));
	}

	/** The item a module tracks for its own id, if the caller may see it. */
	public Optional<TrackedItem> bySource(String kind, String sourceRef) {
		Scope reading = scope.reading();
		return reading.bind(jdbc.sql(ItemRows.SELECT + " WHERE t.kind = :kind AND t.source_ref = :ref AND " + ItemRows.visible(reading)))
				.param("kind", kind).param("ref", sourceRef).query(Rows.of(Stored.class)).optional().map(rows::item);
	}

	/**
	 * Items of a kind by their modules' ids, whatever the caller's scope: for the module that owns
	 * them and has itself decided that the caller may see them (the ledger shows a task to the
	 * units named in it, see {@code WorkLedger#partOf}). Read-only: a move still needs the owner's
	 * or the verifier's side.
	 */
	public List<TrackedItem> shownBySource(String kind, java.util.Collection<String> sourceRefs) {
		if (sourceRefs.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(ItemRows.SELECT + " WHERE t.kind = :kind AND t.source_ref IN (:refs) ORDER BY t.deadline, t.id")
				.param("kind", kind).param("refs", sourceRefs).query(Rows.of(Stored.class)).list().stream()
				.map(rows::item).toList();
	}

	/** The warning colour in SQL, the same rule as {@link TrackingRules#warning}; binds :firstNotRed and :lastYellow. */
	private static final String WARNING_SQL = "CASE WHEN t.status = 'CLOSED' THEN 'NONE' WHEN " + TrackedItemSql.RED + " THEN 'RED' "
			+ "WHEN t.deadline <= :lastYellow THEN 'YELLOW' ELSE 'BLUE' END";

	/**
	 * The items of the organisations at and below {@code orgId} for a year that pass the filter
	 * (owned there), in the caller's view, with counts by status and by warning.
	 */
	public TrackingOverview inSubtree(long orgId, int year, TrackingFilter filter) {
		TrackingFilter f = filter == null ? TrackingFilter.all() : filter;
		SubtreeQuery query = new SubtreeQuery(orgId, year, f.kind(), clock.today());
		Map<Status, Long> byStatus = new EnumMap<>(Status.class);
		Map<Warning, Long> byWarning = new EnumMap<>(Warning.class);
		query.counts(byStatus, byWarning);
		int limit = f.limit() == null ? 500 : Math.max(0, Math.min(f.limit(), MAX_LISTED));
		List<TrackedItem> items = query.items(f.status(), f.warning(), 0, limit);
		long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
		return new TrackingOverview(orgId, year, items, total, byStatus, byWarning);
	}

	/**
	 * One page of {@link #inSubtree}'s items that pass the filter (its limit aside), in the same
	 * order (the nearest deadline first), their warnings as on {@code on}: paged and counted in the
	 * database.
	 */
	public Paged<TrackedItem> page(long orgId, int year, TrackingFilter filter, LocalDate on, int page, int size) {
		TrackingFilter f = filter == null ? TrackingFilter.all() : filter;
		SubtreeQuery query = new SubtreeQuery(orgId, year, f.kind(), on);
		return new Paged<>(query.items(f.status(), f.warning(), Paged.offset(page, size), size), page, size,
				query.count(f.status(), f.warning()));
	}

	/**
	 * The first {@code each} items of a kind in each warning colour (the nearest deadline first),
	 * each with the number of items in that colour, as on {@code on}: a board's columns, bounded,
	 * from one count and one statement per colour.
	 */
	public Map<Warning, Paged<TrackedItem>> firstByWarning(long orgId, int year, String kind, LocalDate on, int each) {
		SubtreeQuery query = new SubtreeQuery(orgId, year, kind, on);
		Map<Status, Long> byStatus = new EnumMap<>(Status.class);
		Map<Warning, Long> byWarning = new EnumMap<>(Warning.class);
		query.counts(byStatus, byWarning);
		Map<Warning, Paged<TrackedItem>> columns = new EnumMap<>(Warning.class);
		for (Warning w : Warning.values()) {
			long n = byWarning.get(w);
			columns.put(w, new Paged<>(n == 0 ? List.of() : query.items(null, w, 0, each), 1, each, n));
		}
		return columns;
	}

	/** The items of a subtree and year (of a kind, when one is named) in the caller's view, warnings as on a day. */
	private final class SubtreeQuery {

		private final String where;
		private final Map<String, Object> params;
		private final LocalDate on;

		SubtreeQuery(long orgId, int year, String kind, LocalDate on) {
			Subtree subtree = tree.subtree(orgId);
			Scope reading = scope.reading();
			this.on = on;
			where = " WHERE o.path >= :subtreeFrom AND o.path < :subtreeTo AND t.item_year = :year AND "
					+ ItemRows.visible(reading) + (kind == null ? "" : " AND t.kind = :kind");
			params = new HashMap<>(reading.parameters());
			params.put("subtreeFrom", subtree.from());
			params.put("subtreeTo", subtree.to());
			params.put("year", year);
			params.put("firstNotRed", rules.firstNotRed(on));
			params.put("lastYellow", rules.lastYellow(on));
			if (kind != null) {
				params.put("kind", kind);
			}
		}

		/** Counts every item by status and by warning. */
		void counts(Map<Status, Long> byStatus, Map<Warning, Long> byWarning) {
			for (Status s : Status.values()) {
				byStatus.put(s, 0L);
			}
			for (Warning w : Warning.values()) {
				byWarning.put(w, 0L);
			}
			record Count(Status status, Warning warning, long n) {
			}
			jdbc.sql("SELECT status, warning, COUNT(*) AS n FROM (SELECT t.status, " + WARNING_SQL + " AS warning"
					+ " FROM tracked_item t JOIN org o ON o.id = t.org_id JOIN org vo ON vo.id = t.verifier_org_id" + where
					+ ") x GROUP BY status, warning")
					.params(params).query(Rows.of(Count.class)).list().forEach(c -> {
						byStatus.merge(c.status(), c.n(), Long::sum);
						byWarning.merge(c.warning(), c.n(), Long::sum);
					});
		}

		/** The items in a status and a warning colour (null: any). */
		long count(Status status, Warning warning) {
			Map<String, Object> bound = new HashMap<>(params);
			return jdbc.sql("SELECT COUNT(*) FROM tracked_item t JOIN org o ON o.id = t.org_id"
					+ " JOIN org vo ON vo.id = t.verifier_org_id" + narrowed(status, warning, bound)).params(bound)
					.query(Long.class).single();
		}

		/** {@code limit} items in a status and a warning colour (null: any) from row {@code offset}, the nearest deadline first. */
		List<TrackedItem> items(Status status, Warning warning, long offset, int limit) {
			if (limit <= 0) {
				return List.of();
			}
			Map<String, Object> bound = new HashMap<>(params);
			bound.put("offset", offset);
			bound.put("limit", limit);
			return jdbc.sql(ItemRows.SELECT + narrowed(status, warning, bound) + " ORDER BY t.deadline, o.path, t.id"
					+ " OFFSET :offset ROWS FETCH FIRST :limit ROWS ONLY")
					.params(bound).query(Rows.of(Stored.class)).list().stream().map(s -> rows.row(s, on).item()).toList();
		}

		private String narrowed(Status status, Warning warning, Map<String, Object> bound) {
			if (status != null) {
				bound.put("status", status.name());
			}
			if (warning != null) {
				bound.put("warning", warning.name());
			}
			return where + (status == null ? "" : " AND t.status = :status")
					+ (warning == null ? "" : " AND " + WARNING_SQL + " = :warning");
		}
	}

	/**
	 * The caller's own items of a year: those whose owner or verifier post is held today by the
	 * person the caller's account belongs to, and those submitted and waiting for a verifier
	 * organisation the caller works in. At most {@code limit} of each, by deadline: the first page
	 * of each of {@link TrackedItemLists#mine}'s lists (the one query of "my items").
	 */
	public Mine mine(int year, int limit) {
		int max = Math.max(1, Math.min(limit, MAX_LISTED));
		TrackedItemLists.MinePage page = lists.mine(year, null, TrackedItemLists.ItemSort.DEADLINE, 1, 1, max);
		return new Mine(year, page.linked(), page.held().items(), page.toVerify().items());
	}

	/** See {@link #mine}: {@code linked} tells whether the caller's account belongs to a person. */
	public record Mine(int year, boolean linked, List<TrackedItem> held, List<TrackedItem> toVerify) {
	}

	/** The progress entries of an item the caller may see, oldest first, with their evidence. */
	public List<Entry> entries(long id) {
		get(id);
		return entriesOf(id);
	}

	List<Entry> entriesOf(long id) {
		record Recorded(long id, LocalDate entryDate, String text, String recordedBy, OffsetDateTime recordedAt) {
		}
		List<Recorded> recorded = jdbc.sql("SELECT id, entry_date, text, recorded_by, recorded_at FROM tracked_entry WHERE item_id = :id ORDER BY entry_date, id")
				.param("id", id).query(Rows.of(Recorded.class)).list();
		Map<Long, List<Evidence>> files = attachments.of(ENTRY_FILES, recorded.stream().map(Recorded::id).toList());
		return recorded.stream().map(e -> new Entry(e.id(), id, e.entryDate(), e.text(), e.recordedBy(), e.recordedAt(),
				files.getOrDefault(e.id(), List.of()))).toList();
	}

	/** The history of an item the caller may see: every move, oldest first. */
	public List<Move> moves(long id) {
		get(id);
		return jdbc.sql("""
				SELECT id, action, from_status AS "from", to_status AS "to", note, username, moved_at AS "at"
				FROM tracked_move WHERE item_id = :id ORDER BY id
				""").param("id", id).query(Rows.of(Move.class)).list();
	}

	/** The evidence attached to the entries of an item the caller may see. */
	public List<Evidence> evidence(long id) {
		return entries(id).stream().flatMap(e -> e.evidence().stream()).distinct().toList();
	}

	/** A file attached to an entry of the item (404 when it is not attached to this item). */
	public Download download(long id, long evidenceId) {
		var entry = entries(id).stream().filter(e -> e.evidence().stream().anyMatch(f -> f.id() == evidenceId))
				.findFirst();
		if (entry.isPresent()) {
			return attachments.open(new Attachments.Owner(ENTRY_FILES, entry.get().id()), evidenceId);
		}
		// a file an entry had before it was corrected: kept with the version that had it
		List<Long> versions = jdbc.sql("""
				SELECT v.id FROM tracked_entry_version v JOIN tracked_entry e ON e.id = v.entry_id WHERE e.item_id = :id""")
				.param("id", id).query(Long.class).list();
		return attachments.of(EntryCorrections.VERSION_FILES, versions).entrySet().stream()
				.filter(v -> v.getValue().stream().anyMatch(f -> f.id() == evidenceId)).findFirst()
				.map(v -> attachments.open(new Attachments.Owner(EntryCorrections.VERSION_FILES, v.getKey()), evidenceId))
				.orElseThrow(() -> new NotFoundException("evidence", evidenceId));
	}

	/** What the caller may do with an item now (for pages: which forms to show). */
	public record Abilities(boolean owner, boolean verifier, boolean upper, Set<Action> moves) {

		/** Whether the caller may make the move now, by their side, the item's status and its year. */
		public boolean allows(String move) {
			return moves.contains(Action.valueOf(move));
		}
	}

	public Abilities abilities(long id) {
		Row row = rows.visible(id).orElseThrow(() -> new NotFoundException("tracked-item", id));
		Scope acting = scope.acting();
		StateMachine.State state = StateMachine.State.of(row.item());
		Set<Action> moves = EnumSet.noneOf(Action.class);
		for (Action move : Action.values()) {
			if (move != Action.OPEN && row.on(StateMachine.sideOf(move), acting) && StateMachine.allows(state, move)) {
				moves.add(move);
			}
		}
		return new Abilities(row.on(Side.OWNER, acting), row.on(Side.VERIFIER, acting), row.on(Side.UPPER, acting),
				moves);
	}

	/**
	 * Every item not closed whose deadline is yellow or red on {@code day} (by {@link TrackingRules}),
	 * in the caller's view, earliest deadline first, with its warning as of {@code day}: what the
	 * daily reminders send. One streamed statement over the deadline.
	 */
	public void forEachDue(LocalDate day, Consumer<TrackedItem> consumer) {
		Scope reading = scope.reading();
		try (Stream<Stored> stored = reading.bind(streaming.sql(ItemRows.SELECT
				+ " WHERE t.status <> 'CLOSED' AND t.deadline <= :lastYellow AND " + ItemRows.visible(reading)
				+ " ORDER BY t.deadline, t.id")).param("lastYellow", rules.lastYellow(day))
				.query(Rows.of(Stored.class)).stream()) {
			stored.forEach(s -> consumer.accept(rows.row(s, day).item()));
		}
	}

	/** One entry with its item, for exports. */
	public record EntryRow(long itemId, String sourceRef, long orgId, String orgName, String title, Status status,
			LocalDate deadline, long entryId, LocalDate date, String text, String recordedBy, int evidenceCount) {
	}

	/**
	 * Every entry of the kind's items of a year in the subtree (in the caller's view), in order of
	 * organisation, item and date, handed one at a time: nothing is collected in memory.
	 */
	public void forEachEntry(long orgId, int year, String kind, Consumer<EntryRow> consumer) {
		Subtree subtree = tree.subtree(orgId);
		Scope reading = scope.reading();
		try (Stream<EntryRow> entries = reading.bind(subtree.bind(streaming.sql("""
				SELECT t.id AS item_id, t.source_ref, t.org_id, o.name AS org_name, t.title, t.status, t.deadline,
				       e.id AS entry_id, e.entry_date AS date, e.text, e.recorded_by, e.evidence_count
				FROM tracked_item t
				JOIN org o ON o.id = t.org_id
				JOIN org vo ON vo.id = t.verifier_org_id
				JOIN tracked_entry e ON e.item_id = t.id
				WHERE o.path >= :subtreeFrom AND o.path < :subtreeTo AND t.item_year = :year AND t.kind = :kind AND
				""" + ItemRows.visible(reading) + " ORDER BY o.path, t.id, e.entry_date, e.id")))
				.param("year", year).param("kind", kind).query(Rows.of(EntryRow.class)).stream()) {
			entries.forEach(consumer);
		}
	}
}
