package zeren.duty;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;


import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;
import zeren.audit.AuditTrail;
import zeren.duty.DutyList.Item;
import zeren.duty.DutyList.Milestone;
import zeren.duty.DutyList.Status;
import zeren.org.Leadership;
import zeren.org.Org;
import zeren.org.OrgTree;
import zeren.org.People;
import zeren.org.Post;
import zeren.platform.BusinessClock;
import zeren.platform.ConflictException;
import zeren.platform.CurrentScope;
import zeren.platform.ForbiddenException;
import zeren.platform.InputError;
import zeren.platform.InvalidInputException;
import zeren.platform.NotFoundException;
import zeren.platform.Scope;
import zeren.platform.CurrentUser;

/**
 * The responsibility list of an organisation for a year: written as a draft, published (which
 * locks it), and afterwards changed only by amendments, each with a reason, a new version and
 * an audit event. Reads are limited to the caller's scope (404 outside it); writes need the
 * organisation to be managed by the caller (403 otherwise).
 */
@Service
@Transactional(readOnly = true)
public class ResponsibilityLists {

	static final int MIN_YEAR = 2000;
	static final int MAX_YEAR = 2100;

	private final JdbcClient jdbc;
	private final OrgTree tree;
	private final Leadership leadership;
	private final BusinessClock clock;
	private final CurrentScope scope;
	private final AuditTrail audit;
	private final JsonMapper json;
	private final People people;
	private final org.springframework.context.ApplicationEventPublisher events;
	private final zeren.access.Users users;

	ResponsibilityLists(JdbcClient jdbc, OrgTree tree, Leadership leadership, BusinessClock clock, CurrentScope scope,
			AuditTrail audit, JsonMapper json, People people, zeren.access.Users users,
			org.springframework.context.ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.users = users;
		this.events = events;
		this.people = people;
		this.tree = tree;
		this.leadership = leadership;
		this.clock = clock;
		this.scope = scope;
		this.audit = audit;
		this.json = json;
	}

	/** The head of a list, without its items. */
	record Head(long id, long orgId, int year, Status status, int version, java.time.OffsetDateTime publishedAt) {
	}

	private static final RowMapper<Head> HEAD = (rs, n) -> new Head(rs.getLong("id"), rs.getLong("org_id"),
			rs.getInt("duty_year"), Status.valueOf(rs.getString("status")), rs.getInt("version"),
			rs.getObject("published_at", java.time.OffsetDateTime.class));

	private static final String HEAD_COLUMNS = "l.id, l.org_id, l.duty_year, l.status, l.version, l.published_at";

	static void checkYear(Integer year, String field) {
		if (year == null) {
			throw InvalidInputException.of(field, "error.field.required");
		}
		if (year < MIN_YEAR || year > MAX_YEAR) {
			throw InvalidInputException.of(field, "error.duty.year-range", MIN_YEAR, MAX_YEAR);
		}
	}

	// ---- reading ------------------------------------------------------------------------------

	/** The list of an organisation for a year, if the caller may see the organisation and it has one. */
	public Optional<DutyList> find(long orgId, int year) {
		Org org = tree.get(orgId);
		return jdbc.sql("SELECT " + HEAD_COLUMNS + " FROM duty_list l WHERE l.org_id = :org AND l.duty_year = :year")
				.param("org", orgId).param("year", year).query(HEAD).optional().map(h -> assemble(h, org));
	}

	/** A list the caller may see, or 404. */
	public DutyList get(long listId) {
		Head head = visibleHead(listId);
		return assemble(head, tree.get(head.orgId()));
	}

	private Head visibleHead(long listId) {
		Scope reading = scope.reading();
		return reading.bind(jdbc.sql("SELECT " + HEAD_COLUMNS + " FROM duty_list l JOIN org o ON o.id = l.org_id "
				+ "WHERE l.id = :id AND " + reading.condition("o"))).param("id", listId).query(HEAD).optional()
				.orElseThrow(() -> new NotFoundException("duty-list", listId));
	}

