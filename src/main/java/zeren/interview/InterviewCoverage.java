package zeren.interview;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zeren.org.Org;
import zeren.org.OrgTree;
import zeren.org.PostKind;
import zeren.org.Subtree;
import zeren.platform.CurrentScope;
import zeren.platform.Database;
import zeren.platform.InvalidInputException;
import zeren.platform.Scope;

/**
 * Which interviews the {@link CoverageRules} required in a year below an organisation, and which
 * were held.
 *
 * <p><b>Semantics.</b> A required pair is a pair of POSTS (interviewer post, interviewee post),
 * one per rule, upper committee U in the subtree (U itself included) and directly lower
 * committee C (a child of U): for example (U's 书记 post, C's 书记 post). Only active
 * organisations and active posts count; a lower committee without such a post has no pair. The
 * pair is <b>covered</b> in year Y when at least {@code minPerYear} interviews dated in Y each had,
 * on their date, the holder of the interviewer post (by tenure) interviewing the holder of the
 * interviewee post (by tenure). People do not make pairs: when C's secretary is replaced in June,
 * an interview with the outgoing secretary in March covers the pair for the year, and so does
 * one with the successor in October; an interview that names someone who did not hold the post
 * on its date (for example after a tenure was corrected) covers nothing.
 *
 * <p><b>Cost.</b> One statement (per-level summary and missing pairs), set-based joins over the
 * subtree's organisations, posts, interviews and tenures: no loop per organisation.
 */
@Service
@Transactional(readOnly = true)
public class InterviewCoverage {

	private final JdbcClient jdbc;
	private final OrgTree tree;
	private final CurrentScope scope;
	private final CoverageRules rules;
	private final Database database;
	private final String workMem;

	InterviewCoverage(JdbcClient jdbc, OrgTree tree, CurrentScope scope, CoverageRules rules, Database database,
			@Value("${zeren.interview.coverage-work-mem:64MB}") String workMem) {
		this.jdbc = jdbc;
		this.tree = tree;
		this.scope = scope;
		this.rules = rules;
		this.database = database;
		if (!workMem.matches("[0-9]{1,6}(kB|MB|GB)")) {
			throw new IllegalArgumentException("zeren.interview.coverage-work-mem: a size such as 64MB, not " + workMem);
		}
		this.workMem = workMem;
	}

	/**
	 * On PostgreSQL, the hash tables of a large subtree (the whole country: about 50 MB) would
	 * spill to disk with the default work_mem of 4 MB; this transaction alone gets more.
	 */
	private void sizeWorkMemory() {
		if (database.isPostgres()) {
			jdbc.sql("SET LOCAL work_mem = '" + workMem + "'").update();
		}
	}

	/** What became of a required pair in the year. */
	public enum PairStatus {
		/** enough interviews held */
		COVERED,
		/** both posts were held in the year, not enough interviews */
		OPEN,
		/** a post exists but nobody held it at any time in the year */
		VACANT,
		/** a committee has no such post (for example an organisation without posts) */
		NOT_SET_UP
	}

	/**
	 * Pairs of one level: the upper committees at {@code level} below the root (0: the root itself).
	 * {@code required}: the pairs that could be held (covered or open); vacant and not set up are
	 * counted beside them, never dropped.
	 */
	public record Level(int level, long required, long covered, long vacant, long notSetUp) {

		public long missing() {
			return required - covered;
		}
	}

	/**
	 * A required pair that is not covered: open, vacant or not set up. {@code upper}/{@code lower}:
	 * the two committees; the posts' own organisation may be a linked discipline body; a post not
	 * set up has no id and no title, only its kind. {@code interviews}: how many interviews of the
	 * year counted for it.
	 */
	public record MissingPair(String rule, PairStatus status, int level, long upperOrgId, String upperOrgName,
			PostKind interviewerKind, Long interviewerPostId, String interviewerPostTitle, Long interviewerPostOrgId,
			long lowerOrgId, String lowerOrgName, PostKind intervieweeKind, Long intervieweePostId,
			String intervieweePostTitle, Long intervieweePostOrgId, long interviews, int minPerYear) {
	}

