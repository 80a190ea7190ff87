package zeren.access.internal;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The signed-in user of the current request. */
public final class CurrentUser {

	private CurrentUser() {
	}

	public static Optional<Long> id() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof ZerenUser user
				? Optional.of(user.id()) : Optional.empty();
	}
}
