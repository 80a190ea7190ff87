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
		use(context, url);
	}

	/** Points {@code context} at the database {@code url} of the embedded server, which outlives the context. */
	static void use(ConfigurableApplicationContext context, String url) {
		TestPropertyValues.of("spring.datasource.url=" + url, "spring.datasource.username=postgres",
				"spring.datasource.password=").applyTo(context);
		// the server stops only after this context has closed (its beans still use the database then)
		EmbeddedPostgresDatabase.opened();
		// registered before every bean, so destroyed after all of them
		((org.springframework.beans.factory.support.DefaultListableBeanFactory) context.getBeanFactory())
				.registerDisposableBean("embeddedPostgresGuard", EmbeddedPostgresDatabase::closed);
	}
}