	/** A list to change: 404 when it does not exist or is out of view, 403 when its organisation is not managed by the caller. */
	private Head managedHead(long listId) {
		Head head = jdbc.sql("SELECT " + HEAD_COLUMNS + " FROM duty_list l WHERE l.id = :id FOR UPDATE")
				.param("id", listId).query(HEAD).optional()
				.orElseThrow(() -> new NotFoundException("duty-list", listId));
		if (!tree.canManage(head.orgId())) {
			visibleHead(listId); // out of view: 404, as for a list that does not exist
			throw new ForbiddenException();
		}
		return head;
	}

	/** 404 when the list does not exist or is out of view, 403 when the caller does not manage its organisation. */
	public void requireManaged(long listId) {
		Head head = jdbc.sql("SELECT " + HEAD_COLUMNS + " FROM duty_list l WHERE l.id = :id").param("id", listId)
				.query(HEAD).optional().orElseThrow(() -> new NotFoundException("duty-list", listId));
		if (!tree.canManage(head.orgId())) {
			visibleHead(listId); // out of view: 404, as for a list that does not exist
			throw new ForbiddenException();
		}
	}

	private DutyList assemble(Head head, Org org) {
		return new DutyList(head.id(), head.orgId(), org.name(), head.year(), head.status(), head.version(),
				head.publishedAt(), items(head));
	}

	private static final String ITEM_COLUMNS = """
			i.id, i.item_no, i.sort_order, i.category, i.task, i.goal, i.leader_post_id, p.title AS leader_title,
			i.lead_unit, i.participating_units, i.supervising_unit, i.deadline, i.requirement_id,
			r.org_id AS requirement_org_id, i.list_id""";

	private static final String ITEM_FROM = """
			FROM duty_item i LEFT JOIN post p ON p.id = i.leader_post_id
			LEFT JOIN duty_requirement r ON r.id = i.requirement_id""";

	/** Inherited items ("1") first, in the upper level's order, then the organisation's own ("X"). */
	private static final String ITEM_ORDER = " ORDER BY CASE WHEN i.requirement_id IS NULL THEN 1 ELSE 0 END, i.sort_order, i.id";

	private record Row(long id, long listId, String itemNo, int sortOrder, String category, String task, String goal,
			Long leaderPostId, String leaderTitle, String leadUnit, String participatingUnits, String supervisingUnit,
			LocalDate deadline, Long requirementId, Long requirementOrgId) {
	}

	private static final RowMapper<Row> ROW = (rs, n) -> new Row(rs.getLong("id"), rs.getLong("list_id"),
			rs.getString("item_no"), rs.getInt("sort_order"), rs.getString("category"), rs.getString("task"),
			rs.getString("goal"), (Long) rs.getObject("leader_post_id", Long.class), rs.getString("leader_title"),
			rs.getString("lead_unit"), rs.getString("participating_units"), rs.getString("supervising_unit"),
			rs.getObject("deadline", LocalDate.class), (Long) rs.getObject("requirement_id", Long.class),
			(Long) rs.getObject("requirement_org_id", Long.class));

	private List<Item> items(Head head) {
		List<Row> rows = jdbc.sql("SELECT " + ITEM_COLUMNS + " " + ITEM_FROM + " WHERE i.list_id = :list" + ITEM_ORDER)
				.param("list", head.id()).query(ROW).list();
		Map<Long, List<String>> holders = holdersToday(head.orgId());
		return toItems(rows, id -> holders.getOrDefault(id, List.of()));
	}

	/** Who holds each post of the organisation today, through the tenures. */
	private Map<Long, List<String>> holdersToday(long orgId) {
		Map<Long, List<String>> holders = new HashMap<>();
		for (Leadership.Holding h : leadership.leadersAt(orgId, clock.today())) {
			if (h.person() != null) {
				holders.computeIfAbsent(h.post().id(), k -> new ArrayList<>()).add(h.person().name());
			}
		}
		return holders;
	}

