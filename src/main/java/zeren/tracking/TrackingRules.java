package zeren.tracking;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.ChronoUnit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import zeren.tracking.TrackedItem.Status;
import zeren.tracking.TrackedItem.Warning;

/**
 * The rules every tracked item follows, named and in one place:
 * <ul>
 * <li>warning: RED once more than {@code zeren.tracking.warning.red-after-days} (default 0) days
 * past the deadline; YELLOW when at most {@code zeren.tracking.warning.yellow-days} (default 7)
 * days are left (the deadline day itself included); BLUE before; NONE once closed;</li>
 * <li>year close: the entries of a year's items can be recorded until
 * {@code zeren.tracking.year-closes} (default {@code 01-31}: 31 January) of the following year;
 * after it an item is locked unless an upper organisation reopens it.</li>
 * </ul>
 */
@Component
public class TrackingRules {

	private final int yellowDays;
	private final int redAfterDays;
	private final MonthDay yearCloses;

	TrackingRules(@Value("${zeren.tracking.warning.yellow-days:7}") int yellowDays,
			@Value("${zeren.tracking.warning.red-after-days:0}") int redAfterDays,
			@Value("${zeren.tracking.year-closes:01-31}") String yearCloses) {
		if (yellowDays < 0 || redAfterDays < 0) {
			throw new IllegalArgumentException("zeren.tracking.warning.* must not be negative");
		}
		this.yellowDays = yellowDays;
		this.redAfterDays = redAfterDays;
		this.yearCloses = MonthDay.parse("--" + yearCloses.strip());
	}

	public int yellowDays() {
		return yellowDays;
	}

	public int redAfterDays() {
		return redAfterDays;
	}

	/** The last day on which entries of {@code year}'s items can be recorded without a reopening. */
	public LocalDate closeDate(int year) {
		return yearCloses.atYear(year + 1);
	}

	public boolean yearClosed(int year, LocalDate today) {
		return today.isAfter(closeDate(year));
	}

	public Warning warning(Status status, LocalDate deadline, LocalDate today) {
		if (status == Status.CLOSED) {
			return Warning.NONE;
		}
		long left = ChronoUnit.DAYS.between(today, deadline);
		if (left < -redAfterDays) {
			return Warning.RED;
		}
		return left <= yellowDays ? Warning.YELLOW : Warning.BLUE;
	}

	/** The earliest deadline that is not yet red on {@code today}. */
	LocalDate firstNotRed(LocalDate today) {
		return today.minusDays(redAfterDays);
	}

	/** The latest deadline that is yellow on {@code today}. */
	LocalDate lastYellow(LocalDate today) {
		return today.plusDays(yellowDays);
	}
}
