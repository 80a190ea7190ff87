package zeren.interview;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import zeren.org.OrgType;
import zeren.org.PostKind;

/**
 * The required pairs of the {@link CoverageRules} as SQL: the one definition that the coverage
 * page ({@link InterviewCoverage}) and the coverage obligation ({@link InterviewObligations})
 * both read, so the page and the dashboard never disagree.
 *
 * <p>A pair is (rule, upper committee U, directly lower committee C, interviewer post, interviewee
 * post). Where a post is looked for: a 书记 ({@code SECRETARY}) post on the committee itself; a
 * 纪委书记 ({@code DISCIPLINE_SECRETARY}) post on the discipline body linked to the committee
 * when that body has one, else on the committee's own team (a committee linked to a 纪委 node
 * without posts keeps its pairs). A side without such a post leaves its column {@code NULL}: the
 * pair is <i>not set up</i>, never dropped. The posts are joined (hash joins over the subtree, not
 * one look-up per pair); a committee with two active posts of a kind has a pair for each.
 *
 * <p>Columns: {@code rule_no, min_n, lvl, upper_id, lower_id, a_post, b_post, a_kind, b_kind}
 * and, when asked for, {@code done} (the date of the interview that reached {@code min_n}).
 * Parameters are prefixed {@code cov} so they never meet another statement's.
 */
final class CoveragePairs {

	private CoveragePairs() {
	}

	/** The edges: (upper committee in the subtree, active lower committee), with the linked discipline bodies. */
	static String edges(String extraCondition) {
		return """
				SELECT u.id AS u_id, u.depth AS u_depth, u.discipline_body_id AS u_db, c.id AS c_id, c.discipline_body_id AS c_db
				FROM org u JOIN org c ON c.parent_id = u.id AND c.active = TRUE AND c.type IN (:covTypes)
				WHERE u.path >= :subtreeFrom AND u.path < :subtreeTo AND u.active = TRUE AND u.type IN (:covTypes)
				""" + (extraCondition.isBlank() ? "" : "  AND " + extraCondition + "\n");
	}

	/**
	 * The pairs, one {@code SELECT} per rule and interviewee kind joined by {@code UNION ALL}, over
	 * {@code edgeSource} (a CTE name or a parenthesised derived table aliased by the caller as
	 * {@code e}). Binds its parameters into {@code params}.
	 */
	static String pairs(CoverageRules rules, String edgeSource, boolean withDone, Map<String, Object> params) {
		params.put("covTypes", rules.committeeTypes().stream().map(OrgType::name).toList());
		List<String> parts = new ArrayList<>();
		int ruleNo = 0;
		int k = 0;
		for (CoverageRules.Rule rule : rules.rules().values()) {
			for (PostKind interviewee : rule.interviewees()) {
				String a = post(rule.interviewer(), "pa");
				String b = post(interviewee, "pb");
				String done = !withDone ? "" : """
						, (SELECT i.interview_date FROM interview i JOIN interview_interviewee v ON v.interview_id = i.id
						   WHERE i.interviewer_post_id = %1$s AND v.post_id = %2$s
						     AND i.interview_date >= :covYearStart AND i.interview_date <= :covYearEnd
						     AND %3$s AND %4$s
						   ORDER BY i.interview_date OFFSET %5$d ROWS FETCH NEXT 1 ROWS ONLY) AS done
						""".formatted(a, b, held("i.interviewer_post_id", "i.interviewer_person_id"),
						held("v.post_id", "v.person_id"), rule.minPerYear() - 1);
				parts.add("""
						SELECT CAST(:covRule%1$d AS INT) AS rule_no, CAST(:covMin%1$d AS INT) AS min_n, e.u_depth AS lvl,
						       e.u_id AS upper_id, e.c_id AS lower_id, %2$s AS a_post, %3$s AS b_post,
						       CAST(:covA%1$d AS VARCHAR(40)) AS a_kind, CAST(:covB%1$d AS VARCHAR(40)) AS b_kind%4$s
						FROM %5$s e
						%6$s
						%7$s
						""".formatted(k, a, b, done, edgeSource, joins(rule.interviewer(), "u", "pa", "covA" + k),
						joins(interviewee, "c", "pb", "covB" + k)));
				params.put("covRule" + k, ruleNo);
				params.put("covMin" + k, rule.minPerYear());
				params.put("covA" + k, rule.interviewer().name());
				params.put("covB" + k, interviewee.name());
				k++;
			}
			ruleNo++;
		}
		if (parts.isEmpty()) {
			return "SELECT 0 AS rule_no, 1 AS min_n, 0 AS lvl, 0 AS upper_id, 0 AS lower_id, CAST(NULL AS BIGINT) AS a_post, "
					+ "CAST(NULL AS BIGINT) AS b_post, '' AS a_kind, '' AS b_kind" + (withDone ? ", CAST(NULL AS DATE) AS done" : "")
					+ " FROM org WHERE 1 = 0";
		}
		return String.join(" UNION ALL ", parts);
	}

	/** The year's bounds, for {@link #vacant(String)} and the interviews counted. */
	static void year(int year, Map<String, Object> params) {
		params.put("covYearStart", LocalDate.of(year, 1, 1));
		params.put("covYearEnd", LocalDate.of(year, 12, 31));
	}

	/** True when nobody held the post at any time in the year (the post exists). */
	static String vacant(String postColumn) {
		return "NOT EXISTS (SELECT 1 FROM tenure t WHERE t.post_id = " + postColumn
				+ " AND t.start_date <= :covYearEnd AND (t.end_date IS NULL OR t.end_date >= :covYearStart))";
	}

	/** The person named on the interview held the post on its date (a corrected tenure counts). */
	static String held(String postColumn, String personColumn) {
		return "EXISTS (SELECT 1 FROM tenure t WHERE t.post_id = " + postColumn + " AND t.person_id = " + personColumn
				+ " AND t.start_date <= i.interview_date AND (t.end_date IS NULL OR t.end_date >= i.interview_date))";
	}

	/** The post of {@code kind} for the side, from the joins {@link #joins} made under {@code alias}. */
	private static String post(PostKind kind, String alias) {
		return kind == PostKind.DISCIPLINE_SECRETARY ? "COALESCE(" + alias + "d.id, " + alias + "o.id)" : alias + "o.id";
	}

	/**
	 * The posts of the committee on {@code side} ("u" or "c"): for a 纪委书记, the linked discipline
	 * body's ({@code alias}d) first, the committee's own ({@code alias}o) only when the body has
	 * none. Plain joins on the post table, so the planner knows their sizes and joins by hash.
	 */
	private static String joins(PostKind kind, String side, String alias, String kindParam) {
		String own = "LEFT JOIN post " + alias + "o ON " + alias + "o.org_id = e." + side + "_id AND " + alias + "o.kind = :"
				+ kindParam + " AND " + alias + "o.active = TRUE";
		if (kind != PostKind.DISCIPLINE_SECRETARY) {
			return own;
		}
		return "LEFT JOIN post " + alias + "d ON " + alias + "d.org_id = e." + side + "_db AND " + alias + "d.kind = :" + kindParam
				+ " AND " + alias + "d.active = TRUE\n" + own + " AND " + alias + "d.id IS NULL";
	}
}