	private List<Item> toItems(List<Row> rows, java.util.function.Function<Long, List<String>> holders) {
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<Long, List<Milestone>> milestones = new HashMap<>();
		jdbc.sql("SELECT m.item_id, m.due_date, m.description FROM duty_milestone m WHERE m.item_id IN (:ids) "
				+ "ORDER BY m.item_id, m.sort_order").param("ids", rows.stream().map(Row::id).toList())
				.query((rs, n) -> {
					milestones.computeIfAbsent(rs.getLong("item_id"), k -> new ArrayList<>())
							.add(new Milestone(rs.getObject("due_date", LocalDate.class), rs.getString("description")));
					return null;
				}).list();
		return rows.stream().map(r -> new Item(r.id(), r.itemNo(), r.sortOrder(), r.category(), r.task(), r.goal(),
				r.leaderPostId(), r.leaderTitle(), r.leaderPostId() == null ? List.of() : holders.apply(r.leaderPostId()),
				r.leadUnit(), r.participatingUnits(), r.supervisingUnit(), r.deadline(),
				milestones.getOrDefault(r.id(), List.of()), r.requirementId() != null, r.requirementId(),
				r.requirementOrgId())).toList();
	}

	/** A task of a leader: an item whose responsible post they hold, with its list. */
	public record Task(long listId, long orgId, String orgName, int year, Status listStatus, Item item) {
	}

	/**
	 * "My tasks" (一岗双责): the items of {@code year} whose responsible post the person holds on
	 * {@code at}, across all their posts, in the organisations the caller may see.
	 */
	public List<Task> tasksOf(long personId, int year, LocalDate at) {
		people.get(personId);
		List<Leadership.TenureEntry> held = leadership.career(personId).stream()
				.filter(e -> !e.tenure().startDate().isAfter(at)
						&& (e.tenure().endDate() == null || !e.tenure().endDate().isBefore(at)))
				.toList();
		if (held.isEmpty()) {
			return List.of();
		}
		Map<Long, String> orgNames = new HashMap<>();
		held.forEach(e -> orgNames.put(e.org().id(), e.org().name()));
		return tasks(held.stream().map(e -> e.post().id()).distinct().toList(), orgNames, people.get(personId).name(),
				year, scope.reading());
	}

	/**
	 * The signed-in user's own tasks (一岗双责): those of every post the person linked to their
	 * account holds on {@code at}, whatever their grants — a leader always sees what they answer for.
	 */
	public List<Task> myTasks(int year, LocalDate at) {
		Long personId = users.current().map(zeren.access.UserAccount::personId).orElse(null);
		if (personId == null) {
			return List.of();
		}
		Map<Long, String> orgNames = new HashMap<>();
		List<Long> posts = jdbc.sql("""
				SELECT t.post_id, o.id AS org_id, o.name AS org_name FROM tenure t JOIN post p ON p.id = t.post_id
				JOIN org o ON o.id = p.org_id
				WHERE t.person_id = :person AND t.start_date <= :day AND (t.end_date IS NULL OR t.end_date >= :day)
				""").param("person", personId).param("day", at).query((rs, n) -> {
					orgNames.put(rs.getLong("org_id"), rs.getString("org_name"));
					return rs.getLong("post_id");
				}).list().stream().distinct().toList();
		if (posts.isEmpty()) {
			return List.of();
		}
		String me = jdbc.sql("SELECT name FROM person WHERE id = :id").param("id", personId).query(String.class).single();
		return tasks(posts, orgNames, me, year, Scope.all());
	}

