package zeren.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;

/**
 * Connections of {@link ReadOnlyWork} handlers come from the read data source, all others from
 * the primary; without {@code zeren.db.read-url} the primary is left as it is. (The cluster
 * script, src/test/cluster/cluster.sh, shows it against a real streaming replica.)
 */
class ReadRoutingTest {

	private final HikariDataSource primary = pool("jdbc:h2:mem:routing-primary;DB_CLOSE_DELAY=-1");

	@AfterEach
	void close() {
		ReadRouting.end();
		primary.close();
	}

	@Test
	void withoutReadUrlThePrimaryServesEverything() {
		Object bean = routing(new MockEnvironment()).postProcessAfterInitialization(primary, "dataSource");
		assertThat(bean).isSameAs(primary);
	}

	@Test
	void readOnlyWorkTakesTheReadSourceAndEverythingElseThePrimary() throws Exception {
		MockEnvironment environment = new MockEnvironment()
				.withProperty("zeren.db.read-url", "jdbc:h2:mem:routing-read;DB_CLOSE_DELAY=-1")
				.withProperty("zeren.db.read-user", "sa").withProperty("zeren.db.read-password", "");
		DataSource router = (DataSource) routing(environment).postProcessAfterInitialization(primary, "dataSource");
		assertThat(router).isInstanceOf(ReadRouting.Router.class);
		try {
			assertThat(database(router)).isEqualTo("ROUTING-PRIMARY");

			HandlerInterceptor interceptor = interceptor();
			MockHttpServletRequest request = new MockHttpServletRequest();
			MockHttpServletResponse response = new MockHttpServletResponse();
			HandlerMethod marked = new HandlerMethod(new Handlers(), Handlers.class.getDeclaredMethod("overview"));
			HandlerMethod plain = new HandlerMethod(new Handlers(), Handlers.class.getDeclaredMethod("write"));

			interceptor.preHandle(request, response, marked);
			assertThat(database(router)).isEqualTo("ROUTING-READ");
			interceptor.afterCompletion(request, response, marked, null);
			assertThat(database(router)).isEqualTo("ROUTING-PRIMARY");

			interceptor.preHandle(request, response, plain);
			assertThat(database(router)).isEqualTo("ROUTING-PRIMARY");
			interceptor.afterCompletion(request, response, plain, null);
		}
		finally {
			((ReadRouting.Router) router).close();
		}
		assertThat(primary.isClosed()).isTrue();
	}

	private static BeanPostProcessor routing(MockEnvironment environment) {
		return ReadRouting.readReplicaRouting(environment);
	}

	private static HandlerInterceptor interceptor() {
		HandlerInterceptor[] found = new HandlerInterceptor[1];
		new ReadRouting().readOnlyWorkInterceptor().addInterceptors(new InterceptorRegistry() {
			@Override
			public org.springframework.web.servlet.config.annotation.InterceptorRegistration addInterceptor(
					HandlerInterceptor interceptor) {
				found[0] = interceptor;
				return super.addInterceptor(interceptor);
			}
		});
		return found[0];
	}

	private static String database(DataSource source) throws SQLException {
		try (Connection connection = source.getConnection(); ResultSet rs = connection.createStatement().executeQuery("CALL DATABASE()")) {
			rs.next();
			return rs.getString(1);
		}
	}

	private static HikariDataSource pool(String url) {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(url);
		pool.setUsername("sa");
		return pool;
	}

	static class Handlers {

		@ReadOnlyWork
		void overview() {
		}

		void write() {
		}
	}

}
