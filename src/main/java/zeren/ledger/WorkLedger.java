package zeren.ledger;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zeren.duty.ResponsibilityLists.PublishedTask;
import zeren.duty.ResponsibilityLists;
import zeren.ledger.Reconciliation.Column;
import zeren.ledger.Reconciliation.GroupBy;
import zeren.org.Org;
import zeren.org.OrgTree;
import zeren.org.Subtree;
import zeren.platform.CurrentScope;
import zeren.platform.Paged;
import zeren.platform.Rows;
import zeren.platform.Scope;
import zeren.platform.xlsx.TableExport;
import zeren.tracking.NewTrackedItem;
import zeren.tracking.TrackedItem.Status;
import zeren.tracking.TrackedItem;
import zeren.tracking.TrackedItems;
import zeren.tracking.Tracking;

/**
 * The work ledger: keeps one tracked item per task of every published list (opened when a list
 * is published, revised when it is amended, and opened for every list below when an upper
 * organisation publishes requirements), reconciles the lists against the ledger, and exports it.
 *
 * <p>Who verifies a task (销号): its supervising unit (监督单位) when the list names one from the
 * tree; otherwise, for a task required from above ("1"), the organisation that required it, and
 * for an organisation's own task ("X"), its upper organisation (an organisation without one
 * verifies its own). The owner is the task's responsible leader's post; until one is set, the
 * organisation as a whole. The lead and participating units see their part ({@link #partOf}).
 */
@Service
@Transactional(readOnly = true)
public class WorkLedger {

	/** The kind of the ledger's tracked items. */
	public static final String KIND = "ledger.task";

	static final int MAX_LISTED = 500;

	private final JdbcClient jdbc;
	private final JdbcTemplate template;
	private final ResponsibilityLists lists;
	private final TrackedItems items;
	private final Tracking tracking;
	private final OrgTree tree;
	private final CurrentScope scope;
	private final MessageSource messages;
	private final LedgerReads reads;

	WorkLedger(JdbcClient jdbc, JdbcTemplate template, ResponsibilityLists lists, TrackedItems items, Tracking tracking,
			OrgTree tree, CurrentScope scope, MessageSource messages, LedgerReads reads) {
		this.reads = reads;
		this.jdbc = jdbc;
		this.template = template;
		this.lists = lists;
		this.items = items;
		this.tracking = tracking;
		this.tree = tree;
		this.scope = scope;
		this.messages = messages;
	}

	// ---- keeping the ledger in step with the lists ---------------------------------------------

	private record Known(long dutyItemId, long trackedItemId, boolean removed) {
	}

	/**
	 * Brings the ledger in step with the published lists of {@code orgId} (and with
	 * {@code subtree} every list below it) for a year: a tracked item for each new task; for one
	 * list also the changes of its tasks and the removal of those no longer listed.
	 *
	 * @return how many tasks were newly tracked
	 */
	@Transactional
	public int sync(long orgId, int year, boolean subtree) {
		List<PublishedTask> tasks = lists.publishedTasks(orgId, year, subtree);
		Map<Long, Known> known = new HashMap<>();
		String where = subtree ? "lt.org_id IN (" + Subtree.ORG_IDS + ")" : "lt.org_id = :org";
		var spec = jdbc.sql("SELECT lt.duty_item_id, lt.tracked_item_id, lt.removed FROM ledger_task lt WHERE lt.task_year = :year AND " + where)
				.param("year", year);
		spec = subtree ? tree.subtree(orgId).bind(spec) : spec.param("org", orgId);
		spec.query(Rows.of(Known.class)).list().forEach(k -> known.put(k.dutyItemId(), k));

		Map<Long, Long> upper = new HashMap<>();
		List<NewTrackedItem> fresh = new ArrayList<>();
		List<PublishedTask> freshTasks = new ArrayList<>();
		for (PublishedTask t : tasks) {
			NewTrackedItem request = request(t, upper);
			if (!known.containsKey(t.itemId())) {
				fresh.add(request);
				freshTasks.add(t);
			}
			else if (!subtree) {
				tracking.revise(request);
				jdbc.sql("""
						UPDATE ledger_task SET item_no = :no, category = :category, lead_unit = :lead,
						       leader_post_id = :leader, removed = FALSE WHERE duty_item_id = :id
						""").param("no", t.itemNo()).param("category", t.category()).param("lead", t.leadUnit())
						.param("leader", t.leaderPostId()).param("id", t.itemId()).update();
			}
		}
		Map<String, Long> opened = tracking.openAll(fresh);
		List<PublishedTask> toInsert = freshTasks.stream().filter(t -> opened.containsKey(String.valueOf(t.itemId()))).toList();
		template.batchUpdate("""
				INSERT INTO ledger_task (duty_item_id, tracked_item_id, org_id, task_year, item_no, category, lead_unit, leader_post_id)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)
				""", toInsert, 1000, (ps, t) -> {
			ps.setLong(1, t.itemId());
			ps.setLong(2, opened.get(String.valueOf(t.itemId())));
			ps.setLong(3, t.orgId());
			ps.setInt(4, t.year());
			ps.setString(5, t.itemNo());
			ps.setString(6, t.category());
			ps.setString(7, t.leadUnit());
			ps.setObject(8, t.leaderPostId());
		});
		if (!subtree) {
			List<Long> listed = tasks.stream().map(PublishedTask::itemId).toList();
			List<Long> gone = known.values().stream().filter(k -> !k.removed() && !listed.contains(k.dutyItemId()))
					.map(Known::dutyItemId).toList();
			if (!gone.isEmpty()) {
				jdbc.sql("UPDATE ledger_task SET removed = TRUE WHERE duty_item_id IN (:ids)").param("ids", gone).update();
			}
		}
		return toInsert.size();
	}

