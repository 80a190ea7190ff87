package zeren.interview;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import zeren.oversight.ObligationRule;
import zeren.tracking.TrackedItemObligations;

/** 履责: the requirements an interview set (follow-ups, tracked items) done by their deadlines. */
@Configuration(proxyBeanMethods = false)
class InterviewObligations {

	@Bean
	ObligationRule followUpsRule() {
		return TrackedItemObligations.rule("interview.follow-ups", 21, List.of(InterviewRecords.REQUIREMENT_KIND));
	}
}
