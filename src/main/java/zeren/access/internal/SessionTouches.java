package zeren.access.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.HttpSessionIdResolver;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * A page request does not write its session's row: Spring Session sets the last-access time on
 * every request, which marks the session changed and makes its JDBC repository
 * {@code UPDATE spring_session} each time. Here the filter works through a repository whose
 * sessions take a new last-access time only when the stored one is at least {@link #EVERY}
 * old, so a session with no attribute changed is written at most once a minute. A session
 * therefore expires up to a minute before its idle timeout (30 minutes), never later.
 * Attribute changes are written as before, when they happen.
 */
@Configuration(proxyBeanMethods = false)
class SessionTouches {

	static final Duration EVERY = Duration.ofMinutes(1);

	/**
	 * Replaces Spring Session's filter with one over the throttling repository and the same
	 * session-id resolver (the cookie serializer Boot configures from {@code server.servlet.session.cookie}).
	 */
	@Bean
	static BeanPostProcessor throttledSessionFilter(ObjectProvider<SessionRepository<?>> repositories,
			ObjectProvider<CookieSerializer> cookies, ObjectProvider<HttpSessionIdResolver> resolvers) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if (!(bean instanceof SessionRepositoryFilter<?>) || bean instanceof Throttled) {
					return bean;
				}
				@SuppressWarnings("unchecked")
				SessionRepository<Session> repository = (SessionRepository<Session>) repositories.getObject();
				Throttled filter = new Throttled(new Repository(repository));
				HttpSessionIdResolver resolver = resolvers.getIfAvailable();
				if (resolver == null) {
					CookieHttpSessionIdResolver cookie = new CookieHttpSessionIdResolver();
					CookieSerializer serializer = cookies.getIfAvailable();
					if (serializer == null) {
						// Boot always configures one; without it the replacement could lose cookie settings
						return bean;
					}
					cookie.setCookieSerializer(serializer);
					resolver = cookie;
				}
				filter.setHttpSessionIdResolver(resolver);
				return filter;
			}
		};
	}

	static final class Throttled extends SessionRepositoryFilter<Touching> {
		Throttled(Repository repository) {
			super(repository);
		}
	}

	/** Hands out sessions that ignore a last-access time less than a minute after the stored one. */
	static final class Repository implements SessionRepository<Touching> {

		private final SessionRepository<Session> delegate;

		Repository(SessionRepository<Session> delegate) {
			this.delegate = delegate;
		}

		@Override
		public Touching createSession() {
			return new Touching(delegate.createSession());
		}

		@Override
		public void save(Touching session) {
			delegate.save(session.session);
		}

		@Override
		public Touching findById(String id) {
			Session session = delegate.findById(id);
			return session == null ? null : new Touching(session);
		}

		@Override
		public void deleteById(String id) {
			delegate.deleteById(id);
		}
	}

	static final class Touching implements Session {

		final Session session;

		Touching(Session session) {
			this.session = session;
		}

		@Override
		public void setLastAccessedTime(Instant time) {
			if (!time.isBefore(session.getLastAccessedTime().plus(EVERY)) || time.isBefore(session.getLastAccessedTime())) {
				session.setLastAccessedTime(time);
			}
		}

		@Override
		public String getId() {
			return session.getId();
		}

		@Override
		public String changeSessionId() {
			return session.changeSessionId();
		}

		@Override
		public <T> T getAttribute(String name) {
			return session.getAttribute(name);
		}

		@Override
		public Set<String> getAttributeNames() {
			return session.getAttributeNames();
		}

		@Override
		public void setAttribute(String name, Object value) {
			session.setAttribute(name, value);
		}

		@Override
		public void removeAttribute(String name) {
			session.removeAttribute(name);
		}

		@Override
		public Instant getCreationTime() {
			return session.getCreationTime();
		}

		@Override
		public Instant getLastAccessedTime() {
			return session.getLastAccessedTime();
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			session.setMaxInactiveInterval(interval);
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return session.getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			return session.isExpired();
		}
	}
}
