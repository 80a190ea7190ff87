package zeren.inspection.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import zeren.inspection.RectificationReminders;
import zeren.platform.BusinessClock;

/**
 * Runs the reminders of overdue rectifications once a day on the business date (default 01:20
 * Asia/Shanghai; {@code zeren.inspection.reminders.cron}, "-" turns it off). Every node may run
 * it: the job itself is safe to run concurrently. Scheduling is switched on by the platform.
 */
@Component
class ReminderSchedule {

	private final RectificationReminders reminders;
	private final BusinessClock clock;

	ReminderSchedule(RectificationReminders reminders, BusinessClock clock) {
		this.reminders = reminders;
		this.clock = clock;
	}

	@Scheduled(cron = "${zeren.inspection.reminders.cron:0 20 1 * * *}", zone = "${zeren.zone:Asia/Shanghai}")
	@SchedulerLock(name = "rectification-reminders", lockAtMostFor = "PT30M", lockAtLeastFor = "PT5M")
	void daily() {
		zeren.platform.SystemWork.run("rectification-reminders", () -> reminders.remind(clock.today()));
	}
}
