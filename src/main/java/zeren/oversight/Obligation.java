package zeren.oversight;

import java.time.LocalDate;

/**
 * An obligation instance as of the last sweep, with the responsible post and its holder on the due
 * date. {@code sweptOn} is the business date of the sweep that last changed it (its status, colour,
 * holder, …): a sweep writes only the instances that changed, so one unchanged since keeps that
 * date. The snapshot as a whole is as of {@link Sweep#lastSweptOn}.
 */
public record Obligation(String kind, long orgId, String orgName, int year, long subject, LocalDate dueDate,
		LocalDate doneOn, Status status, Colour colour, Long postId, String postTitle, Long holderId, String holderName,
		String link, LocalDate sweptOn) {

	public enum Status {
		DONE_ON_TIME, DONE_LATE, OPEN, OVERDUE, VACANT, NOT_APPLICABLE
	}

	/** The warning: blue (due soon), yellow (due very soon or overdue a little), red (overdue beyond that). */
	public enum Colour {
		NONE, BLUE, YELLOW, RED
	}
}
