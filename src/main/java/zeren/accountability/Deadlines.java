package zeren.accountability;

import java.time.Period;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The time limits of the procedure, configurable under {@code zeren.accountability.*}, with the
 * defaults of the 2019 Accountability Regulations (中国共产党问责条例).
 *
 * @param organisationalHandling Art. 14: organisational adjustment or handling (组织调整或者组织处理)
 * is completed within one month of the decision being announced
 * @param appeal Art. 15: a party may appeal within one month of receiving the decision
 * @param appealDecision Art. 15: the appeal is decided within one month of its filing
 */
@Component
public record Deadlines(@Value("${zeren.accountability.organisational-handling-period:P1M}") Period organisationalHandling,
		@Value("${zeren.accountability.appeal-period:P1M}") Period appeal,
		@Value("${zeren.accountability.appeal-decision-period:P1M}") Period appealDecision) {
}
