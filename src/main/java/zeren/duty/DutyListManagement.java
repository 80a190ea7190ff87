package zeren.duty;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;
import zeren.audit.AuditTrail;
import zeren.duty.DutyList.Item;
import zeren.duty.DutyList.Milestone;
import zeren.duty.ListRules.Clean;
import zeren.duty.ResponsibilityLists.Head;
import zeren.duty.ResponsibilityLists.ItemRow;
import zeren.org.Leadership;
import zeren.org.Org;
import zeren.org.OrgTree;
import zeren.org.Post;
import zeren.platform.BusinessClock;
import zeren.platform.ConflictException;
import zeren.platform.CurrentUser;
import zeren.platform.ForbiddenException;
import zeren.platform.InputError;
import zeren.platform.Inputs;
import zeren.platform.InvalidInputException;

/**
 * Changing responsibility lists: a list is written as a draft, published (which locks it), and
 * afterwards changed only by amendments, each with a reason, a new version and an audit event
 * (the rules: {@link ListRules}). Changes need the organisation to be managed by the caller
 * (403 otherwise); reading is {@link ResponsibilityLists}'.
 */
@Service
@Transactional
public class DutyListManagement {

	private final JdbcClient jdbc;
	private final ResponsibilityLists lists;
	private final OrgTree tree;
	private final Leadership leadership;
	private final BusinessClock clock;
	private final AuditTrail audit;
	private final JsonMapper json;
	private final ApplicationEventPublisher events;
	private final Validator validator;

	DutyListManagement(JdbcClient jdbc, ResponsibilityLists lists, OrgTree tree, Leadership leadership,
			BusinessClock clock, AuditTrail audit, JsonMapper json, ApplicationEventPublisher events,
			Validator validator) {
		this.validator = validator;
		this.jdbc = jdbc;
		this.lists = lists;
		this.tree = tree;
		this.leadership = leadership;
		this.clock = clock;
		this.audit = audit;
		this.json = json;
		this.events = events;
	}

	// ---- creating and publishing ----------------------------------------------------------

	/** The organisation and the year of a new list. */
	public record NewList(@NotNull Long orgId, @NotNull Integer year) {
	}

	/** Creates the (draft) list of an organisation for a year, or returns the one it has. */
	public DutyList create(long orgId, int year) {
		return create(new NewList(orgId, year));
	}

