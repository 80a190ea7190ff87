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
					awaitContextsClosed();
					server.close();
				}
				catch (IOException ignored) {
					// the process is ending anyway
				}
			}));
		}
		return server;
	}

	private static final java.util.concurrent.atomic.AtomicInteger OPEN_CONTEXTS = new java.util.concurrent.atomic.AtomicInteger();

	/** An application context on this server has started; the server outlives it. */
	static void opened() {
		OPEN_CONTEXTS.incrementAndGet();
	}

	static void closed() {
		synchronized (OPEN_CONTEXTS) {
			OPEN_CONTEXTS.decrementAndGet();
			OPEN_CONTEXTS.notifyAll();
		}
	}

	/**
	 * At JVM exit the contexts close in their own shutdown hooks, concurrently with this one; their
	 * beans (the event publication registry, sessions) still talk to the database while closing.
	 */
	private static void awaitContextsClosed() {
		long until = System.currentTimeMillis() + 20_000;
		synchronized (OPEN_CONTEXTS) {
			while (OPEN_CONTEXTS.get() > 0 && System.currentTimeMillis() < until) {
				try {
					OPEN_CONTEXTS.wait(200);
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
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
