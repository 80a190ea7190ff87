package zeren.oversight;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zeren.audit.AuditTrail;
import zeren.org.Org;
import zeren.org.OrgTree;
import zeren.org.Subtree;
import zeren.platform.BusinessClock;
import zeren.platform.CurrentScope;
import zeren.platform.CurrentUser;
import zeren.platform.ForbiddenException;

/**
 * The sweep: evaluates every module's {@link ObligationRule} for a year over a subtree, in one
 * transaction, set-based — per rule one {@code INSERT … SELECT} of the rule's query into the
 * stage, then for the whole subtree one statement each for the colour history, the instances and
 * the own counts, one per level for the rolled-up counts and one per ancestor. Idempotent: a
 * second sweep on the same day writes the same rows and no colour change.
 */
@Service
public class Sweep {

	private static final Logger log = LoggerFactory.getLogger(Sweep.class);

	/** What one sweep did. */
	public record Result(long orgId, int year, LocalDate sweptOn, long instances, long colourChanges, long millis) {
	}

	private final JdbcClient jdbc;
	private final OrgTree tree;
	private final List<ObligationRule> rules;
	private final Warnings warnings;
	private final BusinessClock clock;
	private final AuditTrail audit;
	private final CurrentScope scope;

	Sweep(JdbcClient jdbc, OrgTree tree, List<ObligationRule> rules, Warnings warnings, BusinessClock clock,
			AuditTrail audit, CurrentScope scope) {
		this.jdbc = jdbc;
		this.tree = tree;
		this.rules = rules.stream().sorted(Comparator.comparingInt(ObligationRule::order)).toList();
		this.warnings = warnings;
		this.clock = clock;
		this.audit = audit;
		this.scope = scope;
	}

	/** The rules in dashboard order. */
	public List<ObligationRule> rules() {
		return rules;
	}

	private static final String STATUS_SQL = """
			CASE WHEN s.flag = 'NOT_APPLICABLE' THEN 'NOT_APPLICABLE'
			     WHEN s.done_on IS NOT NULL AND s.done_on <= s.due_date THEN 'DONE_ON_TIME'
			     WHEN s.done_on IS NOT NULL THEN 'DONE_LATE'
			     WHEN s.flag = 'VACANT' THEN 'VACANT'
			     WHEN s.due_date < :today THEN 'OVERDUE'
			     ELSE 'OPEN' END""";

	private static final String COUNTS = """
			SUM(x.total), SUM(x.done_on_time), SUM(x.done_late), SUM(x.open_count), SUM(x.overdue), SUM(x.vacant),
			SUM(x.not_applicable), SUM(x.blue), SUM(x.yellow), SUM(x.red)""";

	private static final String COUNT_COLUMNS = "total, done_on_time, done_late, open_count, overdue, vacant, "
			+ "not_applicable, blue, yellow, red";

	private static final String INSERT_COUNT = "INSERT INTO oversight_count (org_id, obl_year, kind, due_month, scope, "
			+ COUNT_COLUMNS + ") ";

	/** A sweep asked for by a person: administrators only (403 otherwise); the organisation must be visible (404). */
	@Transactional
	public Result sweepNow(long orgId, int year) {
		if (!scope.isAdmin()) {
			throw new ForbiddenException();
		}
		return sweep(orgId, OversightRequests.year(year));
	}

	/**
	 * Sweeps {@code year} over the subtree of {@code orgId} as of today's business date. The
	 * organisation must be visible to the caller (system work sees all); who may ask is the
	 * caller's business (the API: administrators).
	 */
	@Transactional
	public Result sweep(long orgId, int year) {
		long started = System.nanoTime();
		Org org = tree.get(orgId);
		Subtree subtree = tree.subtree(orgId);
		LocalDate today = clock.today();
		List<Long> ancestors = ancestorIds(org);
		// one sweep at a time per tree: overlapping sweeps would replace each other's rows
		jdbc.sql("SELECT id FROM org WHERE id = :id FOR UPDATE").param("id", ancestors.isEmpty() ? orgId : ancestors.get(0))
				.query(Long.class).list();
		String run = UUID.randomUUID().toString();
		for (ObligationRule rule : rules) {
			ObligationRule.Query q = rule.query(year);
			subtree.bind(jdbc.sql("""
					INSERT INTO oversight_stage (run_id, kind, org_id, subject, due_date, done_on, flag, post_id, link)
					SELECT :sweepRun, :sweepKind, q.org_id, q.subject, q.due_date, q.done_on, q.flag, q.post_id, q.link
					FROM (%s) q""".formatted(q.sql()))).params(q.parameters()).param("sweepRun", run)
					.param("sweepKind", rule.kind()).update();
		}
		Map<String, Object> dates = new HashMap<>();
		dates.put("today", today);
		dates.put("blueBy", warnings.blueBy(today));
		dates.put("yellowBy", warnings.yellowBy(today));
		dates.put("redBefore", warnings.redBefore(today));
		String computed = "(SELECT st.*, " + Warnings.COLOUR_SQL + " AS colour FROM (SELECT s.*, " + STATUS_SQL
				+ " AS status FROM oversight_stage s WHERE s.run_id = :sweepRun) st) c";
		long changes = jdbc.sql("""
				INSERT INTO oversight_colour_change (kind, org_id, obl_year, subject, from_colour, to_colour, changed_on)
				SELECT c.kind, c.org_id, :year, c.subject, ob.colour, c.colour, :today FROM %s
				LEFT JOIN oversight_obligation ob ON ob.obl_year = :year AND ob.org_id = c.org_id AND ob.kind = c.kind
				     AND ob.subject = c.subject
				WHERE (ob.colour IS NULL AND c.colour <> 'NONE') OR ob.colour <> c.colour""".formatted(computed))
				.params(dates).param("sweepRun", run).param("year", year).update();
		subtree.bind(jdbc.sql("DELETE FROM oversight_obligation WHERE obl_year = :year AND org_id IN (" + Subtree.ORG_IDS + ")"))
				.param("year", year).update();
		long instances = jdbc.sql("""
				INSERT INTO oversight_obligation (kind, org_id, obl_year, subject, due_date, done_on, status, colour, post_id,
				       holder_id, link, swept_on)
				SELECT c.kind, c.org_id, :year, c.subject, c.due_date, c.done_on, c.status, c.colour, c.post_id,
				       (SELECT MIN(t.person_id) FROM tenure t WHERE t.post_id = c.post_id AND t.start_date <= c.due_date
				          AND (t.end_date IS NULL OR t.end_date >= c.due_date)),
				       c.link, :today FROM %s""".formatted(computed)).params(dates).param("sweepRun", run)
				.param("year", year).update();
		jdbc.sql("DELETE FROM oversight_stage WHERE run_id = :sweepRun").param("sweepRun", run).update();
		writeCounts(subtree, ancestors, org.depth(), year);
		long millis = (System.nanoTime() - started) / 1_000_000;
		audit.record(new AuditTrail.Change(orgId, "oversight-sweep", orgId, "SWEEP",
				"year=%d instances=%d colourChanges=%d".formatted(year, instances, changes)), CurrentUser.actor());
		log.info("oversight sweep of org {} year {}: {} instances, {} colour changes, {} ms", orgId, year, instances,
				changes, millis);
		return new Result(orgId, year, today, instances, changes, millis);
	}

