package zeren.duty;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;
import zeren.duty.DutyList.Item;
import zeren.duty.DutyList.Milestone;
import zeren.duty.DutyList.Status;
import zeren.org.Leadership;
import zeren.org.Org;
import zeren.org.OrgTree;
import zeren.org.People;
import zeren.org.Subtree;
import zeren.platform.BusinessClock;
import zeren.platform.CurrentScope;
import zeren.platform.ForbiddenException;
import zeren.platform.NotFoundException;
import zeren.platform.Rows;
import zeren.platform.Scope;

/**
 * Reading responsibility lists: a list with its items, its history, the published tasks the
 * ledger tracks and each leader's tasks. Reads are limited to the caller's scope (404 outside
 * it). Changes are {@link DutyListManagement}'s.
 */
@Service
@Transactional(readOnly = true)
public class ResponsibilityLists {

	private final JdbcClient jdbc;
	private final OrgTree tree;
	private final Leadership leadership;
	private final BusinessClock clock;
	private final CurrentScope scope;
	private final JsonMapper json;
	private final People people;

	ResponsibilityLists(JdbcClient jdbc, OrgTree tree, Leadership leadership, BusinessClock clock, CurrentScope scope,
			JsonMapper json, People people) {
		this.jdbc = jdbc;
		this.tree = tree;
		this.leadership = leadership;
		this.clock = clock;
		this.scope = scope;
		this.json = json;
		this.people = people;
	}

	/** The head of a list, without its items. */
	record Head(long id, long orgId, int year, Status status, int version, OffsetDateTime publishedAt) {
	}

	// "year" is a reserved word in H2: the alias is quoted
	private static final String HEAD_COLUMNS = "l.id, l.org_id, l.duty_year AS \"year\", l.status, l.version, l.published_at";

	/** A stored item, with its leader's post title and, when inherited, the organisation that required it. */
	record ItemRow(long id, long listId, String itemNo, int sortOrder, String category, String task, String goal,
			Long leaderPostId, String leaderTitle, String leadUnit, String participatingUnits, String supervisingUnit,
			LocalDate deadline, Long requirementId, Long requirementOrgId, Long leadOrgId, String leadOrgName,
			Long supervisingOrgId, String supervisingOrgName) {
	}

	private static final String ITEM_COLUMNS = """
			i.id, i.item_no, i.sort_order, i.category, i.task, i.goal, i.leader_post_id, p.title AS leader_title,
			i.lead_unit, i.participating_units, i.supervising_unit, i.deadline, i.requirement_id,
			r.org_id AS requirement_org_id, i.list_id, i.lead_org_id, lo.name AS lead_org_name,
			i.supervising_org_id, so.name AS supervising_org_name""";

	private static final String ITEM_FROM = """
			FROM duty_item i LEFT JOIN post p ON p.id = i.leader_post_id
			LEFT JOIN duty_requirement r ON r.id = i.requirement_id
			LEFT JOIN org lo ON lo.id = i.lead_org_id LEFT JOIN org so ON so.id = i.supervising_org_id""";

	/** Inherited items ("1") first, in the upper level's order, then the organisation's own ("X"). */
	private static final String ITEM_ORDER = " ORDER BY CASE WHEN i.requirement_id IS NULL THEN 1 ELSE 0 END, i.sort_order, i.id";

	// ---- lists ---------------------------------------------------------------------------------

	/** The list of an organisation for a year, if the caller may see the organisation and it has one. */
	public Optional<DutyList> find(long orgId, int year) {
		Org org = tree.get(orgId);
		return jdbc.sql("SELECT " + HEAD_COLUMNS + " FROM duty_list l WHERE l.org_id = :org AND l.duty_year = :year")
				.param("org", orgId).param("year", year).query(Rows.of(Head.class)).optional().map(h -> assemble(h, org));
	}

	/** A list the caller may see, or 404. */
	public DutyList get(long listId) {
		Head head = visibleHead(listId);
		return assemble(head, tree.get(head.orgId()));
	}

	private Head visibleHead(long listId) {
		Scope reading = scope.reading();
		return reading.bind(jdbc.sql("SELECT " + HEAD_COLUMNS + " FROM duty_list l JOIN org o ON o.id = l.org_id "
				+ "WHERE l.id = :id AND " + reading.condition("o"))).param("id", listId).query(Rows.of(Head.class)).optional()
				.orElseThrow(() -> new NotFoundException("duty-list", listId));
	}

