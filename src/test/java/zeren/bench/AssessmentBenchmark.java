package zeren.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.context.ConfigurableApplicationContext;

import zeren.assessment.Round;
import zeren.assessment.RoundEntries;
import zeren.assessment.RoundSheets;
import zeren.assessment.Rounds;
import zeren.assessment.Scoring;
import zeren.org.OrgImport;
import zeren.oversight.Sweep;
import zeren.platform.BusinessClock;

/**
 * 评责 at scale on PostgreSQL (docs/BENCHMARKS.md): the national tree under one root, the year of
 * generated data of {@link OversightBenchmark}, the nightly sweep of the whole tree, then two
 * rounds with the default scheme, automatic lines included — a province's county-level committees,
 * and every county's township committees under the national root (≈41,000 units) — and a unit's
 * sheet read {@code RUNS} times, then {@code RUNS} team lines written on that unit (each a MANUAL
 * deduction with its reason, the unit rescored and the round's ranks updated). Run: {@code ./mvnw -B -Pbench test-compile exec:exec
 * -Dbench.main=zeren.bench.AssessmentBenchmark -Dbench.xmx=1g -Dbench.out=target/benchmarks/assessment.md}.
 */
public class AssessmentBenchmark {

	static final int RUNS = 201;

	private final StringBuilder report = new StringBuilder();

	public static void main(String[] args) throws Exception {
		int status = 0;
		try {
			AsSystem.run(() -> new AssessmentBenchmark().run(args));
		}
		catch (Throwable e) {
			e.printStackTrace();
			status = 1;
		}
		System.exit(status);
	}

	private void run(String[] args) throws Exception {
		Path dir = NationalTree.dataDir(args);
		Path out = Path.of(System.getProperty("bench.out", "target/benchmarks/assessment.md"));
		ConfigurableApplicationContext context = NationalTree.boot("zeren_bench_assessment");
		DataSource dataSource = context.getBean(DataSource.class);
		int year = context.getBean(BusinessClock.class).today().getYear();
		line("# Assessment: rounds over a province's counties and over every township");
		line();
		line("Run at %s; %d processors; max heap %d MiB; year %d.", OffsetDateTime.now(),
				Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, year);
		OrgImport.Result imported = NationalTree.loadUnderRoot(context, dir, "CN-ROOT", "全国");
		line();
		line("- Import: %,d organisations.", imported.rows());
		long root;
		long province;
		List<Long> counties = new ArrayList<>();
		List<Long> townships = new ArrayList<>();
		try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
			c.setAutoCommit(true);
			OversightBenchmark.generateYear(s, year);
			s.execute("VACUUM ANALYZE");
			root = single(s, "SELECT id FROM org WHERE code = 'CN-ROOT'");
			// the province with the most county-level committees
			province = single(s, """
					SELECT p.id FROM org p JOIN org x ON x.path LIKE p.path || '%' AND x.depth = 3
					WHERE p.depth = 1 AND x.type = 'PARTY_COMMITTEE' GROUP BY p.id ORDER BY COUNT(*) DESC LIMIT 1""");
			try (ResultSet rs = s.executeQuery("SELECT x.id FROM org x JOIN org p ON x.path LIKE p.path || '%' WHERE p.id = " + province
					+ " AND x.depth = 3 AND x.type = 'PARTY_COMMITTEE' AND x.active ORDER BY x.path")) {
				while (rs.next()) {
					counties.add(rs.getLong(1));
				}
			}
			try (ResultSet rs = s.executeQuery("SELECT id FROM org WHERE depth = 4 AND type = 'PARTY_COMMITTEE' AND active ORDER BY path")) {
				while (rs.next()) {
					townships.add(rs.getLong(1));
				}
			}
		}
		long t = System.nanoTime();
		Sweep.Result swept = context.getBean(Sweep.class).sweep(root, year);
		line("- The nightly sweep of the whole tree first: %,d instances in %.1f s (the rounds read its snapshot).",
				swept.instances(), (System.nanoTime() - t) / 1e9);
		Rounds rounds = context.getBean(Rounds.class);
		RoundSheets sheets = context.getBean(RoundSheets.class);
		line();
		line("| round (default scheme, automatic lines included) | units | automatic lines | seconds |");
		line("|---|---:|---:|---:|");
		Round last = null;
		for (Object[] r : new Object[][] { { "a province's county-level committees", province, counties },
				{ "every township committee, under the national root", root, townships } }) {
			@SuppressWarnings("unchecked")
			List<Long> units = (List<Long>) r[2];
			t = System.nanoTime();
			last = rounds.create(new Rounds.NewRound((Long) r[1], year, null, units, null));
			double seconds = (System.nanoTime() - t) / 1e9;
			long lines;
			try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
				lines = single(s, "SELECT COUNT(*) FROM assessment_line WHERE round_id = " + last.id());
			}
			line("| %s | %,d | %,d | %.2f |", r[0], last.units().size(), lines, seconds);
		}
		long unit = last.units().get(last.units().size() / 2).orgId();
		double[] ms = new double[RUNS];
		for (int i = -20; i < RUNS; i++) {
			t = System.nanoTime();
			sheets.sheet(last.id(), unit);
			if (i >= 0) {
				ms[i] = (System.nanoTime() - t) / 1e6;
			}
		}
		Arrays.sort(ms);
		line();
		line("| a unit's sheet in the 41,000-unit round | median ms | p99 ms | max ms |");
		line("|---|---:|---:|---:|");
		line("| %d reads after 20 | %.2f | %.2f | %.2f |", RUNS, ms[RUNS / 2], ms[(int) Math.ceil(RUNS * 0.99) - 1], ms[RUNS - 1]);
		// one team line: a MANUAL deduction with its reason written on the unit, the unit rescored
		// (its own lines, then the ranks of the round: one read of the totals, an update where a rank moved)
		RoundEntries entries = context.getBean(RoundEntries.class);
		long manual = context.getBean(zeren.assessment.Schemes.class).defaultFor(year).indicators().stream()
				.filter(i -> i.rule() == zeren.assessment.Scheme.Rule.MANUAL).findFirst().orElseThrow().id();
		double[] team = new double[RUNS];
		for (int i = -20; i < RUNS; i++) {
			t = System.nanoTime();
			entries.addLine(last.id(), unit, new RoundEntries.NewLine(Scoring.Column.TEAM, manual, new java.math.BigDecimal("-0.01"),
					"基准测试扣分 " + i), sheets);
			if (i >= 0) {
				team[i] = (System.nanoTime() - t) / 1e6;
			}
		}
		Arrays.sort(team);
		line();
		line("| a team line on a unit of the 41,000-unit round (written, the unit rescored, ranks updated, its sheet read) "
				+ "| median ms | p99 ms | max ms |");
		line("|---|---:|---:|---:|");
		line("| %d entries after 20 | %.2f | %.2f | %.2f |", RUNS, team[RUNS / 2], team[(int) Math.ceil(RUNS * 0.99) - 1],
				team[RUNS - 1]);
		Files.createDirectories(out.getParent());
		Files.writeString(out, report);
		System.out.println(report);
		context.close();
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
}
