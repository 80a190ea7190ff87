package zeren.notification.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import zeren.notification.Reminders;
import zeren.platform.SystemWork;

/**
 * Today's reminders once a day (default 07:30 Asia/Shanghai, {@code zeren.notification.reminders.cron};
 * "-" turns it off), on one node of a cluster at a time (ShedLock); the job is idempotent anyway.
 */
@Component
class ReminderJob {

	private final Reminders reminders;

	ReminderJob(Reminders reminders) {
		this.reminders = reminders;
	}

	@Scheduled(cron = "${zeren.notification.reminders.cron:0 30 7 * * *}", zone = "${zeren.zone:Asia/Shanghai}")
	@SchedulerLock(name = "reminders", lockAtMostFor = "PT1H", lockAtLeastFor = "PT5M")
	void daily() {
		SystemWork.run("reminders", reminders::runToday);
	}
}
