package zeren.org.importing;

import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import zeren.org.OrgImport;

/**
 * Loads the national administrative-division tree at start-up when
 * {@code --zeren.import.china-division=DIR} is given (DIR holds provinces.csv … villages.csv).
 * The import is all or nothing and a repeat is a no-op, so it is safe to leave the option set.
 */
@Component
@ConditionalOnProperty("zeren.import.china-division")
class DivisionLoaderRunner implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DivisionLoaderRunner.class);

	private final OrgImport importer;
	private final Environment environment;

	DivisionLoaderRunner(OrgImport importer, Environment environment) {
		this.importer = importer;
		this.environment = environment;
	}

	@Override
	public void run(ApplicationArguments args) {
		Path dir = Path.of(environment.getRequiredProperty("zeren.import.china-division"));
		if (!Files.isRegularFile(dir.resolve("provinces.csv"))) {
			throw new IllegalStateException("zeren.import.china-division: no provinces.csv in " + dir.toAbsolutePath());
		}
		log.info("loading the national division tree from {}", dir.toAbsolutePath());
		OrgImport.Result result = zeren.platform.SystemWork.call("division-loader",
				() -> importer.run(new ChinaDivisionSource(dir)));
		log.info("national division tree: {} rows, {} created, {} updated, {} unchanged in {} ms", result.rows(),
				result.created(), result.updated(), result.unchanged(), result.millis());
	}
}
