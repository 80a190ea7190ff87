package zeren.access.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import zeren.platform.SystemWork;

/**
 * Every hour, forgets the login throttle's rows that hold nothing any more (no lock in force, no
 * failure for the policy's {@code failureReset}), so that guessed user names do not pile up.
 * Safe on every node at once: it is one conditional delete per table.
 */
@Component
class ThrottleCleanup {

	private final LoginThrottle throttle;

	ThrottleCleanup(LoginThrottle throttle) {
		this.throttle = throttle;
	}

	@Scheduled(cron = "${zeren.security.lockout.cleanup-cron:0 7 * * * *}")
	@SchedulerLock(name = "login-throttle-cleanup", lockAtMostFor = "PT10M", lockAtLeastFor = "PT1M")
	void hourly() {
		SystemWork.run("login-throttle-cleanup", throttle::forgetQuietKeys);
	}
}
