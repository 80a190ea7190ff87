package zeren.oversight;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

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
import zeren.platform.Database;
import zeren.platform.ForbiddenException;

/**
 * The sweep: evaluates every module's {@link ObligationRule} for a year over a subtree, in one
 * transaction, set-based — per rule one {@code INSERT … SELECT} of the rule's query into the
 * stage, each instance with the status, colour and holder (through tenures, on the due date) it
 * has today; then for the whole subtree one statement each for the colour history, for removing
 * the snapshot's rows that differ from the stage (or are gone) and for writing the new and changed
 * ones; then the counts of every subtree ({@link SubtreeCounts}: counted in one pass, compared, only
 * the differing rows replaced), then one roll-up per ancestor. Night after night most instances do not change, so a sweep writes little.
 * Idempotent: a second sweep on the same day writes no row and no colour change.
 */
@Service
public class Sweep {

	private static final Logger log = LoggerFactory.getLogger(Sweep.class);

	/** What one sweep did: the instances evaluated, the rows of them written (new or changed), the colour changes. */
	public record Result(long orgId, int year, LocalDate sweptOn, long instances, long written, long colourChanges, long millis) {
	}

	private final JdbcClient jdbc;
	private final OrgTree tree;
	private final List<ObligationRule> rules;
	private final Warnings warnings;
	private final BusinessClock clock;
	private final AuditTrail audit;
	private final CurrentScope scope;
	private final Database database;
	private final SubtreeCounts counts;

