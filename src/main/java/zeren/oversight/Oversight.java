package zeren.oversight;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zeren.org.Org;
import zeren.org.OrgNode;
import zeren.org.OrgTree;
import zeren.org.Subtree;
import zeren.platform.CurrentScope;
import zeren.platform.Database;
import zeren.platform.Rows;
import zeren.platform.Scope;

/**
 * The query side: the instances of a subtree, the dashboard (counts per direct child and kind,
 * the trend by month, the red list) read from the sweep's snapshot — never an on-line scan of the
 * subtree — and an instance's colour history. Everything within the caller's reading scope.
 */
@Service
@Transactional(readOnly = true)
public class Oversight {

	/** Counts of instances by status and colour. */
	public record Counts(long total, long doneOnTime, long doneLate, long openCount, long overdue, long vacant,
			long notApplicable, long blue, long yellow, long red) {

		static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

		Counts plus(Counts o) {
			return new Counts(total + o.total, doneOnTime + o.doneOnTime, doneLate + o.doneLate, openCount + o.openCount,
					overdue + o.overdue, vacant + o.vacant, notApplicable + o.notApplicable, blue + o.blue,
					yellow + o.yellow, red + o.red);
		}

		/** The worst warning among them. */
		public Obligation.Colour colour() {
			return red > 0 ? Obligation.Colour.RED
					: yellow > 0 ? Obligation.Colour.YELLOW : blue > 0 ? Obligation.Colour.BLUE : Obligation.Colour.NONE;
		}

		/** Done (on time or late) out of those that apply, in percent; null when none applies. */
		public Integer percentDone() {
			long applicable = total - notApplicable;
			return applicable == 0 ? null : (int) Math.floor(100.0 * (doneOnTime + doneLate) / applicable);
		}
	}

	/** One line of the heat map: an organisation (a direct child, or the organisation's own instances) and its counts per kind. */
	public record Line(long orgId, String orgName, boolean hasChildren, Map<String, Counts> byKind, Counts all) {
	}

	public record Month(int month, Counts counts) {
	}

	public record Dashboard(long orgId, String orgName, int year, List<String> kinds, Line own, Line subtree,
			List<Line> children, List<Month> trend, List<Obligation> redList, LocalDate sweptOn) {
	}

	private record CountRow(long orgId, String kind, int dueMonth, String sc, long total, long doneOnTime, long doneLate,
			long openCount, long overdue, long vacant, long notApplicable, long blue, long yellow, long red) {

		Counts counts() {
			return new Counts(total, doneOnTime, doneLate, openCount, overdue, vacant, notApplicable, blue, yellow, red);
		}
	}

	public record ColourChange(Obligation.Colour fromColour, Obligation.Colour toColour, LocalDate changedOn) {
	}

	private final JdbcClient jdbc;
	private final OrgTree tree;
	private final CurrentScope scope;
	private final Sweep sweep;
	private final Database database;

	Oversight(JdbcClient jdbc, OrgTree tree, CurrentScope scope, Sweep sweep, Database database) {
		this.jdbc = jdbc;
		this.database = database;
		this.tree = tree;
		this.scope = scope;
		this.sweep = sweep;
	}

	/** The kinds in dashboard order. */
	public List<String> kinds() {
		return sweep.rules().stream().map(ObligationRule::kind).toList();
	}

	static final String SELECT = """
			SELECT ob.kind, ob.org_id, o.name AS org_name, ob.obl_year AS "year", ob.subject, ob.due_date, ob.done_on,
			       ob.status, ob.colour, ob.post_id, p.title AS post_title, ob.holder_id, pe.name AS holder_name, ob.link,
			       ob.swept_on, ob.org_path
			FROM oversight_obligation ob JOIN org o ON o.id = ob.org_id
			LEFT JOIN post p ON p.id = ob.post_id LEFT JOIN person pe ON pe.id = ob.holder_id
			""";

	/**
	 * The instances in the subtree of {@code orgId} (404 outside the caller's scope), oldest due
	 * first, at most {@code limit}. The subtree is a range of {@code org_path} in the snapshot: a
	 * small one (a county) is read by that range ({@code oversight_obligation_path_idx}) and its
	 * few rows sorted; a large one (the national root, a province) in due-date order
	 * ({@code oversight_obligation_overdue_idx}, the path compared inside the index), which stops at
	 * the limit. The planner chooses, from the bounds (see {@link #customPlans()}).
	 */
	public List<Obligation> obligations(long orgId, int year, String kind, Obligation.Status status, int limit) {
		Subtree subtree = tree.subtree(orgId);
		Scope reading = scope.reading();
		customPlans();
		StringBuilder sql = new StringBuilder(SELECT).append(" WHERE ob.obl_year = :year AND ob.org_path >= :subtreeFrom"
				+ " AND ob.org_path < :subtreeTo");
		if (!reading.covers(subtree.from(), subtree.to())) {
			sql.append(" AND ").append(reading.condition("o"));
		}
		if (kind != null) {
			sql.append(" AND ob.kind = :kind");
		}
		if (status != null) {
			sql.append(" AND ob.status = :status");
		}
		sql.append(" ORDER BY ob.due_date, ob.org_path, ob.kind, ob.subject");
		sql.append(" FETCH FIRST :limit ROWS ONLY");
		JdbcClient.StatementSpec spec = reading.bind(subtree.bind(jdbc.sql(sql.toString()))).param("year", year)
				.param("limit", limit);
		if (kind != null) {
			spec = spec.param("kind", kind);
		}
		if (status != null) {
			spec = spec.param("status", status.name());
		}
		return spec.query(Rows.of(Obligation.class)).list();
	}

