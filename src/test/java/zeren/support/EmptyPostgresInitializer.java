package zeren.support;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points the application at a database of its own on the embedded PostgreSQL server, empty when
 * the context starts (not the one the other PostgreSQL tests share): for a test that needs an
 * empty database, such as the demo seed's.
 */
public class EmptyPostgresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		String url = EmbeddedPostgresDatabase.createDatabase("zeren_empty");
		PostgresInitializer.use(context, url);
	}
}