	private List<Task> tasks(List<Long> postIds, Map<Long, String> orgNames, String me, int year, Scope reading) {
		record Found(Row row, Head head) {
		}
		List<Found> found = reading.bind(jdbc.sql("SELECT " + ITEM_COLUMNS + ", " + HEAD_COLUMNS.replace("l.id, ", "")
				+ " " + ITEM_FROM + " JOIN duty_list l ON l.id = i.list_id JOIN org o ON o.id = l.org_id"
				+ " WHERE i.leader_post_id IN (:posts) AND l.duty_year = :year AND " + reading.condition("o")
				+ " ORDER BY l.org_id, CASE WHEN i.requirement_id IS NULL THEN 1 ELSE 0 END, i.sort_order, i.id"))
				.param("posts", postIds).param("year", year)
				.query((rs, n) -> new Found(ROW.mapRow(rs, n), new Head(rs.getLong("list_id"), rs.getLong("org_id"),
						rs.getInt("duty_year"), Status.valueOf(rs.getString("status")), rs.getInt("version"),
						rs.getObject("published_at", java.time.OffsetDateTime.class))))
				.list();
		List<Item> items = toItems(found.stream().map(Found::row).toList(), id -> List.of(me));
		List<Task> tasks = new ArrayList<>();
		for (int k = 0; k < found.size(); k++) {
			Head h = found.get(k).head();
			tasks.add(new Task(h.id(), h.orgId(), orgNames.get(h.orgId()), h.year(), h.status(), items.get(k)));
		}
		return tasks;
	}

	// ---- creating and publishing ----------------------------------------------------------

	/** Creates the (draft) list of an organisation for a year, or returns the one it has. */
	@Transactional
	public DutyList create(Long orgId, Integer year) {
		if (orgId == null) {
			throw InvalidInputException.of("orgId", "error.field.required");
		}
		checkYear(year, "year");
		Org org = tree.find(orgId).orElse(null);
		if (org == null || !tree.canManage(orgId)) {
			throw new ForbiddenException();
		}
		Optional<DutyList> existing = find(orgId, year);
		if (existing.isPresent()) {
			return existing.get();
		}
		var now = clock.now();
		var keys = new GeneratedKeyHolder();
		try {
			jdbc.sql("""
					INSERT INTO duty_list (org_id, duty_year, status, version, created_at, updated_at)
					VALUES (:org, :year, 'DRAFT', 0, :now, :now)
					""").param("org", orgId).param("year", year).param("now", now).update(keys, "id");
		}
		catch (DuplicateKeyException e) {
			throw new ConflictException("year", "error.duty.list-exists", year);
		}
		long id = keys.getKey().longValue();
		audit.record(new AuditTrail.Change(orgId, "duty-list", id, "CREATE", "year=" + year));
		return get(id);
	}

	/** Publishes a draft: the list is locked, and version 1 enters its history. */
	@Transactional
	public DutyList publish(long listId) {
		Head head = managedHead(listId);
		if (head.status() == Status.PUBLISHED) {
			throw new ConflictException("status", "error.duty.already-published", head.version());
		}
		jdbc.sql("UPDATE duty_list SET status = 'PUBLISHED', version = 1, published_at = :now, updated_at = :now WHERE id = :id")
				.param("now", clock.now()).param("id", listId).update();
		snapshot(listId, 1, "PUBLISH", null);
		audit.record(new AuditTrail.Change(head.orgId(), "duty-list", listId, "PUBLISH", "year=" + head.year()));
		events.publishEvent(new DutyListsChanged(head.orgId(), head.year(), false));
		return get(listId);
	}

	private void snapshot(long listId, int version, String action, String reason) {
		List<Row> rows = jdbc.sql("SELECT " + ITEM_COLUMNS + " " + ITEM_FROM + " WHERE i.list_id = :list" + ITEM_ORDER)
				.param("list", listId).query(ROW).list();
		// the persons are resolved through tenures at any date; the history keeps the posts
		List<Item> items = toItems(rows, id -> List.of());
		jdbc.sql("""
				INSERT INTO duty_list_version (list_id, version, action, reason, username, created_at, snapshot)
				VALUES (:list, :version, :action, :reason, :user, :now, :snapshot)
				""").param("list", listId).param("version", version).param("action", action).param("reason", reason)
				.param("user", CurrentUser.actor()).param("now", clock.now())
				.param("snapshot", json.writeValueAsString(items)).update();
	}


	/** The history of a list: its publication and every amendment, oldest first. */
	public List<DutyList.Version> versions(long listId) {
		visibleHead(listId);
		return jdbc.sql("SELECT version, action, reason, username, created_at FROM duty_list_version "
				+ "WHERE list_id = :list ORDER BY version").param("list", listId)
				.query((rs, n) -> new DutyList.Version(rs.getInt("version"), rs.getString("action"),
						rs.getString("reason"), rs.getString("username"),
						rs.getObject("created_at", java.time.OffsetDateTime.class)))
				.list();
	}