	private NewTrackedItem request(PublishedTask t, Map<Long, Long> upper) {
		long verifier = t.supervisingOrgId() != null ? t.supervisingOrgId()
				: t.requirementOrgId() != null ? t.requirementOrgId()
				: upper.computeIfAbsent(t.orgId(), id -> tree.find(id).map(o -> o.parentId() == null ? o.id() : o.parentId())
						.orElse(id));
		LocalDate deadline = t.deadline() != null ? t.deadline() : LocalDate.of(t.year(), 12, 31);
		String title = t.task().length() > 2000 ? t.task().substring(0, 2000) : t.task();
		return new NewTrackedItem(KIND, String.valueOf(t.itemId()), t.orgId(), title, t.leaderPostId(), null, verifier,
				deadline);
	}

	// ---- reconciliation -----------------------------------------------------------------------

	/** What the ledger knows of a task besides its tracked item. */
	private record Info(long dutyItemId, long orgId, String orgName, String itemNo, String category, String leadUnit,
			Long leaderPostId, String leaderTitle) {
	}

	/** The ledger's tasks of the subtree and year in the caller's view, by tracked item id (for the export of entries). */
	private Map<Long, Info> infos(long orgId, int year) {
		Subtree subtree = tree.subtree(orgId);
		Scope reading = scope.reading();
		Map<Long, Info> infos = new HashMap<>();
		reading.bind(subtree.bind(jdbc.sql("""
				SELECT lt.duty_item_id, lt.tracked_item_id, lt.org_id, o.name AS org_name, lt.item_no, lt.category,
				       lt.lead_unit, lt.leader_post_id, p.title AS leader_title
				FROM ledger_task lt JOIN org o ON o.id = lt.org_id LEFT JOIN post p ON p.id = lt.leader_post_id
				WHERE o.path >= :subtreeFrom AND o.path < :subtreeTo AND lt.task_year = :year AND lt.removed = FALSE AND
				""" + reading.condition("o")))).param("year", year).query((java.sql.ResultSet rs) -> {
					infos.put(rs.getLong("tracked_item_id"), new Info(rs.getLong("duty_item_id"), rs.getLong("org_id"),
							rs.getString("org_name"), rs.getString("item_no"), rs.getString("category"),
							rs.getString("lead_unit"), (Long) rs.getObject("leader_post_id", Long.class),
							rs.getString("leader_title")));
				});
		return infos;
	}

	/**
	 * 对账 for an organisation and everything below it, for a year: every published task
	 * against the ledger, by organisation (its own tasks, and each direct child with its whole
	 * subtree), leader, lead unit or category. Counted in the database: the work is bounded by the
	 * rows shown, not by the subtree's size.
	 */
	public Reconciliation reconcile(long orgId, int year, GroupBy groupBy, Locale locale) {
		return reads.reconcile(orgId, year, groupBy, locale);
	}

	/** The drill-down: the tasks of one group (null key: every group) in one column, at most 500. */
	public List<LedgerTask> tasks(long orgId, int year, GroupBy groupBy, String key, Column column) {
		return tasks(orgId, year, groupBy, key, column, null, LedgerTask.Sort.ORG, 1, MAX_LISTED).items();
	}

	/**
	 * One page of the drill-down: the tasks of one group (null key: every group; grouped by
	 * organisation, a child's key is its whole subtree, the organisation's own key its own tasks)
	 * in one column, narrowed by {@code filter} and sorted by {@code sort}, counted in full; the
	 * group, column, filter, order and page in SQL, read as {@link #reconcile} counts them.
	 */
	public Paged<LedgerTask> tasks(long orgId, int year, GroupBy groupBy, String key, Column column,
			LedgerTask.Filter filter, LedgerTask.Sort sort, int page, int size) {
		tree.get(orgId);
		return reads.tasks(orgId, year, groupBy == null ? GroupBy.ORG : groupBy, key, column == null ? Column.ALL : column,
				filter == null ? new LedgerTask.Filter(null, null) : filter, sort == null ? LedgerTask.Sort.ORG : sort, page,
				Math.max(1, size));
	}