	Sweep(JdbcClient jdbc, DataSource dataSource, OrgTree tree, List<ObligationRule> rules, Warnings warnings,
			BusinessClock clock, AuditTrail audit, CurrentScope scope, Database database) {
		this.database = database;
		this.jdbc = jdbc;
		this.counts = new SubtreeCounts(jdbc, dataSource, database);
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
		if (database.isPostgres()) {
			// the national sweep groups and compares 400,000-row sets: in memory, not in temporary files
			jdbc.sql("SET LOCAL work_mem = '" + WORK_MEM + "'").update();
		}
		String run = UUID.randomUUID().toString();
		Map<String, Object> dates = new HashMap<>();
		dates.put("today", today);
		dates.put("blueBy", warnings.blueBy(today));
		dates.put("yellowBy", warnings.yellowBy(today));
		dates.put("redBefore", warnings.redBefore(today));
		Phases phases = new Phases();
		// every rule's instances, each with the status, colour and holder it has today; the OFFSET 0
		// keeps the rule's query whole, so that a column the status reads twice (the flag, often a
		// NOT EXISTS over posts and tenures) is computed once per row, not once per mention
		long instances = 0;
		for (ObligationRule rule : rules) {
			ObligationRule.Query q = rule.query(year);
			instances += subtree.bind(jdbc.sql("""
					INSERT INTO oversight_stage (run_id, kind, org_id, subject, due_date, done_on, flag, post_id, link, status,
					       colour, holder_id)
					SELECT :sweepRun, :sweepKind, st.org_id, st.subject, st.due_date, st.done_on, st.flag, st.post_id, st.link,
					       st.status, %s,
					       (SELECT MIN(t.person_id) FROM tenure t WHERE t.post_id = st.post_id AND t.start_date <= st.due_date
					          AND (t.end_date IS NULL OR t.end_date >= st.due_date))
					FROM (SELECT s.*, %s AS status FROM (SELECT * FROM (%s) q OFFSET 0 ROWS) s) st""".formatted(Warnings.COLOUR_SQL,
					STATUS_SQL, q.sql())))
					.params(q.parameters()).params(dates).param("sweepRun", run).param("sweepKind", rule.kind()).update();
			phases.lap(rule.kind());
		}
		analyse(instances, "oversight_stage", "oversight_obligation");
		long changes = jdbc.sql("""
				INSERT INTO oversight_colour_change (kind, org_id, obl_year, subject, from_colour, to_colour, changed_on)
				SELECT c.kind, c.org_id, :year, c.subject, ob.colour, c.colour, :today FROM oversight_stage c
				LEFT JOIN oversight_obligation ob ON ob.obl_year = :year AND ob.org_id = c.org_id AND ob.kind = c.kind
				     AND ob.subject = c.subject
				WHERE c.run_id = :sweepRun AND ((ob.colour IS NULL AND c.colour <> 'NONE') OR ob.colour <> c.colour)""")
				.param("today", today).param("sweepRun", run).param("year", year).update();
		phases.lap("colour changes");
		// the snapshot keeps the rows that are the same as today's (most of them, night after night);
		// those that differ or are gone are removed, and the new and changed ones written. Each kept
		// row matches one staged row by key: when as many are kept as were staged nothing is new, and
		// when none is kept nothing needs looking up.
		long removed = subtree.bind(jdbc.sql("""
				DELETE FROM oversight_obligation WHERE obl_year = :year AND org_id IN (%s) AND NOT EXISTS (
				  SELECT 1 FROM oversight_stage s JOIN org o ON o.id = s.org_id
				  WHERE s.run_id = :sweepRun AND s.org_id = oversight_obligation.org_id AND s.kind = oversight_obligation.kind
				    AND s.subject = oversight_obligation.subject AND o.path = oversight_obligation.org_path
				    AND s.due_date = oversight_obligation.due_date AND s.status = oversight_obligation.status
				    AND s.colour = oversight_obligation.colour
				    AND s.done_on IS NOT DISTINCT FROM oversight_obligation.done_on
				    AND s.post_id IS NOT DISTINCT FROM oversight_obligation.post_id
				    AND s.holder_id IS NOT DISTINCT FROM oversight_obligation.holder_id
				    AND s.link IS NOT DISTINCT FROM oversight_obligation.link)""".formatted(Subtree.ORG_IDS)))
				.param("year", year).param("sweepRun", run).update();
		phases.lap("removed " + removed);
		long kept = subtree.bind(jdbc.sql("SELECT COUNT(*) FROM oversight_obligation WHERE obl_year = :year AND org_id IN ("
				+ Subtree.ORG_IDS + ")")).param("year", year).query(Long.class).single();
		long written = kept == instances ? 0 : jdbc.sql("""
				INSERT INTO oversight_obligation (kind, org_id, org_path, obl_year, subject, due_date, done_on, status, colour,
				       post_id, holder_id, link, swept_on)
				SELECT s.kind, s.org_id, o.path, :year, s.subject, s.due_date, s.done_on, s.status, s.colour, s.post_id,
				       s.holder_id, s.link, :today
				FROM oversight_stage s JOIN org o ON o.id = s.org_id
				WHERE s.run_id = :sweepRun""" + (kept == 0 ? "" : unlessThere("oversight_obligation", "ob.obl_year = :year"
				+ " AND ob.org_id = s.org_id AND ob.kind = s.kind AND ob.subject = s.subject", "obl_year, org_id, kind, subject")))
				.param("today", today).param("sweepRun", run).param("year", year).update();
		phases.lap("written " + written);
		jdbc.sql("DELETE FROM oversight_stage WHERE run_id = :sweepRun").param("sweepRun", run).update();
		phases.lap("stage cleared");
		SubtreeCounts.Written counted = counts.write(subtree, org.depth(), year);
		phases.lap("counts " + counted.counted() + " (removed " + counted.removed() + ", written " + counted.inserted() + ")");
		// the ancestors' subtrees changed too: nearest first, each from its own instances and its children's counts
		for (int i = ancestors.size() - 1; i >= 0; i--) {
			counts.rollUp(ancestors.get(i), year);
		}
		phases.lap("ancestors");
		long millis = (System.nanoTime() - started) / 1_000_000;
		audit.record(new AuditTrail.Change(orgId, "oversight-sweep", orgId, "SWEEP",
				"year=%d instances=%d colourChanges=%d".formatted(year, instances, changes)), CurrentUser.actor());
		jdbc.sql("DELETE FROM oversight_sweep_run WHERE org_id = :org AND obl_year = :year").param("org", orgId)
				.param("year", year).update();
		jdbc.sql("""
				INSERT INTO oversight_sweep_run (org_id, obl_year, swept_on, instances, written, colour_changes, millis, finished_at)
				VALUES (:org, :year, :today, :instances, :written, :changes, :millis, CURRENT_TIMESTAMP)""").param("org", orgId)
				.param("year", year).param("today", today).param("instances", instances).param("written", written)
				.param("changes", changes).param("millis", millis).update();
		if (millis >= 10_000 || log.isDebugEnabled()) {
			log.info("oversight sweep of org {} year {}: {} instances, {} written, {} colour changes, {} ms ({})", orgId, year,
					instances, written, changes, millis, phases);
		}
		else {
			log.info("oversight sweep of org {} year {}: {} instances, {} written, {} colour changes, {} ms", orgId, year,
					instances, written, changes, millis);
		}
		return new Result(orgId, year, today, instances, written, changes, millis);
	}

