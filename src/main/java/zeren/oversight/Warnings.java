package zeren.oversight;

import java.time.LocalDate;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The warning thresholds ({@code zeren.oversight.warnings.*}): blue while due within
 * {@code blue-days}, yellow within {@code yellow-days} or overdue up to {@code red-after-days},
 * red beyond. As a pure rule ({@link #colour}) and as the dates the sweep's SQL compares with.
 */
@Component
public class Warnings {

	private final int blueDays;
	private final int yellowDays;
	private final int redAfterDays;

	public Warnings(@Value("${zeren.oversight.warnings.blue-days:30}") int blueDays,
			@Value("${zeren.oversight.warnings.yellow-days:7}") int yellowDays,
			@Value("${zeren.oversight.warnings.red-after-days:15}") int redAfterDays) {
		if (blueDays < yellowDays || yellowDays < 0 || redAfterDays < 0) {
			throw new IllegalArgumentException("zeren.oversight.warnings: blue-days >= yellow-days >= 0, red-after-days >= 0");
		}
		this.blueDays = blueDays;
		this.yellowDays = yellowDays;
		this.redAfterDays = redAfterDays;
	}

	/** Due on or before this date: blue. */
	LocalDate blueBy(LocalDate today) {
		return today.plusDays(blueDays);
	}

	/** Due on or before this date (and not overdue): yellow. */
	LocalDate yellowBy(LocalDate today) {
		return today.plusDays(yellowDays);
	}

	/** Due before this date: red once overdue. */
	LocalDate redBefore(LocalDate today) {
		return today.minusDays(redAfterDays);
	}

	/** The colour of an instance not done (open, overdue or vacant) due on {@code due}. */
	public Obligation.Colour colour(Obligation.Status status, LocalDate due, LocalDate today) {
		if (status == Obligation.Status.DONE_ON_TIME || status == Obligation.Status.DONE_LATE
				|| status == Obligation.Status.NOT_APPLICABLE) {
			return Obligation.Colour.NONE;
		}
		if (due.isBefore(redBefore(today))) {
			return Obligation.Colour.RED;
		}
		if (!due.isAfter(yellowBy(today))) {
			return Obligation.Colour.YELLOW;
		}
		return due.isAfter(blueBy(today)) ? Obligation.Colour.NONE : Obligation.Colour.BLUE;
	}

	/** The same rule as SQL over columns {@code status} and {@code due_date}; binds :blueBy, :yellowBy, :redBefore. */
	static final String COLOUR_SQL = """
			CASE WHEN st.status IN ('DONE_ON_TIME', 'DONE_LATE', 'NOT_APPLICABLE') THEN 'NONE'
			     WHEN st.due_date < :redBefore THEN 'RED'
			     WHEN st.due_date <= :yellowBy THEN 'YELLOW'
			     WHEN st.due_date <= :blueBy THEN 'BLUE'
			     ELSE 'NONE' END""";
}
