package zeren.notification;

import java.time.OffsetDateTime;

/**
 * One entry of a user's inbox, its text rendered in the reader's language.
 *
 * @param link where the work is done (an application path), or null
 * @param readAt when the user marked it read, or null while unread
 * @param unread whether it is still unread
 */
public record Notification(long id, Urgency urgency, String text, String link, OffsetDateTime createdAt,
		OffsetDateTime readAt, boolean unread) {
}