	private void writeCounts(Subtree subtree, List<Long> ancestors, int rootDepth, int year) {
		String inSubtree = "org_id IN (" + Subtree.ORG_IDS + ")";
		subtree.bind(jdbc.sql("DELETE FROM oversight_count WHERE obl_year = :year AND " + inSubtree)).param("year", year)
				.update();
		subtree.bind(jdbc.sql(INSERT_COUNT + """
				SELECT ob.org_id, :year, ob.kind, EXTRACT(MONTH FROM ob.due_date), 'OWN', COUNT(*),
				  SUM(CASE WHEN ob.status = 'DONE_ON_TIME' THEN 1 ELSE 0 END), SUM(CASE WHEN ob.status = 'DONE_LATE' THEN 1 ELSE 0 END),
				  SUM(CASE WHEN ob.status = 'OPEN' THEN 1 ELSE 0 END), SUM(CASE WHEN ob.status = 'OVERDUE' THEN 1 ELSE 0 END),
				  SUM(CASE WHEN ob.status = 'VACANT' THEN 1 ELSE 0 END), SUM(CASE WHEN ob.status = 'NOT_APPLICABLE' THEN 1 ELSE 0 END),
				  SUM(CASE WHEN ob.colour = 'BLUE' THEN 1 ELSE 0 END), SUM(CASE WHEN ob.colour = 'YELLOW' THEN 1 ELSE 0 END),
				  SUM(CASE WHEN ob.colour = 'RED' THEN 1 ELSE 0 END)
				FROM oversight_obligation ob WHERE ob.obl_year = :year AND ob.""" + inSubtree
				+ " GROUP BY ob.org_id, ob.kind, EXTRACT(MONTH FROM ob.due_date)")).param("year", year).update();
		Integer maxDepth = subtree.bind(jdbc.sql("SELECT MAX(depth) FROM org WHERE path >= :subtreeFrom AND path < :subtreeTo"))
				.query(Integer.class).single();
		for (int depth = maxDepth; depth >= rootDepth; depth--) {
			subtree.bind(rollUp("o.depth = :depth AND o.path >= :subtreeFrom AND o.path < :subtreeTo",
					"o.depth = :depth + 1 AND o.path >= :subtreeFrom AND o.path < :subtreeTo")).param("depth", depth)
					.param("year", year).update();
		}
		// the ancestors' subtrees changed too: nearest first, each from its own counts and its children's
		for (int i = ancestors.size() - 1; i >= 0; i--) {
			long id = ancestors.get(i);
			jdbc.sql("DELETE FROM oversight_count WHERE obl_year = :year AND scope = 'TREE' AND org_id = :org")
					.param("year", year).param("org", id).update();
			rollUp("o.id = :org", "o.parent_id = :org").param("org", id).param("year", year).update();
		}
	}

	/** Rolled-up counts of the organisations matching {@code self}, from their own and their children's (matching {@code children}). */
	private JdbcClient.StatementSpec rollUp(String self, String children) {
		return jdbc.sql(INSERT_COUNT + "SELECT x.org_id, :year, x.kind, x.due_month, 'TREE', " + COUNTS + " FROM ("
				+ "SELECT c.org_id, c.kind, c.due_month, " + COUNT_COLUMNS.replaceAll("(\\w+)", "c.$1")
				+ " FROM oversight_count c JOIN org o ON o.id = c.org_id WHERE c.obl_year = :year AND c.scope = 'OWN' AND "
				+ self + " UNION ALL SELECT o.parent_id, c.kind, c.due_month, " + COUNT_COLUMNS.replaceAll("(\\w+)", "c.$1")
				+ " FROM oversight_count c JOIN org o ON o.id = c.org_id WHERE c.obl_year = :year AND c.scope = 'TREE' AND "
				+ children + ") x GROUP BY x.org_id, x.kind, x.due_month");
	}

	/** Ids of the ancestors, root first (read off the path). */
	static List<Long> ancestorIds(Org org) {
		String path = org.path();
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i + 10 < path.length(); i += 10) {
			ids.add(Long.parseLong(path.substring(i, i + 10)));
		}
		return ids;
	}
}
