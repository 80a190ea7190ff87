package zeren.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.util.ReflectionUtils;

import zeren.support.ApiTest;

/**
 * Every scheduled job runs once across the nodes of a cluster: each carries its own ShedLock
 * name, and a job whose lock another node holds does not run here.
 */
abstract class ScheduledJobsContract extends ApiTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Test
	void every_scheduled_job_holds_a_lock_of_its_own_name() {
		List<String> unlocked = new ArrayList<>();
		Set<String> names = new HashSet<>();
		List<String> duplicates = new ArrayList<>();
		int jobs = 0;
		for (String bean : context.getBeanDefinitionNames()) {
			Class<?> type = context.getType(bean);
			if (type == null) {
				continue;
			}
			for (Method m : ReflectionUtils.getUniqueDeclaredMethods(AopUtils.getTargetClass(context.getBean(bean)))) {
				if (!m.isAnnotationPresent(Scheduled.class) || !m.getDeclaringClass().getName().startsWith("zeren.")) {
					continue;
				}
				jobs++;
				SchedulerLock lock = m.getAnnotation(SchedulerLock.class);
				if (lock == null) {
					unlocked.add(m.toGenericString());
				}
				else if (!names.add(lock.name())) {
					duplicates.add(lock.name());
				}
			}
		}
		assertThat(jobs).as("scheduled jobs found").isGreaterThanOrEqualTo(3);
		assertThat(unlocked).as("jobs without @SchedulerLock").isEmpty();
		assertThat(duplicates).as("lock names used twice").isEmpty();
	}

	@Test
	void a_job_whose_lock_another_node_holds_does_not_run() throws Exception {
		String address = "198.51.100." + (System.nanoTime() % 200 + 1);
		jdbc.sql("INSERT INTO login_source (client_address, failures, lockouts, permanent, refused) VALUES (:a, 0, 0, FALSE, 0)")
				.param("a", address).update();
		jdbc.sql("DELETE FROM shedlock WHERE name = 'login-throttle-cleanup'").update();
		Instant now = Instant.now();
		jdbc.sql("INSERT INTO shedlock (name, lock_until, locked_at, locked_by) VALUES ('login-throttle-cleanup', :until, :at, 'other-node')")
				.param("until", Timestamp.valueOf("2999-01-01 00:00:00")).param("at", Timestamp.from(now)).update();

		Object job = context.getBean("throttleCleanup");
		Method hourly = ReflectionUtils.findMethod(AopUtils.getTargetClass(job), "hourly");
		ReflectionUtils.makeAccessible(hourly);
		hourly.invoke(job);
		assertThat(quietRows(address)).as("the job did not run while the other node held its lock").isEqualTo(1);

		// the other node's run ends: its lock expires (ShedLock keeps the row and moves lock_until);
		// the stored times are the database's UTC clock, so the test uses dates far from now
		jdbc.sql("UPDATE shedlock SET lock_until = :past WHERE name = 'login-throttle-cleanup'")
				.param("past", Timestamp.valueOf("2000-01-01 00:00:00")).update();
		hourly.invoke(job);
		assertThat(quietRows(address)).as("the job ran once the lock was free").isZero();
		assertThat(jdbc.sql("SELECT locked_by FROM shedlock WHERE name = 'login-throttle-cleanup'").query(String.class).single())
				.as("this node took the lock").isNotEqualTo("other-node");
	}

	private int quietRows(String address) {
		return jdbc.sql("SELECT COUNT(*) FROM login_source WHERE client_address = :a").param("a", address).query(Integer.class).single();
	}
}
