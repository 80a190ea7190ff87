package zeren.ledger;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import zeren.ledger.Reconciliation.Column;
import zeren.ledger.Reconciliation.GroupBy;
import zeren.org.Org;
import zeren.org.OrgTree;
import zeren.org.Subtree;
import zeren.platform.CurrentScope;
import zeren.platform.Paged;
import zeren.platform.Scope;
import zeren.tracking.TrackedItem;
import zeren.tracking.TrackedItemSql;

/**
 * The reconciliation and its drill-down, computed in the database (issue 18: a province's 87,708
 * tasks were read into Java for every page): the reconciliation is one {@code GROUP BY} whose rows
 * are what the page shows (by organisation: the organisation's own tasks and one row per direct
 * child for its subtree, the child read off the path prefix); the drill-down is one page
 * ({@code OFFSET}/{@code FETCH}) and a count, its group, column, search and order in SQL. Both read
 * the same tasks: the ledger's tasks of the subtree and year whose organisation the caller sees,
 * their items as tracking's own rule shows them ({@link TrackedItemSql}). Run inside
 * {@link WorkLedger}'s read-only transactions.
 */
@Component
class LedgerReads {

	/** The ledger's task {@code lt} with its item {@code t} and the item's organisations {@code o}, {@code vo}. */
	private static final String FROM = TrackedItemSql.SCOPED_FROM + " JOIN ledger_task lt ON lt.tracked_item_id = t.id";

	/** A task with its item and its leader's post {@code lp}, mapped by {@link #task}. */
	private static final String SELECT_TASKS = "SELECT " + TrackedItemSql.COLUMNS
			+ ", lt.duty_item_id AS lt_duty_item_id, lt.item_no AS lt_item_no, lt.category AS lt_category,"
			+ " lt.lead_unit AS lt_lead_unit, lp.title AS lt_leader_title FROM " + TrackedItemSql.FROM
			+ " JOIN ledger_task lt ON lt.tracked_item_id = t.id LEFT JOIN post lp ON lp.id = lt.leader_post_id";

	/** The key of the group without a lead unit or a category: never blank, so a list's address keeps it. */
	static final String NONE = "-";

	/** A text column as a group's key: {@link #NONE} when blank. */
	private static String textKey(String column) {
		return "CASE WHEN " + column + " IS NULL OR TRIM(" + column + ") = '' THEN '" + NONE + "' ELSE " + column + " END";
	}

	/** A query's condition and the parameters it binds. */
	private record Where(StringBuilder sql, Map<String, Object> params) {

		Where and(String condition) {
			sql.append(" AND ").append(condition);
			return this;
		}

		Where bind(String name, Object value) {
			params.put(name, value);
			return this;
		}
	}

	private final JdbcClient jdbc;
	private final JdbcClient streaming;
	private final OrgTree tree;
	private final CurrentScope scope;
	private final TrackedItemSql itemSql;
	private final MessageSource messages;

	LedgerReads(JdbcClient jdbc, JdbcTemplate template, OrgTree tree, CurrentScope scope, TrackedItemSql itemSql,
			MessageSource messages) {
		this.jdbc = jdbc;
		this.tree = tree;
		this.scope = scope;
		this.itemSql = itemSql;
		this.messages = messages;
		// the export's rows are fetched a thousand at a time (PostgreSQL otherwise reads a whole result into memory)
		JdbcTemplate fetching = new JdbcTemplate(template.getDataSource());
		fetching.setFetchSize(1000);
		this.streaming = JdbcClient.create(fetching);
	}

	/**
	 * The ledger's tasks of the subtree and year whose organisation the caller sees (as the ledger
	 * has always shown them), of items the caller sees by tracking's rule; binds the caller's scope.
	 */
	private Where tasksOf(Subtree subtree, int year) {
		Scope reading = scope.reading();
		Map<String, Object> params = new HashMap<>(reading.parameters());
		params.put("subtreeFrom", subtree.from());
		params.put("subtreeTo", subtree.to());
		params.put("year", year);
		params.put("kind", WorkLedger.KIND);
		params.put("firstNotRed", itemSql.firstNotRed());
		return new Where(new StringBuilder(" WHERE o.path >= :subtreeFrom AND o.path < :subtreeTo AND t.item_year = :year"
				+ " AND t.kind = :kind AND lt.task_year = :year AND lt.removed = FALSE AND " + TrackedItemSql.visible(reading)
				+ " AND " + reading.condition("o")), params);
	}

	// ---- the reconciliation -------------------------------------------------------------------

	private static final String FLAGS = ", CASE WHEN t.entry_count = 0 THEN 1 ELSE 0 END AS no_entry, CASE WHEN "
			+ TrackedItemSql.RED + " THEN 1 ELSE 0 END AS overdue,"
			+ " CASE WHEN t.status = 'SUBMITTED' THEN 1 ELSE 0 END AS submitted,"
			+ " CASE WHEN t.status = 'CLOSED' THEN 1 ELSE 0 END AS closed";

