package zeren.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import org.springframework.context.ConfigurableApplicationContext;

import zeren.inspection.Findings;
import zeren.inspection.Inspection;
import zeren.inspection.Inspections;
import zeren.inspection.Notices;
import zeren.inspection.Rectifications;
import zeren.org.OrgImport;
import zeren.org.OrgTree;
import zeren.platform.BusinessClock;

/**
 * Supervision on the national tree (docs/BENCHMARKS.md), embedded PostgreSQL: the china-division
 * tree (665,276 organisations); about 50,000 circulated notices in SQL (ten to each province's
 * jurisdiction, three to each county's subtree, one to each township); a province inspection of
 * its whole subtree with {@code bench.findings} (2,000) findings, each rectified through
 * {@link Rectifications#assign} (a tracked item each). Times the notices a village and a county
 * received, the target organisations of the province rule, the findings of the province, the
 * rectification board of the province and of a city, and the daily reminders when every
 * rectification has just become overdue (then again: nothing left to do).
 *
 * <p>Run: {@code ./mvnw -B -Pbench test-compile exec:exec -Dbench.main=zeren.bench.InspectionBenchmark
 * -Dbench.out=target/benchmarks/inspection.md}. One untimed run, then {@code RUNS} timed runs of each read.
 */
public final class InspectionBenchmark {

	private static final int RUNS = 11;

	private final StringBuilder report = new StringBuilder();

	public static void main(String[] args) throws Exception {
		int status = 0;
		try {
			AsSystem.run(() -> new InspectionBenchmark().run(args));
		}
		catch (Throwable e) {
			e.printStackTrace();
			status = 1;
		}
		System.exit(status);
	}