	public record Coverage(long orgId, String orgName, int year, long required, long covered, long vacant,
			long notSetUp, List<Level> levels, List<MissingPair> missing) {

		/** Pairs required but not held (open): the shortfall. */
		public long open() {
			return required - covered;
		}
	}

	/** Coverage of the configured rules for the subtree of {@code orgId} in {@code year}. */
	public Coverage coverage(long orgId, int year) {
		return coverage(orgId, year, rules);
	}

	/** Coverage of the given rules (the benchmark varies them). */
	public Coverage coverage(long orgId, int year, CoverageRules rules) {
		Org root = tree.get(orgId);
		if (year < 2000 || year > 2100) {
			throw InvalidInputException.of("year", "error.interview.year-range", 2000, 2100);
		}
		Query q = new Query(rules, scope.reading(), tree.subtree(orgId), root.depth(), year);
		sizeWorkMemory();
		List<String> names = new ArrayList<>(rules.rules().keySet());
		List<Level> levels = new ArrayList<>();
		List<MissingPair> missing = new ArrayList<>();
		// one statement: the summary rows (kind 0) and the missing pairs (kind 1) from the same CTEs
		q.bind(jdbc.sql(q.statement())).query(rs -> {
			if (rs.getInt("row_kind") == 0) {
				levels.add(new Level(rs.getInt("lvl"), rs.getLong("required"), rs.getLong("covered"), rs.getLong("vacant"),
						rs.getLong("not_set_up")));
			}
			else {
				missing.add(new MissingPair(names.get(rs.getInt("rule_no")), PairStatus.values()[rs.getInt("st")],
						rs.getInt("lvl"), rs.getLong("u_id"), rs.getString("u_name"), PostKind.valueOf(rs.getString("a_kind")),
						nullableLong(rs, "a_id"), rs.getString("a_title"), nullableLong(rs, "a_org"), rs.getLong("c_id"),
						rs.getString("c_name"), PostKind.valueOf(rs.getString("b_kind")), nullableLong(rs, "b_id"),
						rs.getString("b_title"), nullableLong(rs, "b_org"), rs.getLong("n"), rs.getInt("min_n")));
			}
		});
		long required = levels.stream().mapToLong(Level::required).sum();
		long covered = levels.stream().mapToLong(Level::covered).sum();
		long vacant = levels.stream().mapToLong(Level::vacant).sum();
		long notSetUp = levels.stream().mapToLong(Level::notSetUp).sum();
		return new Coverage(root.id(), root.name(), year, required, covered, vacant, notSetUp, levels, missing);
	}

	private static Long nullableLong(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	/**
	 * PostgreSQL only, for benchmarks and diagnosis: the plan of the coverage statement with its
	 * actual row counts and timings ({@code EXPLAIN (ANALYZE, BUFFERS)}).
	 */
	public String explain(long orgId, int year, CoverageRules rules) {
		Org root = tree.get(orgId);
		Query q = new Query(rules, scope.reading(), tree.subtree(orgId), root.depth(), year);
		sizeWorkMemory();
		return String.join("\n", q.bind(jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + q.statement())).query(String.class).list());
	}

	/** The statement and its parameters. */
	private static final class Query {

		private final Map<String, Object> params = new HashMap<>();
		private final String required;
		private final Scope reading;
		private final Subtree subtree;

		Query(CoverageRules rules, Scope reading, Subtree subtree, int rootDepth, int year) {
			this.reading = reading;
			this.subtree = subtree;
			params.put("rootDepth", rootDepth);
			CoveragePairs.year(year, params);
			required = CoveragePairs.pairs(rules, "edges", false, params);
		}

