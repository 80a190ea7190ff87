package zeren.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.context.ConfigurableApplicationContext;

import zeren.interview.CoverageRules;
import zeren.interview.InterviewCoverage;
import zeren.org.OrgImport;
import zeren.org.OrgType;

/**
 * Interview coverage of the whole national tree (docs/BENCHMARKS.md): the china-division tree
 * (665,276 organisations) under one national root on embedded PostgreSQL, one secretary post and
 * holder per organisation (one in ten replaced on 15 June), and one interview for 99% of the
 * pairs the rule requires (dated through the year; after 15 June with the successor). Times
 * {@link InterviewCoverage#coverage(long, int, CoverageRules)} for the root, against a plain
 * count of the rows it reads.
 *
 * <p>Run: {@code ./mvnw -B -Pbench test-compile exec:exec -Dbench.main=zeren.bench.InterviewCoverageBenchmark
 * -Dbench.out=target/benchmarks/interview-coverage.md}. One untimed run, then {@code RUNS} timed runs of each.
 */
public final class InterviewCoverageBenchmark {

	private static final int WARMUP = 1;
	private static final int RUNS = 5;
	private static final int YEAR = 2026;

	private final StringBuilder report = new StringBuilder();

	public static void main(String[] args) throws Exception {
		int status = 0;
		try {
			AsSystem.run(() -> new InterviewCoverageBenchmark().run(args));
		}
		catch (Throwable e) {
			e.printStackTrace();
			status = 1;
		}
		System.exit(status);
	}

