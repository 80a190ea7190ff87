package zeren.accountability;

import java.time.LocalDate;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import zeren.assessment.RecordSource;

/**
 * 追责's records that an assessment deducts for: each accountability case registered in the
 * year about an organisation, unless its opening was refused ({@code accountability.cases}).
 */
@Configuration(proxyBeanMethods = false)
class AccountabilityRecords {

	@Bean
	RecordSource accountabilityCases() {
		return RecordSource.of("accountability.cases", year -> new RecordSource.Query("""
				SELECT c.org_id, c.id AS ref, SUBSTRING('问责案件：' || c.title FROM 1 FOR 300) AS label,
				       '/accountability/cases/' || CAST(c.id AS VARCHAR(20)) AS link
				FROM acc_case c
				WHERE c.status <> 'NOT_OPENED' AND c.registered_on >= :casesFrom AND c.registered_on <= :casesTo""",
				Map.of("casesFrom", LocalDate.of(year, 1, 1), "casesTo", LocalDate.of(year, 12, 31))));
	}
}
