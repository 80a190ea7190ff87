package zeren.notification;

import java.util.List;
import java.util.Objects;

/**
 * One reminder a {@link ReminderSource} contributes for today.
 *
 * @param key a stable key: the same reminder on another day (or from another node) has the same
 *        key and is never sent twice to the same person. Put in it what makes it a new reminder —
 *        the record, its deadline and the urgency (e.g. {@code tracking:42:2026-03-31:RED}), so a
 *        reminder that turns red is sent again, once. At most 200 characters.
 * @param orgId the organisation the reminder belongs to (its principal also gets red ones)
 * @param postId the responsible post: its holder today (through tenures) is reminded; or null
 * @param personId a person reminded directly (instead of, or besides, the post's holder); or null
 * @param urgency the colour
 * @param messageKey a message key of the contributing module's bundle; the text is rendered in
 *        each reader's language
 * @param args the message's arguments, as text (at most 20, each at most 500 characters)
 * @param link where the work is done, an application path such as {@code /tracking/items/42}
 */
public record Reminder(String key, long orgId, Long postId, Long personId, Urgency urgency, String messageKey,
		List<String> args, String link) {

	public Reminder {
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(urgency, "urgency");
		Objects.requireNonNull(messageKey, "messageKey");
		if (key.isBlank() || key.length() > 200) {
			throw new IllegalArgumentException("a reminder key is 1 to 200 characters: " + key);
		}
		if (postId == null && personId == null) {
			throw new IllegalArgumentException("a reminder goes to a post or a person: " + key);
		}
		args = args == null ? List.of() : List.copyOf(args);
		if (args.size() > 20 || args.stream().anyMatch(a -> a != null && a.length() > 500)) {
			throw new IllegalArgumentException("at most 20 arguments of at most 500 characters: " + key);
		}
		if (link != null && !link.startsWith("/")) {
			throw new IllegalArgumentException("a link is an application path: " + link);
		}
	}

	/** A reminder to the holder of a post today. */
	public static Reminder toPost(String key, long orgId, long postId, Urgency urgency, String messageKey,
			List<String> args, String link) {
		return new Reminder(key, orgId, postId, null, urgency, messageKey, args, link);
	}
}