	private void run(String[] args) throws Exception {
		Path dir = NationalTree.dataDir(args);
		Path out = Path.of(System.getProperty("bench.out", "target/benchmarks/interview-coverage.md"));
		ConfigurableApplicationContext context = NationalTree.boot("zeren_bench_interview");
		DataSource dataSource = context.getBean(DataSource.class);
		InterviewCoverage coverage = context.getBean(InterviewCoverage.class);

		line("# Interview coverage of the national tree");
		line();
		line("Run at %s; %d processors; max heap %d MiB; load average before: %s.", OffsetDateTime.now(),
				Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, loadAverage());
		long started = System.nanoTime();
		OrgImport.Result imported = NationalTree.loadUnderRoot(context, dir, "CN-ROOT", "全国");
		line();
		line("- Import (`OrgImport`, the provinces under one national root): %,d organisations in %.1f s.",
				imported.rows(), seconds(System.nanoTime() - started));

		long root;
		try (Connection c = dataSource.getConnection()) {
			c.setAutoCommit(true);
			started = System.nanoTime();
			root = setUp(c);
			line("- Set-up in SQL (posts, people, tenures, interviews), then `VACUUM ANALYZE`: %.1f s.",
					seconds(System.nanoTime() - started));
			line("- Rows: %,d organisations, %,d posts, %,d people, %,d tenures, %,d interviews, %,d interviewees.",
					count(c, "org"), count(c, "post"), count(c, "person"), count(c, "tenure"), count(c, "interview"),
					count(c, "interview_interviewee"));
			line("- Load average after the set-up: %s.", loadAverage());
		}
		line();

		List<OrgType> all = Arrays.asList(OrgType.values());
		CoverageRules wholeTree = new CoverageRules(all.stream().filter(t -> !t.isDisciplineBody() && t != OrgType.WORK_DEPARTMENT).toList(),
				CoverageRules.defaults());
		CoverageRules committees = new CoverageRules(null, CoverageRules.defaults());
		line("| rules | committee types | pairs required | covered | open | expected open | not set up | coverage median s | min s | max s | plain count median s | ratio |");
		line("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
		measure(dataSource, coverage, root, "both default rules", "all Party organisations (branches too)", wholeTree);
		measure(dataSource, coverage, root, "both default rules", "committees only (the default)", committees);
		line();
		line("Plan of the coverage statement, all Party organisations (`EXPLAIN (ANALYZE, BUFFERS)`, one more run):");
		line();
		line("```");
		line("%s", coverage.explain(root, YEAR, wholeTree));
		line("```");
		line();
		line("Coverage: `InterviewCoverage.coverage(root, %d, rules)` (per-level summary + the first " + InterviewCoverage.MISSING_SHOWN
				+ " missing pairs, sorted and cut in the statement, mapped to Java records), %d untimed run then %d timed. Plain count: one statement counting the "
				+ "subtree's organisations, the posts, the tenures, the year's interviews and their interviewees "
				+ "(every row the coverage reads), same runs. Expected missing: lower organisations left without an "
				+ "interview by the set-up (id %% 100 = 7), counted independently.", YEAR, WARMUP, RUNS);
		System.out.println(report);
		Files.createDirectories(out.toAbsolutePath().getParent());
		Files.writeString(out, report.toString());
		context.close();
	}

	private void measure(DataSource dataSource, InterviewCoverage coverage, long root, String rules, String types,
			CoverageRules config) throws SQLException {
		InterviewCoverage.Coverage result = null;
		double[] times = new double[RUNS];
		for (int i = 0; i < WARMUP + RUNS; i++) {
			long t = System.nanoTime();
			result = coverage.coverage(root, YEAR, config);
			if (i >= WARMUP) {
				times[i - WARMUP] = seconds(System.nanoTime() - t);
			}
		}
		double[] counts = new double[RUNS];
		long expectedMissing;
		try (Connection c = dataSource.getConnection()) {
			for (int i = 0; i < WARMUP + RUNS; i++) {
				long t = System.nanoTime();
				plainCount(c, root);
				if (i >= WARMUP) {
					counts[i - WARMUP] = seconds(System.nanoTime() - t);
				}
			}
			try (PreparedStatement ps = c.prepareStatement("""
					SELECT COUNT(*) FROM org c JOIN org u ON u.id = c.parent_id
					WHERE c.id % 100 = 7 AND c.type IN (SELECT unnest(?::varchar[])) AND u.type IN (SELECT unnest(?::varchar[]))
					""")) {
				String[] names = config.committeeTypes().stream().map(OrgType::name).toArray(String[]::new);
				ps.setArray(1, c.createArrayOf("varchar", names));
				ps.setArray(2, c.createArrayOf("varchar", names));
				try (ResultSet rs = ps.executeQuery()) {
					rs.next();
					expectedMissing = rs.getLong(1);
				}
			}
		}
		Arrays.sort(times);
		Arrays.sort(counts);
		double median = times[RUNS / 2];
		double countMedian = counts[RUNS / 2];
		long open = result.open();
		line("| %s | %s | %,d | %,d | %,d | %,d%s | %,d | **%.2f** | %.2f | %.2f | %.3f | %.1f× |", rules, types, result.required(),
				result.covered(), open, expectedMissing, expectedMissing == open ? "" : " (DIFFERS)", result.notSetUp(), median, times[0], times[RUNS - 1],
				countMedian, median / countMedian);
		System.out.println("levels: " + result.levels());
	}

	private static void plainCount(Connection c, long root) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement("""
				SELECT (SELECT COUNT(*) FROM org o WHERE o.path >= (SELECT path FROM org WHERE id = ?)
				                                     AND o.path < (SELECT path FROM org WHERE id = ?) || 'z')
				     + (SELECT COUNT(*) FROM post) + (SELECT COUNT(*) FROM tenure)
				     + (SELECT COUNT(*) FROM interview WHERE interview_date >= ? AND interview_date <= ?)
				     + (SELECT COUNT(*) FROM interview_interviewee)
				""")) {
			ps.setLong(1, root);
			ps.setLong(2, root);
			ps.setObject(3, java.time.LocalDate.of(YEAR, 1, 1));
			ps.setObject(4, java.time.LocalDate.of(YEAR, 12, 31));
			try (ResultSet rs = ps.executeQuery()) {
				rs.next();
			}
		}
	}

	/** Everything in set-based SQL; returns the national root's id. */
	private static long setUp(Connection c) throws SQLException {
		long root;
		try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM org WHERE code = 'CN-ROOT'")) {
			rs.next();
			root = rs.getLong(1);
		}
		execute(c, "INSERT INTO post (org_id, title, kind, sort_order, active, created_at) "
				+ "SELECT id, '书记', 'SECRETARY', 1, TRUE, now() FROM org");
		// one holder per post since 2020; in one post of ten a successor from 16 June
		execute(c, "INSERT INTO person (id, name, org_id, created_at, updated_at) SELECT id, 'P' || id, org_id, now(), now() FROM post");
		execute(c, "INSERT INTO person (id, name, org_id, created_at, updated_at) "
				+ "SELECT id + 100000000, 'S' || id, org_id, now(), now() FROM post WHERE id % 10 = 0");
		execute(c, "INSERT INTO tenure (person_id, post_id, start_date, end_date, end_reason, created_at) "
				+ "SELECT id, id, DATE '2020-01-01', CASE WHEN id % 10 = 0 THEN DATE '2026-06-15' END, "
				+ "CASE WHEN id % 10 = 0 THEN 'TRANSFER' END, now() FROM post");
		execute(c, "INSERT INTO tenure (person_id, post_id, start_date, created_at) "
				+ "SELECT id + 100000000, id, DATE '2026-06-16', now() FROM post WHERE id % 10 = 0");
		// one interview per (parent, child) pair but for children with id % 100 = 7, spread over the
		// year, each naming the holders of both posts on its date; the interview's id is the child's
		execute(c, """
				INSERT INTO interview (id, org_id, interview_date, kind, interviewer_person_id, interviewer_post_id,
				                       content, created_by, created_at)
				SELECT x.cid, x.uid, x.d, 'ROUTINE', ta.person_id, ap.id, '例行约谈', 'bench', now()
				FROM (SELECT ch.id AS cid, ch.parent_id AS uid, DATE '2026-01-05' + CAST(ch.id % 350 AS INT) AS d
				      FROM org ch WHERE ch.parent_id IS NOT NULL AND ch.id % 100 <> 7) x
				JOIN post ap ON ap.org_id = x.uid
				JOIN tenure ta ON ta.post_id = ap.id AND ta.start_date <= x.d AND (ta.end_date IS NULL OR ta.end_date >= x.d)
				""");
		execute(c, """
				INSERT INTO interview_interviewee (interview_id, post_id, person_id, sort_order)
				SELECT i.id, bp.id, tb.person_id, 1 FROM interview i
				JOIN post bp ON bp.org_id = i.id
				JOIN tenure tb ON tb.post_id = bp.id AND tb.start_date <= i.interview_date
				     AND (tb.end_date IS NULL OR tb.end_date >= i.interview_date)
				""");
		execute(c, "VACUUM ANALYZE");
		execute(c, "CHECKPOINT");
		return root;
	}

	private static long count(Connection c, String table) throws SQLException {
		try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private static void execute(Connection c, String sql) throws SQLException {
		try (Statement s = c.createStatement()) {
			s.execute(sql);
		}
	}

	private static String loadAverage() {
		try {
			return String.join(", ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
		}
		catch (Exception e) {
			return "n/a";
		}
	}

	private static double seconds(long nanos) {
		return nanos / 1e9;
	}

	private void line(String format, Object... args) {
		report.append(String.format(Locale.ROOT, format, args)).append('\n');
	}

	private void line() {
		report.append('\n');
	}
}