	/** 404 when the list does not exist or is out of view, 403 when the caller does not manage its organisation. */
	public void requireManaged(long listId) {
		managedHead(listId, false);
	}

	/** A list to change, locked ({@code lock}) against concurrent changes: 404 when unknown or out of view, 403 when not managed. */
	Head managedHead(long listId, boolean lock) {
		Head head = jdbc.sql("SELECT " + HEAD_COLUMNS + " FROM duty_list l WHERE l.id = :id" + (lock ? " FOR UPDATE" : ""))
				.param("id", listId).query(Rows.of(Head.class)).optional()
				.orElseThrow(() -> new NotFoundException("duty-list", listId));
		if (!tree.canManage(head.orgId())) {
			visibleHead(listId); // out of view: 404, as for a list that does not exist
			throw new ForbiddenException();
		}
		return head;
	}

	private DutyList assemble(Head head, Org org) {
		Map<Long, List<String>> holders = holdersToday(head.orgId());
		List<Item> items = toItems(rows(head.id()), id -> holders.getOrDefault(id, List.of()));
		return new DutyList(head.id(), head.orgId(), org.name(), head.year(), head.status(), head.version(),
				head.publishedAt(), items);
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

	// ---- items ---------------------------------------------------------------------------------

	/** The stored items of a list, in table order. */
	List<ItemRow> rows(long listId) {
		return jdbc.sql("SELECT " + ITEM_COLUMNS + " " + ITEM_FROM + " WHERE i.list_id = :list" + ITEM_ORDER)
				.param("list", listId).query(Rows.of(ItemRow.class)).list();
	}

	/** The inherited items of a list. */
	List<ItemRow> inheritedRows(long listId) {
		return jdbc.sql("SELECT " + ITEM_COLUMNS + " " + ITEM_FROM + " WHERE i.list_id = :list AND i.requirement_id IS NOT NULL")
				.param("list", listId).query(Rows.of(ItemRow.class)).list();
	}

	/** One stored item of a list, or 404. */
	ItemRow row(long listId, long itemId) {
		return jdbc.sql("SELECT " + ITEM_COLUMNS + " " + ITEM_FROM + " WHERE i.id = :id AND i.list_id = :list")
				.param("id", itemId).param("list", listId).query(Rows.of(ItemRow.class)).optional()
				.orElseThrow(() -> new NotFoundException("duty-item", itemId));
	}

	private record MilestoneRow(long itemId, LocalDate dueDate, String description) {
	}

	private record ParticipantRow(long itemId, long orgId, String name) {
	}

	/** The items of {@code rows} with their milestones (one query), {@code holders} naming who holds each leader's post. */
	List<Item> toItems(List<ItemRow> rows, Function<Long, List<String>> holders) {
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<Long, List<Milestone>> milestones = new HashMap<>();
		jdbc.sql("SELECT m.item_id, m.due_date, m.description FROM duty_milestone m WHERE m.item_id IN (:ids) "
				+ "ORDER BY m.item_id, m.sort_order").param("ids", rows.stream().map(ItemRow::id).toList())
				.query(Rows.of(MilestoneRow.class)).list().forEach(m -> milestones
						.computeIfAbsent(m.itemId(), k -> new ArrayList<>()).add(new Milestone(m.dueDate(), m.description())));
		Map<Long, List<DutyList.Unit>> participants = new HashMap<>();
		jdbc.sql("SELECT pp.item_id, pp.org_id, o.name FROM duty_item_participant pp JOIN org o ON o.id = pp.org_id "
				+ "WHERE pp.item_id IN (:ids) ORDER BY pp.item_id, pp.sort_order").param("ids", rows.stream().map(ItemRow::id).toList())
				.query(Rows.of(ParticipantRow.class)).list().forEach(u -> participants
						.computeIfAbsent(u.itemId(), k -> new ArrayList<>()).add(new DutyList.Unit(u.orgId(), u.name())));
		return rows.stream().map(r -> new Item(r.id(), r.itemNo(), r.sortOrder(), r.category(), r.task(), r.goal(),
				r.leaderPostId(), r.leaderTitle(), r.leaderPostId() == null ? List.of() : holders.apply(r.leaderPostId()),
				r.leadUnit(), r.participatingUnits(), r.supervisingUnit(), r.deadline(),
				milestones.getOrDefault(r.id(), List.of()), r.requirementId() != null, r.requirementId(),
				r.requirementOrgId(), unit(r.leadOrgId(), r.leadOrgName()), participants.getOrDefault(r.id(), List.of()),
				unit(r.supervisingOrgId(), r.supervisingOrgName()))).toList();
	}

	private static DutyList.Unit unit(Long id, String name) {
		return id == null ? null : new DutyList.Unit(id, name);
	}

	// ---- history -------------------------------------------------------------------------------

	/** The history of a list: its publication and every amendment, oldest first. */
	public List<DutyList.Version> versions(long listId) {
		visibleHead(listId);
		return jdbc.sql("SELECT version, action, reason, username, created_at FROM duty_list_version "
				+ "WHERE list_id = :list ORDER BY version").param("list", listId).query(Rows.of(DutyList.Version.class)).list();
	}

	/** The items of a list as they stood at a version. */
	public List<Item> itemsAt(long listId, int version) {
		visibleHead(listId);
		String snapshot = jdbc.sql("SELECT snapshot FROM duty_list_version WHERE list_id = :list AND version = :version")
				.param("list", listId).param("version", version).query(String.class).optional()
				.orElseThrow(() -> new NotFoundException("duty-list-version", version));
		return List.of(json.readValue(snapshot, Item[].class));
	}

	// ---- tasks ---------------------------------------------------------------------------------

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

	private record HeldPost(long postId, long orgId, String orgName) {
	}

	/**
	 * The signed-in user's own tasks (一岗双责): those of every post the person linked to their
	 * account holds on {@code at}, whatever their grants — a leader always sees what they answer for.
	 */
	public List<Task> myTasks(int year, LocalDate at) {
		Long personId = scope.person().orElse(null);
		if (personId == null) {
			return List.of();
		}
		List<HeldPost> held = jdbc.sql("""
				SELECT t.post_id, o.id AS org_id, o.name AS org_name FROM tenure t JOIN post p ON p.id = t.post_id
				JOIN org o ON o.id = p.org_id
				WHERE t.person_id = :person AND t.start_date <= :day AND (t.end_date IS NULL OR t.end_date >= :day)
				""").param("person", personId).param("day", at).query(Rows.of(HeldPost.class)).list();
		if (held.isEmpty()) {
			return List.of();
		}
		Map<Long, String> orgNames = new HashMap<>();
		held.forEach(h -> orgNames.put(h.orgId(), h.orgName()));
		String me = jdbc.sql("SELECT name FROM person WHERE id = :id").param("id", personId).query(String.class).single();
		return tasks(held.stream().map(HeldPost::postId).distinct().toList(), orgNames, me, year, Scope.all());
	}

	/** The list an item of a task belongs to. */
	private record TaskList(long listId, long orgId, int year, Status status) {
	}

	private List<Task> tasks(List<Long> postIds, Map<Long, String> orgNames, String me, int year, Scope reading) {
		record Found(ItemRow row, TaskList list) {
		}
		var rows = new DataClassRowMapper<>(ItemRow.class);
		var lists = new DataClassRowMapper<>(TaskList.class);
		List<Found> found = reading.bind(jdbc.sql("SELECT " + ITEM_COLUMNS + ", l.org_id, l.duty_year AS \"year\", l.status "
				+ ITEM_FROM + " JOIN duty_list l ON l.id = i.list_id JOIN org o ON o.id = l.org_id"
				+ " WHERE i.leader_post_id IN (:posts) AND l.duty_year = :year AND " + reading.condition("o")
				+ " ORDER BY l.org_id, CASE WHEN i.requirement_id IS NULL THEN 1 ELSE 0 END, i.sort_order, i.id"))
				.param("posts", postIds).param("year", year)
				.query((rs, n) -> new Found(rows.mapRow(rs, n), lists.mapRow(rs, n))).list();
		List<Item> items = toItems(found.stream().map(Found::row).toList(), id -> List.of(me));
		List<Task> tasks = new ArrayList<>();
		for (int k = 0; k < found.size(); k++) {
			TaskList l = found.get(k).list();
			tasks.add(new Task(l.listId(), l.orgId(), orgNames.get(l.orgId()), l.year(), l.status(), items.get(k)));
		}
		return tasks;
	}

	// ---- the ledger's view ---------------------------------------------------------------------

	/** A task of a published list, as the ledger tracks it; {@code requirementOrgId}: the upper organisation that required it ("1"). */
	public record PublishedTask(long itemId, long listId, long orgId, int year, String itemNo, String category,
			String task, Long leaderPostId, String leadUnit, String supervisingUnit, LocalDate deadline,
			Long requirementOrgId, Long supervisingOrgId) {
	}

	/**
	 * The items of the published lists of {@code year}: of {@code orgId}'s list, or with
	 * {@code subtree} of every list at and below it, in the caller's view. One query.
	 */
	public List<PublishedTask> publishedTasks(long orgId, int year, boolean subtree) {
		Org org = tree.get(orgId);
		Scope reading = scope.reading();
		String where = subtree ? "o.id IN (" + Subtree.ORG_IDS + ")" : "o.id = :org";
		var spec = reading.bind(jdbc.sql("""
				SELECT i.id AS item_id, i.list_id, l.org_id, l.duty_year AS "year", i.item_no, i.category, i.task,
				       i.leader_post_id, COALESCE(lo.name, i.lead_unit) AS lead_unit,
				       COALESCE(so.name, i.supervising_unit) AS supervising_unit, i.deadline,
				       r.org_id AS requirement_org_id, i.supervising_org_id
				FROM duty_item i JOIN duty_list l ON l.id = i.list_id JOIN org o ON o.id = l.org_id
				LEFT JOIN duty_requirement r ON r.id = i.requirement_id
				LEFT JOIN org lo ON lo.id = i.lead_org_id LEFT JOIN org so ON so.id = i.supervising_org_id
				WHERE l.status = 'PUBLISHED' AND l.duty_year = :year AND %s AND %s
				ORDER BY l.org_id, i.id
				""".formatted(where, reading.condition("o")))).param("year", year);
		spec = subtree ? tree.subtree(org.id()).bind(spec) : spec.param("org", orgId);
		return spec.query(Rows.of(PublishedTask.class)).list();
	}

	// ---- a unit's part ---------------------------------------------------------------------------

	/** How a unit is named in an item. */
	public enum UnitRole {
		/** 牵头单位 */
		LEAD,
		/** 参与单位 */
		PARTICIPATING
	}

	/**
	 * An item of a published list, upper or own, in which an organisation is a unit: its part of
	 * the list. {@code listOrgId}: whose list it is.
	 */
	public record UnitTask(long itemId, long listOrgId, String listOrgName, int year, String itemNo, String task,
			String goal, String leadUnit, LocalDate deadline, UnitRole role) {
	}

	/**
	 * The items of {@code year}'s published lists that name {@code orgId} as their lead or a
	 * participating unit, lead first: what the unit answers for in lists above its own (or in its
	 * own). The caller must see the unit (404 otherwise), not the lists: a unit sees its part of an
	 * upper list as a leader sees their tasks ({@link #myTasks}). One query.
	 */
	public List<UnitTask> partOf(long orgId, int year) {
		tree.get(orgId);
		return jdbc.sql("""
				SELECT i.id AS item_id, l.org_id AS list_org_id, o.name AS list_org_name, l.duty_year AS "year", i.item_no,
				       i.task, i.goal, COALESCE(lo.name, i.lead_unit) AS lead_unit, i.deadline,
				       CASE WHEN i.lead_org_id = :org THEN 'LEAD' ELSE 'PARTICIPATING' END AS role
				FROM duty_item i JOIN duty_list l ON l.id = i.list_id JOIN org o ON o.id = l.org_id
				LEFT JOIN org lo ON lo.id = i.lead_org_id
				WHERE l.status = 'PUBLISHED' AND l.duty_year = :year
				  AND i.id IN (SELECT li.id FROM duty_item li WHERE li.lead_org_id = :org
				               UNION SELECT pp.item_id FROM duty_item_participant pp WHERE pp.org_id = :org)
				ORDER BY CASE WHEN i.lead_org_id = :org THEN 0 ELSE 1 END, o.path, i.sort_order, i.id
				""").param("org", orgId).param("year", year).query(Rows.of(UnitTask.class)).list();
	}
}
