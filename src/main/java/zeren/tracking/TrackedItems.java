package zeren.tracking;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.springframework.core.io.InputStreamSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;


import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zeren.access.UserAccount;
import zeren.access.Users;
import zeren.audit.AuditTrail;
import zeren.evidence.Download;
import zeren.evidence.Evidence;
import zeren.evidence.EvidenceFiles;
import zeren.org.Leadership;
import zeren.org.Org;
import zeren.org.OrgTree;
import zeren.org.Post;
import zeren.org.Subtree;
import zeren.platform.BusinessClock;
import zeren.platform.ConflictException;
import zeren.platform.CurrentScope;
import zeren.platform.ForbiddenException;
import zeren.platform.InputError;
import zeren.platform.InvalidInputException;
import zeren.platform.NotFoundException;
import zeren.platform.Scope;
import zeren.tracking.Move.Action;
import zeren.tracking.TrackedItem.Status;
import zeren.tracking.TrackedItem.Warning;
import zeren.platform.CurrentUser;

/**
 * Tracked items: one state machine for every kind.
 *
 * <pre>
 *   OPEN ──start / first entry──▶ IN_PROGRESS ──submit──▶ SUBMITTED ──close──▶ CLOSED
 *                                      ▲                      │                  │
 *                                      └──────return──────────┘                  │
 *                                      └──────────────reopen (upper org)─────────┘
 * </pre>
 *
 * Who may do what: the owner side (a working grant over the item's organisation) records
 * entries, starts and submits; the verifier side (a working grant over the verifier
 * organisation) returns and closes; an upper organisation (a working grant over an ancestor of
 * the item's organisation) reopens. Reads need the item's organisation or its verifier
 * organisation in the caller's view (404 otherwise). A move not allowed from the current state
 * is refused with 409 naming the state and the move; every move is kept in the item's history
 * and in the audit trail.
 */
@Service
@Transactional(readOnly = true)
public class TrackedItems {

	static final int MAX_TEXT = 4000;
	static final int MAX_NOTE = 2000;
	static final int MAX_LISTED = 2000;

	private final JdbcClient jdbc;
	private final OrgTree tree;
	private final Leadership leadership;
	private final CurrentScope scope;
	private final AuditTrail audit;
	private final BusinessClock clock;
	private final TrackingRules rules;
	private final EvidenceFiles evidence;
	private final Users users;
	private final JdbcTemplate template;

	TrackedItems(JdbcClient jdbc, JdbcTemplate template, OrgTree tree, Leadership leadership, CurrentScope scope, AuditTrail audit,
			BusinessClock clock, TrackingRules rules, EvidenceFiles evidence, Users users) {
		this.jdbc = jdbc;
		this.tree = tree;
		this.leadership = leadership;
		this.scope = scope;
		this.audit = audit;
		this.clock = clock;
		this.rules = rules;
		this.evidence = evidence;
		this.users = users;
		this.template = template;
		// rows are fetched a thousand at a time (PostgreSQL otherwise reads a whole result into memory)
		JdbcTemplate fetching = new JdbcTemplate(template.getDataSource());
		fetching.setFetchSize(1000);
		this.streaming = JdbcClient.create(fetching);
	}

	private final JdbcClient streaming;

	// ---- reading ------------------------------------------------------------------------------

	private static final String SELECT = """
			SELECT t.id, t.kind, t.source_ref, t.org_id, o.name AS org_name, o.path AS org_path, t.item_year, t.title,
			       t.owner_post_id, op.title AS owner_title, t.verifier_post_id, vp.title AS verifier_title,
			       t.verifier_org_id, vo.name AS verifier_org_name, vo.path AS verifier_org_path, t.deadline, t.status,
			       t.reopened, t.entry_count, t.last_entry_date, t.created_at, t.closed_at
			FROM tracked_item t
			JOIN org o ON o.id = t.org_id
			JOIN org vo ON vo.id = t.verifier_org_id
			LEFT JOIN post op ON op.id = t.owner_post_id
			LEFT JOIN post vp ON vp.id = t.verifier_post_id
			""";

	/** An item with the paths of its organisations, for the checks of who may move it. */
	private record Row(TrackedItem item, String orgPath, String verifierOrgPath) {
	}