		/**
		 * edges: (upper committee in the subtree, child committee), once for all rules; required:
		 * the pairs ({@link CoveragePairs}); held: per (interviewer post, interviewee post), the
		 * interviews of the year in which both people held their posts on the date (tenures
		 * re-checked, so a corrected tenure counts); pairs: required with its count and status
		 * (0 covered, 1 open, 2 vacant, 3 not set up). Then the per-level summary and the pairs
		 * not covered, one UNION ALL.
		 */
		String statement() {
			return """
					WITH edges AS (%s),
					required AS (%s),
					held AS (
					  SELECT i.interviewer_post_id AS a_post, v.post_id AS b_post, COUNT(*) AS n
					  FROM interview i JOIN interview_interviewee v ON v.interview_id = i.id
					  WHERE i.interview_date >= :covYearStart AND i.interview_date <= :covYearEnd
					    AND EXISTS (SELECT 1 FROM required rq WHERE rq.a_post IS NOT NULL AND rq.b_post IS NOT NULL
					                AND rq.a_post = i.interviewer_post_id AND rq.b_post = v.post_id)
					    AND %s AND %s
					  GROUP BY i.interviewer_post_id, v.post_id
					),
					pairs AS (
					  SELECT r.rule_no, r.min_n, r.lvl - :rootDepth AS lvl, r.upper_id, r.a_post, r.lower_id, r.b_post,
					         r.a_kind, r.b_kind, COALESCE(h.n, 0) AS n,
					         CASE WHEN r.a_post IS NULL OR r.b_post IS NULL THEN 3
					              WHEN COALESCE(h.n, 0) >= r.min_n THEN 0
					              WHEN %s OR %s THEN 2
					              ELSE 1 END AS st
					  FROM required r LEFT JOIN held h ON h.a_post = r.a_post AND h.b_post = r.b_post
					)
					SELECT 0 AS row_kind, p.lvl, SUM(CASE WHEN p.st <= 1 THEN 1 ELSE 0 END) AS required,
					       SUM(CASE WHEN p.st = 0 THEN 1 ELSE 0 END) AS covered,
					       CAST(NULL AS INT) AS rule_no, CAST(NULL AS INT) AS min_n, CAST(NULL AS BIGINT) AS n,
					       CAST(NULL AS BIGINT) AS u_id, CAST(NULL AS VARCHAR(200)) AS u_name, CAST(NULL AS VARCHAR(1000)) AS u_path,
					       CAST(NULL AS BIGINT) AS a_id, CAST(NULL AS VARCHAR(100)) AS a_title, CAST(NULL AS BIGINT) AS a_org,
					       CAST(NULL AS INT) AS a_sort, CAST(NULL AS BIGINT) AS c_id, CAST(NULL AS VARCHAR(200)) AS c_name,
					       CAST(NULL AS VARCHAR(1000)) AS c_path, CAST(NULL AS BIGINT) AS b_id, CAST(NULL AS VARCHAR(100)) AS b_title,
					       CAST(NULL AS BIGINT) AS b_org, CAST(NULL AS INT) AS b_sort,
					       SUM(CASE WHEN p.st = 2 THEN 1 ELSE 0 END) AS vacant, SUM(CASE WHEN p.st = 3 THEN 1 ELSE 0 END) AS not_set_up,
					       CAST(NULL AS INT) AS st, CAST(NULL AS VARCHAR(40)) AS a_kind, CAST(NULL AS VARCHAR(40)) AS b_kind
					FROM pairs p GROUP BY p.lvl
					UNION ALL
					SELECT 1, p.lvl, NULL, NULL, p.rule_no, p.min_n, p.n,
					       p.upper_id, uo.name, uo.path, p.a_post, xa.title, xa.org_id, xa.sort_order,
					       p.lower_id, lo.name, lo.path, p.b_post, xb.title, xb.org_id, xb.sort_order,
					       NULL, NULL, p.st, p.a_kind, p.b_kind
					FROM pairs p JOIN org uo ON uo.id = p.upper_id JOIN org lo ON lo.id = p.lower_id
					LEFT JOIN post xa ON xa.id = p.a_post LEFT JOIN post xb ON xb.id = p.b_post
					WHERE p.st > 0
					ORDER BY 1, 2, 10, 17, 5, 14 NULLS LAST, 11 NULLS LAST, 21 NULLS LAST, 18 NULLS LAST
					""".formatted(CoveragePairs.edges(reading.condition("u") + " AND " + reading.condition("c")), required,
					CoveragePairs.held("i.interviewer_post_id", "i.interviewer_person_id"),
					CoveragePairs.held("v.post_id", "v.person_id"), CoveragePairs.vacant("r.a_post"),
					CoveragePairs.vacant("r.b_post"));
		}

		JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
			return reading.bind(subtree.bind(spec.params(params)));
		}
	}
}
