package zeren.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import zeren.ZerenApplication;
import zeren.org.OrgImport;
import zeren.org.OrgType;
import zeren.org.importing.ChinaDivisionSource;
import zeren.org.importing.ImportRow;
import zeren.org.importing.RowSource;
import zeren.platform.InvalidInputException;
import zeren.platform.SystemWork;

/**
 * The organisation import on the embedded default database (an H2 file under {@code target/}):
 * the first {@code bench.rows} rows of the china-division data set (provinces, cities, areas,
 * then streets and villages) under one root, imported into an empty tree, imported again (a
 * no-op), and a garbage file of {@code bench.garbageRows} rows, each with an unknown type,
 * refused. Prints and writes the time of each phase.
 *
 * <p>Not a JUnit test. Run with
 * {@code ./mvnw -B -Pbench test-compile exec:exec -Dbench.main=zeren.bench.OrgImportH2Benchmark -Dbench.out=target/benchmarks/org-import-h2.md}
 * (optionally {@code -Dbench.rows=20000 -Dbench.garbageRows=1000000}).
 */
public final class OrgImportH2Benchmark {

	private OrgImportH2Benchmark() {
	}

	public static void main(String[] args) throws Exception {
		int status = 0;
		try {
			run(args);
		}
		catch (Throwable e) {
			e.printStackTrace();
			status = 1;
		}
		System.exit(status);
	}

	private static void run(String[] args) throws Exception {
		Path dir = NationalTree.dataDir(args);
		int rows = Integer.getInteger("bench.rows", 20_000);
		int garbageRows = Integer.getInteger("bench.garbageRows", 1_000_000);
		String outProperty = System.getProperty("bench.out", "target/benchmarks/org-import-h2.md");
		Path out = Path.of(outProperty.endsWith("org-tree.md") ? "target/benchmarks/org-import-h2.md" : outProperty);
		Path db = Files.createTempDirectory(Path.of("target"), "bench-h2-");
		ConfigurableApplicationContext context = new SpringApplicationBuilder(ZerenApplication.class)
				// a web context (the error pages need one) on a free port; nothing calls it
				.web(WebApplicationType.SERVLET).properties("spring.main.banner-mode=off")
				.run("--server.port=0", "--spring.datasource.url=jdbc:h2:file:" + db.toAbsolutePath()
						+ "/zeren;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
						"--spring.datasource.username=sa", "--spring.datasource.password=",
						"--logging.level.zeren.org=DEBUG",
						"--zeren.uploads.limits.org-import.max-rows=" + Math.max(1_000_000, garbageRows));
		ListAppender<ILoggingEvent> log = new ListAppender<>();
		log.start();
		((Logger) LoggerFactory.getLogger("zeren.org")).addAppender(log);
		OrgImport importer = context.getBean(OrgImport.class);
		StringBuilder report = new StringBuilder("# Organisation import on H2 (file database)\n\n");
		report.append("Rows: the first %d of the china-division data set under one root; garbage: %d rows.%n%n"
				.formatted(rows, garbageRows));

		RowSource first = firstRows(dir, rows);
		long started = System.nanoTime();
		OrgImport.Result result = SystemWork.call("benchmark", () -> importer.run(first));
		section(report, "Import into an empty tree", started, result.toString(), log);

		started = System.nanoTime();
		result = SystemWork.call("benchmark", () -> importer.run(first));
		section(report, "The same import again (a no-op)", started, result.toString(), log);

		RowSource garbage = handler -> {
			for (int i = 0; i < garbageRows; i++) {
				handler.accept(new ImportRow(i + 2, "G" + i, "垃圾" + i, null, "NO_SUCH_TYPE"));
			}
		};
		started = System.nanoTime();
		String outcome;
		try {
			SystemWork.call("benchmark", () -> importer.run(garbage));
			outcome = "imported?!";
		}
		catch (InvalidInputException e) {
			outcome = "refused: %d errors, %d listed, first %s".formatted(e.errorCount(), e.errors().size(),
					e.errors().get(0));
		}
		section(report, "A garbage file refused", started, outcome, log);
		context.close();
		Files.createDirectories(out.toAbsolutePath().getParent());
		Files.writeString(out, report);
		System.out.println(report);
	}

	private static void section(StringBuilder report, String title, long started, String outcome,
			ListAppender<ILoggingEvent> log) {
		report.append("## ").append(title).append("\n\n");
		report.append("%.1f s — %s%n%n".formatted((System.nanoTime() - started) / 1e9, outcome));
		List<ILoggingEvent> events = new ArrayList<>(log.list);
		log.list.clear();
		for (ILoggingEvent e : events) {
			report.append("    ").append(e.getFormattedMessage()).append('\n');
		}
		report.append('\n');
		System.out.println(title + ": " + (System.nanoTime() - started) / 1_000_000 + " ms");
	}

	/** The first {@code n} rows of the data set, level by level, under one root. */
	private static RowSource firstRows(Path dir, int n) {
		ChinaDivisionSource source = new ChinaDivisionSource(dir);
		return handler -> {
			handler.accept(new ImportRow(1, "CN", "全国", null, OrgType.PARTY_COMMITTEE.name()));
			int[] count = { 1 };
			try {
				source.forEach(row -> {
					if (count[0]++ >= n) {
						throw new Enough();
					}
					handler.accept(new ImportRow(row.line() + 1, row.code(), row.name(),
							row.parentCode() == null ? "CN" : row.parentCode(), row.type()));
				});
			}
			catch (Enough e) {
				// the first n rows were handed over
			}
		};
	}

	private static final class Enough extends RuntimeException {

		Enough() {
			super(null, null, false, false);
		}
	}
}
