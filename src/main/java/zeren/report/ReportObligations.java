package zeren.report;

import java.time.MonthDay;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import zeren.oversight.ObligationRule;
import zeren.tracking.TrackedItemObligations;

/**
 * 履责's report obligations: in year Y, the committee's report (subject 1) and its principal's
 * (subject 2) on year Y−1 submitted by {@code zeren.report.deadline} of Y (the report module's own
 * deadline: one fact, one setting), owed by every committee that has an upper level — the
 * principal's is VACANT while nobody holds the 书记 post on the due date —; and every
 * query (质询) answered by its deadline (the answers are tracked items).
 */
@Configuration(proxyBeanMethods = false)
class ReportObligations {

	@Bean
	ObligationRule annualReportRule(@Value("${zeren.report.deadline:01-31}") String due,
			@Value("${zeren.oversight.committee-types:PARTY_COMMITTEE,PARTY_GROUP,WORKING_COMMITTEE}") List<String> types) {
		MonthDay day = MonthDay.parse("--" + due);
		return ObligationRule.of("report.annual", 22, year -> new ObligationRule.Query("""
				SELECT o.id AS org_id, k.subject, CAST(:reportDue AS DATE) AS due_date,
				       CASE WHEN r.status <> 'DRAFT' THEN r.submitted_on END AS done_on,
				       CASE WHEN o.active = FALSE OR o.parent_id IS NULL THEN 'NOT_APPLICABLE'
				            WHEN k.subject = 2 AND NOT EXISTS (SELECT 1 FROM post p JOIN tenure t ON t.post_id = p.id
				                 WHERE p.org_id = o.id AND p.kind = 'SECRETARY' AND t.start_date <= CAST(:reportDue AS DATE)
				                   AND (t.end_date IS NULL OR t.end_date >= CAST(:reportDue AS DATE))) THEN 'VACANT' END AS flag,
				       (SELECT MIN(p.id) FROM post p WHERE p.org_id = o.id AND p.kind = 'SECRETARY' AND p.active = TRUE) AS post_id,
				       '/reports?orgId=' || CAST(o.id AS VARCHAR(20)) || '&year=' || CAST(:reportYear AS VARCHAR(4)) AS link
				FROM org o
				CROSS JOIN (SELECT 1 AS subject, 'COMMITTEE' AS report_kind UNION ALL SELECT 2, 'PRINCIPAL') k
				LEFT JOIN annual_report r ON r.org_id = o.id AND r.report_year = :reportYear AND r.kind = k.report_kind
				WHERE o.path >= :subtreeFrom AND o.path < :subtreeTo AND o.type IN (:reportTypes)
				""", Map.of("reportDue", day.atYear(year), "reportYear", year - 1, "reportTypes", types)));
	}

	@Bean
	ObligationRule queryAnswersRule() {
		return TrackedItemObligations.rule("report.answers", 23, List.of(ReportReviews.KIND));
	}
}
