package zeren.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points the application at a database on the embedded PostgreSQL server. */
public class PostgresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static String url;

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		synchronized (PostgresInitializer.class) {
			if (url == null) {
				url = EmbeddedPostgresDatabase.createDatabase("zeren_test");
			}
		}
		TestPropertyValues.of("spring.datasource.url=" + url, "spring.datasource.username=postgres",
				"spring.datasource.password=").applyTo(context);
	}
}