	/** PostgreSQL's work memory for the sweep's transaction (sorts and hash tables of each statement). */
	static final String WORK_MEM = "64MB";

	/** Above this many staged rows the sweep refreshes the planner's statistics (PostgreSQL). */
	static final long ANALYSE_ABOVE = 10_000;

	/**
	 * PostgreSQL: fresh statistics of the stage and the snapshot before they are compared. Within
	 * the sweep's transaction they would still say what they said before it (a stage of a few rows,
	 * a snapshot empty before the first sweep), and a plan for a few rows compares 400,000 with
	 * 400,000 one by one. ANALYZE sees the transaction's own rows.
	 */
	private void analyse(long staged, String... tables) {
		if (staged > ANALYSE_ABOVE && database.isPostgres()) {
			for (String table : tables) {
				jdbc.sql("ANALYZE " + table).update();
			}
		}
	}

	/**
	 * The end of an {@code INSERT … SELECT} from a stage {@code s} that leaves out the rows whose key
	 * the table already holds (unchanged since the last sweep). PostgreSQL: {@code ON CONFLICT DO
	 * NOTHING} on the key, which looks each row up in the key's index — a {@code NOT EXISTS} over
	 * the table being written could be planned as a scan of it per row, and the rows the statement
	 * itself inserts make each scan longer. H2: {@code NOT EXISTS}, through the key.
	 */
	private String unlessThere(String table, String sameKey, String keyColumns) {
		return database.isPostgres() ? " ON CONFLICT (" + keyColumns + ") DO NOTHING"
				: " AND NOT EXISTS (SELECT 1 FROM " + table + " ob WHERE " + sameKey + ")";
	}

	/** How long each step of a sweep took, for the log. */
	private static final class Phases {

		private final StringBuilder text = new StringBuilder();

		private long last = System.nanoTime();

		void lap(String step) {
			long now = System.nanoTime();
			text.append(text.isEmpty() ? "" : ", ").append(step).append(' ').append((now - last) / 1_000_000).append(" ms");
			last = now;
		}

		@Override
		public String toString() {
			return text.toString();
		}
	}

	/**
	 * The business date of the last sweep that covered {@code orgId} for {@code year} (a sweep of
	 * its subtree or of an ancestor's), or {@code null} when none did. The organisation must be
	 * visible to the caller.
	 */
	public LocalDate lastSweptOn(long orgId, int year) {
		return lastSweptOn(tree.get(orgId), year);
	}

	/** {@link #lastSweptOn(long, int)} for an organisation the caller has read already (no second look-up). */
	public LocalDate lastSweptOn(Org org, int year) {
		List<Long> covering = new ArrayList<>(ancestorIds(org));
		covering.add(org.id());
		return jdbc.sql("SELECT MAX(swept_on) FROM oversight_sweep_run WHERE obl_year = :year AND org_id IN (:orgs)")
				.param("year", year).param("orgs", covering).query(LocalDate.class).optional().orElse(null);
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