	private void run(String[] args) throws Exception {
		Path dir = NationalTree.dataDir(args);
		Path out = Path.of(System.getProperty("bench.out", "target/benchmarks/inspection.md"));
		int findingCount = Integer.getInteger("bench.findings", 2000);
		ConfigurableApplicationContext context = NationalTree.boot("zeren_bench_inspection",
				"--zeren.notification.reminders.cron=-");
		DataSource dataSource = context.getBean(DataSource.class);
		OrgTree tree = context.getBean(OrgTree.class);
		Inspections inspections = context.getBean(Inspections.class);
		Findings findings = context.getBean(Findings.class);
		Notices notices = context.getBean(Notices.class);
		Rectifications rectifications = context.getBean(Rectifications.class);
		zeren.notification.Reminders reminders = context.getBean(zeren.notification.Reminders.class);
		LocalDate today = context.getBean(BusinessClock.class).today();

		line("# Supervision (督责) on the national tree");
		line();
		line("Run at %s; %d processors; max heap %d MiB; load average before: %s.", OffsetDateTime.now(),
				Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, loadAverage());
		long started = System.nanoTime();
		OrgImport.Result imported = NationalTree.load(context, dir);
		line();
		line("- Import (`OrgImport`): %,d organisations in %.1f s.", imported.rows(), seconds(System.nanoTime() - started));

		long province = tree.findByCode("43").orElseThrow().id();
		long city;
		long county;
		long village;
		try (Connection c = dataSource.getConnection()) {
			c.setAutoCommit(true);
			started = System.nanoTime();
			notices(c);
			execute(c, "VACUUM ANALYZE");
			line("- %,d notices written in SQL (10 per province jurisdiction, 3 per county subtree, 1 per township), "
					+ "then `VACUUM ANALYZE`: %.1f s.", count(c, "inspection_notice"), seconds(System.nanoTime() - started));
			city = single(c, "SELECT id FROM org WHERE parent_id = " + province + " ORDER BY id LIMIT 1");
			county = single(c, "SELECT id FROM org WHERE parent_id = " + city + " ORDER BY id LIMIT 1");
			long town = single(c, "SELECT id FROM org WHERE parent_id = " + county + " ORDER BY id LIMIT 1");
			village = single(c, "SELECT id FROM org WHERE parent_id = " + town + " ORDER BY id LIMIT 1");
		}

		// one inspection of the province's whole subtree; findings at counties and townships, a post each
		Inspection check = inspections.create(new Inspections.NewInspection(province, Inspection.Kind.TOUR, "省委巡视",
				today, today.plusDays(60), List.of(), childrenAsSubtrees(dataSource, province), null));
		try (Connection c = dataSource.getConnection()) {
			c.setAutoCommit(true);
			started = System.nanoTime();
			setUpFindings(c, check.id(), province, findingCount, today);
			line("- One province inspection (its cities as subtree rules); %,d findings at its counties and "
					+ "townships with a secretary and a member post each, in SQL: %.1f s.", findingCount,
					seconds(System.nanoTime() - started));
		}
		List<Long> findingIds;
		try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("SELECT id FROM inspection_finding WHERE inspection_id = " + check.id()
						+ " ORDER BY id")) {
			findingIds = new java.util.ArrayList<>();
			while (rs.next()) {
				findingIds.add(rs.getLong(1));
			}
		}
		LocalDate deadline = today.plusDays(30);
		started = System.nanoTime();
		for (Long id : findingIds) {
			rectifications.assign(id, new Rectifications.RectificationInput("问题", "措施", deadline, null));
		}
		double assignSeconds = seconds(System.nanoTime() - started);
		line("- %,d rectifications through `Rectifications.assign` (a tracked item and an audit event each): %.1f s "
				+ "(%.1f ms each).", findingIds.size(), assignSeconds, assignSeconds * 1000 / findingIds.size());
		try (Connection c = dataSource.getConnection()) {
			c.setAutoCommit(true);
			execute(c, "VACUUM ANALYZE");
		}
		line("- Load average after the set-up: %s.", loadAverage());
		line();
		line("| what | result | median ms | min ms | max ms |");
		line("|---|---:|---:|---:|---:|");
		measure("notices received by a village (`Notices.received`)", () -> notices.received(village).size());
		measure("notices received by a county", () -> notices.received(county).size());
		measure("target organisations of the province inspection (first 1,000)", () -> inspections.targetOrgs(check.id()).size());
		measure("findings about the province's subtree, first page of 100 and the count (`Findings.page`)",
				() -> (int) findings.page(province, today.getYear(), null, null, 1, 100).total());
		measure("rectification board of the province (on the business date)",
				() -> (int) rectifications.board(province, deadline.getYear(), today).total());
		measure("rectification board of a city", () -> (int) rectifications.board(city, deadline.getYear(), today).total());
		measure("overdue rectifications of the province, page 2 of 100",
				() -> (int) rectifications.column(province, deadline.getYear(), Rectifications.Column.OVERDUE, today, 2, 100).total());
		LocalDate overdue = deadline.plusDays(1);
		started = System.nanoTime();
		int written = reminders.run(overdue).reminders();
		double remindSeconds = seconds(System.nanoTime() - started);
		started = System.nanoTime();
		int again = reminders.run(overdue).newReminders();
		double againSeconds = seconds(System.nanoTime() - started);
		line("| daily reminders (notification), every rectification just overdue | %,d reminders | %.0f | | |", written, remindSeconds * 1000);
		line("| daily reminders again the same day (nothing new) | %,d sent | %.0f | | |", again, againSeconds * 1000);
		line();
		line("Reads: %d untimed run, then %d timed, through the services as the system (unrestricted scope). "
				+ "The reminder job: one run each, timed around the call.", 1, RUNS);
		System.out.println(report);
		Files.createDirectories(out.toAbsolutePath().getParent());
		Files.writeString(out, report.toString());
		context.close();
	}

	private static List<Inspections.TargetInput> childrenAsSubtrees(DataSource dataSource, long province)
			throws SQLException {
		List<Inspections.TargetInput> targets = new java.util.ArrayList<>();
		try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("SELECT id FROM org WHERE parent_id = " + province + " ORDER BY id")) {
			while (rs.next()) {
				targets.add(new Inspections.TargetInput(rs.getLong(1), true));
			}
		}
		return targets;
	}

	/** Notices to every province's jurisdiction (10), every county's subtree (3), every township (1). */
	private static void notices(Connection c) throws SQLException {
		String insert = """
				INSERT INTO inspection_notice (org_id, title, body, scope_kind, scope_org_id, issued_on, issued_at)
				SELECT %s, '通报 ' || o.code || ' ' || g, '正文', '%s', o.id, CURRENT_DATE, now()
				FROM org o CROSS JOIN generate_series(1, %d) g WHERE o.depth = %d
				""";
		execute(c, insert.formatted("o.id", "JURISDICTION", 10, 0));
		execute(c, insert.formatted("o.parent_id", "SUBTREE", 3, 2));
		execute(c, insert.formatted("o.parent_id", "ORG", 1, 3));
	}

	private static void setUpFindings(Connection c, long inspectionId, long province, int count, LocalDate today)
			throws SQLException {
		String path = single(c, "SELECT path FROM org WHERE id = " + province, String.class);
		execute(c, """
				CREATE TEMP TABLE bench_target AS
				SELECT o.id FROM org o WHERE o.path LIKE '%s%%' AND o.depth IN (2, 3) ORDER BY o.id LIMIT %d
				""".formatted(path, count));
		execute(c, """
				INSERT INTO post (org_id, title, kind, sort_order, active, created_at)
				SELECT id, '书记', 'SECRETARY', 1, TRUE, now() FROM bench_target
				UNION ALL SELECT id, '分管领导', 'MEMBER', 2, TRUE, now() FROM bench_target
				""");
		execute(c, """
				INSERT INTO inspection_finding (inspection_id, org_id, focus_no, description, severity, created_at)
				SELECT %d, id, 1 + id %% 5, '问题 ' || id, 'SERIOUS', now() FROM bench_target
				""".formatted(inspectionId));
		execute(c, """
				INSERT INTO inspection_finding_post (finding_id, post_id)
				SELECT f.id, p.id FROM inspection_finding f JOIN post p ON p.org_id = f.org_id AND p.kind = 'MEMBER'
				WHERE f.inspection_id = %d
				""".formatted(inspectionId));
	}

	private void measure(String what, Callable<Integer> read) throws Exception {
		int result = read.call();
		double[] times = new double[RUNS];
		for (int i = 0; i < RUNS; i++) {
			long t = System.nanoTime();
			result = read.call();
			times[i] = (System.nanoTime() - t) / 1e6;
		}
		Arrays.sort(times);
		line("| %s | %,d | %.1f | %.1f | %.1f |", what, result, times[RUNS / 2], times[0], times[RUNS - 1]);
		System.out.println(report);
	}

	private static long count(Connection c, String table) throws SQLException {
		return single(c, "SELECT COUNT(*) FROM " + table);
	}

	private static long single(Connection c, String sql) throws SQLException {
		return single(c, sql, Long.class);
	}

	private static <T> T single(Connection c, String sql, Class<T> type) throws SQLException {
		try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getObject(1, type);
		}
	}

	private static void execute(Connection c, String sql) throws SQLException {
		try (Statement s = c.createStatement()) {
			s.execute(sql);
		}
	}

	private static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).strip();
		}
		catch (Exception e) {
			return "?";
		}
	}

	private static double seconds(long nanos) {
		return nanos / 1e9;
	}

	private void line() {
		report.append('\n');
	}

	private void line(String format, Object... args) {
		report.append(String.format(java.util.Locale.ROOT, format, args)).append('\n');
	}
}
