package zeren.oversight.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import zeren.oversight.Sweep;
import zeren.platform.BusinessClock;
import zeren.platform.SystemWork;

/**
 * The nightly sweep of the current responsibility year over every tree (default 01:40
 * Asia/Shanghai, after the day has turned; {@code zeren.oversight.sweep.cron}, "-" turns it off),
 * on one node of a cluster (ShedLock). The previous year is swept too during its first months
 * (until {@code zeren.oversight.sweep.previous-year-until}), while its late obligations are still
 * being fulfilled.
 */
@Component
class SweepSchedule {

	private final Sweep sweep;
	private final BusinessClock clock;
	private final JdbcClient jdbc;
	private final int previousYearUntilMonth;

	SweepSchedule(Sweep sweep, BusinessClock clock, JdbcClient jdbc,
			@org.springframework.beans.factory.annotation.Value("${zeren.oversight.sweep.previous-year-until-month:3}") int previousYearUntilMonth) {
		this.sweep = sweep;
		this.clock = clock;
		this.jdbc = jdbc;
		this.previousYearUntilMonth = previousYearUntilMonth;
	}

	@Scheduled(cron = "${zeren.oversight.sweep.cron:0 40 1 * * *}", zone = "${zeren.zone:Asia/Shanghai}")
	@SchedulerLock(name = "oversight-sweep", lockAtMostFor = "PT2H", lockAtLeastFor = "PT5M")
	void nightly() {
		SystemWork.run("oversight-sweep", () -> {
			int year = clock.today().getYear();
			for (long root : jdbc.sql("SELECT id FROM org WHERE parent_id IS NULL ORDER BY id").query(Long.class).list()) {
				sweep.sweep(root, year);
				if (clock.today().getMonthValue() <= previousYearUntilMonth) {
					sweep.sweep(root, year - 1);
				}
			}
		});
	}
}
