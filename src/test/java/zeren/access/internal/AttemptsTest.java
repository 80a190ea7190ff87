package zeren.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** The throttle's counting and locking as a pure function of the policy and the time. */
class AttemptsTest {

	final LockoutPolicy policy = LockoutPolicy.defaults();

	final OffsetDateTime t0 = OffsetDateTime.of(2025, 3, 1, 9, 0, 0, 0, ZoneOffset.ofHours(8));

	/** Five wrong passwords in a row at {@code now}: each admitted, then failed. */
	Attempts fiveWrong(Attempts a, OffsetDateTime now) {
		for (int i = 0; i < policy.attempts(); i++) {
			a = a.at(now, policy);
			assertThat(a.admits(now, policy.attempts())).isTrue();
			a = a.admitted().failed(now, policy.attempts(), policy);
		}
		return a;
	}

	@Test
	void the_policy_defaults_follow_keycloak_and_asvs() {
		assertThat(policy.attempts()).isEqualTo(5);
		assertThat(policy.window()).isEqualTo(Duration.ofMinutes(15));
		assertThat(policy.lockDuration(1)).isEqualTo(Duration.ofMinutes(15));
		assertThat(policy.lockDuration(2)).isEqualTo(Duration.ofMinutes(30));
		assertThat(policy.lockDuration(3)).isEqualTo(Duration.ofHours(1));
		assertThat(policy.lockDuration(4)).isEqualTo(Duration.ofHours(2));
		assertThat(policy.lockDuration(20)).isEqualTo(Duration.ofHours(24));
		assertThat(policy.permanent(4)).isFalse();
		assertThat(policy.permanent(5)).isTrue();
		assertThat(new LockoutPolicy(null, null, null, null, null, 0, null).permanent(100)).isFalse();
	}

	@Test
	void attempts_are_admitted_up_to_the_limit_counted_before_their_check() {
		Attempts a = Attempts.NONE.at(t0, policy);
		for (int i = 0; i < policy.attempts(); i++) {
			assertThat(a.admits(t0, policy.attempts())).isTrue();
			a = a.admitted();
		}
		// five in flight, none checked yet: the sixth is refused
		assertThat(a.admits(t0, policy.attempts())).isFalse();
		assertThat(a.locked(t0)).isFalse();
	}

	@Test
	void the_fifth_failure_locks_for_fifteen_minutes_and_each_next_lock_is_twice_as_long_until_the_permanent_one() {
		Attempts a = Attempts.NONE;
		OffsetDateTime now = t0;
		for (int lock = 1; lock < policy.permanentAfter(); lock++) {
			a = fiveWrong(a, now);
			assertThat(a.lockouts()).isEqualTo(lock);
			assertThat(a.lockedUntil()).isEqualTo(now.plus(policy.lockDuration(lock)));
			assertThat(a.at(now.plusSeconds(1), policy).admits(now.plusSeconds(1), policy.attempts())).isFalse();
			now = a.lockedUntil();
		}
		a = fiveWrong(a, now);
		assertThat(a.permanent()).isTrue();
		assertThat(a.locked(now.plusDays(365))).isTrue();
		assertThat(a.at(now.plusDays(365), policy).admits(now.plusDays(365), policy.attempts())).isFalse();
	}

	@Test
	void a_quiet_period_forgets_the_earlier_locks_and_a_window_that_ends_forgets_the_failures() {
		Attempts a = fiveWrong(Attempts.NONE, t0);
		OffsetDateTime later = t0.plus(policy.failureReset()).plusMinutes(1);
		a = fiveWrong(a, later);
		assertThat(a.lockouts()).isEqualTo(1);
		assertThat(a.lockedUntil()).isEqualTo(later.plus(policy.lockDuration(1)));

		Attempts some = Attempts.NONE.at(t0, policy).admitted().failed(t0, 5, policy).at(t0, policy).admitted()
				.failed(t0, 5, policy);
		assertThat(some.failures()).isEqualTo(2);
		assertThat(some.at(t0.plus(policy.window()), policy).failures()).isZero();
	}

	@Test
	void a_right_password_gives_its_count_back() {
		Attempts a = Attempts.NONE.at(t0, policy).admitted().failed(t0, 5, policy).at(t0, policy).admitted();
		assertThat(a.failures()).isEqualTo(2);
		assertThat(a.succeeded().failures()).isEqualTo(1);
	}

	@Test
	void attempts_refused_during_a_lock_are_counted_and_a_lock_starts_with_none() {
		Attempts a = fiveWrong(Attempts.NONE, t0);
		assertThat(a.refused()).isZero();
		a = a.at(t0, policy).refusedOnce().refusedOnce();
		assertThat(a.refused()).isEqualTo(2);
		assertThat(a.newlyLocked(Attempts.NONE)).isTrue();
	}
}
