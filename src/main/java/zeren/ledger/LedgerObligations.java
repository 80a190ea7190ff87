package zeren.ledger;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import zeren.oversight.ObligationRule;
import zeren.tracking.TrackedItemObligations;

/** 履责: every task of the work ledger closed by its deadline. */
@Configuration(proxyBeanMethods = false)
class LedgerObligations {

	@Bean
	ObligationRule ledgerTasksRule() {
		return TrackedItemObligations.rule("ledger.tasks", 20, List.of(WorkLedger.KIND));
	}
}
