package zeren.demo;

import org.springframework.test.context.ContextConfiguration;

/** The demo seed on a PostgreSQL database of its own, empty when the context starts. */
@ContextConfiguration(initializers = zeren.support.EmptyPostgresInitializer.class)
class DemoPostgresTest extends DemoContract {
}
