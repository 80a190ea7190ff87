package zeren.notification.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.stereotype.Component;

import zeren.notification.Reminder;
import zeren.notification.ReminderSource;
import zeren.notification.Urgency;
import zeren.oversight.Obligation;
import zeren.oversight.Oversight;

/**
 * Obligations due soon (yellow) or overdue (red) as of the last sweep — the year's list, the
 * letters, the annual reports; tracked items are reminded by {@link TrackedItemReminders} — to
 * the current holder of the responsible post; red ones also to the organisation's principal (the
 * job adds them). The key holds the obligation, its due date and the colour, so each colour is
 * sent once. The message is {@code oversight.reminder.<kind>.due-soon|overdue} (oversight's bundle).
 */
@Component
class ObligationReminders implements ReminderSource {

	private final Oversight oversight;

	ObligationReminders(Oversight oversight) {
		this.oversight = oversight;
	}

	@Override
	public String name() {
		return "obligations";
	}

	@Override
	public void remindersFor(LocalDate today, Consumer<Reminder> sink) {
		oversight.remindable(today.getYear(), o -> {
			Urgency urgency = switch (o.colour()) {
				case RED -> Urgency.RED;
				case YELLOW -> Urgency.YELLOW;
				default -> null;
			};
			if (urgency == null) {
				return;
			}
			String key = "obligation:%s:%d:%d:%d:%s:%s".formatted(o.kind(), o.orgId(), o.year(), o.subject(), o.dueDate(),
					urgency);
			String message = "oversight.reminder." + o.kind() + (o.status() == Obligation.Status.OPEN ? ".due-soon" : ".overdue");
			sink.accept(Reminder.toPost(key, o.orgId(), o.postId(), urgency, message,
					List.of(o.orgName(), o.dueDate().toString(), Long.toString(Math.abs(ChronoUnit.DAYS.between(today, o.dueDate())))),
					o.link()));
		});
	}
}
