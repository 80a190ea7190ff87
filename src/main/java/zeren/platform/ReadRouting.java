package zeren.platform;

import java.io.Closeable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.lookup.AbstractRoutingDataSource;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The read data source of {@link ReadOnlyWork}: when {@code zeren.db.read-url}
 * ({@code ZEREN_DB_READ_URL}, with {@code ZEREN_DB_READ_USER} and {@code ZEREN_DB_READ_PASSWORD},
 * which default to the primary's) is set, the application's one {@link DataSource} becomes a
 * router that hands out connections of a second, read-only pool while read-only work runs on
 * the current thread, and of the primary's pool (Boot's, configured as always) otherwise.
 * Flyway, sessions, ShedLock, every write and every other read use the primary. Unset, nothing
 * changes: the primary serves everything. The decision is taken when a connection is taken, so
 * a transaction begun inside read-only work stays on the replica to its end, and one begun
 * before it stays on the primary.
 */
@Configuration(proxyBeanMethods = false)
class ReadRouting {

	private static final Logger log = LoggerFactory.getLogger(ReadRouting.class);

	private static final ThreadLocal<Boolean> READ_ONLY = new ThreadLocal<>();

	static void begin() {
		READ_ONLY.set(Boolean.TRUE);
	}

	static void end() {
		READ_ONLY.remove();
	}

	static boolean active() {
		return Boolean.TRUE.equals(READ_ONLY.get());
	}

	/** Read-only work for the requests whose handler carries {@link ReadOnlyWork}. */
	@Bean
	WebMvcConfigurer readOnlyWorkInterceptor() {
		HandlerInterceptor interceptor = new HandlerInterceptor() {
			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				if (handler instanceof HandlerMethod method && method.hasMethodAnnotation(ReadOnlyWork.class)) {
					begin();
				}
				return true;
			}

			@Override
			public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
					Exception ex) {
				end();
			}
		};
		return new WebMvcConfigurer() {
			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				registry.addInterceptor(interceptor);
			}
		};
	}

	@Bean
	static BeanPostProcessor readReplicaRouting(Environment environment) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				String url = environment.getProperty("zeren.db.read-url", "");
				if (!(bean instanceof DataSource primary) || !"dataSource".equals(name) || url.isBlank()) {
					return bean;
				}
				HikariDataSource read = new HikariDataSource();
				read.setPoolName("zeren-read");
				read.setJdbcUrl(url);
				read.setUsername(environment.getProperty("zeren.db.read-user"));
				read.setPassword(environment.getProperty("zeren.db.read-password"));
				read.setMaximumPoolSize(environment.getProperty("zeren.db.read-pool-size", Integer.class, 10));
				read.setReadOnly(true);
				// a replica that is down is found on first use, not at start-up
				read.setInitializationFailTimeout(-1);
				log.info("read-only work reads from {}", url.replaceAll("(?i)password=[^&;]*", "password=…"));
				return new Router(primary, read);
			}
		};
	}

	/** The primary, or the read pool while read-only work runs; closes both at shutdown. */
	static final class Router extends AbstractRoutingDataSource implements Closeable {

		private final DataSource primary;
		private final HikariDataSource read;

		Router(DataSource primary, HikariDataSource read) {
			this.primary = primary;
			this.read = read;
			setTargetDataSources(Map.of("primary", primary, "read", read));
			setDefaultTargetDataSource(primary);
			afterPropertiesSet();
		}

		@Override
		protected Object determineCurrentLookupKey() {
			return active() ? "read" : "primary";
		}

		@Override
		public Connection getConnection() throws SQLException {
			return determineTargetDataSource().getConnection();
		}

		@Override
		public void close() {
			read.close();
			if (primary instanceof Closeable closeable) {
				try {
					closeable.close();
				}
				catch (java.io.IOException e) {
					log.warn("closing the primary pool failed", e);
				}
			}
		}
	}

}
