package zeren.access;

import java.time.OffsetDateTime;

/** A user who can sign in. The password hash never leaves the module. */
public record UserAccount(long id, String username, Long personId, boolean enabled, OffsetDateTime lockedUntil) {
}