	private static final String COUNTS = ", COUNT(*) AS tasks, SUM(x.no_entry) AS no_entry, SUM(x.overdue) AS overdue,"
			+ " SUM(x.submitted) AS submitted, SUM(x.closed) AS closed";

	/**
	 * The reconciliation: one statement, its rows grouped in the database (the group's key computed
	 * in an inner query, so PostgreSQL and H2 group by a column, not by an expression with a
	 * parameter), labelled by a join on the groups only.
	 */
	Reconciliation reconcile(long orgId, int year, GroupBy groupBy, Locale locale) {
		Org org = tree.get(orgId);
		Subtree subtree = tree.subtree(orgId);
		GroupBy by = groupBy == null ? GroupBy.ORG : groupBy;
		Where where = tasksOf(subtree, year);
		String keys;
		String groupKeys;
		String outer;
		switch (by) {
			case ORG -> {
				keys = "SUBSTR(o.path, 1, :childPathLength) AS group_path";
				groupKeys = "x.group_path";
				// the organisation's own row first, then its children as the tree orders them
				outer = "SELECT c.id AS group_org_id, c.name AS group_name, g.* FROM (%s) g JOIN org c ON c.path = g.group_path"
						+ " ORDER BY CASE WHEN c.id = :org THEN 0 ELSE 1 END, c.sort_order, c.id";
				where.bind("childPathLength", subtree.childPathLength()).bind("org", orgId);
			}
			case LEADER -> {
				keys = "lt.leader_post_id AS post_id, CASE WHEN lt.leader_post_id IS NULL THEN lt.org_id END AS unassigned_org_id";
				groupKeys = "x.post_id, x.unassigned_org_id";
				outer = "SELECT p.title AS leader_title, COALESCE(po.name, uo.name) AS group_name, g.* FROM (%s) g"
						+ " LEFT JOIN post p ON p.id = g.post_id LEFT JOIN org po ON po.id = p.org_id"
						+ " LEFT JOIN org uo ON uo.id = g.unassigned_org_id";
			}
			case UNIT, CATEGORY -> {
				keys = textKey(by == GroupBy.UNIT ? "lt.lead_unit" : "lt.category") + " AS group_text";
				groupKeys = "x.group_text";
				outer = "SELECT g.* FROM (%s) g";
			}
			default -> throw new IllegalStateException(by.name());
		}
		String grouped = "SELECT " + groupKeys + COUNTS + " FROM (SELECT " + keys + FLAGS + " FROM " + FROM + where.sql()
				+ ") x GROUP BY " + groupKeys;
		String none = messages.getMessage("ledger.unassigned", null, "-", locale);
		List<Reconciliation.Row> rows = new ArrayList<>();
		jdbc.sql(outer.formatted(grouped)).params(where.params()).query((java.sql.ResultSet rs) -> {
			String key;
			String label;
			Long childId = null;
			switch (by) {
				case ORG -> {
					long id = rs.getLong("group_org_id");
					key = String.valueOf(id);
					if (id == orgId) {
						label = messages.getMessage("ledger.own", new Object[] { rs.getString("group_name") }, locale);
					}
					else {
						label = rs.getString("group_name");
						childId = id;
					}
				}
				case LEADER -> {
					Long post = rs.getObject("post_id", Long.class);
					key = post != null ? String.valueOf(post) : "-" + rs.getLong("unassigned_org_id");
					String title = rs.getString("leader_title");
					label = (post == null || title == null ? none : title) + " · " + rs.getString("group_name");
				}
				default -> {
					key = rs.getString("group_text");
					label = NONE.equals(key) ? none : key;
				}
			}
			rows.add(new Reconciliation.Row(key, label, childId, rs.getLong("tasks"), rs.getLong("no_entry"),
					rs.getLong("overdue"), rs.getLong("submitted"), rs.getLong("closed")));
		});
		if (by != GroupBy.ORG) {
			rows.sort(Comparator.comparing(Reconciliation.Row::label));
		}
		Reconciliation.Row total = new Reconciliation.Row("", messages.getMessage("ledger.total", null, "Total", locale),
				null, rows.stream().mapToLong(Reconciliation.Row::tasks).sum(),
				rows.stream().mapToLong(Reconciliation.Row::noEntry).sum(),
				rows.stream().mapToLong(Reconciliation.Row::overdue).sum(),
				rows.stream().mapToLong(Reconciliation.Row::submitted).sum(),
				rows.stream().mapToLong(Reconciliation.Row::closed).sum());
		return new Reconciliation(org.id(), org.name(), year, by, List.copyOf(rows), total);
	}

	// ---- the drill-down -----------------------------------------------------------------------

