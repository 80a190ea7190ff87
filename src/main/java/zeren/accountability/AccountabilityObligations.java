package zeren.accountability;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import zeren.oversight.ObligationRule;
import zeren.tracking.TrackedItemObligations;

/**
 * 追责: the procedure steps with a time limit that are tracked items (the organisational
 * handling after the announcement, Art. 14 of the 2019 Accountability Regulations) done within it.
 */
@Configuration(proxyBeanMethods = false)
class AccountabilityObligations {

	@Bean
	ObligationRule caseStepsRule() {
		return TrackedItemObligations.rule("accountability.steps", 40, List.of(CaseRecords.EXECUTION_KIND));
	}
}
