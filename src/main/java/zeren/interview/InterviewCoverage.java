package zeren.interview;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zeren.org.Org;
import zeren.org.OrgTree;
import zeren.org.OrgType;
import zeren.org.PostKind;
import zeren.org.Subtree;
import zeren.platform.CurrentScope;
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
 * <p><b>Cost.</b> Two statements (per-level summary, missing pairs), each one set-based join over
 * the subtree's organisations, posts, interviews and tenures: no loop per organisation.
 */
@Service
@Transactional(readOnly = true)
public class InterviewCoverage {

	private final JdbcClient jdbc;
	private final OrgTree tree;
	private final CurrentScope scope;
	private final CoverageRules rules;

	InterviewCoverage(JdbcClient jdbc, OrgTree tree, CurrentScope scope, CoverageRules rules) {
		this.jdbc = jdbc;
		this.tree = tree;
		this.scope = scope;
		this.rules = rules;
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
		Subtree subtree = tree.subtree(orgId);
		Query q = new Query(rules, scope.reading(), subtree, root.depth(), year);
		List<Level> levels = q.bind(jdbc.sql(q.with() + """
				SELECT r.lvl, COUNT(*) AS required,
				       SUM(CASE WHEN COALESCE(h.n, 0) >= r.min_n THEN 1 ELSE 0 END) AS covered
				FROM required r LEFT JOIN held h ON h.a_post = r.a_post AND h.b_post = r.b_post
				GROUP BY r.lvl ORDER BY r.lvl
				""")).query((rs, n) -> new Level(rs.getInt("lvl"), rs.getLong("required"), rs.getLong("covered"))).list();
		List<String> names = new ArrayList<>(rules.rules().keySet());
		List<MissingPair> missing = q.bind(jdbc.sql(q.with() + """
				SELECT r.rule_no, r.lvl, r.min_n, COALESCE(h.n, 0) AS n,
				       u.id AS u_id, u.name AS u_name, ap.id AS a_id, ap.title AS a_title, ap.org_id AS a_org,
				       c.id AS c_id, c.name AS c_name, bp.id AS b_id, bp.title AS b_title, bp.org_id AS b_org
				FROM required r LEFT JOIN held h ON h.a_post = r.a_post AND h.b_post = r.b_post
				JOIN org u ON u.id = r.upper_id JOIN org c ON c.id = r.lower_id
				JOIN post ap ON ap.id = r.a_post JOIN post bp ON bp.id = r.b_post
				WHERE COALESCE(h.n, 0) < r.min_n
				ORDER BY r.lvl, u.path, c.path, r.rule_no, ap.sort_order, ap.id, bp.sort_order, bp.id
				""")).query((rs, n) -> new MissingPair(names.get(rs.getInt("rule_no")), rs.getInt("lvl"), rs.getLong("u_id"),
						rs.getString("u_name"), rs.getLong("a_id"), rs.getString("a_title"), rs.getLong("a_org"),
						rs.getLong("c_id"), rs.getString("c_name"), rs.getLong("b_id"), rs.getString("b_title"),
						rs.getLong("b_org"), rs.getLong("n"), rs.getInt("min_n"))).list();
		long required = levels.stream().mapToLong(Level::required).sum();
		long covered = levels.stream().mapToLong(Level::covered).sum();
		return new Coverage(root.id(), root.name(), year, required, covered, levels, missing);
	}

	/** The common table expressions {@code required} and {@code held}, with their parameters. */
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
					// rule_no, min and kinds are bound; the post's place is one of two fixed expressions
					parts.add("""
							SELECT CAST(:rule%1$d AS INT) AS rule_no, CAST(:min%1$d AS INT) AS min_n, u.depth - :rootDepth AS lvl,
							       u.id AS upper_id, ap.id AS a_post, c.id AS lower_id, bp.id AS b_post
							FROM org u
							JOIN org c ON c.parent_id = u.id AND c.active = TRUE AND c.type IN (:types)
							JOIN post ap ON ap.org_id = %2$s AND ap.kind = :a%1$d AND ap.active = TRUE
							JOIN post bp ON bp.org_id = %3$s AND bp.kind = :b%1$d AND bp.active = TRUE
							WHERE u.path >= :subtreeFrom AND u.path < :subtreeTo AND u.active = TRUE AND u.type IN (:types)
							  AND %4$s AND %5$s
							""".formatted(k, place(rule.interviewer(), "u"), place(interviewee, "c"),
							reading.condition("u"), reading.condition("c")));
					params.put("rule" + k, ruleNo);
					params.put("min" + k, rule.minPerYear());
					params.put("a" + k, rule.interviewer().name());
					params.put("b" + k, interviewee.name());
					k++;
				}
				ruleNo++;
			}
			required = parts.isEmpty()
					? "SELECT 0 AS rule_no, 1 AS min_n, 0 AS lvl, 0 AS upper_id, 0 AS a_post, 0 AS lower_id, 0 AS b_post FROM org WHERE 1 = 0"
					: String.join(" UNION ALL ", parts);
		}

		/** Where a post of this kind sits for the committee row {@code alias}. */
		private static String place(PostKind kind, String alias) {
			return kind == PostKind.DISCIPLINE_SECRETARY ? "COALESCE(%s.discipline_body_id, %s.id)".formatted(alias, alias)
					: alias + ".id";
		}

		String with() {
			// held: per (interviewer post, interviewee post), the interviews of the year in which both
			// people held their posts on the date (tenures re-checked: a corrected tenure counts)
			return """
					WITH required AS (%s),
					held AS (
					  SELECT i.interviewer_post_id AS a_post, e.post_id AS b_post, COUNT(DISTINCT i.id) AS n
					  FROM interview i JOIN interview_interviewee e ON e.interview_id = i.id
					  WHERE i.interview_date >= :yearStart AND i.interview_date <= :yearEnd
					    AND i.interviewer_post_id IN (SELECT a_post FROM required)
					    AND EXISTS (SELECT 1 FROM tenure ta WHERE ta.post_id = i.interviewer_post_id
					                AND ta.person_id = i.interviewer_person_id AND ta.start_date <= i.interview_date
					                AND (ta.end_date IS NULL OR ta.end_date >= i.interview_date))
					    AND EXISTS (SELECT 1 FROM tenure tb WHERE tb.post_id = e.post_id
					                AND tb.person_id = e.person_id AND tb.start_date <= i.interview_date
					                AND (tb.end_date IS NULL OR tb.end_date >= i.interview_date))
					  GROUP BY i.interviewer_post_id, e.post_id
					)
					""".formatted(required);
		}

		JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
			return reading.bind(subtree.bind(spec.params(params)));
		}
	}
}
