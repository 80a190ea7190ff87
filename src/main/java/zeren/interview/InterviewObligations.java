package zeren.interview;

import java.time.MonthDay;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import zeren.oversight.ObligationRule;
import zeren.tracking.TrackedItemObligations;

/**
 * 履责's interview obligations: the follow-ups of interview requirements closed by their
 * deadlines; and every pair of each coverage rule held in the year ({@code interview.coverage}).
 *
 * <p>Coverage: one instance per upper committee and rule (subject: the rule's position, 1 for the
 * first), owed by the holder of the interviewer post, due {@code zeren.oversight.interview.coverage-due}
 * (default 12-31: the rules are yearly, "每年"). Done, on the date of the interview that covered the
 * last pair, when every pair that could be held is covered; a pair whose post nobody held in the
 * year or that is not set up is left out of what is owed (the coverage page lists it as such); an
 * instance with no pair that could be held is VACANT. A committee without a lower committee owes
 * nothing. The pairs are those of {@link CoveragePairs}, the same as the coverage page's.
 */
@Configuration(proxyBeanMethods = false)
class InterviewObligations {

	@Bean
	ObligationRule interviewFollowUpsRule() {
		return TrackedItemObligations.rule("interview.follow-ups", 21, List.of(InterviewRecords.REQUIREMENT_KIND));
	}

	@Bean
	ObligationRule interviewCoverageRule(CoverageRules rules,
			@Value("${zeren.oversight.interview.coverage-due:12-31}") String due) {
		MonthDay day = MonthDay.parse("--" + due);
		return ObligationRule.of("interview.coverage", 24, year -> {
			Map<String, Object> params = new HashMap<>();
			CoveragePairs.year(year, params);
			params.put("covDue", day.atYear(year));
			params.put("covYear", year);
			String pairs = CoveragePairs.pairs(rules, "(" + CoveragePairs.edges("") + ")", true, params);
			String sql = """
					SELECT x.upper_id AS org_id, x.rule_no + 1 AS subject, CAST(:covDue AS DATE) AS due_date,
					       CASE WHEN SUM(1 - x.vac) > 0 AND SUM(CASE WHEN x.vac = 0 AND x.done IS NULL THEN 1 ELSE 0 END) = 0
					            THEN MAX(CASE WHEN x.vac = 0 THEN x.done END) END AS done_on,
					       CASE WHEN SUM(1 - x.vac) = 0 THEN 'VACANT' END AS flag,
					       MIN(x.a_post) AS post_id,
					       '/interviews?orgId=' || CAST(x.upper_id AS VARCHAR(20)) || '&year=' || CAST(:covYear AS VARCHAR(4)) AS link
					FROM (SELECT p.upper_id, p.rule_no, p.a_post, p.done,
					             CASE WHEN p.a_post IS NULL OR p.b_post IS NULL OR %s OR %s THEN 1 ELSE 0 END AS vac
					      FROM (%s) p) x
					GROUP BY x.upper_id, x.rule_no
					""".formatted(CoveragePairs.vacant("p.a_post"), CoveragePairs.vacant("p.b_post"), pairs);
			return new ObligationRule.Query(sql, params);
		});
	}
}
