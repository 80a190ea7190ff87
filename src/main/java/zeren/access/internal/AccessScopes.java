package zeren.access.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import zeren.access.Role;
import zeren.org.Subtree;
import zeren.platform.CurrentScope;
import zeren.platform.Scope;

/**
 * The caller's scope, read live from their grants (so a revoked grant takes effect on the next
 * request) and kept for the rest of the request. Work that Zeren starts itself, outside any
 * request and without a user (the national loader, the first admin), runs unrestricted; a
 * request without a signed-in user sees nothing.
 */
@Component
class AccessScopes implements CurrentScope {

	private static final String ATTRIBUTE = AccessScopes.class.getName();

	private final JdbcClient jdbc;

	AccessScopes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private record Held(Role role, String path, boolean descendants) {
	}

	private record Grants(long userId, List<Held> held) {

		boolean has(Role role) {
			return held.stream().anyMatch(h -> h.role() == role);
		}

		Scope scope(List<Role> roles) {
			if (has(Role.ADMIN)) {
				return Scope.all();
			}
			List<Scope.Range> ranges = new ArrayList<>();
			for (Held h : held) {
				if (roles.contains(h.role()) && h.path() != null) {
					ranges.add(Subtree.range(h.path(), h.descendants()));
				}
			}
			return Scope.of(ranges);
		}
	}

	/** Work started by Zeren itself (start-up loads, scheduled jobs): no request, no user. */
	private static final Grants SYSTEM = new Grants(0, List.of(new Held(Role.ADMIN, null, true)));

	private Grants grants() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (authentication == null && request == null) {
			return SYSTEM;
		}
		Long userId = CurrentUser.id().orElse(null);
		if (userId == null) {
			return new Grants(-1, List.of());
		}
		if (request != null && request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof Grants cached
				&& cached.userId() == userId) {
			return cached;
		}
		List<Held> held = jdbc.sql("""
				SELECT g.role, g.include_descendants, o.path FROM user_grant g
				JOIN app_user u ON u.id = g.user_id AND u.enabled = TRUE
				LEFT JOIN org o ON o.id = g.org_id
				WHERE g.user_id = :user
				""").param("user", userId)
				.query((rs, n) -> new Held(Role.valueOf(rs.getString("role")), rs.getString("path"),
						rs.getBoolean("include_descendants")))
				.list();
		Grants grants = new Grants(userId, held);
		if (request != null) {
			request.setAttribute(ATTRIBUTE, grants, RequestAttributes.SCOPE_REQUEST);
		}
		return grants;
	}

	@Override
	public Scope reading() {
		return grants().scope(List.of(Role.values()));
	}

	@Override
	public Scope managing() {
		return grants().scope(List.of(Role.ORG_ADMIN));
	}

	@Override
	public Scope supervising() {
		return grants().scope(List.of(Role.DISCIPLINE));
	}

	@Override
	public Scope acting() {
		return grants().scope(List.of(Role.ORG_ADMIN, Role.DISCIPLINE, Role.LEADER));
	}

	@Override
	public boolean isAdmin() {
		return grants().has(Role.ADMIN);
	}
}
