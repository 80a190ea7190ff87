package zeren.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostgresSmokeTest {

	@Test
	void the_embedded_postgres_server_answers() throws Exception {
		String url = EmbeddedPostgresDatabase.createDatabase("smoke");
		try (var c = java.sql.DriverManager.getConnection(url, "postgres", ""); var rs = c.createStatement().executeQuery("select version()")) {
			rs.next();
			assertThat(rs.getString(1)).contains("PostgreSQL");
			System.out.println(rs.getString(1));
		}
	}
}
