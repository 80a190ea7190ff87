package zeren.notification.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.stereotype.Component;

import zeren.notification.Reminder;
import zeren.notification.ReminderSource;
import zeren.notification.Urgency;
import zeren.tracking.TrackedItems;

/**
 * Tracked items due soon (yellow) or overdue (red) by the tracking module's warning rule — ledger
 * tasks, inspection rectifications, interview follow-ups, answers to queries, the execution of
 * accountability decisions alike — to the holder of the owner post; red ones also to the
 * organisation's principal (the job adds them). The key holds the item, its deadline and the
 * colour: a yellow reminder is sent once, the red one once more, and a new deadline starts again.
 */
@Component
class TrackedItemReminders implements ReminderSource {

	private final TrackedItems items;

	TrackedItemReminders(TrackedItems items) {
		this.items = items;
	}

	@Override
	public String name() {
		return "tracking";
	}

	@Override
	public void remindersFor(LocalDate today, Consumer<Reminder> sink) {
		items.forEachDue(today, item -> {
			Urgency urgency = switch (item.warning()) {
				case RED -> Urgency.RED;
				case YELLOW -> Urgency.YELLOW;
				default -> null;
			};
			if (urgency == null || item.ownerPostId() == null) {
				return;
			}
			String key = "tracking:%d:%s:%s".formatted(item.id(), item.deadline(), urgency);
			String message = urgency == Urgency.RED ? "notification.tracking.overdue" : "notification.tracking.due-soon";
			sink.accept(Reminder.toPost(key, item.orgId(), item.ownerPostId(), urgency, message,
					List.of(item.title(), item.orgName(), item.deadline().toString(),
							Long.toString(Math.abs(item.daysLeft()))),
					"/tracking/items/" + item.id()));
		});
	}
}
