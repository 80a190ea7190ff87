package zeren.access.internal;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import zeren.audit.AuditTrail;
import zeren.platform.BusinessClock;

/**
 * Checks a username and password (form login and HTTP Basic), counts failures and locks an
 * account after too many; the failures and the lock are audited.
 */
@Component
class PasswordLogin implements AuthenticationProvider {

	private final JdbcClient jdbc;
	private final PasswordEncoder encoder;
	private final AuditTrail audit;
	private final TransactionTemplate transactions;
	private final LockoutPolicy policy;
	private final BusinessClock clock;
	/** Compared against when the user does not exist, so that the answer takes as long. */
	private final String dummyHash;

	PasswordLogin(JdbcClient jdbc, PasswordEncoder encoder, AuditTrail audit, TransactionTemplate transactions,
			LockoutPolicy policy, BusinessClock clock) {
		this.jdbc = jdbc;
		this.encoder = encoder;
		this.audit = audit;
		this.transactions = transactions;
		this.policy = policy;
		this.clock = clock;
		this.dummyHash = encoder.encode("not-a-password-of-anyone");
	}

	private record Row(long id, String username, String hash, boolean enabled, OffsetDateTime lockedUntil) {
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String username = authentication.getName() == null ? "" : authentication.getName().strip();
		String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
		Row row = jdbc.sql("SELECT id, username, password_hash, enabled, locked_until FROM app_user WHERE username = :u")
				.param("u", username)
				.query((rs, n) -> new Row(rs.getLong("id"), rs.getString("username"), rs.getString("password_hash"),
						rs.getBoolean("enabled"), rs.getObject("locked_until", OffsetDateTime.class)))
				.optional().orElse(null);
		OffsetDateTime now = clock.now();
		if (row != null && row.lockedUntil() != null && row.lockedUntil().isAfter(now)) {
			transactions.executeWithoutResult(s -> audit.record(
					new AuditTrail.Change(null, "user", row.id(), "LOGIN_REFUSED_LOCKED", "until " + row.lockedUntil()), username));
			throw new LockedException("locked");
		}
		boolean matches = encoder.matches(password, row == null ? dummyHash : row.hash());
		if (!matches) {
			transactions.executeWithoutResult(s -> fail(username, row, now));
			throw new BadCredentialsException("bad credentials");
		}
		if (!row.enabled()) {
			throw new DisabledException("disabled");
		}
		jdbc.sql("DELETE FROM login_failure WHERE username = :u").param("u", username).update();
		UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(
				new ZerenUser(row.id(), row.username()), null, List.of(new SimpleGrantedAuthority("ROLE_USER")));
		result.setDetails(authentication.getDetails());
		return result;
	}

	private void fail(String username, Row row, OffsetDateTime now) {
		String address = zeren.platform.web.Requests.clientAddress();
		jdbc.sql("INSERT INTO login_failure (username, failed_at, client_address) VALUES (:u, :at, :address)")
				.param("u", username.length() > 64 ? username.substring(0, 64) : username).param("at", now)
				.param("address", address).update();
		audit.record(new AuditTrail.Change(null, "user", row == null ? null : row.id(), "LOGIN_FAILURE",
				"username=" + (username.length() > 64 ? username.substring(0, 64) : username)), username);
		long recent = jdbc.sql("SELECT COUNT(*) FROM login_failure WHERE username = :u AND failed_at > :since")
				.param("u", username).param("since", now.minus(policy.window())).query(Long.class).single();
		if (row != null && recent >= policy.attempts()) {
			OffsetDateTime until = now.plus(policy.duration());
			jdbc.sql("UPDATE app_user SET locked_until = :until WHERE id = :id").param("until", until)
					.param("id", row.id()).update();
			jdbc.sql("DELETE FROM login_failure WHERE username = :u").param("u", username).update();
			audit.record(new AuditTrail.Change(null, "user", row.id(), "LOCK",
					"%d failed logins; locked until %s".formatted(recent, until)), username);
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
