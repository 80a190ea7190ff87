package zeren.interview;

import java.time.LocalDate;
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
import zeren.org.OrgType;
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

	/** Pairs of one level: the upper committees at {@code level} below the root (0: the root itself). */
	public record Level(int level, long required, long covered) {

		public long missing() {
			return required - covered;
		}
	}

	/**
	 * A required pair without enough interviews. {@code upper}/{@code lower}: the two committees;
	 * the posts' own organisation may be a linked discipline body. {@code interviews}: how many
	 * interviews of the year counted for it.
	 */
	public record MissingPair(String rule, int level, long upperOrgId, String upperOrgName, long interviewerPostId,
			String interviewerPostTitle, long interviewerPostOrgId, long lowerOrgId, String lowerOrgName,
			long intervieweePostId, String intervieweePostTitle, long intervieweePostOrgId, long interviews,
			int minPerYear) {
	}

	public record Coverage(long orgId, String orgName, int year, long required, long covered, List<Level> levels,
			List<MissingPair> missing) {
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
				levels.add(new Level(rs.getInt("lvl"), rs.getLong("required"), rs.getLong("covered")));
			}
			else {
				missing.add(new MissingPair(names.get(rs.getInt("rule_no")), rs.getInt("lvl"), rs.getLong("u_id"),
						rs.getString("u_name"), rs.getLong("a_id"), rs.getString("a_title"), rs.getLong("a_org"),
						rs.getLong("c_id"), rs.getString("c_name"), rs.getLong("b_id"), rs.getString("b_title"),
						rs.getLong("b_org"), rs.getLong("n"), rs.getInt("min_n")));
			}
		});
		long required = levels.stream().mapToLong(Level::required).sum();
		long covered = levels.stream().mapToLong(Level::covered).sum();
		return new Coverage(root.id(), root.name(), year, required, covered, levels, missing);
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
			params.put("types", rules.committeeTypes().stream().map(OrgType::name).toList());
			params.put("rootDepth", rootDepth);
			params.put("yearStart", LocalDate.of(year, 1, 1));
			params.put("yearEnd", LocalDate.of(year, 12, 31));
			List<String> parts = new ArrayList<>();
			int ruleNo = 0;
			int k = 0;
			for (CoverageRules.Rule rule : rules.rules().values()) {
				for (PostKind interviewee : rule.interviewees()) {
					// rule_no, min and kinds are bound; the post's place is one of two fixed columns
					parts.add("""
							SELECT CAST(:rule%1$d AS INT) AS rule_no, CAST(:min%1$d AS INT) AS min_n, e.lvl,
							       e.u_id AS upper_id, ap.id AS a_post, e.c_id AS lower_id, bp.id AS b_post
							FROM edges e
							JOIN post ap ON ap.org_id = e.%2$s AND ap.kind = :a%1$d AND ap.active = TRUE
							JOIN post bp ON bp.org_id = e.%3$s AND bp.kind = :b%1$d AND bp.active = TRUE
							""".formatted(k, place(rule.interviewer(), "u"), place(interviewee, "c")));
					params.put("rule" + k, ruleNo);
					params.put("min" + k, rule.minPerYear());
					params.put("a" + k, rule.interviewer().name());
					params.put("b" + k, interviewee.name());
					k++;
				}
				ruleNo++;
			}
			required = parts.isEmpty()
					? "SELECT 0 AS rule_no, 1 AS min_n, 0 AS lvl, 0 AS upper_id, 0 AS a_post, 0 AS lower_id, 0 AS b_post FROM edges WHERE 1 = 0"
					: String.join(" UNION ALL ", parts);
		}

		/** The column of {@code edges} that names where a post of this kind sits for the committee {@code side}. */
		private static String place(PostKind kind, String side) {
			return kind == PostKind.DISCIPLINE_SECRETARY ? side + "_disc" : side + "_id";
		}

		/**
		 * edges: (upper committee in the subtree, child committee), once for all rules; required:
		 * one join per rule and interviewee kind; held: per (interviewer post, interviewee post), the
		 * interviews of the year in which both people held their posts on the date (tenures
		 * re-checked, so a corrected tenure counts); pairs: required with its count. Then the
		 * per-level summary and the missing pairs, one UNION ALL.
		 */
		String statement() {
			return """
					WITH edges AS (
					  SELECT u.id AS u_id, COALESCE(u.discipline_body_id, u.id) AS u_disc, u.depth - :rootDepth AS lvl,
					         c.id AS c_id, COALESCE(c.discipline_body_id, c.id) AS c_disc
					  FROM org u JOIN org c ON c.parent_id = u.id AND c.active = TRUE AND c.type IN (:types)
					  WHERE u.path >= :subtreeFrom AND u.path < :subtreeTo AND u.active = TRUE AND u.type IN (:types)
					    AND %s AND %s
					),
					required AS (%s),
					held AS (
					  SELECT i.interviewer_post_id AS a_post, e.post_id AS b_post, COUNT(*) AS n
					  FROM interview i JOIN interview_interviewee e ON e.interview_id = i.id
					  WHERE i.interview_date >= :yearStart AND i.interview_date <= :yearEnd
					    AND EXISTS (SELECT 1 FROM required rq WHERE rq.a_post = i.interviewer_post_id AND rq.b_post = e.post_id)
					    AND EXISTS (SELECT 1 FROM tenure ta WHERE ta.post_id = i.interviewer_post_id
					                AND ta.person_id = i.interviewer_person_id AND ta.start_date <= i.interview_date
					                AND (ta.end_date IS NULL OR ta.end_date >= i.interview_date))
					    AND EXISTS (SELECT 1 FROM tenure tb WHERE tb.post_id = e.post_id
					                AND tb.person_id = e.person_id AND tb.start_date <= i.interview_date
					                AND (tb.end_date IS NULL OR tb.end_date >= i.interview_date))
					  GROUP BY i.interviewer_post_id, e.post_id
					),
					pairs AS (
					  SELECT r.rule_no, r.min_n, r.lvl, r.upper_id, r.a_post, r.lower_id, r.b_post, COALESCE(h.n, 0) AS n
					  FROM required r LEFT JOIN held h ON h.a_post = r.a_post AND h.b_post = r.b_post
					)
					SELECT 0 AS row_kind, p.lvl, COUNT(*) AS required, SUM(CASE WHEN p.n >= p.min_n THEN 1 ELSE 0 END) AS covered,
					       CAST(NULL AS INT) AS rule_no, CAST(NULL AS INT) AS min_n, CAST(NULL AS BIGINT) AS n,
					       CAST(NULL AS BIGINT) AS u_id, CAST(NULL AS VARCHAR(200)) AS u_name, CAST(NULL AS VARCHAR(1000)) AS u_path,
					       CAST(NULL AS BIGINT) AS a_id, CAST(NULL AS VARCHAR(100)) AS a_title, CAST(NULL AS BIGINT) AS a_org,
					       CAST(NULL AS INT) AS a_sort, CAST(NULL AS BIGINT) AS c_id, CAST(NULL AS VARCHAR(200)) AS c_name,
					       CAST(NULL AS VARCHAR(1000)) AS c_path, CAST(NULL AS BIGINT) AS b_id, CAST(NULL AS VARCHAR(100)) AS b_title,
					       CAST(NULL AS BIGINT) AS b_org, CAST(NULL AS INT) AS b_sort
					FROM pairs p GROUP BY p.lvl
					UNION ALL
					SELECT 1, p.lvl, NULL, NULL, p.rule_no, p.min_n, p.n,
					       p.upper_id, (SELECT o.name FROM org o WHERE o.id = p.upper_id),
					       (SELECT o.path FROM org o WHERE o.id = p.upper_id),
					       p.a_post, (SELECT x.title FROM post x WHERE x.id = p.a_post),
					       (SELECT x.org_id FROM post x WHERE x.id = p.a_post), (SELECT x.sort_order FROM post x WHERE x.id = p.a_post),
					       p.lower_id, (SELECT o.name FROM org o WHERE o.id = p.lower_id),
					       (SELECT o.path FROM org o WHERE o.id = p.lower_id),
					       p.b_post, (SELECT x.title FROM post x WHERE x.id = p.b_post),
					       (SELECT x.org_id FROM post x WHERE x.id = p.b_post), (SELECT x.sort_order FROM post x WHERE x.id = p.b_post)
					FROM pairs p
					WHERE p.n < p.min_n
					ORDER BY 1, 2, 10, 17, 5, 14, 11, 21, 18
					""".formatted(reading.condition("u"), reading.condition("c"), required);
		}

		JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
			return reading.bind(subtree.bind(spec.params(params)));
		}
	}
}
