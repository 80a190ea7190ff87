package zeren.notification;

import java.time.LocalDate;
import java.util.function.Consumer;

/**
 * What a module contributes to the daily reminders: its due-soon and overdue records on
 * {@code today}. Implement it as a Spring bean in the module that knows the records (it then
 * depends on {@code notification}); the job calls every source inside system work
 * ({@code SystemWork.run("reminders", …)}), so a source reads with an unrestricted scope and must
 * not change anything. A source hands over every reminder that holds today, whether or not it was
 * sent before: the job skips those already recorded for a person (by {@link Reminder#key}).
 */
public interface ReminderSource {

	/** A short lower-case name for the logs and the run's counts, e.g. {@code tracking}. */
	String name();

	/** Hands each of today's reminders to {@code sink}. */
	void remindersFor(LocalDate today, Consumer<Reminder> sink);
}