	/** Creates the (draft) list of an organisation for a year, or returns the one it has. */
	public DutyList create(NewList request) {
		List<InputError> errors = violations(request);
		ListRules.checkYear(request.year(), errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		long orgId = request.orgId();
		int year = request.year();
		Org org = tree.find(orgId).orElse(null);
		if (org == null || !tree.canManage(orgId)) {
			throw new ForbiddenException();
		}
		Optional<DutyList> existing = lists.find(orgId, year);
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
		return lists.get(id);
	}

	/** Publishes a draft: the list is locked, and version 1 enters its history. */
	public DutyList publish(long listId) {
		Head head = lists.managedHead(listId, true);
		ListRules.requirePublishable(head.status(), head.version());
		jdbc.sql("UPDATE duty_list SET status = 'PUBLISHED', version = 1, published_at = :now, updated_at = :now WHERE id = :id")
				.param("now", clock.now()).param("id", listId).update();
		snapshot(listId, 1, "PUBLISH", null);
		audit.record(new AuditTrail.Change(head.orgId(), "duty-list", listId, "PUBLISH", "year=" + head.year()));
		events.publishEvent(new DutyListsChanged(head.orgId(), head.year(), false));
		events.publishEvent(new zeren.oversight.ObligationsAffected(head.orgId(), head.year()));
		return lists.get(listId);
	}

	private void snapshot(long listId, int version, String action, String reason) {
		// the persons are resolved through tenures at any date; the history keeps the posts
		List<Item> items = lists.toItems(lists.rows(listId), id -> List.of());
		jdbc.sql("""
				INSERT INTO duty_list_version (list_id, version, action, reason, username, created_at, snapshot)
				VALUES (:list, :version, :action, :reason, :user, :now, :snapshot)
				""").param("list", listId).param("version", version).param("action", action).param("reason", reason)
				.param("user", CurrentUser.actor()).param("now", clock.now())
				.param("snapshot", json.writeValueAsString(items)).update();
	}

	/** After a change to a published list: a new version with its reason, in the history and the audit trail. */
	private void amended(Head head, String reason, String what) {
		if (!ListRules.isAmendment(head.status())) {
			return;
		}
		int version = head.version() + 1;
		jdbc.sql("UPDATE duty_list SET version = :version, updated_at = :now WHERE id = :id").param("version", version)
				.param("now", clock.now()).param("id", head.id()).update();
		snapshot(head.id(), version, "AMEND", reason);
		audit.record(new AuditTrail.Change(head.orgId(), "duty-list", head.id(), "AMEND",
				"version=%d %s reason=%s".formatted(version, what, reason)));
		events.publishEvent(new DutyListsChanged(head.orgId(), head.year(), false));
		events.publishEvent(new zeren.oversight.ObligationsAffected(head.orgId(), head.year()));
	}

	// ---- items ----------------------------------------------------------------------------

	/**
	 * What an item says. {@code reason} is required once the list is published: the change is
	 * then an amendment. The units are organisations of the tree — the list's organisation or one
	 * below it ({@code leadOrgId}, {@code participatingOrgIds}, {@code supervisingOrgId}); the texts
	 * ({@code leadUnit}, …) are the fallback for a unit that is not in the tree.
	 */
	public record ItemInput(@Size(max = 32) String itemNo, @Size(max = 200) String category,
			@NotBlank @Size(max = 2000) String task, @Size(max = 4000) String goal, Long leaderPostId,
			@Size(max = 200) String leadUnit, @Size(max = 1000) String participatingUnits,
			@Size(max = 200) String supervisingUnit, LocalDate deadline, List<Milestone> milestones,
			@Size(max = ListRules.MAX_REASON) String reason, Long leadOrgId,
			@Size(max = MAX_PARTICIPANTS) List<Long> participatingOrgIds, Long supervisingOrgId) {

		/** An item whose units are texts only. */
		public ItemInput(String itemNo, String category, String task, String goal, Long leaderPostId, String leadUnit,
				String participatingUnits, String supervisingUnit, LocalDate deadline, List<Milestone> milestones,
				String reason) {
			this(itemNo, category, task, goal, leaderPostId, leadUnit, participatingUnits, supervisingUnit, deadline,
					milestones, reason, null, null, null);
		}
	}

	/** The most participating units an item names. */
	static final int MAX_PARTICIPANTS = 100;

	/** The declared constraints {@code input} breaks, as input errors. */
	private List<InputError> violations(Object input) {
		return new ArrayList<>(Inputs.errors(validator.validate(input)));
	}

	/** An item's input checked (its constraints, then {@link ListRules#check}) and trimmed, or 400 with every error. */
	private Clean checked(ItemInput input, Head head) {
		List<InputError> errors = violations(input);
		Clean c = ListRules.check(input, head.year(), postOf(head.orgId()), unitOf(head.orgId()), errors, null);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return c;
	}

	public Item addItem(long listId, ItemInput input) {
		Head head = lists.managedHead(listId, true);
		String reason = ListRules.reasonFor(head.status(), input.reason());
		Clean c = checked(input, head);
		long id = insertItem(head, c, nextSortOrder(listId));
		audit.record(new AuditTrail.Change(head.orgId(), "duty-item", id, "ADD",
				"list=%d no=%s task=%s".formatted(listId, c.itemNo(), c.task())));
		amended(head, reason, "add item " + c.itemNo());
		return item(listId, id);
	}

	/**
	 * Changes an item. An inherited item keeps the upper level's substance (category, task, goal,
	 * deadline); only its leader, units and milestones are the organisation's to set.
	 */
	public Item editItem(long listId, long itemId, ItemInput input) {
		Head head = lists.managedHead(listId, true);
		ItemRow row = lists.row(listId, itemId);
		String reason = ListRules.reasonFor(head.status(), input.reason());
		Clean c = checked(ListRules.edited(row, input), head);
		bindItem(jdbc.sql("""
				UPDATE duty_item SET item_no = :no, category = :category, task = :task, goal = :goal,
				       leader_post_id = :leader, lead_unit = :lead, participating_units = :participating,
				       supervising_unit = :supervising, deadline = :deadline, lead_org_id = :leadOrg,
				       supervising_org_id = :supervisingOrg
				WHERE id = :id
				"""), c).param("no", c.itemNo() == null ? row.itemNo() : c.itemNo()).param("id", itemId).update();
		writeMilestones(itemId, c.milestones());
		writeParticipants(itemId, c.participatingOrgIds());
		audit.record(new AuditTrail.Change(head.orgId(), "duty-item", itemId, "EDIT",
				"list=%d no=%s task=%s".formatted(listId, c.itemNo(), c.task())));
		amended(head, reason, "edit item " + row.itemNo());
		return item(listId, itemId);
	}

	/** Removes an own item; inherited items cannot be removed below the level that set them. */
	public void removeItem(long listId, long itemId, String reasonText) {
		Head head = lists.managedHead(listId, true);
		ItemRow row = lists.row(listId, itemId);
		String reason = ListRules.reasonFor(head.status(), reasonText);
		ListRules.requireRemovable(row);
		jdbc.sql("DELETE FROM duty_milestone WHERE item_id = :id").param("id", itemId).update();
		jdbc.sql("DELETE FROM duty_item_participant WHERE item_id = :id").param("id", itemId).update();
		jdbc.sql("DELETE FROM duty_item WHERE id = :id").param("id", itemId).update();
		audit.record(new AuditTrail.Change(head.orgId(), "duty-item", itemId, "REMOVE",
				"list=%d no=%s task=%s".formatted(listId, row.itemNo(), row.task())));
		amended(head, reason, "remove item " + row.itemNo());
	}

	/** Whether a post id is one of the organisation's posts (read only when an item names a leader). */
	private java.util.function.LongPredicate postOf(long orgId) {
		return postId -> leadership.posts(orgId).stream().anyMatch(p -> p.id() == postId);
	}

	/**
	 * Whether an organisation may be a unit of the list of {@code orgId}: the organisation itself or
	 * one below it, in the caller's view (the caller manages the list, so sees its subtree).
	 */
	private java.util.function.LongPredicate unitOf(long orgId) {
		zeren.org.Subtree subtree = tree.subtree(orgId);
		return unitId -> tree.contains(subtree, unitId);
	}

	/** Of {@code names}, those that name exactly one organisation at or below {@code orgId} (a unit the list may name), with its id. */
	private Map<String, Long> unitsByName(long orgId, Set<String> names) {
		if (names.isEmpty()) {
			return Map.of();
		}
		record Named(long id, String name) {
		}
		Map<String, List<Long>> found = new HashMap<>();
		tree.subtree(orgId).bind(jdbc.sql("SELECT o.id, o.name FROM org o WHERE o.id IN (" + zeren.org.Subtree.ORG_IDS
				+ ") AND o.name IN (:names)")).param("names", names).query(zeren.platform.Rows.of(Named.class)).list()
				.forEach(n -> found.computeIfAbsent(n.name(), k -> new ArrayList<>()).add(n.id()));
		Map<String, Long> unique = new HashMap<>();
		java.util.function.LongPredicate isUnit = unitOf(orgId);
		found.forEach((name, ids) -> {
			if (ids.size() == 1 && isUnit.test(ids.get(0))) {
				unique.put(name, ids.get(0));
			}
		});
		return unique;
	}

	private int nextSortOrder(long listId) {
		return jdbc.sql("SELECT COALESCE(MAX(sort_order), 0) + 1 FROM duty_item WHERE list_id = :list AND requirement_id IS NULL")
				.param("list", listId).query(Integer.class).single();
	}

	private long insertItem(Head head, Clean c, int sortOrder) {
		var keys = new GeneratedKeyHolder();
		bindItem(jdbc.sql("""
				INSERT INTO duty_item (list_id, item_no, sort_order, category, task, goal, leader_post_id, lead_unit,
				                       participating_units, supervising_unit, deadline, lead_org_id, supervising_org_id,
				                       created_at)
				VALUES (:list, :no, :sort, :category, :task, :goal, :leader, :lead, :participating, :supervising,
				        :deadline, :leadOrg, :supervisingOrg, :now)
				"""), c).param("list", head.id()).param("no", c.itemNo() == null ? String.valueOf(sortOrder) : c.itemNo())
				.param("sort", sortOrder).param("now", clock.now()).update(keys, "id");
		long id = keys.getKey().longValue();
		writeMilestones(id, c.milestones());
		writeParticipants(id, c.participatingOrgIds());
		return id;
	}

	/** Binds what an item says (all but its list, number and order) to an insert or an update. */
	private static JdbcClient.StatementSpec bindItem(JdbcClient.StatementSpec spec, Clean c) {
		return spec.param("category", c.category()).param("task", c.task()).param("goal", c.goal())
				.param("leader", c.leaderPostId()).param("lead", c.leadUnit()).param("participating", c.participatingUnits())
				.param("supervising", c.supervisingUnit()).param("deadline", c.deadline())
				.param("leadOrg", c.leadOrgId()).param("supervisingOrg", c.supervisingOrgId());
	}

	private void writeParticipants(long itemId, List<Long> orgIds) {
		jdbc.sql("DELETE FROM duty_item_participant WHERE item_id = :item").param("item", itemId).update();
		int order = 0;
		for (long orgId : orgIds) {
			jdbc.sql("INSERT INTO duty_item_participant (item_id, org_id, sort_order) VALUES (:item, :org, :sort)")
					.param("item", itemId).param("org", orgId).param("sort", ++order).update();
		}
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
		return lists.get(listId).items().stream().filter(i -> i.id() == itemId).findFirst().orElseThrow();
	}

	// ---- import -----------------------------------------------------------------------------

	/** One row of an imported task detail table, with what was wrong with its cells. */
	public record ImportRow(long line, String itemNo, String category, String task, String goal,
			String leaderPostTitle, String leadUnit, String participatingUnits, String supervisingUnit,
			LocalDate deadline, List<Milestone> milestones, List<InputError> errors) {
	}

	/**
	 * Replaces the organisation's own items of a list by {@code rows} (an import), all or
	 * nothing. Rows that repeat an inherited item (same task) are the inherited item and are
	 * left as they are. Errors carry the line of each row.
	 */
	public DutyList replaceOwnItems(long listId, List<ImportRow> rows, String reasonText) {
		Head head = lists.managedHead(listId, true);
		String reason = ListRules.reasonFor(head.status(), reasonText);
		Set<String> inherited = new HashSet<>();
		lists.inheritedRows(listId).forEach(r -> inherited.add(r.task()));
		Map<String, Long> postsByTitle = new HashMap<>();
		for (Post p : leadership.posts(head.orgId())) {
			postsByTitle.putIfAbsent(p.title(), p.id());
		}
		List<InputError> errors = new ArrayList<>();
		List<Clean> own = ListRules.ownItems(rows, inherited, postsByTitle, head.year(), this::violations, errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors.subList(0, Math.min(errors.size(), 1000)), errors.size());
		}
		Map<String, Long> units = unitsByName(head.orgId(),
				own.stream().flatMap(c -> ListRules.unitNames(c).stream()).collect(java.util.stream.Collectors.toSet()));
		own = own.stream().map(c -> ListRules.unitsByName(c, units)).toList();
		jdbc.sql("DELETE FROM duty_milestone WHERE item_id IN (SELECT id FROM duty_item WHERE list_id = :list AND requirement_id IS NULL)")
				.param("list", listId).update();
		jdbc.sql("DELETE FROM duty_item_participant WHERE item_id IN (SELECT id FROM duty_item WHERE list_id = :list AND requirement_id IS NULL)")
				.param("list", listId).update();
		jdbc.sql("DELETE FROM duty_item WHERE list_id = :list AND requirement_id IS NULL").param("list", listId).update();
		int order = 0;
		for (Clean c : own) {
			insertItem(head, c, ++order);
		}
		audit.record(new AuditTrail.Change(head.orgId(), "duty-list", listId, "IMPORT", "items=" + own.size()));
		amended(head, reason, "import " + own.size() + " items");
		return lists.get(listId);
	}
}
