package zeren.accountability;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import zeren.oversight.ObligationRule;
import zeren.tracking.TrackedItemObligations;

/**
 * 追责: the procedure steps with a time limit done within it — the organisational handling after
 * the announcement (Art. 14 of the 2019 Accountability Regulations), a tracked item, and the
 * decision on an appeal (Art. 15).
 */
@Configuration(proxyBeanMethods = false)
class AccountabilityObligations {

	/**
	 * Art. 15: every appeal decided within its time limit ({@code acc_appeal.due_on}, one month of
	 * its filing by default, {@link Deadlines#appealDecision()}); one instance per appeal, in the year
	 * it falls due, owed by the case's organisation — the 纪委书记 of its discipline body, or its own.
	 */
	@Bean
	ObligationRule appealsRule() {
		return ObligationRule.of("accountability.appeals", 41, year -> new ObligationRule.Query("""
				SELECT c.org_id AS org_id, a.id AS subject, a.due_on AS due_date, a.decided_on AS done_on,
				       CAST(NULL AS VARCHAR(16)) AS flag,
				       COALESCE((SELECT MIN(p.id) FROM post p WHERE p.org_id = o.discipline_body_id AND p.kind = 'DISCIPLINE_SECRETARY'
				                   AND p.active = TRUE),
				                (SELECT MIN(p.id) FROM post p WHERE p.org_id = o.id AND p.kind = 'DISCIPLINE_SECRETARY'
				                   AND p.active = TRUE)) AS post_id,
				       '/accountability/cases/' || CAST(c.id AS VARCHAR(20)) AS link
				FROM acc_appeal a JOIN acc_party pa ON pa.id = a.party_id JOIN acc_case c ON c.id = pa.case_id
				JOIN org o ON o.id = c.org_id
				WHERE o.path >= :subtreeFrom AND o.path < :subtreeTo AND a.due_on >= :appealYearStart AND a.due_on <= :appealYearEnd
				""", java.util.Map.of("appealYearStart", java.time.LocalDate.of(year, 1, 1), "appealYearEnd",
				java.time.LocalDate.of(year, 12, 31))));
	}

	@Bean
	ObligationRule caseStepsRule() {
		return TrackedItemObligations.rule("accountability.steps", 40, List.of(CaseRecords.EXECUTION_KIND));
	}
}