	private RowMapper<Row> rows(LocalDate today) {
		return (rs, n) -> {
			Status status = Status.valueOf(rs.getString("status"));
			LocalDate deadline = rs.getObject("deadline", LocalDate.class);
			int year = rs.getInt("item_year");
			boolean reopened = rs.getBoolean("reopened");
			TrackedItem item = new TrackedItem(rs.getLong("id"), rs.getString("kind"), rs.getString("source_ref"),
					rs.getLong("org_id"), rs.getString("org_name"), year, rs.getString("title"),
					(Long) rs.getObject("owner_post_id", Long.class), rs.getString("owner_title"),
					(Long) rs.getObject("verifier_post_id", Long.class), rs.getString("verifier_title"),
					rs.getLong("verifier_org_id"), rs.getString("verifier_org_name"), deadline, status,
					rules.warning(status, deadline, today), ChronoUnit.DAYS.between(today, deadline),
					status != Status.CLOSED && !reopened && rules.yearClosed(year, today), reopened,
					rs.getInt("entry_count"), rs.getObject("last_entry_date", LocalDate.class),
					rs.getObject("created_at", OffsetDateTime.class), rs.getObject("closed_at", OffsetDateTime.class));
			return new Row(item, rs.getString("org_path"), rs.getString("verifier_org_path"));
		};
	}

	/** The caller sees an item when they see its organisation or its verifier organisation. */
	private static String visible(Scope reading) {
		return "(" + reading.condition("o") + " OR " + reading.condition("vo") + ")";
	}

	private Optional<Row> visibleRow(long id) {
		Scope reading = scope.reading();
		return reading.bind(jdbc.sql(SELECT + " WHERE t.id = :id AND " + visible(reading))).param("id", id)
				.query(rows(clock.today())).optional();
	}

	/** An item the caller may see, or 404. */
	public TrackedItem get(long id) {
		return visibleRow(id).map(Row::item).orElseThrow(() -> new NotFoundException("tracked-item", id));
	}

	/** The item a module tracks for its own id, if the caller may see it. */
	public Optional<TrackedItem> bySource(String kind, String sourceRef) {
		Scope reading = scope.reading();
		return reading.bind(jdbc.sql(SELECT + " WHERE t.kind = :kind AND t.source_ref = :ref AND " + visible(reading)))
				.param("kind", kind).param("ref", sourceRef).query(rows(clock.today())).optional().map(Row::item);
	}

	/**
	 * The items of the organisations at and below {@code orgId} for a year that pass the filter
	 * (owned there), in the caller's view, with counts by status and by warning.
	 */
	public TrackingOverview inSubtree(long orgId, int year, TrackingFilter filter) {
		Subtree subtree = tree.subtree(orgId);
		Scope reading = scope.reading();
		LocalDate today = clock.today();
		TrackingFilter f = filter == null ? TrackingFilter.all() : filter;
		String where = " WHERE o.path >= :subtreeFrom AND o.path < :subtreeTo AND t.item_year = :year AND "
				+ visible(reading) + (f.kind() == null ? "" : " AND t.kind = :kind");
		Map<String, Object> params = new HashMap<>(reading.parameters());
		params.put("subtreeFrom", subtree.from());
		params.put("subtreeTo", subtree.to());
		params.put("year", year);
		params.put("firstNotRed", rules.firstNotRed(today));
		params.put("lastYellow", rules.lastYellow(today));
		if (f.kind() != null) {
			params.put("kind", f.kind());
		}
		Map<Status, Long> byStatus = new EnumMap<>(Status.class);
		Map<Warning, Long> byWarning = new EnumMap<>(Warning.class);
		for (Status s : Status.values()) {
			byStatus.put(s, 0L);
		}
		for (Warning w : Warning.values()) {
			byWarning.put(w, 0L);
		}
		jdbc.sql("SELECT status, warning, COUNT(*) AS n FROM (SELECT t.status, " + WARNING_SQL + " AS warning"
				+ " FROM tracked_item t JOIN org o ON o.id = t.org_id JOIN org vo ON vo.id = t.verifier_org_id" + where
				+ ") x GROUP BY status, warning")
				.params(params).query((rs, n) -> {
					long count = rs.getLong("n");
					byStatus.merge(Status.valueOf(rs.getString("status")), count, Long::sum);
					byWarning.merge(Warning.valueOf(rs.getString("warning")), count, Long::sum);
					return null;
				}).list();
		String narrowed = where + (f.status() == null ? "" : " AND t.status = :status")
				+ (f.warning() == null ? "" : " AND " + WARNING_SQL + " = :warning");
		if (f.status() != null) {
			params.put("status", f.status().name());
		}
		if (f.warning() != null) {
			params.put("warning", f.warning().name());
		}
		int limit = f.limit() == null ? 500 : Math.max(0, Math.min(f.limit(), MAX_LISTED));
		params.put("limit", limit);
		List<TrackedItem> items = jdbc.sql(SELECT + narrowed + " ORDER BY t.deadline, o.path, t.id LIMIT :limit")
				.params(params).query(rows(today)).list().stream().map(Row::item).toList();
		long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
		return new TrackingOverview(orgId, year, items, total, byStatus, byWarning);
	}

