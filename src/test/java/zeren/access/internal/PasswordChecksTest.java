package zeren.access.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The bounded password checks without Spring: places, a bounded queue, a bounded wait, separate lanes. */
class PasswordChecksTest {

	@Test
	void the_lane_runs_its_places_lets_its_queue_wait_and_refuses_the_rest_at_once() throws Exception {
		PasswordChecks checks = new PasswordChecks(2, 1, Duration.ofSeconds(30));
		CountDownLatch running = new CountDownLatch(2);
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(3);
		try {
			for (int i = 0; i < 2; i++) {
				threads.submit(() -> checks.run(PasswordChecks.Lane.API, () -> {
					running.countDown();
					return await(release);
				}));
			}
			assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
			Future<String> queued = threads.submit(() -> checks.run(PasswordChecks.Lane.API, () -> "ran after waiting"));
			while (checks.waiting(PasswordChecks.Lane.API) < 1) {
				Thread.sleep(5);
			}
			// the lane and its queue are full: refused without waiting
			long start = System.nanoTime();
			assertThatThrownBy(() -> checks.run(PasswordChecks.Lane.API, () -> "never")).isInstanceOf(PasswordChecksBusy.class);
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
			// the other lane is not touched
			assertThat(checks.run(PasswordChecks.Lane.PAGE, () -> "page")).isEqualTo("page");
			release.countDown();
			assertThat(queued.get(10, TimeUnit.SECONDS)).isEqualTo("ran after waiting");
			assertThat(checks.refused()).isEqualTo(1);
		}
		finally {
			release.countDown();
			threads.shutdownNow();
		}
	}

	@Test
	void a_wait_is_bounded() throws Exception {
		PasswordChecks checks = new PasswordChecks(1, 5, Duration.ofMillis(50));
		CountDownLatch running = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService threads = Executors.newSingleThreadExecutor();
		try {
			threads.submit(() -> checks.run(PasswordChecks.Lane.API, () -> {
				running.countDown();
				return await(release);
			}));
			assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
			assertThatThrownBy(() -> checks.run(PasswordChecks.Lane.API, () -> "never")).isInstanceOf(PasswordChecksBusy.class);
			assertThat(checks.waiting(PasswordChecks.Lane.API)).isZero();
		}
		finally {
			release.countDown();
			threads.shutdownNow();
		}
	}

	@Test
	void the_defaults_follow_the_machine() {
		PasswordChecks checks = new PasswordChecks(0, -1, Duration.ofSeconds(1));
		assertThat(checks.concurrency()).isEqualTo(Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
		assertThat(checks.queue()).isEqualTo(16 * checks.concurrency());
	}

	private static boolean await(CountDownLatch latch) {
		try {
			return latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}
}
