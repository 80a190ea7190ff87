package zeren.access;

import java.time.OffsetDateTime;

/**
 * A user who can sign in. The password hash never leaves the module. {@code lockedUntil}: the
 * latest end of a lock in force on the user's password attempts from some source address (the
 * account itself is never locked; see {@link Users#lockouts}), or null. {@code email}: where the
 * daily reminders go by e-mail (see {@link Contacts}), or null.
 */
public record UserAccount(long id, String username, Long personId, boolean enabled, OffsetDateTime lockedUntil,
		String email) {
}
