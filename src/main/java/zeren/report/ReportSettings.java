package zeren.report;

import java.time.LocalDate;
import java.time.MonthDay;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * zeren.report.* in application.yml. {@code deadline}: the day of the following year by which the
 * report on a year is due, as MM-DD (default 01-31: 每年年初, by 31 January). {@code answerDays}: the
 * days a reporting organisation has to answer a query when the upper level names no date (30).
 */
@ConfigurationProperties("zeren.report")
public record ReportSettings(String deadline, Integer answerDays) {

	public ReportSettings {
		deadline = deadline == null || deadline.isBlank() ? "01-31" : deadline.strip();
		MonthDay.parse("--" + deadline);
		answerDays = answerDays == null ? 30 : answerDays;
		if (answerDays < 1) {
			throw new IllegalArgumentException("zeren.report.answer-days must be at least 1");
		}
	}

	/** The deadline of the report on {@code year}. */
	public LocalDate deadlineOf(int year) {
		return MonthDay.parse("--" + deadline).atYear(year + 1);
	}
}
