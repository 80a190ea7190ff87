package zeren.org;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs the time each phase of one import took, at DEBUG
 * ({@code logging.level.zeren.org.OrgImport=DEBUG}).
 */
final class ImportPhases {

	private static final Logger log = LoggerFactory.getLogger(OrgImport.class);

	private final String run;
	private long last = System.nanoTime();

	ImportPhases(String run) {
		this.run = run;
	}

	String run() {
		return run;
	}

	void done(String phase) {
		long now = System.nanoTime();
		if (log.isDebugEnabled()) {
			log.debug("import {}: {} in {} ms", run, phase, (now - last) / 1_000_000);
		}
		last = now;
	}
}
