package zeren.notification;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zeren.access.Contacts;
import zeren.audit.AuditTrail;
import zeren.platform.BusinessClock;
import zeren.platform.CurrentUser;
import zeren.platform.NotFoundException;
import zeren.platform.Rows;

/**
 * The in-app inbox. A user only ever reads and marks their own notifications: another user's
 * answers 404 like a missing one. {@link #toPerson} is how a module notifies someone outside
 * the daily reminders (every enabled user linked to the person gets the entry).
 */
@Service
@Transactional(readOnly = true)
public class Notifications {

	static final char SEPARATOR = '\u001F';
	static final int MAX_LISTED = 200;

	private final JdbcClient jdbc;
	private final MessageSource messages;
	private final BusinessClock clock;
	private final Contacts contacts;
	private final AuditTrail audit;

	Notifications(JdbcClient jdbc, MessageSource messages, BusinessClock clock, Contacts contacts, AuditTrail audit) {
		this.jdbc = jdbc;
		this.messages = messages;
		this.clock = clock;
		this.contacts = contacts;
		this.audit = audit;
	}

	private record Stored(long id, String urgency, String messageKey, String messageArgs, String link,
			OffsetDateTime createdAt, OffsetDateTime readAt) {
	}

	/** The signed-in user's notifications, newest first (at most 200); none without a user. */
	public List<Notification> mine() {
		Long userId = CurrentUser.id().orElse(null);
		if (userId == null) {
			return List.of();
		}
		Locale locale = LocaleContextHolder.getLocale();
		return jdbc.sql("""
				SELECT id, urgency, message_key, message_args, link, created_at, read_at FROM notification
				WHERE user_id = :user ORDER BY id DESC FETCH FIRST 200 ROWS ONLY
				""").param("user", userId).query(Rows.of(Stored.class)).list().stream()
				.map(s -> new Notification(s.id(), Urgency.valueOf(s.urgency()),
						render(s.messageKey(), s.messageArgs(), locale), s.link(), s.createdAt(), s.readAt(), s.readAt() == null))
				.toList();
	}

	/** How many of the signed-in user's notifications are unread (0 without a user). */
	public long unreadCount() {
		Long userId = CurrentUser.id().orElse(null);
		if (userId == null) {
			return 0;
		}
		return jdbc.sql("SELECT COUNT(*) FROM notification WHERE user_id = :user AND read_at IS NULL")
				.param("user", userId).query(Long.class).single();
	}

	/** Marks one of the signed-in user's notifications read (again: no change); 404 for anyone else's. */
	@Transactional
	public Notification markRead(long id) {
		Long userId = CurrentUser.id().orElseThrow(() -> new NotFoundException("notification", id));
		int changed = jdbc.sql("UPDATE notification SET read_at = :now WHERE id = :id AND user_id = :user AND read_at IS NULL")
				.param("now", clock.now()).param("id", id).param("user", userId).update();
		if (changed == 0 && jdbc.sql("SELECT COUNT(*) FROM notification WHERE id = :id AND user_id = :user")
				.param("id", id).param("user", userId).query(Long.class).single() == 0) {
			throw new NotFoundException("notification", id);
		}
		return mine().stream().filter(n -> n.id() == id).findFirst()
				.orElseThrow(() -> new NotFoundException("notification", id));
	}

	/**
	 * Puts a notice in the inbox of every enabled user linked to {@code personId} (for work that
	 * knows whom to tell; callable from system work or by administrators, as {@link Contacts#ofPersons}).
	 * Returns how many entries were written.
	 */
	@Transactional
	public int toPerson(long personId, Urgency urgency, String messageKey, List<String> args, String link) {
		Reminder notice = new Reminder("notice", 0, null, personId, urgency, messageKey, args, link);
		int n = 0;
		for (Contacts.Contact c : contacts.ofPersons(List.of(personId))) {
			insert(c.userId(), null, notice);
			n++;
		}
		if (n > 0) {
			audit.record(new AuditTrail.Change(null, "notification", personId, "NOTIFY", "key=" + messageKey));
		}
		return n;
	}

	/** Writes one inbox entry; the caller has decided who gets it (and audits). */
	void insert(long userId, String reminderKey, Reminder reminder) {
		jdbc.sql("""
				INSERT INTO notification (user_id, reminder_key, urgency, message_key, message_args, link, created_at)
				VALUES (:user, :key, :urgency, :messageKey, :args, :link, :now)
				""").param("user", userId).param("key", reminderKey).param("urgency", reminder.urgency().name())
				.param("messageKey", reminder.messageKey()).param("args", join(reminder.args()))
				.param("link", reminder.link()).param("now", clock.now()).update();
	}

	static String join(List<String> args) {
		StringBuilder b = new StringBuilder();
		for (int i = 0; i < args.size(); i++) {
			if (i > 0) {
				b.append(SEPARATOR);
			}
			String a = args.get(i);
			b.append(a == null ? "" : a.replace(SEPARATOR, ' '));
		}
		return b.toString();
	}

	String render(String messageKey, String args, Locale locale) {
		Object[] values = args == null || args.isEmpty() ? new Object[0]
				: Arrays.stream(args.split(String.valueOf(SEPARATOR), -1)).toArray();
		return messages.getMessage(messageKey, values, messageKey, locale);
	}

	String render(Reminder reminder, Locale locale) {
		return messages.getMessage(reminder.messageKey(), reminder.args().toArray(), reminder.messageKey(), locale);
	}
}
