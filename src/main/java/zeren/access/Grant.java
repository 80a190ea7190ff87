package zeren.access;

/** A role over an organisation, and over its descendants when {@code includeDescendants}. */
public record Grant(long id, long userId, Role role, Long orgId, boolean includeDescendants) {
}
