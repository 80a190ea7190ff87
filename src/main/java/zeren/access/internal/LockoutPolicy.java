package zeren.access.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How password guessing is slowed down, after Keycloak's brute-force detection and OWASP ASVS
 * V2.2. Failures are counted per user name from one client address, and per address over all
 * user names; the account itself is never locked, so a guesser elsewhere cannot keep its owner
 * out.
 *
 * <ul>
 * <li>{@code attempts} failures of one user name from one address within {@code window} lock
 * that pair for {@code duration}; each further lock of the same pair lasts twice as long, up to
 * {@code maxDuration};</li>
 * <li>{@code addressAttempts} failures from one address within {@code window}, whatever the user
 * names, lock that address the same way;</li>
 * <li>the {@code permanentAfter}-th lock of a pair or an address is permanent, until an
 * administrator unlocks it (0: never permanent);</li>
 * <li>a pair or an address without a failure for {@code failureReset} starts again from its
 * first lock.</li>
 * </ul>
 */
@ConfigurationProperties("zeren.security.lockout")
public record LockoutPolicy(Integer attempts, Duration window, Duration duration, Duration maxDuration,
		Integer addressAttempts, Integer permanentAfter, Duration failureReset) {

	public LockoutPolicy {
		attempts = attempts == null ? 5 : attempts;
		window = window == null ? Duration.ofMinutes(15) : window;
		duration = duration == null ? Duration.ofMinutes(15) : duration;
		maxDuration = maxDuration == null ? Duration.ofHours(24) : maxDuration;
		addressAttempts = addressAttempts == null ? 30 : addressAttempts;
		permanentAfter = permanentAfter == null ? 5 : permanentAfter;
		failureReset = failureReset == null ? Duration.ofHours(12) : failureReset;
		if (attempts < 1 || addressAttempts < 1 || permanentAfter < 0) {
			throw new IllegalArgumentException("zeren.security.lockout: attempts and address-attempts are at least 1");
		}
	}

	/** The defaults. */
	public static LockoutPolicy defaults() {
		return new LockoutPolicy(null, null, null, null, null, null, null);
	}

	/** How long the {@code n}-th lock (counting from 1) of a pair or an address lasts. */
	Duration lockDuration(int n) {
		Duration d = duration;
		for (int i = 1; i < n && d.compareTo(maxDuration) < 0; i++) {
			d = d.multipliedBy(2);
		}
		return d.compareTo(maxDuration) > 0 ? maxDuration : d;
	}

	/** Whether the {@code n}-th lock is the permanent one. */
	boolean permanent(int n) {
		return permanentAfter > 0 && n >= permanentAfter;
	}
}
