package zeren.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.context.ConfigurableApplicationContext;

import zeren.org.OrgImport;
import zeren.oversight.Oversight;
import zeren.oversight.Sweep;
import zeren.platform.BusinessClock;

/**
 * The national sweep and the dashboards on PostgreSQL: the national tree under one root, a year of
 * generated data in SQL (a 书记 post for every organisation, held in 90 %; lists published by 80 %,
 * a fifth of them late; letters signed by a third; annual reports submitted by 70 %; one ledger
 * task per county-level organisation), then the sweep of the whole tree (twice: the second is a
 * re-sweep of unchanged data) and the dashboards of the root, a province and a county read
 * {@code RUNS} times each. Run: {@code ./mvnw -B -Pbench test-compile exec:exec
 * -Dbench.main=zeren.bench.OversightBenchmark -Dbench.xmx=1g -Dbench.out=target/benchmarks/oversight.md}.
 */
public class OversightBenchmark {

	static final int RUNS = 201;

	private final StringBuilder report = new StringBuilder();

	public static void main(String[] args) throws Exception {
		int status = 0;
		try {
			AsSystem.run(() -> new OversightBenchmark().run(args));
		}
		catch (Throwable e) {
			e.printStackTrace();
			status = 1;
		}
		System.exit(status);
	}

	private void run(String[] args) throws Exception {
		Path dir = NationalTree.dataDir(args);
		Path out = Path.of(System.getProperty("bench.out", "target/benchmarks/oversight.md"));
		ConfigurableApplicationContext context = NationalTree.boot("zeren_bench_oversight");
		DataSource dataSource = context.getBean(DataSource.class);
		int year = context.getBean(BusinessClock.class).today().getYear();
		line("# Oversight: the national sweep and the dashboards");
		line();
		line("Run at %s; %d processors; max heap %d MiB; year %d.", OffsetDateTime.now(),
				Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, year);
		long started = System.nanoTime();
		OrgImport.Result imported = NationalTree.loadUnderRoot(context, dir, "CN-ROOT", "全国");
		line();
		line("- Import: %,d organisations in %.1f s.", imported.rows(), seconds(System.nanoTime() - started));
		long root;
		long province;
		long county;
		try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
			c.setAutoCommit(true);
			started = System.nanoTime();
			generateYear(s, year);
			s.execute("VACUUM ANALYZE");
			line("- Set-up in SQL (posts, people, tenures, lists, reports), then `VACUUM ANALYZE`: %.1f s.",
					seconds(System.nanoTime() - started));
			root = single(s, "SELECT id FROM org WHERE code = 'CN-ROOT'");
			province = single(s, "SELECT MIN(id) FROM org WHERE depth = 1");
			county = single(s, "SELECT MIN(id) FROM org WHERE depth = 3");
		}
		Sweep sweep = context.getBean(Sweep.class);
		line();
		line("| sweep of the whole tree | instances | colour changes | seconds |");
		line("|---|---:|---:|---:|");
		for (String what : List.of("first (every colour is new)", "again, nothing changed")) {
			Sweep.Result r = sweep.sweep(root, year);
			line("| %s | %,d | %,d | %.2f |", what, r.instances(), r.colourChanges(), r.millis() / 1000.0);
		}
		Oversight oversight = context.getBean(Oversight.class);
		line();
		line("| dashboard (read from the snapshot) | children | median ms | p99 ms | max ms |");
		line("|---|---:|---:|---:|---:|");
		for (long[] org : new long[][] { { root, 0 }, { province, 1 }, { county, 3 } }) {
			double[] ms = new double[RUNS];
			int children = 0;
			for (int i = -20; i < RUNS; i++) {
				long t = System.nanoTime();
				Oversight.Dashboard d = oversight.dashboard(org[0], year);
				if (i >= 0) {
					ms[i] = (System.nanoTime() - t) / 1e6;
				}
				children = d.children().size();
			}
			Arrays.sort(ms);
			line("| %s | %d | %.2f | %.2f | %.2f |", org[1] == 0 ? "national root" : org[1] == 1 ? "a province" : "a county",
					children, ms[RUNS / 2], ms[(int) Math.ceil(RUNS * 0.99) - 1], ms[RUNS - 1]);
		}
		Files.createDirectories(out.getParent());
		Files.writeString(out, report);
		System.out.println(report);
		long hold = Long.getLong("bench.hold", 0);
		if (hold > 0) {
			// keep the database up for a look with psql (EXPLAIN ANALYZE of the rules) before it goes
			try (Connection c = dataSource.getConnection()) {
				System.out.println("holding " + hold + " s: " + c.getMetaData().getURL());
			}
			Thread.sleep(hold * 1000);
		}
		context.close();
	}

	/**
	 * A year of generated data over the whole tree, in SQL: a 书记 post for every organisation,
	 * held in 90 %; lists published by 80 % (a fifth of them late); annual reports by 70 %.
	 * (Shared with the assessment benchmark, which reads the same obligations.)
	 */
	static void generateYear(Statement s, int year) throws Exception {
		String now = "CURRENT_TIMESTAMP";
		s.execute("INSERT INTO post (org_id, title, kind, sort_order, active, created_at) SELECT id, '书记', 'SECRETARY', 1, TRUE, "
				+ now + " FROM org");
		s.execute("INSERT INTO person (name, created_at, updated_at) SELECT 'P' || id, " + now + ", " + now
				+ " FROM post WHERE MOD(id, 10) <> 0");
		s.execute("INSERT INTO tenure (person_id, post_id, start_date, created_at) SELECT pe.id, p.id, DATE '2020-01-01', "
				+ now + " FROM post p JOIN person pe ON pe.name = 'P' || p.id");
		s.execute("INSERT INTO duty_list (org_id, duty_year, status, version, created_at, updated_at, published_at) "
				+ "SELECT id, " + year + ", 'PUBLISHED', 1, " + now + ", " + now + ", TIMESTAMP WITH TIME ZONE '" + year
				+ "-03-01 10:00:00+08' + (CASE WHEN MOD(id, 5) = 0 THEN INTERVAL '60 days' ELSE INTERVAL '0 days' END) FROM org WHERE MOD(id, 10) < 8");
		s.execute("INSERT INTO annual_report (org_id, report_year, kind, title, body, status, deadline, submitted_on, late, created_at, updated_at) "
				+ "SELECT id, " + (year - 1) + ", 'COMMITTEE', '报告', '正文', 'SUBMITTED', DATE '" + year + "-01-31', DATE '" + year
				+ "-01-20', FALSE, " + now + ", " + now + " FROM org WHERE MOD(id, 10) < 7 AND parent_id IS NOT NULL");
	}

	private static long single(Statement s, String sql) throws Exception {
		try (ResultSet rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private void line(String format, Object... args) {
		report.append(args.length == 0 ? format : String.format(format, args)).append('\n');
	}

	private void line() {
		report.append('\n');
	}

	private static double seconds(long nanos) {
		return nanos / 1e9;
	}

}
