package zeren.platform;

import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Says loudly, at start-up, which database Zeren uses and where its file lives, so that a
 * production install never runs on the embedded database without knowing it.
 */
@Component
class DatabaseBanner {

	private static final Logger log = LoggerFactory.getLogger(DatabaseBanner.class);

	private final Database database;

	DatabaseBanner(Database database) {
		this.database = database;
	}

	@EventListener(ApplicationReadyEvent.class)
	void announce() {
		String line = "=".repeat(78);
		if (database.isH2()) {
			log.warn("\n{}\n  DATABASE: embedded H2 file database (evaluation and small units only)\n  FILE:     {}\n"
					+ "  For production set ZEREN_DB_URL, ZEREN_DB_USER and ZEREN_DB_PASSWORD (PostgreSQL).\n{}",
					line, h2File(database.url()), line);
		}
		else {
			log.info("\n{}\n  DATABASE: {} at {} as user {}\n{}", line, database.product(), database.url(),
					database.user(), line);
		}
	}

	static String h2File(String url) {
		String rest = url.replaceFirst("^jdbc:h2:", "");
		int semicolon = rest.indexOf(';');
		if (semicolon >= 0) {
			rest = rest.substring(0, semicolon);
		}
		if (rest.startsWith("mem:")) {
			return "(in memory, nothing is kept) " + rest;
		}
		rest = rest.replaceFirst("^file:", "");
		return Path.of(rest + ".mv.db").toAbsolutePath().normalize().toString();
	}
}
