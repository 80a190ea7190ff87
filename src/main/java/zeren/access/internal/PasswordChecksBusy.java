package zeren.access.internal;

import org.springframework.security.core.AuthenticationException;

/**
 * Too many password checks at once ({@link PasswordChecks}): answered quickly with 429 and
 * {@code Retry-After} on the API, the login page's "busy" notice on the pages. It says nothing
 * about the user name or the password, which were not looked at.
 */
public class PasswordChecksBusy extends AuthenticationException {

	/** Seconds after which the caller may try again. */
	public static final int RETRY_AFTER_SECONDS = 1;

	public PasswordChecksBusy() {
		super("too many password checks at once");
	}
}
