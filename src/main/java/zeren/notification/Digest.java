package zeren.notification;

import java.time.LocalDate;
import java.util.List;

/**
 * One person's reminders of one day as one message to one of their users: what e-mail and a
 * {@link MessageChannel} send. Texts are already rendered (in Chinese, the default language).
 *
 * @param userId the user the message is for
 * @param username their user name
 * @param personId the person reminded
 * @param personName the person's name
 * @param email the user's e-mail address, or null
 * @param day the business date
 * @param subject the subject line
 * @param lines one per reminder: colour, text and link
 */
public record Digest(long userId, String username, long personId, String personName, String email, LocalDate day,
		String subject, List<Line> lines) {

	/** One reminder of the digest; {@code link} is absolute when {@code zeren.notification.base-url} is set. */
	public record Line(Urgency urgency, String text, String link) {
	}
}
