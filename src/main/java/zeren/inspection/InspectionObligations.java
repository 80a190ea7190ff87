package zeren.inspection;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import zeren.oversight.ObligationRule;
import zeren.tracking.TrackedItemObligations;

/**
 * 督责: every lower Party committee inspected in the year by an annual check (年度检查, led by a
 * member of the leadership team) of its upper committee; and the rectifications of circulated
 * findings closed by their deadlines.
 *
 * <p>Annual checks: one instance per committee that has an active lower committee, due
 * {@code zeren.oversight.inspection.annual-check-due} (default 12-31: "每年…开展一次"), owed by
 * its 书记. A lower committee is inspected when an annual check of the upper committee starting in
 * the year targets it, or targets the upper committee with everything below it. Done on the date
 * the last lower committee's first check began.
 */
@Configuration(proxyBeanMethods = false)
class InspectionObligations {

	@Bean
	ObligationRule annualChecksRule(@Value("${zeren.oversight.inspection.annual-check-due:12-31}") String due,
			@Value("${zeren.oversight.committee-types:PARTY_COMMITTEE,PARTY_GROUP,WORKING_COMMITTEE}") List<String> types) {
		MonthDay day = MonthDay.parse("--" + due);
		String firstCheck = """
				SELECT MIN(i.start_date) FROM inspection i JOIN inspection_target t ON t.inspection_id = i.id
				  JOIN org r ON r.id = t.org_id
				WHERE i.org_id = o.id AND i.kind = 'ANNUAL_CHECK' AND i.start_date >= :chkYearStart AND i.start_date <= :chkYearEnd
				  AND (t.org_id = c.id OR (t.include_subtree AND SUBSTR(c.path, 1, LENGTH(r.path)) = r.path))""";
		return ObligationRule.of("inspection.annual-checks", 30, year -> new ObligationRule.Query("""
				SELECT o.id AS org_id, 0 AS subject, CAST(:chkDue AS DATE) AS due_date,
				       CASE WHEN NOT EXISTS (SELECT 1 FROM org c WHERE c.parent_id = o.id AND c.active = TRUE
				                  AND c.type IN (:chkTypes) AND (%1$s) IS NULL)
				            THEN (SELECT MAX((%1$s)) FROM org c WHERE c.parent_id = o.id AND c.active = TRUE
				                  AND c.type IN (:chkTypes)) END AS done_on,
				       CAST(NULL AS VARCHAR(16)) AS flag,
				       (SELECT MIN(p.id) FROM post p WHERE p.org_id = o.id AND p.kind = 'SECRETARY' AND p.active = TRUE) AS post_id,
				       '/inspection?orgId=' || CAST(o.id AS VARCHAR(20)) || '&year=' || CAST(:chkYear AS VARCHAR(4)) AS link
				FROM org o
				WHERE o.path >= :subtreeFrom AND o.path < :subtreeTo AND o.active = TRUE AND o.type IN (:chkTypes)
				  AND EXISTS (SELECT 1 FROM org c WHERE c.parent_id = o.id AND c.active = TRUE AND c.type IN (:chkTypes))
				""".formatted(firstCheck), Map.of("chkDue", day.atYear(year), "chkYear", year, "chkTypes", types,
				"chkYearStart", LocalDate.of(year, 1, 1), "chkYearEnd", LocalDate.of(year, 12, 31))));
	}

	@Bean
	ObligationRule rectificationsRule() {
		return TrackedItemObligations.rule("inspection.rectifications", 31, List.of(Rectifications.KIND));
	}
}