	/** The items of a list as they stood at a version. */
	public List<Item> itemsAt(long listId, int version) {
		visibleHead(listId);
		String snapshot = jdbc.sql("SELECT snapshot FROM duty_list_version WHERE list_id = :list AND version = :version")
				.param("list", listId).param("version", version).query(String.class).optional()
				.orElseThrow(() -> new NotFoundException("duty-list-version", version));
		return List.of(json.readValue(snapshot, Item[].class));
	}

	/** A task of a published list, as the ledger tracks it; {@code requirementOrgId}: the upper organisation that required it ("1"). */
	public record PublishedTask(long itemId, long listId, long orgId, int year, String itemNo, String category,
			String task, Long leaderPostId, String leadUnit, String supervisingUnit, LocalDate deadline,
			Long requirementOrgId) {
	}

	/**
	 * The items of the published lists of {@code year}: of {@code orgId}'s list, or with
	 * {@code subtree} of every list at and below it, in the caller's view. One query.
	 */
	public List<PublishedTask> publishedTasks(long orgId, int year, boolean subtree) {
		Org org = tree.get(orgId);
		Scope reading = scope.reading();
		String where = subtree ? "o.id IN (" + zeren.org.Subtree.ORG_IDS + ")" : "o.id = :org";
		var spec = reading.bind(jdbc.sql("""
				SELECT i.id, i.list_id, l.org_id, l.duty_year, i.item_no, i.category, i.task, i.leader_post_id,
				       i.lead_unit, i.supervising_unit, i.deadline, r.org_id AS requirement_org_id
				FROM duty_item i JOIN duty_list l ON l.id = i.list_id JOIN org o ON o.id = l.org_id
				LEFT JOIN duty_requirement r ON r.id = i.requirement_id
				WHERE l.status = 'PUBLISHED' AND l.duty_year = :year AND %s AND %s
				ORDER BY l.org_id, i.id
				""".formatted(where, reading.condition("o")))).param("year", year);
		spec = subtree ? tree.subtree(org.id()).bind(spec) : spec.param("org", orgId);
		return spec.query((rs, n) -> new PublishedTask(rs.getLong("id"), rs.getLong("list_id"), rs.getLong("org_id"),
				rs.getInt("duty_year"), rs.getString("item_no"), rs.getString("category"), rs.getString("task"),
				(Long) rs.getObject("leader_post_id", Long.class), rs.getString("lead_unit"),
				rs.getString("supervising_unit"), rs.getObject("deadline", LocalDate.class),
				(Long) rs.getObject("requirement_org_id", Long.class))).list();
	}

	// ---- items ----------------------------------------------------------------------------

	/**
	 * What an item says. {@code reason} is required once the list is published: the change is
	 * then an amendment.
	 */
	public record ItemInput(String itemNo, String category, String task, String goal, Long leaderPostId,
			String leadUnit, String participatingUnits, String supervisingUnit, LocalDate deadline,
			List<Milestone> milestones, String reason) {
	}

	@Transactional
	public Item addItem(long listId, ItemInput input) {
		Head head = managedHead(listId);
		String reason = requireReasonIfPublished(head, input.reason());
		Clean c = clean(head, input, null);
		long id = insertItem(head, c, nextSortOrder(listId));
		audit.record(new AuditTrail.Change(head.orgId(), "duty-item", id, "ADD",
				"list=%d no=%s task=%s".formatted(listId, c.itemNo(), c.task())));
		amended(head, reason, "add item " + c.itemNo());
		return item(listId, id);
	}

	private int nextSortOrder(long listId) {
		return jdbc.sql("SELECT COALESCE(MAX(sort_order), 0) + 1 FROM duty_item WHERE list_id = :list AND requirement_id IS NULL")
				.param("list", listId).query(Integer.class).single();
	}

