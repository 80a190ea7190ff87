package zeren.governance;

import java.time.MonthDay;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import zeren.oversight.ObligationRule;
import zeren.tracking.TrackedItemObligations;

/**
 * The situation analysis's obligations: the measures decided, each closed by its deadline
 * ({@code governance.measures}); and each committee analysing its situation (分析和研判形势) at
 * least {@code zeren.governance.analyses-per-year} times a year (default 1), due
 * {@code zeren.governance.analyses-due} (default 12-31), done on the date the N-th analysis of the
 * year was adopted ({@code governance.analyses}). Owed by the committees (党委, 党组, 党工委:
 * {@code zeren.oversight.committee-types}); the secretary's post answers for it.
 */
@Configuration(proxyBeanMethods = false)
class AnalysisObligations {

	@Bean
	ObligationRule governanceMeasuresRule() {
		return TrackedItemObligations.rule("governance.measures", 52, List.of(Analyses.MEASURE_KIND));
	}

	@Bean
	ObligationRule governanceAnalysesRule(@Value("${zeren.governance.analyses-per-year:1}") int perYear,
			@Value("${zeren.governance.analyses-due:12-31}") String due,
			@Value("${zeren.oversight.committee-types:PARTY_COMMITTEE,PARTY_GROUP,WORKING_COMMITTEE}") List<String> types) {
		if (perYear < 1) {
			throw new IllegalArgumentException("zeren.governance.analyses-per-year must be at least 1");
		}
		MonthDay day = MonthDay.parse("--" + due);
		return ObligationRule.of("governance.analyses", 53, year -> new ObligationRule.Query("""
				SELECT o.id AS org_id, 0 AS subject, CAST(:govAnalysesDue AS DATE) AS due_date, r.adopted_on AS done_on,
				       CASE WHEN o.active = FALSE THEN 'NOT_APPLICABLE' END AS flag,
				       (SELECT MIN(p.id) FROM post p WHERE p.org_id = o.id AND p.kind = 'SECRETARY' AND p.active = TRUE) AS post_id,
				       '/governance/analyses?orgId=' || CAST(o.id AS VARCHAR(20)) || '&year=' || CAST(:govAnalysesYear AS VARCHAR(4)) AS link
				FROM org o
				LEFT JOIN (SELECT a.org_id, a.adopted_on,
				                  ROW_NUMBER() OVER (PARTITION BY a.org_id ORDER BY a.adopted_on, a.id) AS nth
				           FROM gov_analysis a JOIN org ao ON ao.id = a.org_id
				           WHERE ao.path >= :subtreeFrom AND ao.path < :subtreeTo AND a.status = 'ADOPTED' AND a.adopted_on >= :govAnalysesFirst AND a.adopted_on <= :govAnalysesLast) r
				       ON r.org_id = o.id AND r.nth = :govAnalysesPerYear
				WHERE o.path >= :subtreeFrom AND o.path < :subtreeTo AND o.type IN (:govAnalysesTypes)
				""", Map.of("govAnalysesDue", day.atYear(year), "govAnalysesYear", year,
				"govAnalysesFirst", java.time.LocalDate.of(year, 1, 1), "govAnalysesLast", java.time.LocalDate.of(year, 12, 31),
				"govAnalysesPerYear", perYear, "govAnalysesTypes", types)));
	}
}