	/**
	 * The tasks of one cell of the reconciliation, narrowed by the filter: the reconciliation's
	 * condition with the group's and the column's. Empty when the key names no group (not a
	 * number where one is needed, or an organisation out of view).
	 */
	private Optional<Where> cell(long orgId, int year, GroupBy by, String key, Column column, LedgerTask.Filter filter) {
		Where where = tasksOf(tree.subtree(orgId), year);
		if (key != null) {
			switch (by) {
				case ORG -> {
					Long id = number(key);
					if (id == null) {
						return Optional.empty();
					}
					if (id == orgId) {
						where.and("o.id = :keyOrg").bind("keyOrg", id);
					}
					else {
						// a child's row counts its whole subtree (its tasks still those of the subtree in view)
						Optional<String> path = jdbc.sql("SELECT path FROM org WHERE id = :id").param("id", id)
								.query(String.class).optional();
						if (path.isEmpty()) {
							return Optional.empty();
						}
						Scope.Range range = Subtree.range(path.get(), true);
						where.and("o.path >= :keyFrom AND o.path < :keyTo").bind("keyFrom", range.from()).bind("keyTo", range.to());
					}
				}
				case LEADER -> {
					Long id = number(key.startsWith("-") ? key.substring(1) : key);
					if (id == null) {
						return Optional.empty();
					}
					if (key.startsWith("-")) {
						where.and("lt.leader_post_id IS NULL AND lt.org_id = :keyOrg").bind("keyOrg", id);
					}
					else {
						where.and("lt.leader_post_id = :keyPost").bind("keyPost", id);
					}
				}
				case UNIT -> where.and(textKey("lt.lead_unit") + " = :key").bind("key", key);
				case CATEGORY -> where.and(textKey("lt.category") + " = :key").bind("key", key);
			}
		}
		switch (column) {
			case ALL -> {
			}
			case NO_ENTRY -> where.and("t.entry_count = 0");
			case OVERDUE -> where.and(TrackedItemSql.RED);
			case SUBMITTED -> where.and("t.status = 'SUBMITTED'");
			case CLOSED -> where.and("t.status = 'CLOSED'");
		}
		TrackedItem.Status status = filter.statusValue();
		if (status != null) {
			where.and("t.status = :status").bind("status", status.name());
		}
		String text = filter.text();
		if (!text.isEmpty()) {
			List<String> likes = new ArrayList<>();
			for (String c : List.of("t.title", "o.name", "lt.lead_unit", "lt.category", "lp.title", "lt.item_no")) {
				likes.add("LOWER(" + c + ") LIKE :pattern ESCAPE '\\'");
			}
			where.and("(" + String.join(" OR ", likes) + ")").bind("pattern",
					Paged.containing(text.toLowerCase(Locale.ROOT)));
		}
		return Optional.of(where);
	}

	private static Long number(String s) {
		try {
			return Long.valueOf(s);
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	private RowMapper<LedgerTask> task() {
		RowMapper<TrackedItem> items = itemSql.items();
		return (rs, n) -> new LedgerTask(rs.getLong("lt_duty_item_id"), rs.getString("lt_item_no"),
				rs.getString("lt_category"), rs.getString("lt_lead_unit"), rs.getString("lt_leader_title"),
				items.mapRow(rs, n));
	}

	/** One page of a cell's tasks and how many there are in all. */
	Paged<LedgerTask> tasks(long orgId, int year, GroupBy by, String key, Column column, LedgerTask.Filter filter,
			LedgerTask.Sort sort, int page, int size) {
		Optional<Where> cell = cell(orgId, year, by, key, column, filter);
		if (cell.isEmpty()) {
			return new Paged<>(List.of(), page, size, 0);
		}
		Where where = cell.get();
		long total = jdbc.sql("SELECT COUNT(*) FROM " + FROM + " LEFT JOIN post lp ON lp.id = lt.leader_post_id" + where.sql())
				.params(where.params()).query(Long.class).single();
		if (total == 0) {
			return new Paged<>(List.of(), page, size, 0);
		}
		List<LedgerTask> rows = jdbc.sql(SELECT_TASKS + where.sql() + " ORDER BY " + sort.orderBy
				+ " OFFSET :offset ROWS FETCH FIRST :size ROWS ONLY").params(where.params())
				.param("offset", Paged.offset(page, size)).param("size", size).query(task()).list();
		return new Paged<>(rows, page, size, total);
	}

	/** The first {@code max} tasks of a cell in order, handed one at a time as they are fetched (for the export). */
	void forEachTask(long orgId, int year, GroupBy by, String key, Column column, LedgerTask.Filter filter,
			LedgerTask.Sort sort, int max, Consumer<LedgerTask> consumer) {
		Optional<Where> cell = cell(orgId, year, by, key, column, filter);
		if (cell.isEmpty()) {
			return;
		}
		Where where = cell.get();
		try (var rows = streaming.sql(SELECT_TASKS + where.sql() + " ORDER BY " + sort.orderBy + " FETCH FIRST :max ROWS ONLY")
				.params(where.params()).param("max", max).query(task()).stream()) {
			rows.forEach(consumer);
		}
	}
}
