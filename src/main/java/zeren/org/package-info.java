/**
 * The organisation tree, people, posts and tenures.
 *
 * <p>Other modules scope their queries with {@link zeren.org.Subtree} (one indexed range over
 * the organisation path, O(answer)) and resolve people only through {@link zeren.org.Leadership}
 * at the date of the fact.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organisations, people and tenures",
		allowedDependencies = { "audit", "platform" })
package zeren.org;
