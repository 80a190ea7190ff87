package zeren.access.internal;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Two requests of one session that both add the same attribute (a flash message after two
 * concurrent form posts) must not fail on the second insert: the attribute is written as an
 * upsert — PostgreSQL {@code ON CONFLICT … DO UPDATE} (Spring Session's own customizer), H2
 * {@code MERGE … KEY}.
 */
@Configuration(proxyBeanMethods = false)
class SessionAttributeUpserts {

	private static final String H2_UPSERT = """
			MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
			KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) VALUES (?, ?, ?)
			""";

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> upsertSessionAttributes(DataSource dataSource) {
		String product = product(dataSource);
		if (product.contains("postgres")) {
			return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
		}
		return repository -> {
			if (product.contains("h2")) {
				repository.setCreateSessionAttributeQuery(H2_UPSERT);
			}
		};
	}

	private static String product(DataSource dataSource) {
		try (Connection c = dataSource.getConnection()) {
			return c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT);
		}
		catch (SQLException e) {
			throw new IllegalStateException("cannot read the database's product name", e);
		}
	}
}
