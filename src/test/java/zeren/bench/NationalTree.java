package zeren.bench;

import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import zeren.ZerenApplication;
import zeren.org.OrgImport;
import zeren.org.OrgType;
import zeren.org.importing.ChinaDivisionSource;
import zeren.org.importing.ImportRow;
import zeren.org.importing.RowSource;
import zeren.support.EmbeddedPostgresDatabase;

/**
 * The national tree on embedded PostgreSQL for a benchmark program: the application started on
 * a fresh database of the shared embedded server, and the china-division data set imported
 * through {@link OrgImport}, as {@link OrgTreeBenchmark} does.
 */
final class NationalTree {

	private NationalTree() {
	}

	/** The data-set directory: the first argument, else {@code bench.data}. */
	static Path dataDir(String[] args) {
		Path dir = Path.of(args.length > 0 ? args[0] : System.getProperty("bench.data", "../shared/data/china-division"))
				.toAbsolutePath().normalize();
		if (!Files.isRegularFile(dir.resolve("villages.csv"))) {
			throw new IllegalArgumentException("no china-division data set in " + dir);
		}
		return dir;
	}

	/**
	 * The application on a new database {@code name} of the embedded server. With its web layer
	 * (the page advice and error pages need a servlet context), on a random loopback port.
	 */
	static ConfigurableApplicationContext boot(String name, String... extraArguments) {
		String url = EmbeddedPostgresDatabase.createDatabase(name);
		String[] arguments = new String[3 + extraArguments.length];
		// command-line arguments outrank the test classpath's application.properties (H2)
		arguments[0] = "--spring.datasource.url=" + url;
		arguments[1] = "--spring.datasource.username=postgres";
		arguments[2] = "--spring.datasource.password=";
		System.arraycopy(extraArguments, 0, arguments, 3, extraArguments.length);
		return new SpringApplicationBuilder(ZerenApplication.class).web(WebApplicationType.SERVLET)
				.properties("spring.main.banner-mode=off", "server.port=0", "server.address=127.0.0.1").run(arguments);
	}

	/** Imports the whole tree (665,276 organisations). */
	static OrgImport.Result load(ConfigurableApplicationContext context, Path dir) {
		return context.getBean(OrgImport.class).run(new ChinaDivisionSource(dir));
	}

	/**
	 * Imports the whole tree below one national root organisation {@code rootCode} (a Party
	 * committee): the 31 provinces become its children, so one subtree holds everything.
	 */
	static OrgImport.Result loadUnderRoot(ConfigurableApplicationContext context, Path dir, String rootCode,
			String rootName) {
		ChinaDivisionSource source = new ChinaDivisionSource(dir);
		RowSource rooted = handler -> {
			handler.accept(new ImportRow(1, rootCode, rootName, null, OrgType.PARTY_COMMITTEE.name()));
			source.forEach(row -> handler.accept(new ImportRow(row.line() + 1, row.code(), row.name(),
					row.parentCode() == null ? rootCode : row.parentCode(), row.type())));
		};
		return context.getBean(OrgImport.class).run(rooted);
	}
}
