package zeren.demo;

import org.springframework.test.context.TestPropertySource;

/** The demo seed on an H2 database of its own, empty when the context starts. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:zeren-demo;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class DemoH2Test extends DemoContract {
}
