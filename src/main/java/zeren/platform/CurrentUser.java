package zeren.platform;

import java.util.Optional;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is acting on the current thread: the signed-in user of the request, or the system actor of
 * {@link SystemWork}. The one place that reads the security context for that; modules ask here.
 */
public final class CurrentUser {

	/** What the signed-in principal carries (implemented by the {@code access} module's user). */
	public interface Identity {

		long id();

		String username();
	}

	/** The name recorded for a change made by nobody: no user and no system work. */
	public static final String NOBODY = "anonymous";

	private CurrentUser() {
	}

	private static Optional<Authentication> signedIn() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken ? Optional.empty()
						: Optional.of(authentication);
	}

	/** The signed-in user's id. */
	public static Optional<Long> id() {
		return signedIn().map(Authentication::getPrincipal)
				.flatMap(p -> p instanceof Identity identity ? Optional.of(identity.id()) : Optional.empty());
	}

	/** The signed-in user's name. */
	public static Optional<String> username() {
		return signedIn().map(Authentication::getName);
	}

	/**
	 * The name under which a change is recorded: the signed-in user, else the system actor
	 * ({@code system:<name>}), else {@link #NOBODY}.
	 */
	public static String actor() {
		return username().orElseGet(() -> SystemWork.actor().orElse(NOBODY));
	}
}
