package zeren.access.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import zeren.access.Role;
import zeren.org.Subtree;
import zeren.platform.CurrentScope;
import zeren.platform.CurrentUser;
import zeren.platform.Scope;
import zeren.platform.SystemWork;

/**
 * The caller's scope, read live from their grants (so a revoked grant takes effect on the next
 * request) and kept for the rest of the request. A DISCIPLINE grant on a discipline body linked to
 * its committee also covers the committee (and, with descendants, its subtree): the 纪委
 * supervises what its committee leads. Work that Zeren starts itself, outside any
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

	private record Grants(long userId, Long personId, List<Held> held) {

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

	/** Work that Zeren does by itself and says so ({@link SystemWork}). */
	private static final Grants SYSTEM = new Grants(0, null, List.of(new Held(Role.ADMIN, null, true)));

	private static final Grants NOBODY = new Grants(-1, null, List.of());

	private Grants grants() {
		if (SystemWork.active()) {
			return SYSTEM;
		}
		Long userId = CurrentUser.id().orElse(null);
		if (userId == null) {
			return NOBODY;
		}
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null && request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof Grants cached
				&& cached.userId() == userId) {
			return cached;
		}
		record Row(Long personId, Held held) {
		}
		// a DISCIPLINE grant on a discipline body (纪委, a node linked to its committee) carries the
		// body's supervisory responsibility over the committee's jurisdiction: it reaches the committee
		// too, as far as the grant reaches (the committee alone, or its subtree with descendants)
		List<Row> rows = jdbc.sql("""
				SELECT u.person_id, g.role, g.include_descendants, o.path FROM app_user u
				LEFT JOIN user_grant g ON g.user_id = u.id
				LEFT JOIN org o ON o.id = g.org_id
				WHERE u.id = :user AND u.enabled = TRUE
				UNION ALL
				SELECT u.person_id, g.role, g.include_descendants, c.path FROM app_user u
				JOIN user_grant g ON g.user_id = u.id AND g.role = 'DISCIPLINE'
				JOIN org c ON c.discipline_body_id = g.org_id
				WHERE u.id = :user AND u.enabled = TRUE
				""").param("user", userId)
				.query((rs, n) -> new Row(rs.getObject("person_id", Long.class), rs.getString("role") == null ? null
						: new Held(Role.valueOf(rs.getString("role")), rs.getString("path"),
								rs.getBoolean("include_descendants"))))
				.list();
		List<Held> held = rows.stream().map(Row::held).filter(java.util.Objects::nonNull).toList();
		Long personId = rows.isEmpty() ? null : rows.get(0).personId();
		Grants grants = new Grants(userId, personId, held);
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
	public java.util.Optional<Long> person() {
		return java.util.Optional.ofNullable(grants().personId());
	}

	@Override
	public boolean isAdmin() {
		return grants().has(Role.ADMIN);
	}
}
