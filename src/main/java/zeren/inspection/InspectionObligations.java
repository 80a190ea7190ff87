package zeren.inspection;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import zeren.oversight.ObligationRule;
import zeren.tracking.TrackedItemObligations;

/** 督责: the rectifications of circulated findings closed by their deadlines. */
@Configuration(proxyBeanMethods = false)
class InspectionObligations {

	@Bean
	ObligationRule rectificationsRule() {
		return TrackedItemObligations.rule("inspection.rectifications", 31, List.of(Rectifications.KIND));
	}
}
