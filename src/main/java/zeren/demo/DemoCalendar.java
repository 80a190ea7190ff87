package zeren.demo;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The dates of the demo year, relative to today (the business date, Asia/Shanghai): the year is
 * the one of thirty days ago, so that a start in early January still shows a whole past year; its
 * work runs from 1 January to yesterday (or 31 December), and {@link #at} places a fact at a
 * fraction of that span. Nothing is ever dated after today.
 */
record DemoCalendar(LocalDate today, int year, LocalDate first, LocalDate last) {

	static DemoCalendar of(LocalDate today) {
		int year = today.minusDays(30).getYear();
		LocalDate first = LocalDate.of(year, 1, 1);
		LocalDate yesterday = today.minusDays(1);
		LocalDate last = yesterday.isBefore(LocalDate.of(year, 12, 31)) ? yesterday : LocalDate.of(year, 12, 31);
		return new DemoCalendar(today, year, first, last.isBefore(first) ? first : last);
	}

	/** The day at {@code fraction} (0 = 1 January, 1 = the last day of work) of the demo year. */
	LocalDate at(double fraction) {
		long days = ChronoUnit.DAYS.between(first, last);
		return first.plusDays(Math.round(days * Math.max(0, Math.min(1, fraction))));
	}

	/** A deadline in the demo year, never before today's work: the end of a quarter. */
	LocalDate quarterEnd(int quarter) {
		return LocalDate.of(year, quarter * 3, 1).plusMonths(1).minusDays(1);
	}
}