	/** The warning colour in SQL, the same rule as {@link TrackingRules#warning}; binds :firstNotRed and :lastYellow. */
	private static final String WARNING_SQL = "CASE WHEN t.status = 'CLOSED' THEN 'NONE' WHEN t.deadline < :firstNotRed THEN 'RED' "
			+ "WHEN t.deadline <= :lastYellow THEN 'YELLOW' ELSE 'BLUE' END";

	/**
	 * The caller's own items of a year: those whose owner or verifier post is held today by the
	 * person the caller's account belongs to, and those submitted and waiting for a verifier
	 * organisation the caller works in. At most {@code limit} of each.
	 */
	public Mine mine(int year, int limit) {
		LocalDate today = clock.today();
		Set<Long> posts = new LinkedHashSet<>();
		Long personId = CurrentUser.username().flatMap(users::findByUsername).map(UserAccount::personId).orElse(null);
		if (personId != null) {
			leadership.career(personId).stream()
					.filter(e -> !e.tenure().startDate().isAfter(today)
							&& (e.tenure().endDate() == null || !e.tenure().endDate().isBefore(today)))
					.forEach(e -> posts.add(e.post().id()));
		}
		Scope reading = scope.reading();
		int max = Math.max(1, Math.min(limit, MAX_LISTED));
		List<TrackedItem> held = posts.isEmpty() ? List.of()
				: reading.bind(jdbc.sql(SELECT + " WHERE (t.owner_post_id IN (:posts) OR t.verifier_post_id IN (:posts))"
						+ " AND t.item_year = :year AND " + visible(reading) + " ORDER BY t.deadline, t.id LIMIT :limit"))
						.param("posts", List.copyOf(posts)).param("year", year).param("limit", max)
						.query(rows(today)).list().stream().map(Row::item).toList();
		Scope acting = scope.acting();
		List<TrackedItem> toVerify = acting.bind(jdbc.sql(SELECT + " WHERE t.status = 'SUBMITTED' AND t.item_year = :year AND "
				+ acting.condition("vo") + " ORDER BY t.deadline, t.id LIMIT :limit")).param("year", year)
				.param("limit", max).query(rows(today)).list().stream().map(Row::item).toList();
		return new Mine(year, personId != null, held, toVerify);
	}

	/** See {@link #mine}: {@code linked} tells whether the caller's account belongs to a person. */
	public record Mine(int year, boolean linked, List<TrackedItem> held, List<TrackedItem> toVerify) {
	}

	/** The progress entries of an item the caller may see, oldest first, with their evidence. */
	public List<Entry> entries(long id) {
		get(id);
		return entriesOf(id);
	}

	private List<Entry> entriesOf(long id) {
		record E(long id, LocalDate date, String text, String by, OffsetDateTime at) {
		}
		List<E> rows = jdbc.sql("SELECT id, entry_date, text, recorded_by, recorded_at FROM tracked_entry WHERE item_id = :id ORDER BY entry_date, id")
				.param("id", id).query((rs, n) -> new E(rs.getLong("id"), rs.getObject("entry_date", LocalDate.class),
						rs.getString("text"), rs.getString("recorded_by"), rs.getObject("recorded_at", OffsetDateTime.class)))
				.list();
		Map<Long, List<Long>> links = new HashMap<>();
		jdbc.sql("SELECT l.entry_id, l.evidence_id FROM tracked_entry_evidence l JOIN tracked_entry e ON e.id = l.entry_id WHERE e.item_id = :id ORDER BY l.evidence_id")
				.param("id", id).query((rs, n) -> links.computeIfAbsent(rs.getLong("entry_id"), k -> new ArrayList<>())
						.add(rs.getLong("evidence_id")))
				.list();
		Map<Long, Evidence> files = new HashMap<>();
		evidence.describe(links.values().stream().flatMap(List::stream).distinct().toList())
				.forEach(e -> files.put(e.id(), e));
		return rows.stream().map(e -> new Entry(e.id(), id, e.date(), e.text(), e.by(), e.at(),
				links.getOrDefault(e.id(), List.of()).stream().map(files::get).toList())).toList();
	}

	/** The history of an item the caller may see: every move, oldest first. */
	public List<Move> moves(long id) {
		get(id);
		return jdbc.sql("SELECT id, action, from_status, to_status, note, username, moved_at FROM tracked_move WHERE item_id = :id ORDER BY id")
				.param("id", id)
				.query((rs, n) -> new Move(rs.getLong("id"), Action.valueOf(rs.getString("action")),
						rs.getString("from_status") == null ? null : Status.valueOf(rs.getString("from_status")),
						Status.valueOf(rs.getString("to_status")), rs.getString("note"), rs.getString("username"),
						rs.getObject("moved_at", OffsetDateTime.class)))
				.list();
	}

	/** The evidence attached to the entries of an item the caller may see. */
	public List<Evidence> evidence(long id) {
		return entries(id).stream().flatMap(e -> e.evidence().stream()).distinct().toList();
	}

