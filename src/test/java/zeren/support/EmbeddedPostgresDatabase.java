package zeren.support;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One real PostgreSQL server for the whole test run, from the embedded binaries on the test
 * classpath (no Docker, no network). Each caller gets its own database on it.
 */
public final class EmbeddedPostgresDatabase {

	private static EmbeddedPostgres server;

	private EmbeddedPostgresDatabase() {
	}

	public static synchronized EmbeddedPostgres server() {
		if (server == null) {
			try {
				server = EmbeddedPostgres.builder()
						.setServerConfig("fsync", "off")
						.setServerConfig("synchronous_commit", "off")
						.setServerConfig("full_page_writes", "off")
						.start();
			}
			catch (IOException e) {
				throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					server.close();
				}
				catch (IOException ignored) {
					// the process is ending anyway
				}
			}));
		}
		return server;
	}

	/** A fresh, empty database on the shared server; returns its JDBC URL. */
	public static synchronized String createDatabase(String name) {
		EmbeddedPostgres pg = server();
		try (var connection = pg.getPostgresDatabase().getConnection(); var statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + name);
			statement.execute("CREATE DATABASE " + name);
		}
		catch (java.sql.SQLException e) {
			throw new IllegalStateException(e);
		}
		return pg.getJdbcUrl("postgres", name);
	}
}
