package zeren.access.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import zeren.platform.web.Requests;

/**
 * One password attempt, for the login (form and HTTP Basic) and for the password change: in a
 * place of its {@link PasswordChecks} lane, counted by the {@link LoginThrottle} before the
 * password is compared, and answered the same way whether the user name is unknown, the
 * password wrong, the user disabled or the attempt refused by a lock — so the answer tells a
 * guesser nothing.
 */
@Component
public class PasswordLogin {

	/** bcrypt compares only this many bytes of a password; a longer one is never anyone's. */
	public static final int MAX_PASSWORD_BYTES = 72;

	private final JdbcClient jdbc;
	private final PasswordEncoder encoder;
	private final LoginThrottle throttle;
	private final PasswordChecks checks;
	/** Compared against when the user does not exist, so that the answer takes as long. */
	private final String dummyHash;

	PasswordLogin(JdbcClient jdbc, PasswordEncoder encoder, LoginThrottle throttle, PasswordChecks checks) {
		this.jdbc = jdbc;
		this.encoder = encoder;
		this.throttle = throttle;
		this.checks = checks;
		this.dummyHash = encoder.encode("not-a-password-of-anyone");
	}

	/** What one attempt found. */
	public enum Verdict {
		/** The password is the user's, and the user is enabled. */
		RIGHT,
		/** Unknown user, wrong password or disabled user; counted as a failure. */
		WRONG,
		/** Not checked: the user name from this address, or the address, is locked. */
		REFUSED
	}

	public record Attempt(Verdict verdict, Long userId, String username, String hash) {

		public boolean right() {
			return verdict == Verdict.RIGHT;
		}
	}

	private record Row(long id, String username, String hash, boolean enabled) {
	}

	/**
	 * Checks {@code password} for the user named {@code typedUsername} (case-insensitive), from
	 * {@code clientAddress}; a failure is audited as {@code failureAction}.
	 *
	 * @throws PasswordChecksBusy when the lane is full
	 */
	public Attempt attempt(String typedUsername, String password, String clientAddress, PasswordChecks.Lane lane,
			String failureAction) {
		String username = typedUsername == null ? "" : typedUsername.strip();
		return checks.run(lane, () -> {
			Row row = jdbc.sql("SELECT id, username, password_hash, enabled FROM app_user WHERE username_key = :key")
					.param("key", LoginThrottle.key(username))
					.query((rs, n) -> new Row(rs.getLong("id"), rs.getString("username"), rs.getString("password_hash"),
							rs.getBoolean("enabled")))
					.optional().orElse(null);
			Long userId = row == null ? null : row.id();
			LoginThrottle.Reservation reservation = throttle.reserve(username, clientAddress, userId);
			if (!reservation.admitted()) {
				return new Attempt(Verdict.REFUSED, userId, username, null);
			}
			boolean matches = matches(password, row == null ? dummyHash : row.hash());
			if (matches && row != null && row.enabled()) {
				throttle.succeeded(reservation);
				return new Attempt(Verdict.RIGHT, row.id(), row.username(), row.hash());
			}
			throttle.failed(reservation, userId, failureAction);
			return new Attempt(Verdict.WRONG, userId, username, null);
		});
	}

	private boolean matches(String password, String hash) {
		if (password == null || password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
			// as long as a real comparison, so the length tells nothing either
			encoder.matches("not-a-password-of-anyone", dummyHash);
			return false;
		}
		return encoder.matches(password, hash);
	}

	/** The login's check for one filter chain: HTTP Basic in the API lane, the form in the page lane. */
	AuthenticationProvider provider(PasswordChecks.Lane lane) {
		return new AuthenticationProvider() {

			@Override
			public Authentication authenticate(Authentication authentication) {
				String address = authentication.getDetails() instanceof WebAuthenticationDetails details
						? details.getRemoteAddress() : Requests.clientAddress();
				Attempt attempt = attempt(authentication.getName(),
						authentication.getCredentials() == null ? "" : authentication.getCredentials().toString(), address,
						lane, "LOGIN_FAILURE");
				if (!attempt.right()) {
					throw new BadCredentialsException("bad credentials");
				}
				UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(
						new ZerenUser(attempt.userId(), attempt.username()), null,
						List.of(new SimpleGrantedAuthority("ROLE_USER")));
				result.setDetails(authentication.getDetails());
				return result;
			}

			@Override
			public boolean supports(Class<?> authentication) {
				return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
			}
		};
	}
}
