package zeren.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import zeren.access.Users;
import zeren.support.Sibling;
import zeren.support.SiblingData;

/** The notification module's part of the scope walk: an unread notification of a user of the sibling. */
@Component
class NotificationSiblingData implements SiblingData {

	private final Users users;
	private final Notifications notifications;
	private final JdbcClient jdbc;
	private long id;

	NotificationSiblingData(Users users, Notifications notifications, JdbcClient jdbc) {
		this.users = users;
		this.notifications = notifications;
		this.jdbc = jdbc;
	}

	@Override
	public void create(Sibling s) {
		var user = users.create(new Users.NewUser(s.prefix().toLowerCase() + "inbox", "password-inbox-1", s.personB().id(),
				true, s.prefix().toLowerCase() + "inbox@example.org"));
		assertThat(notifications.toPerson(s.personB().id(), Urgency.RED, "notification.tracking.overdue",
				List.of(s.secretOrg(), s.secretPerson(), "2026-01-01", "3"), "/tracking/items/1")).isPositive();
		id = jdbc.sql("SELECT MAX(id) FROM notification WHERE user_id = :user").param("user", user.id()).query(Long.class)
				.single();
	}

	@Override
	public Object value(String name, String pattern) {
		if (!pattern.startsWith("/api/v1/notifications/") && !pattern.startsWith("/notifications/")) {
			return null;
		}
		return "id".equals(name) ? id : null;
	}

	@Override
	public void assertUnchanged() {
		assertThat(jdbc.sql("SELECT COUNT(*) FROM notification WHERE id = :id AND read_at IS NULL").param("id", id)
				.query(Long.class).single()).isEqualTo(1L);
	}
}