	long insertItem(Head head, Clean c, int sortOrder) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO duty_item (list_id, item_no, sort_order, category, task, goal, leader_post_id, lead_unit,
				                       participating_units, supervising_unit, deadline, created_at)
				VALUES (:list, :no, :sort, :category, :task, :goal, :leader, :lead, :participating, :supervising,
				        :deadline, :now)
				""").param("list", head.id()).param("no", c.itemNo() == null ? String.valueOf(sortOrder) : c.itemNo())
				.param("sort", sortOrder).param("category", c.category()).param("task", c.task())
				.param("goal", c.goal()).param("leader", c.leaderPostId()).param("lead", c.leadUnit())
				.param("participating", c.participatingUnits()).param("supervising", c.supervisingUnit())
				.param("deadline", c.deadline()).param("now", clock.now()).update(keys, "id");
		long id = keys.getKey().longValue();
		writeMilestones(id, c.milestones());
		return id;
	}

	private void writeMilestones(long itemId, List<Milestone> milestones) {
		jdbc.sql("DELETE FROM duty_milestone WHERE item_id = :item").param("item", itemId).update();
		int order = 0;
		for (Milestone m : milestones) {
			jdbc.sql("INSERT INTO duty_milestone (item_id, due_date, description, sort_order) VALUES (:item, :due, :text, :sort)")
					.param("item", itemId).param("due", m.dueDate()).param("text", m.description()).param("sort", ++order)
					.update();
		}
	}

	private Item item(long listId, long itemId) {
		return get(listId).items().stream().filter(i -> i.id() == itemId).findFirst().orElseThrow();
	}

	/**
	 * Changes an item. An inherited item keeps the upper level's substance (category, task, goal,
	 * deadline); only its leader, units and milestones are the organisation's to set.
	 */
	@Transactional
	public Item editItem(long listId, long itemId, ItemInput input) {
		Head head = managedHead(listId);
		Row row = row(listId, itemId);
		String reason = requireReasonIfPublished(head, input.reason());
		Clean c = clean(head, input, row);
		jdbc.sql("""
				UPDATE duty_item SET item_no = :no, category = :category, task = :task, goal = :goal,
				       leader_post_id = :leader, lead_unit = :lead, participating_units = :participating,
				       supervising_unit = :supervising, deadline = :deadline
				WHERE id = :id
				""").param("no", c.itemNo() == null ? row.itemNo() : c.itemNo()).param("category", c.category())
				.param("task", c.task()).param("goal", c.goal()).param("leader", c.leaderPostId())
				.param("lead", c.leadUnit()).param("participating", c.participatingUnits())
				.param("supervising", c.supervisingUnit()).param("deadline", c.deadline()).param("id", itemId).update();
		writeMilestones(itemId, c.milestones());
		audit.record(new AuditTrail.Change(head.orgId(), "duty-item", itemId, "EDIT",
				"list=%d no=%s task=%s".formatted(listId, c.itemNo(), c.task())));
		amended(head, reason, "edit item " + row.itemNo());
		return item(listId, itemId);
	}

	/** Removes an own item; inherited items cannot be removed below the level that set them. */
	@Transactional
	public void removeItem(long listId, long itemId, String reasonText) {
		Head head = managedHead(listId);
		Row row = row(listId, itemId);
		String reason = requireReasonIfPublished(head, reasonText);
		if (row.requirementId() != null) {
			throw new ConflictException("requirementId", "error.duty.inherited-remove");
		}
		jdbc.sql("DELETE FROM duty_milestone WHERE item_id = :id").param("id", itemId).update();
		jdbc.sql("DELETE FROM duty_item WHERE id = :id").param("id", itemId).update();
		audit.record(new AuditTrail.Change(head.orgId(), "duty-item", itemId, "REMOVE",
				"list=%d no=%s task=%s".formatted(listId, row.itemNo(), row.task())));
		amended(head, reason, "remove item " + row.itemNo());
	}

	private Row row(long listId, long itemId) {
		return jdbc.sql("SELECT " + ITEM_COLUMNS + " " + ITEM_FROM + " WHERE i.id = :id AND i.list_id = :list")
				.param("id", itemId).param("list", listId).query(ROW).optional()
				.orElseThrow(() -> new NotFoundException("duty-item", itemId));
	}

	private static String requireReasonIfPublished(Head head, String reason) {
		String text = reason == null ? "" : reason.strip();
		if (head.status() == Status.PUBLISHED && text.isEmpty()) {
			throw new ConflictException("reason", "error.duty.locked");
		}
		if (text.length() > 2000) {
			throw InvalidInputException.of("reason", "error.field.too-long", 2000);
		}
		return text.isEmpty() ? null : text;
	}

	/** After a change to a published list: a new version with its reason, in the history and the audit trail. */
	private void amended(Head head, String reason, String what) {
		if (head.status() != Status.PUBLISHED) {
			return;
		}
		int version = head.version() + 1;
		jdbc.sql("UPDATE duty_list SET version = :version, updated_at = :now WHERE id = :id").param("version", version)
				.param("now", clock.now()).param("id", head.id()).update();
		snapshot(head.id(), version, "AMEND", reason);
		audit.record(new AuditTrail.Change(head.orgId(), "duty-list", head.id(), "AMEND",
				"version=%d %s reason=%s".formatted(version, what, reason)));
		events.publishEvent(new DutyListsChanged(head.orgId(), head.year(), false));
	}

	/** An item's input, checked and trimmed. */
	record Clean(String itemNo, String category, String task, String goal, Long leaderPostId, String leadUnit,
			String participatingUnits, String supervisingUnit, LocalDate deadline, List<Milestone> milestones) {
	}

	private Clean clean(Head head, ItemInput input, Row existing) {
		List<InputError> errors = new ArrayList<>();
		if (existing != null && existing.requirementId() != null) {
			if (changesSubstance(existing, input)) {
				throw new ConflictException("task", "error.duty.inherited-substance");
			}
			input = new ItemInput(existing.itemNo(), existing.category(), existing.task(), existing.goal(),
					input.leaderPostId(), input.leadUnit(), input.participatingUnits(), input.supervisingUnit(),
					existing.deadline(), input.milestones(), input.reason());
		}
		Clean c = check(head.orgId(), head.year(), input, errors, null);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return c;
	}

	/** Whether the input says something else than the upper level about the substance (blank says nothing). */
	private static boolean changesSubstance(Row row, ItemInput in) {
		return differs(in.category(), row.category()) || differs(in.task(), row.task())
				|| differs(in.goal(), row.goal()) || (in.deadline() != null && !in.deadline().equals(row.deadline()));
	}

	private static boolean differs(String given, String current) {
		return given != null && !given.isBlank() && !given.strip().equals(current);
	}

	/** Checks an item's input; errors are added with {@code line} when it comes from a file. */
	Clean check(long orgId, int year, ItemInput in, List<InputError> errors, Long line) {
		String itemNo = text(in.itemNo(), "itemNo", 32, false, errors, line);
		String category = text(in.category(), "category", 200, false, errors, line);
		String task = text(in.task(), "task", 2000, true, errors, line);
		String goal = text(in.goal(), "goal", 4000, false, errors, line);
		String lead = text(in.leadUnit(), "leadUnit", 200, false, errors, line);
		String participating = text(in.participatingUnits(), "participatingUnits", 1000, false, errors, line);
		String supervising = text(in.supervisingUnit(), "supervisingUnit", 200, false, errors, line);
		if (in.leaderPostId() != null && leadership.posts(orgId).stream().noneMatch(p -> p.id() == in.leaderPostId())) {
			errors.add(error(line, "leaderPostId", "error.duty.leader-post-unknown", in.leaderPostId()));
		}
		if (in.deadline() != null && in.deadline().getYear() != year) {
			errors.add(error(line, "deadline", "error.duty.deadline-year", year));
		}
		List<Milestone> milestones = new ArrayList<>();
		for (Milestone m : in.milestones() == null ? List.<Milestone>of() : in.milestones()) {
			if (m == null || m.dueDate() == null) {
				errors.add(error(line, "milestones", "error.duty.milestone-date"));
				continue;
			}
			String d = m.description() == null ? "" : m.description().strip();
			if (d.isEmpty() || d.length() > 500 || d.contains("\n")) {
				errors.add(error(line, "milestones", "error.duty.milestone-text", 500));
				continue;
			}
			milestones.add(new Milestone(m.dueDate(), d));
		}
		return new Clean(itemNo, category, task, goal, in.leaderPostId(), lead, participating, supervising,
				in.deadline(), milestones);
	}

	private static InputError error(Long line, String field, String code, Object... args) {
		return line == null ? InputError.field(field, code, args) : InputError.line(line, field, code, args);
	}

	private static String text(String value, String field, int max, boolean required, List<InputError> errors,
			Long line) {
		String t = value == null ? "" : value.strip();
		if (t.isEmpty()) {
			if (required) {
				errors.add(error(line, field, "error.field.required"));
			}
			return null;
		}
		if (t.length() > max) {
			errors.add(error(line, field, "error.field.too-long", max));
		}
		return t;
	}

	/**
	 * Replaces the organisation's own items of a list by {@code rows} (an import), all or
	 * nothing. Rows that repeat an inherited item (same task) are the inherited item and are
	 * left as they are. Errors carry the line of each row.
	 */
	@Transactional
	public DutyList replaceOwnItems(long listId, List<ImportRow> rows, String reasonText) {
		Head head = managedHead(listId);
		String reason = requireReasonIfPublished(head, reasonText);
		Map<String, Row> inherited = new LinkedHashMap<>();
		for (Row r : jdbc.sql("SELECT " + ITEM_COLUMNS + " " + ITEM_FROM + " WHERE i.list_id = :list AND i.requirement_id IS NOT NULL")
				.param("list", listId).query(ROW).list()) {
			inherited.put(r.task(), r);
		}
		Map<String, Long> postsByTitle = new HashMap<>();
		for (Post p : leadership.posts(head.orgId())) {
			postsByTitle.putIfAbsent(p.title(), p.id());
		}
		List<InputError> errors = new ArrayList<>();
		List<Clean> own = new ArrayList<>();
		for (ImportRow row : rows) {
			Long postId = null;
			if (row.leaderPostTitle() != null && !row.leaderPostTitle().isBlank()) {
				postId = postsByTitle.get(row.leaderPostTitle().strip());
				if (postId == null) {
					errors.add(InputError.line(row.line(), "leaderPostId", "error.duty.leader-title-unknown",
							row.leaderPostTitle().strip()));
				}
			}
			errors.addAll(row.errors());
			ItemInput in = new ItemInput(row.itemNo(), row.category(), row.task(), row.goal(), postId, row.leadUnit(),
					row.participatingUnits(), row.supervisingUnit(), row.deadline(), row.milestones(), null);
			Clean c = check(head.orgId(), head.year(), in, errors, row.line());
			if (c.task() != null && inherited.containsKey(c.task())) {
				continue;
			}
			own.add(c);
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors.subList(0, Math.min(errors.size(), 1000)), errors.size());
		}
		jdbc.sql("DELETE FROM duty_milestone WHERE item_id IN (SELECT id FROM duty_item WHERE list_id = :list AND requirement_id IS NULL)")
				.param("list", listId).update();
		jdbc.sql("DELETE FROM duty_item WHERE list_id = :list AND requirement_id IS NULL").param("list", listId).update();
		int order = 0;
		for (Clean c : own) {
			insertItem(head, c, ++order);
		}
		audit.record(new AuditTrail.Change(head.orgId(), "duty-list", listId, "IMPORT", "items=" + own.size()));
		amended(head, reason, "import " + own.size() + " items");
		return get(listId);
	}

	/** One row of an imported task detail table, with what was wrong with its cells. */
	public record ImportRow(long line, String itemNo, String category, String task, String goal,
			String leaderPostTitle, String leadUnit, String participatingUnits, String supervisingUnit,
			LocalDate deadline, List<Milestone> milestones, List<InputError> errors) {
	}
}
