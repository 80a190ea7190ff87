package zeren.access.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** After {@code attempts} failed logins within {@code window}, the account is locked for {@code duration}. */
@ConfigurationProperties("zeren.security.lockout")
public record LockoutPolicy(Integer attempts, Duration window, Duration duration) {

	public LockoutPolicy {
		attempts = attempts == null ? 5 : attempts;
		window = window == null ? Duration.ofMinutes(15) : window;
		duration = duration == null ? Duration.ofMinutes(15) : duration;
	}
}
