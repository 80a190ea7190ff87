package zeren.access.internal;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import zeren.platform.BusinessClock;

/**
 * {@code Authorization: Bearer zrn_…}: a personal access token, looked up by its SHA-256. A
 * revoked, expired or unknown token, or one of a disabled user, is answered with 401. Password
 * guessing does not touch tokens: a lock on password attempts (see {@link LoginThrottle}) leaves
 * the user's tokens working, and no token needs a password check ({@link PasswordChecks}).
 *
 * <p>A read must not write: {@code last_used_at} is written at most once a minute per token (and
 * node), by the first request of that minute, in its own statement outside the request's work;
 * concurrent requests with one token do not queue on the token's row.
 */
class BearerTokens extends OncePerRequestFilter {

	private final JdbcClient jdbc;
	private final BusinessClock clock;
	private final AuthenticationEntryPoint entryPoint;
	private final LastUse lastUse = new LastUse(java.time.Duration.ofMinutes(1));

	BearerTokens(JdbcClient jdbc, BusinessClock clock, AuthenticationEntryPoint entryPoint) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.entryPoint = entryPoint;
	}

	private record Holder(long tokenId, long userId, String username) {
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			chain.doFilter(request, response);
			return;
		}
		String secret = header.substring(7).strip();
		OffsetDateTime now = clock.now();
		Holder holder = jdbc.sql("""
				SELECT t.id AS token_id, u.id AS user_id, u.username FROM api_token t JOIN app_user u ON u.id = t.user_id
				WHERE t.token_hash = :hash AND t.revoked_at IS NULL AND t.expires_at > :now
				  AND u.enabled = TRUE
				""").param("hash", zeren.platform.Sha256.hex(secret)).param("now", now)
				.query((rs, n) -> new Holder(rs.getLong("token_id"), rs.getLong("user_id"), rs.getString("username")))
				.optional().orElse(null);
		if (holder == null) {
			SecurityContextHolder.clearContext();
			entryPoint.commence(request, response, new BadCredentialsException("bad token"));
			return;
		}
		if (lastUse.due(holder.tokenId(), now)) {
			// autocommit, outside any transaction of the request; at most once a minute per token and node
			jdbc.sql("UPDATE api_token SET last_used_at = :now WHERE id = :id AND (last_used_at IS NULL OR last_used_at < :now)")
					.param("now", now).param("id", holder.tokenId()).update();
		}
		var authentication = UsernamePasswordAuthenticationToken.authenticated(
				new ZerenUser(holder.userId(), holder.username()), null, List.of(new SimpleGrantedAuthority("ROLE_USER")));
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}
}
