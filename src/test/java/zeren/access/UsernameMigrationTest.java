package zeren.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import zeren.support.EmbeddedPostgresDatabase;

/**
 * V10_2 makes user names case-insensitive on a database that already holds names differing only
 * in case: nothing is lost, the oldest keeps its name, the look-alikes are renamed and disabled,
 * and no second spelling can be added afterwards. On H2 and on PostgreSQL.
 */
class UsernameMigrationTest {

	record Row(long id, String username, String key, boolean enabled) {
	}

	static void migrate(String url, String user, String target) {
		var config = Flyway.configure().dataSource(url, user, "").locations("classpath:db/migration");
		if (target != null) {
			config.target(target);
		}
		config.load().migrate();
	}

	static void insert(Connection c, String username) throws SQLException {
		try (var s = c.prepareStatement("INSERT INTO app_user (username, password_hash, enabled, created_at, password_changed_at) "
				+ "VALUES (?, '{noop}x', TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")) {
			s.setString(1, username);
			s.executeUpdate();
		}
	}

	static List<Row> rows(Connection c) throws SQLException {
		List<Row> rows = new ArrayList<>();
		try (var s = c.createStatement(); var rs = s.executeQuery("SELECT id, username, username_key, enabled FROM app_user ORDER BY id")) {
			while (rs.next()) {
				rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)));
			}
		}
		return rows;
	}

	/**
	 * The version just before the user-name migration (found by its name, so that renumbering the
	 * migration does not break this test).
	 */
	static String versionBefore() throws java.io.IOException {
		java.util.regex.Pattern file = java.util.regex.Pattern.compile("V(\\d+(?:_\\d+)*)__(.+)\\.sql");
		List<String[]> versions = new ArrayList<>();
		try (var files = java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources/db/migration"))) {
			files.map(p -> file.matcher(p.getFileName().toString())).filter(java.util.regex.Matcher::matches)
					.forEach(m -> versions.add(new String[] { m.group(1).replace('_', '.'), m.group(2) }));
		}
		versions.sort((a, b) -> org.flywaydb.core.api.MigrationVersion.fromVersion(a[0])
				.compareTo(org.flywaydb.core.api.MigrationVersion.fromVersion(b[0])));
		for (int i = 1; i < versions.size(); i++) {
			if (versions.get(i)[1].equals("usernames_case_insensitive")) {
				return versions.get(i - 1)[0];
			}
		}
		throw new IllegalStateException("no migration usernames_case_insensitive");
	}

	void check(String url, String user) throws Exception {
		migrate(url, user, versionBefore());
		try (Connection c = DriverManager.getConnection(url, user, "")) {
			insert(c, "Victim");
			insert(c, "victim");
			insert(c, "VICTIM");
			insert(c, "other");
		}
		migrate(url, user, null);
		try (Connection c = DriverManager.getConnection(url, user, "")) {
			List<Row> rows = rows(c);
			assertThat(rows).hasSize(4);
			Row first = rows.get(0);
			assertThat(first).isEqualTo(new Row(first.id(), "Victim", "victim", true));
			assertThat(rows.get(1)).isEqualTo(new Row(rows.get(1).id(), "victim~" + rows.get(1).id(), "victim~" + rows.get(1).id(), false));
			assertThat(rows.get(2)).isEqualTo(new Row(rows.get(2).id(), "VICTIM~" + rows.get(2).id(), "victim~" + rows.get(2).id(), false));
			assertThat(rows.get(3)).isEqualTo(new Row(rows.get(3).id(), "other", "other", true));
			assertThatThrownBy(() -> {
				try (var s = c.prepareStatement("INSERT INTO app_user (username, username_key, password_hash, enabled, created_at, "
						+ "password_changed_at) VALUES ('OTHER', 'other', 'x', TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")) {
					s.executeUpdate();
				}
			}).isInstanceOf(SQLException.class);
		}
	}

	@Test
	void on_h2_names_that_differ_only_in_case_become_one_and_the_look_alikes_are_kept_disabled() throws Exception {
		check("jdbc:h2:mem:usernames-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
				"sa");
	}

	@Test
	void on_postgres_names_that_differ_only_in_case_become_one_and_the_look_alikes_are_kept_disabled() throws Exception {
		check(EmbeddedPostgresDatabase.createDatabase("zeren_username_migration"), "postgres");
	}
}