	/**
	 * PostgreSQL: plans made for the values bound, for the rest of the transaction. A prepared
	 * statement run often gets a generic plan, made without the subtree's bounds: the same plan
	 * for the national root and for a county, good for one of them only (a county's red list took
	 * 600 ms walking the nation's overdue instances in due order). With the bounds the planner sees
	 * how large the subtree is and reads a county by its path range, the root in due order.
	 */
	private void customPlans() {
		if (database.isPostgres()) {
			jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
		}
	}

	/** The dashboard of an organisation the caller sees, read from the snapshot. */
	public Dashboard dashboard(long orgId, int year) {
		Org org = tree.get(orgId);
		List<OrgNode> children = tree.children(orgId);
		List<Long> ids = new ArrayList<>();
		ids.add(orgId);
		children.forEach(c -> ids.add(c.org().id()));
		// its own instances, counted (an organisation owes a few dozen at most), and the subtrees' counts
		List<CountRow> rows = new ArrayList<>(jdbc.sql("SELECT ob.org_id, ob.kind, " + SubtreeCounts.MONTH
				+ " AS due_month, 'OWN' AS sc, " + SubtreeCounts.SUMS + " FROM oversight_obligation ob"
				+ " WHERE ob.obl_year = :year AND ob.org_id = :org GROUP BY ob.org_id, ob.kind, " + SubtreeCounts.MONTH)
				.param("year", year).param("org", orgId).query(Rows.of(CountRow.class)).list());
		String select = "SELECT c.org_id, c.kind, c.due_month, 'TREE' AS sc, " + SubtreeCounts.COLUMNS
				+ " FROM oversight_count c WHERE c.obl_year = :year AND c.org_id IN (:ids)";
		// the children come in slices so that an organisation with thousands of them stays one query per slice
		for (int i = 0; i < ids.size(); i += 1000) {
			rows.addAll(jdbc.sql(select).param("year", year)
					.param("ids", ids.subList(i, Math.min(ids.size(), i + 1000))).query(Rows.of(CountRow.class)).list());
		}
		List<String> kinds = kinds();
		Line subtreeLine = line(orgId, org.name(), true, rows, false);
		Line own = line(orgId, org.name(), false, rows, true);
		List<Line> lines = children.stream().map(c -> line(c.org().id(), c.org().name(), c.childCount() > 0, rows, false))
				.toList();
		Map<Integer, Counts> months = new LinkedHashMap<>();
		for (int m = 1; m <= 12; m++) {
			months.put(m, Counts.ZERO);
		}
		rows.stream().filter(r -> r.orgId() == orgId && "TREE".equals(r.sc())).forEach(r -> months.merge(r.dueMonth(), r.counts(), Counts::plus));
		List<Month> trend = months.entrySet().stream().map(e -> new Month(e.getKey(), e.getValue())).toList();
		List<Obligation> red = obligations(orgId, year, null, Obligation.Status.OVERDUE, 50);
		LocalDate sweptOn = sweep.lastSweptOn(org, year);
		return new Dashboard(orgId, org.name(), year, kinds, own, subtreeLine, lines, trend, red, sweptOn);
	}

	private Line line(long id, String name, boolean hasChildren, List<CountRow> rows, boolean own) {
		Map<String, Counts> byKind = new LinkedHashMap<>();
		kinds().forEach(k -> byKind.put(k, Counts.ZERO));
		Counts all = Counts.ZERO;
		for (CountRow r : rows) {
			if (r.orgId() == id && (own ? "OWN" : "TREE").equals(r.sc()) && byKind.containsKey(r.kind())) {
				byKind.merge(r.kind(), r.counts(), Counts::plus);
				all = all.plus(r.counts());
			}
		}
		return new Line(id, name, hasChildren, byKind, all);
	}

	/** When an instance changed colour, in the order the sweeps found it (how long was it red?). */
	public List<ColourChange> colourHistory(String kind, long orgId, int year, long subject) {
		tree.get(orgId);
		return jdbc.sql("""
				SELECT from_colour, to_colour, changed_on FROM oversight_colour_change
				WHERE obl_year = :year AND org_id = :org AND kind = :kind AND subject = :subject ORDER BY id
				""").param("year", year).param("org", orgId).param("kind", kind).param("subject", subject)
				.query(Rows.of(ColourChange.class)).list();
	}

	/**
	 * For the reminders: every instance of the year that is not done and carries a warning, of the
	 * kinds not reminded elsewhere, with a responsible post, handed over one by one (not held in
	 * memory). Unrestricted: the reminder job runs as system work.
	 */
	public void remindable(int year, java.util.function.Consumer<Obligation> sink) {
		List<String> kinds = sweep.rules().stream().filter(r -> !r.remindedElsewhere()).map(ObligationRule::kind).toList();
		if (kinds.isEmpty()) {
			return;
		}
		var rows = Rows.of(Obligation.class);
		int[] n = { 0 };
		jdbc.sql(SELECT + " WHERE ob.obl_year = :year AND ob.colour <> 'NONE' AND ob.status IN ('OPEN', 'OVERDUE', 'VACANT')"
				+ " AND ob.post_id IS NOT NULL AND ob.kind IN (:kinds)").param("year", year).param("kinds", kinds)
				.query(rs -> {
					sink.accept(rows.mapRow(rs, n[0]++));
				});
	}
}
