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
import zeren.platform.Paged;
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
 * <p><b>Cost.</b> One statement (per-level summary and one page of the missing pairs), set-based
 * joins over the subtree's organisations, posts, interviews and tenures: no loop per organisation.
 * The figures are exact over every pair; the pairs not covered are sorted in the database and only
 * the page asked for leaves it ({@link #coverage(long, int)}: the first {@link #MISSING_SHOWN};
 * {@link #missing}: any page), so a province's answer is bounded by what is shown, not by its size.
 */
@Service
@Transactional(readOnly = true)
public class InterviewCoverage {

	/** Missing pairs an overview ({@link #coverage(long, int)}) carries; {@link #missing} pages through them all. */
	public static final int MISSING_SHOWN = 100;

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

	/**
	 * The figures in full; {@code missing}: one page of the pairs not covered (the first
	 * {@link #MISSING_SHOWN} for {@link #coverage(long, int)}), in a stable order (level, upper and
	 * lower committee by the tree, rule, posts); {@code missingCount}: all of them (open, vacant and
	 * not set up); {@code truncated}: more pairs are missing than listed.
	 */
	public record Coverage(long orgId, String orgName, int year, long required, long covered, long vacant,
			long notSetUp, List<Level> levels, List<MissingPair> missing, long missingCount, boolean truncated) {

		/** Pairs required but not held (open): the shortfall. */
		public long open() {
			return required - covered;
		}
	}

	/** Coverage of the configured rules for the subtree of {@code orgId} in {@code year}, with the first missing pairs. */
	public Coverage coverage(long orgId, int year) {
		return coverage(orgId, year, rules, 1, MISSING_SHOWN);
	}

	/** Coverage of the given rules (the benchmark varies them), with the first missing pairs. */
	public Coverage coverage(long orgId, int year, CoverageRules rules) {
		return coverage(orgId, year, rules, 1, MISSING_SHOWN);
	}

	/** The same figures, with page {@code page} (from 1) of {@code size} missing pairs. */
	public Coverage coverage(long orgId, int year, int page, int size) {
		return coverage(orgId, year, rules, page, size);
	}

	/**
	 * Page {@code page} (from 1) of {@code size} of every missing pair, in the order of
	 * {@link Coverage#missing()}; the total is {@link Coverage#missingCount()}. 404 for an
	 * organisation out of view.
	 */
	public Paged<MissingPair> missing(long orgId, int year, int page, int size) {
		Coverage c = coverage(orgId, year, rules, page, size);
		return new Paged<>(c.missing(), page, size, c.missingCount());
	}

	private Coverage coverage(long orgId, int year, CoverageRules rules, int page, int size) {
		Org root = tree.get(orgId);
		if (year < 2000 || year > 2100) {
			throw InvalidInputException.of("year", "error.interview.year-range", 2000, 2100);
		}
		if (page < 1 || size < 1) {
			throw new IllegalArgumentException("page and size start at 1");
		}
		Query q = new Query(rules, scope.reading(), tree.subtree(orgId), root.depth(), year);
		sizeWorkMemory();
		List<String> names = new ArrayList<>(rules.rules().keySet());
		List<Level> levels = new ArrayList<>();
		List<MissingPair> missing = new ArrayList<>();
		// one statement: the summary rows (kind 0) and one page of the missing pairs (kind 1) from the same CTEs
		JdbcClient.StatementSpec statement = q.bind(jdbc.sql(q.statement()))
				.param("missingOffset", Paged.offset(page, size)).param("missingSize", size);
		statement.query(rs -> {
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
		// every pair that is not covered: the open ones, the vacant and those not set up
		long missingCount = required - covered + vacant + notSetUp;
		return new Coverage(root.id(), root.name(), year, required, covered, vacant, notSetUp, levels, missing,
				missingCount, Paged.offset(page, size) + missing.size() < missingCount);
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
		return String.join("\n", q.bind(jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + q.statement())).param("missingOffset", 0)
				.param("missingSize", MISSING_SHOWN).query(String.class).list());
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
		 * (0 covered, 1 open, 2 vacant, 3 not set up). Then the per-level summary and one page of
		 * the pairs not covered (sorted and cut in the database: a top-N sort, only the page's rows
		 * leave it), one UNION ALL. The order ends on both posts' ids and kinds, so it is total and a
		 * page never repeats or skips a pair.
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
					SELECT * FROM (
					  SELECT 1 AS row_kind, p.lvl, CAST(NULL AS BIGINT) AS required, CAST(NULL AS BIGINT) AS covered,
					         p.rule_no, p.min_n, p.n, p.upper_id AS u_id, uo.name AS u_name, uo.path AS u_path, p.a_post AS a_id,
					         xa.title AS a_title, xa.org_id AS a_org, xa.sort_order AS a_sort, p.lower_id AS c_id,
					         lo.name AS c_name, lo.path AS c_path, p.b_post AS b_id, xb.title AS b_title, xb.org_id AS b_org,
					         xb.sort_order AS b_sort, CAST(NULL AS BIGINT) AS vacant, CAST(NULL AS BIGINT) AS not_set_up,
					         p.st, p.a_kind, p.b_kind
					  FROM pairs p JOIN org uo ON uo.id = p.upper_id JOIN org lo ON lo.id = p.lower_id
					  LEFT JOIN post xa ON xa.id = p.a_post LEFT JOIN post xb ON xb.id = p.b_post
					  WHERE p.st > 0
					  ORDER BY p.lvl, uo.path, lo.path, p.rule_no, xa.sort_order NULLS LAST, p.a_post NULLS LAST,
					           xb.sort_order NULLS LAST, p.b_post NULLS LAST, p.a_kind, p.b_kind
					  OFFSET :missingOffset ROWS FETCH NEXT :missingSize ROWS ONLY
					) m
					ORDER BY 1, 2, 10, 17, 5, 14 NULLS LAST, 11 NULLS LAST, 21 NULLS LAST, 18 NULLS LAST, 25, 26
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