	/**
	 * Every task of the drill-down (as {@link #tasks(long, int, GroupBy, String, Column, LedgerTask.Filter,
	 * LedgerTask.Sort, int, int)} lists them, in its order), at most {@code max}, handed one at a
	 * time as they are fetched: for the export, which so does not hold the rows in memory.
	 */
	public void forEachTask(long orgId, int year, GroupBy groupBy, String key, Column column, LedgerTask.Filter filter,
			LedgerTask.Sort sort, int max, Consumer<LedgerTask> consumer) {
		tree.get(orgId);
		reads.forEachTask(orgId, year, groupBy == null ? GroupBy.ORG : groupBy, key, column == null ? Column.ALL : column,
				filter == null ? new LedgerTask.Filter(null, null) : filter, sort == null ? LedgerTask.Sort.ORG : sort, max,
				consumer);
	}

	/** A unit's part of a list (upper or own): the task and its tracked item (null until the ledger tracks it). */
	public record UnitPart(ResponsibilityLists.UnitTask task, TrackedItem item) {
	}

	/**
	 * What an organisation takes part in as the lead or a participating unit of the published lists
	 * of a year, with where each task stands in the ledger: read-only (the task's owner records the
	 * work and its verifier closes it; the unit sees its part without needing to see the list's
	 * organisation). 404 when the caller cannot see the organisation.
	 */
	public List<UnitPart> partOf(long orgId, int year) {
		return partOf(orgId, year, Integer.MAX_VALUE).rows();
	}

	/** The first rows of {@link #partOf(long, int)} and how many there are in all. */
	public record Part(List<UnitPart> rows, long total) {

		public boolean isEmpty() {
			return rows.isEmpty();
		}

		/** Whether rows were left off. */
		public boolean more() {
			return total > rows.size();
		}
	}

	/**
	 * The first {@code limit} tasks of {@link #partOf(long, int)} with their tracked items, and the
	 * number of tasks: what the /ledger page shows (the tasks naming one organisation, not its
	 * subtree; only the rows shown are looked up in the ledger).
	 */
	public Part partOf(long orgId, int year, int limit) {
		List<ResponsibilityLists.UnitTask> tasks = lists.partOf(orgId, year);
		List<ResponsibilityLists.UnitTask> shown = tasks.size() > limit ? tasks.subList(0, limit) : tasks;
		Map<String, TrackedItem> tracked = new HashMap<>();
		items.shownBySource(KIND, shown.stream().map(t -> String.valueOf(t.itemId())).toList())
				.forEach(i -> tracked.put(i.sourceRef(), i));
		return new Part(shown.stream().map(t -> new UnitPart(t, tracked.get(String.valueOf(t.itemId())))).toList(),
				tasks.size());
	}

	/** The tracked item of a list's task, if the caller may see it. */
	public java.util.Optional<TrackedItem> itemOf(long dutyItemId) {
		return items.bySource(KIND, String.valueOf(dutyItemId));
	}

	// ---- export -------------------------------------------------------------------------------

	public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	/**
	 * The ledger of an organisation and its subtree for a year as XLSX: one row per entry, with
	 * its task. Streamed: the rows are read from the database a thousand at a time and each goes
	 * straight into the package ({@link TableExport}), so the heap does not grow with the entries.
	 *
	 * @return the number of entries written
	 */
	public long export(long orgId, int year, Locale locale, OutputStream out) throws IOException {
		tree.get(orgId);
		Map<Long, Info> infos = infos(orgId, year);
		Map<Status, String> statuses = new HashMap<>();
		for (Status s : Status.values()) {
			statuses.put(s, messages.getMessage("tracking.status." + s.name(), null, s.name(), locale));
		}
		long[] n = { 0 };
		TableExport.write(out, book -> {
			TableExport.Sheet sheet = book.sheet(messages.getMessage("ledger.sheet", null, "Ledger", locale),
					java.util.stream.Stream.of("org", "no", "category", "task", "leader", "lead", "deadline", "status", "date",
							"text", "by", "evidence").map(c -> messages.getMessage("ledger.col." + c, null, c, locale)).toList());
			items.forEachEntry(orgId, year, KIND, e -> {
				Info info = infos.get(e.itemId());
				if (info == null) {
					return;
				}
				n[0]++;
				sheet.row(e.orgName(), nz(info.itemNo()), nz(info.category()), e.title(), nz(info.leaderTitle()),
						nz(info.leadUnit()), e.deadline().toString(), statuses.get(e.status()), e.date().toString(), e.text(),
						e.recordedBy(), e.evidenceCount());
			});
		});
		return n[0];
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}
}
