package zeren.notification.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import zeren.notification.Notification;
import zeren.notification.Notifications;
import zeren.notification.Reminders;

@RestController
@Tag(name = "Notifications", description = "The caller's inbox and the daily reminders")
class NotificationApi {

	private final Notifications notifications;
	private final Reminders reminders;

	NotificationApi(Notifications notifications, Reminders reminders) {
		this.notifications = notifications;
		this.reminders = reminders;
	}

	@GetMapping("/api/v1/notifications/mine")
	@Operation(summary = "The caller's notifications, newest first (at most 200)")
	List<Notification> mine() {
		return notifications.mine();
	}

	@PostMapping("/api/v1/notifications/{id}/read")
	@Operation(summary = "Mark one of the caller's notifications read (404 for anyone else's)")
	Notification read(@PathVariable long id) {
		return notifications.markRead(id);
	}

	@PostMapping("/api/v1/oversight/reminders/run")
	@Operation(summary = "Send today's due reminders now (administrators): the daily job's work, idempotent")
	Reminders.Run run() {
		return reminders.runToday();
	}
}
