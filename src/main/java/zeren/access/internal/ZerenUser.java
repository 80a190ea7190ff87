package zeren.access.internal;

import java.io.Serializable;
import java.security.Principal;

/** The signed-in user as held in the security context. Roles and scope are read live from the grants. */
public record ZerenUser(long id, String username) implements Principal, Serializable, zeren.platform.CurrentUser.Identity {

	@Override
	public String getName() {
		return username;
	}
}