	/** A file attached to an entry of the item (404 when it is not attached to this item). */
	public Download download(long id, long evidenceId) {
		get(id);
		boolean attached = jdbc.sql("SELECT COUNT(*) FROM tracked_entry_evidence l JOIN tracked_entry e ON e.id = l.entry_id WHERE e.item_id = :id AND l.evidence_id = :ev")
				.param("id", id).param("ev", evidenceId).query(Long.class).single() > 0;
		if (!attached) {
			throw new NotFoundException("evidence", evidenceId);
		}
		return evidence.openAttached(evidenceId);
	}

	/** What the caller may do with an item now (for pages: which forms to show). */
	public record Abilities(boolean owner, boolean verifier, boolean upper) {
	}

	public Abilities abilities(long id) {
		Row row = visibleRow(id).orElseThrow(() -> new NotFoundException("tracked-item", id));
		Scope acting = scope.acting();
		return new Abilities(acting.contains(row.orgPath()), acting.contains(row.verifierOrgPath()),
				isUpper(acting, row.orgPath()));
	}

	// ---- opening ------------------------------------------------------------------------------

	/**
	 * Starts tracking something: OPEN. The caller needs a working grant over the organisation or
	 * over the verifier organisation (an upper level opening a rectification for the level below).
	 * One item per (kind, sourceRef): a second is refused (409).
	 */
	@Transactional
	public TrackedItem open(NewTrackedItem request) {
		if (request == null) {
			throw InvalidInputException.of("body", "error.field.required");
		}
		Org org = tree.get(request.orgId());
		Org verifierOrg = tree.find(request.verifierOrgId()).orElse(null);
		Scope acting = scope.acting();
		if (!acting.contains(org.path()) && (verifierOrg == null || !acting.contains(verifierOrg.path()))) {
			throw new ForbiddenException();
		}
		List<InputError> errors = new ArrayList<>();
		String kind = checkKind(request.kind(), errors);
		String ref = required(request.sourceRef(), "sourceRef", 64, errors);
		String title = required(request.title(), "title", 2000, errors);
		if (verifierOrg == null) {
			errors.add(InputError.field("verifierOrgId", "error.tracking.verifier-org-unknown", request.verifierOrgId()));
		}
		checkPost(request.ownerPostId(), org.id(), "ownerPostId", errors);
		if (request.verifierPostId() != null && verifierOrg != null) {
			checkPost(request.verifierPostId(), verifierOrg.id(), "verifierPostId", errors);
		}
		if (request.deadline() == null) {
			errors.add(InputError.field("deadline", "error.field.required"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		boolean exists = jdbc.sql("SELECT COUNT(*) FROM tracked_item WHERE kind = :kind AND source_ref = :ref")
				.param("kind", kind).param("ref", ref).query(Long.class).single() > 0;
		if (exists) {
			throw new ConflictException("sourceRef", "error.tracking.duplicate-source", kind, ref);
		}
		OffsetDateTime now = clock.now();
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO tracked_item (kind, source_ref, org_id, item_year, title, owner_post_id, verifier_post_id,
				                          verifier_org_id, deadline, status, created_at, updated_at)
				VALUES (:kind, :ref, :org, :year, :title, :owner, :vpost, :vorg, :deadline, 'OPEN', :now, :now)
				""").param("kind", kind).param("ref", ref).param("org", org.id())
				.param("year", request.deadline().getYear()).param("title", title).param("owner", request.ownerPostId())
				.param("vpost", request.verifierPostId()).param("vorg", request.verifierOrgId())
				.param("deadline", request.deadline()).param("now", now).update(keys, "id");
		long id = keys.getKey().longValue();
		recordMove(id, org.id(), Action.OPEN, null, Status.OPEN, null,
				"kind=%s ref=%s deadline=%s title=%s".formatted(kind, ref, request.deadline(), title));
		return get(id);
	}

	/**
	 * Opens many items at once (a list published to many organisations), skipping those whose
	 * (kind, sourceRef) is tracked already; one audit event per organisation. No scope check:
	 * for a module tracking what its own, already authorised, change produced. Input must be
	 * valid (posts of their organisations, a deadline): it is the module's own data.
	 *
	 * @return the ids of the items opened, by source reference
	 */
	@Transactional
	public Map<String, Long> openAll(Collection<NewTrackedItem> requests) {
		if (requests.isEmpty()) {
			return Map.of();
		}
		String kind = null;
		for (NewTrackedItem r : requests) {
			if (kind != null && !kind.equals(r.kind())) {
				throw new IllegalArgumentException("one kind per call");
			}
			kind = r.kind();
		}
		checkKind(kind, new ArrayList<>());
		Set<String> known = new java.util.HashSet<>();
		List<String> refs = requests.stream().map(NewTrackedItem::sourceRef).distinct().toList();
		for (int i = 0; i < refs.size(); i += 1000) {
			known.addAll(jdbc.sql("SELECT source_ref FROM tracked_item WHERE kind = :kind AND source_ref IN (:refs)")
					.param("kind", kind).param("refs", refs.subList(i, Math.min(refs.size(), i + 1000)))
					.query(String.class).list());
		}
		OffsetDateTime now = clock.now();
		String user = CurrentUser.actor();
		List<NewTrackedItem> fresh = requests.stream().filter(r -> known.add(r.sourceRef())).toList();
		if (fresh.isEmpty()) {
			return Map.of();
		}
		template.batchUpdate("""
				INSERT INTO tracked_item (kind, source_ref, org_id, item_year, title, owner_post_id, verifier_post_id,
				                          verifier_org_id, deadline, status, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)
				""", fresh, 1000, (ps, r) -> {
			ps.setString(1, r.kind());
			ps.setString(2, r.sourceRef());
			ps.setLong(3, r.orgId());
			ps.setInt(4, r.deadline().getYear());
			ps.setString(5, truncate(r.title(), 2000));
			ps.setObject(6, r.ownerPostId());
			ps.setObject(7, r.verifierPostId());
			ps.setLong(8, r.verifierOrgId());
			ps.setObject(9, r.deadline());
			ps.setObject(10, now);
			ps.setObject(11, now);
		});
		final String k = kind;
		List<Object[]> ids = new ArrayList<>();
		Map<String, Long> opened = new HashMap<>();
		for (int i = 0; i < fresh.size(); i += 1000) {
			jdbc.sql("SELECT id, source_ref FROM tracked_item WHERE kind = :kind AND source_ref IN (:refs)").param("kind", k)
					.param("refs", fresh.subList(i, Math.min(fresh.size(), i + 1000)).stream().map(NewTrackedItem::sourceRef).toList())
					.query((rs, n) -> opened.put(rs.getString("source_ref"), rs.getLong("id"))).list();
		}
		opened.values().forEach(id -> ids.add(new Object[] { id, user, now }));
		template.batchUpdate("INSERT INTO tracked_move (item_id, action, from_status, to_status, username, moved_at) VALUES (?, 'OPEN', NULL, 'OPEN', ?, ?)",
				ids);
		Map<Long, Integer> perOrg = new HashMap<>();
		fresh.forEach(r -> perOrg.merge(r.orgId(), 1, Integer::sum));
		perOrg.forEach((orgId, n) -> audit.record(new AuditTrail.Change(orgId, "tracked-item", null, "OPEN",
				"kind=%s items=%d".formatted(k, n))));
		return opened;
	}

	/**
	 * Changes what an item that is not closed says (its source changed: an amended list): title,
	 * owner, verifier, deadline. Closed items keep what they were closed as. No scope check (see
	 * {@link #openAll}). Audited when something changed.
	 *
	 * @return whether the item changed
	 */
	@Transactional
	public boolean revise(NewTrackedItem request) {
		Optional<Long> id = jdbc.sql("SELECT id FROM tracked_item WHERE kind = :kind AND source_ref = :ref AND status <> 'CLOSED' FOR UPDATE")
				.param("kind", request.kind()).param("ref", request.sourceRef()).query(Long.class).optional();
		if (id.isEmpty()) {
			return false;
		}
		int changed = jdbc.sql("""
				UPDATE tracked_item SET title = :title, owner_post_id = :owner, verifier_post_id = :vpost,
				       verifier_org_id = :vorg, deadline = :deadline, item_year = :year, updated_at = :now
				WHERE id = :id AND (title <> :title OR COALESCE(owner_post_id, -1) <> COALESCE(:owner, -1) OR verifier_org_id <> :vorg
				       OR deadline <> :deadline OR COALESCE(verifier_post_id, -1) <> COALESCE(:vpost, -1))
				""").param("title", truncate(request.title(), 2000)).param("owner", request.ownerPostId())
				.param("vpost", request.verifierPostId()).param("vorg", request.verifierOrgId())
				.param("deadline", request.deadline()).param("year", request.deadline().getYear())
				.param("now", clock.now()).param("id", id.get()).update();
		if (changed > 0) {
			audit.record(new AuditTrail.Change(request.orgId(), "tracked-item", id.get(), "REVISE",
					"kind=%s ref=%s deadline=%s title=%s".formatted(request.kind(), request.sourceRef(),
							request.deadline(), request.title())));
		}
		return changed > 0;
	}

	// ---- moves --------------------------------------------------------------------------------

	private enum Side {
		OWNER, VERIFIER, UPPER
	}

	/**
	 * The item to move, locked: 404 when it does not exist or the caller cannot see it, 403 when
	 * they see it but are not on the side that makes this move.
	 */
	private Row forMove(long id, Side side) {
		jdbc.sql("SELECT id FROM tracked_item WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).optional()
				.orElseThrow(() -> new NotFoundException("tracked-item", id));
		Row row = anyRow(id);
		requireSide(row, side);
		return row;
	}

	private Row anyRow(long id) {
		return jdbc.sql(SELECT + " WHERE t.id = :id").param("id", id).query(rows(clock.today())).optional()
				.orElseThrow(() -> new NotFoundException("tracked-item", id));
	}

	private void requireSide(Row row, Side side) {
		Scope acting = scope.acting();
		boolean allowed = switch (side) {
			case OWNER -> acting.contains(row.orgPath());
			case VERIFIER -> acting.contains(row.verifierOrgPath());
			case UPPER -> isUpper(acting, row.orgPath());
		};
		if (!allowed) {
			get(row.item().id()); // out of view: 404, as for an item that does not exist
			throw new ForbiddenException();
		}
	}

	/** Whether the caller works in an organisation above the one with this path. */
	private static boolean isUpper(Scope acting, String orgPath) {
		int segment = 10;
		for (int end = segment; end < orgPath.length(); end += segment) {
			if (acting.contains(orgPath.substring(0, end))) {
				return true;
			}
		}
		return false;
	}

	private static void requireState(TrackedItem item, Action action, Status... allowed) {
		requireState(item, action.name(), allowed);
	}

	private static void requireState(TrackedItem item, String move, Status... allowed) {
		for (Status s : allowed) {
			if (item.status() == s) {
				return;
			}
		}
		throw new ConflictException("status", "error.tracking.illegal-move", label("tracking.status.", item.status().name()),
				label("tracking.move.", move));
	}

	/** A state or move named in the caller's language when the error is rendered (its code otherwise). */
	private static org.springframework.context.MessageSourceResolvable label(String prefix, String code) {
		return new org.springframework.context.support.DefaultMessageSourceResolvable(new String[] { prefix + code },
				code);
	}

	private void requireOpenYear(TrackedItem item) {
		if (item.locked()) {
			throw new ConflictException("status", "error.tracking.year-closed", item.year(),
					rules.closeDate(item.year()).toString());
		}
	}

	/** OPEN → IN_PROGRESS, by the owner side. */
	@Transactional
	public TrackedItem start(long id) {
		TrackedItem item = forMove(id, Side.OWNER).item();
		requireState(item, Action.START, Status.OPEN);
		requireOpenYear(item);
		move(item, Action.START, Status.IN_PROGRESS, null);
		return get(id);
	}

	/**
	 * Records a progress entry, by the owner side, while the item is open or in progress (the
	 * first entry starts it) and its year has not closed. The evidence must belong to the item's
	 * organisation.
	 */
	@Transactional
	public Entry addEntry(long id, NewEntry request) {
		TrackedItem item = forMove(id, Side.OWNER).item();
		if (request == null) {
			throw InvalidInputException.of("body", "error.field.required");
		}
		requireState(item, "ENTRY", Status.OPEN, Status.IN_PROGRESS);
		requireOpenYear(item);
		List<InputError> errors = new ArrayList<>();
		String text = required(request.text(), "text", MAX_TEXT, errors);
		LocalDate today = clock.today();
		if (request.date() == null) {
			errors.add(InputError.field("date", "error.field.required"));
		}
		else if (request.date().isAfter(today)) {
			errors.add(InputError.field("date", "error.field.future"));
		}
		List<Long> evidenceIds = request.evidenceIds() == null ? List.of()
				: request.evidenceIds().stream().filter(java.util.Objects::nonNull).distinct().toList();
		if (!evidenceIds.isEmpty()) {
			List<Evidence> found = evidence.describe(evidenceIds);
			for (Long evId : evidenceIds) {
				if (found.stream().noneMatch(e -> e.id() == evId && e.orgId() == item.orgId())) {
					errors.add(InputError.field("evidenceIds", "error.tracking.evidence-unknown", evId));
				}
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		if (item.status() == Status.OPEN) {
			move(item, Action.START, Status.IN_PROGRESS, null);
		}
		var keys = new GeneratedKeyHolder();
		OffsetDateTime now = clock.now();
		jdbc.sql("INSERT INTO tracked_entry (item_id, entry_date, text, recorded_by, recorded_at) VALUES (:item, :date, :text, :user, :now)")
				.param("item", id).param("date", request.date()).param("text", text).param("user", CurrentUser.actor())
				.param("now", now).update(keys, "id");
		long entryId = keys.getKey().longValue();
		for (Long evId : evidenceIds) {
			jdbc.sql("INSERT INTO tracked_entry_evidence (entry_id, evidence_id) VALUES (:entry, :ev)").param("entry", entryId)
					.param("ev", evId).update();
		}
		jdbc.sql("""
				UPDATE tracked_item SET entry_count = entry_count + 1,
				       last_entry_date = CASE WHEN last_entry_date IS NULL OR last_entry_date < :date THEN :date ELSE last_entry_date END,
				       updated_at = :now WHERE id = :id
				""").param("date", request.date()).param("now", now).param("id", id).update();
		audit.record(new AuditTrail.Change(item.orgId(), "tracked-item", id, "ENTRY",
				"entry=%d date=%s evidence=%s text=%s".formatted(entryId, request.date(), evidenceIds, text)));
		return entriesOf(id).stream().filter(e -> e.id() == entryId).findFirst().orElseThrow();
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
		TrackedItem item = forMove(id, Side.OWNER).item();
		requireState(item, "ENTRY", Status.OPEN, Status.IN_PROGRESS);
		requireOpenYear(item);
		List<Long> ids = new ArrayList<>();
		for (NewFile file : files) {
			try (InputStream in = file.content().getInputStream()) {
				ids.add(evidence.store(item.orgId(), file.name(), in).id());
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return addEntry(id, new NewEntry(date, text, ids));
	}

	/** Stores a file as evidence of the item's organisation, by the owner side (attach it with an entry). */
	@Transactional
	public Evidence upload(long id, String name, InputStream content) {
		TrackedItem item = forMove(id, Side.OWNER).item();
		return evidence.store(item.orgId(), name, content);
	}

	/** 404 when the item does not exist, 403 when the caller may make no move on it at all. */
	public void requireActor(long id) {
		Row row = anyRow(id);
		Scope acting = scope.acting();
		if (!acting.contains(row.orgPath()) && !acting.contains(row.verifierOrgPath()) && !isUpper(acting, row.orgPath())) {
			get(id); // out of view: 404, as for an item that does not exist
			throw new ForbiddenException();
		}
	}

	/** 404/403 before an upload is read: the item must exist and the caller be on its owner side. */
	public void requireOwner(long id) {
		requireSide(anyRow(id), Side.OWNER);
	}

	/** IN_PROGRESS → SUBMITTED, by the owner side, once at least one entry is recorded. */
	@Transactional
	public TrackedItem submit(long id, String note) {
		TrackedItem item = forMove(id, Side.OWNER).item();
		requireState(item, Action.SUBMIT, Status.IN_PROGRESS);
		requireOpenYear(item);
		String text = optional(note, "note", MAX_NOTE);
		if (item.entryCount() == 0) {
			throw new ConflictException("entries", "error.tracking.no-entry");
		}
		move(item, Action.SUBMIT, Status.SUBMITTED, text);
		return get(id);
	}

	/** SUBMITTED → IN_PROGRESS, by the verifier side, with the reason it is not accepted. */
	@Transactional
	public TrackedItem returnToOwner(long id, String reason) {
		TrackedItem item = forMove(id, Side.VERIFIER).item();
		requireState(item, Action.RETURN, Status.SUBMITTED);
		String text = requiredReason(reason);
		move(item, Action.RETURN, Status.IN_PROGRESS, text);
		return get(id);
	}

	/** SUBMITTED → CLOSED (销号), by the verifier side. */
	@Transactional
	public TrackedItem close(long id, String note) {
		TrackedItem item = forMove(id, Side.VERIFIER).item();
		requireState(item, Action.CLOSE, Status.SUBMITTED);
		String text = optional(note, "note", MAX_NOTE);
		move(item, Action.CLOSE, Status.CLOSED, text);
		return get(id);
	}

	/**
	 * By an upper organisation, with a reason: a closed item goes back to IN_PROGRESS, and an
	 * item whose year has closed may take entries again until it is closed. Anything else has
	 * nothing to reopen (409).
	 */
	@Transactional
	public TrackedItem reopen(long id, String reason) {
		TrackedItem item = forMove(id, Side.UPPER).item();
		if (item.status() != Status.CLOSED && !item.locked()) {
			throw new ConflictException("status", "error.tracking.illegal-move",
					label("tracking.status.", item.status().name()), label("tracking.move.", Action.REOPEN.name()));
		}
		String text = requiredReason(reason);
		move(item, Action.REOPEN, item.status() == Status.CLOSED ? Status.IN_PROGRESS : item.status(), text);
		return get(id);
	}

	/** Applies a move: the new state, the history, the audit trail. */
	private void move(TrackedItem item, Action action, Status to, String note) {
		OffsetDateTime now = clock.now();
		// a reopening lets entries in after the year closed, until the item is closed again
		boolean reopened = action == Action.REOPEN || (to != Status.CLOSED && item.reopened());
		jdbc.sql("UPDATE tracked_item SET status = :to, updated_at = :now, closed_at = :closed, reopened = :reopened WHERE id = :id")
				.param("to", to.name()).param("now", now).param("closed", to == Status.CLOSED ? now : null)
				.param("reopened", reopened).param("id", item.id()).update();
		recordMove(item.id(), item.orgId(), action, item.status(), to, note,
				"%s→%s%s".formatted(item.status(), to, note == null ? "" : " note=" + note));
	}

	private void recordMove(long id, long orgId, Action action, Status from, Status to, String note, String summary) {
		jdbc.sql("INSERT INTO tracked_move (item_id, action, from_status, to_status, note, username, moved_at) VALUES (:item, :action, :from, :to, :note, :user, :now)")
				.param("item", id).param("action", action.name()).param("from", from == null ? null : from.name())
				.param("to", to.name()).param("note", note).param("user", CurrentUser.actor()).param("now", clock.now())
				.update();
		audit.record(new AuditTrail.Change(orgId, "tracked-item", id, action.name(), summary));
	}

	/**
	 * Every item of the kind of a year in the subtree (in the caller's view), handed one at a
	 * time in order of organisation and id: for reconciliations over large subtrees.
	 */
	public void forEachItem(long orgId, int year, String kind, Consumer<TrackedItem> consumer) {
		Subtree subtree = tree.subtree(orgId);
		Scope reading = scope.reading();
		RowMapper<Row> mapper = rows(clock.today());
		int[] n = { 0 };
		reading.bind(subtree.bind(streaming.sql(SELECT + " WHERE o.path >= :subtreeFrom AND o.path < :subtreeTo AND t.item_year = :year AND t.kind = :kind AND "
				+ visible(reading) + " ORDER BY o.path, t.id"))).param("year", year).param("kind", kind)
				.query((java.sql.ResultSet rs) -> {
					consumer.accept(mapper.mapRow(rs, n[0]++).item());
				});
	}

	// ---- streaming for exports -----------------------------------------------------------------

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
		reading.bind(subtree.bind(streaming.sql("""
				SELECT t.id AS item_id, t.source_ref, t.org_id, o.name AS org_name, t.title, t.status, t.deadline,
				       e.id AS entry_id, e.entry_date, e.text, e.recorded_by,
				       (SELECT COUNT(*) FROM tracked_entry_evidence l WHERE l.entry_id = e.id) AS evidence_count
				FROM tracked_item t
				JOIN org o ON o.id = t.org_id
				JOIN org vo ON vo.id = t.verifier_org_id
				JOIN tracked_entry e ON e.item_id = t.id
				WHERE o.path >= :subtreeFrom AND o.path < :subtreeTo AND t.item_year = :year AND t.kind = :kind AND
				""" + visible(reading) + " ORDER BY o.path, t.id, e.entry_date, e.id")))
				.param("year", year).param("kind", kind).query((java.sql.ResultSet rs) -> {
					consumer.accept(new EntryRow(rs.getLong("item_id"), rs.getString("source_ref"), rs.getLong("org_id"),
							rs.getString("org_name"), rs.getString("title"), Status.valueOf(rs.getString("status")),
							rs.getObject("deadline", LocalDate.class), rs.getLong("entry_id"),
							rs.getObject("entry_date", LocalDate.class), rs.getString("text"),
							rs.getString("recorded_by"), rs.getInt("evidence_count")));
				});
	}

	// ---- input --------------------------------------------------------------------------------

	private static String checkKind(String kind, List<InputError> errors) {
		String k = kind == null ? "" : kind.strip();
		if (!k.matches("[a-z][a-z0-9]*(\\.[a-z][a-z0-9-]*)*") || k.length() > 64) {
			errors.add(InputError.field("kind", "error.tracking.kind-invalid"));
		}
		return k;
	}

	private void checkPost(Long postId, long orgId, String field, List<InputError> errors) {
		if (postId == null) {
			errors.add(InputError.field(field, "error.field.required"));
			return;
		}
		boolean ofOrg = leadership.posts(orgId).stream().map(Post::id).anyMatch(id -> id.longValue() == postId);
		if (!ofOrg) {
			errors.add(InputError.field(field, "error.tracking.post-not-of-org", postId, orgId));
		}
	}

	private static String required(String value, String field, int max, List<InputError> errors) {
		String t = value == null ? "" : value.strip();
		if (t.isEmpty()) {
			errors.add(InputError.field(field, "error.field.required"));
		}
		else if (t.length() > max) {
			errors.add(InputError.field(field, "error.field.too-long", max));
		}
		return t;
	}

	private static String requiredReason(String reason) {
		List<InputError> errors = new ArrayList<>();
		String text = required(reason, "reason", MAX_NOTE, errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return text;
	}

	private static String optional(String value, String field, int max) {
		String t = value == null ? "" : value.strip();
		if (t.length() > max) {
			throw InvalidInputException.of(field, "error.field.too-long", max);
		}
		return t.isEmpty() ? null : t;
	}

	private static String truncate(String s, int max) {
		return s == null || s.length() <= max ? s : s.substring(0, max);
	}

}
