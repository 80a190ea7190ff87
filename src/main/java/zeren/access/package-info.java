/**
 * Users, roles and grants over organisation subtrees, login, API tokens. The caller's scope
 * ({@link zeren.platform.CurrentScope}) is computed here, live from the grants, for every module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Access",
		allowedDependencies = { "org", "audit", "platform" })
package zeren.access;
