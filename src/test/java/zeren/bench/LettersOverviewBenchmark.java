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
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.context.ConfigurableApplicationContext;

import zeren.duty.ResponsibilityLetters;
import zeren.org.OrgImport;
import zeren.org.OrgTree;
import zeren.org.Subtree;

/**
 * Who has and has not signed the responsibility letters of a province (docs/BENCHMARKS.md): the
 * china-division tree on embedded PostgreSQL, a 书记 post in every organisation of the province,
 * one letter of the year from every organisation to each lower one (5% drafts, 15% issued — a
 * third of those signed by the issuer —, 80% signed by both), then
 * {@link ResponsibilityLetters#overview(long, int)} of the province, timed, its counts checked
 * against a plain count.
 *
 * <p>Run: {@code ./mvnw -B -Pbench test-compile exec:exec -Dbench.main=zeren.bench.LettersOverviewBenchmark
 * -Dbench.out=target/benchmarks/letters-overview.md}. One untimed run, then {@code RUNS} timed.
 */
public final class LettersOverviewBenchmark {

	private static final int WARMUP = 1;
	private static final int RUNS = 5;
	private static final int YEAR = 2026;

	private final StringBuilder report = new StringBuilder();

	public static void main(String[] args) throws Exception {
		int status = 0;
		try {
			AsSystem.run(() -> new LettersOverviewBenchmark().run(args));
		}
		catch (Throwable e) {
			e.printStackTrace();
			status = 1;
		}
		System.exit(status);
	}

	private void run(String[] args) throws Exception {
		Path dir = NationalTree.dataDir(args);
		Path out = Path.of(System.getProperty("bench.out", "target/benchmarks/letters-overview.md"));
		String province = System.getProperty("bench.province", "43");
		ConfigurableApplicationContext context = NationalTree.boot("zeren_bench_letters");
		DataSource dataSource = context.getBean(DataSource.class);
		ResponsibilityLetters letters = context.getBean(ResponsibilityLetters.class);
		OrgTree tree = context.getBean(OrgTree.class);

		line("# Responsibility letters: the signature overview of a province");
		line();
		line("Run at %s; %d processors; max heap %d MiB; load average before: %s.", OffsetDateTime.now(),
				Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, loadAverage());
		long started = System.nanoTime();
		OrgImport.Result imported = NationalTree.load(context, dir);
		line();
		line("- Import (`OrgImport`): %,d organisations in %.1f s.", imported.rows(), seconds(System.nanoTime() - started));
		long root = tree.findByCode(province).orElseThrow().id();
		Subtree subtree = tree.subtree(root);
		long[] expected;
		try (Connection c = dataSource.getConnection()) {
			c.setAutoCommit(true);
			started = System.nanoTime();
			setUp(c, subtree);
			line("- Set-up in SQL (posts, letters, signatures), then `VACUUM ANALYZE`: %.1f s.",
					seconds(System.nanoTime() - started));
			expected = plainCount(c, subtree);
			line("- Province %s: %,d organisations; %,d letters (%,d draft, %,d issued, %,d signed), %,d signatures.",
					province, tree.subtreeSize(subtree), expected[0] + expected[1] + expected[2], expected[0], expected[1],
					expected[2], count(c, "duty_letter_signature"));
			line("- Load average after the set-up: %s.", loadAverage());
		}
		line();
		ResponsibilityLetters.Overview result = null;
		double[] times = new double[RUNS];
		for (int i = 0; i < WARMUP + RUNS; i++) {
			long t = System.nanoTime();
			result = letters.overview(root, YEAR);
			if (i >= WARMUP) {
				times[i - WARMUP] = seconds(System.nanoTime() - t);
			}
		}
		double[] counts = new double[RUNS];
		try (Connection c = dataSource.getConnection()) {
			for (int i = 0; i < RUNS; i++) {
				long t = System.nanoTime();
				plainCount(c, subtree);
				counts[i] = seconds(System.nanoTime() - t);
			}
		}
		Arrays.sort(times);
		Arrays.sort(counts);
		boolean same = result.draft() == expected[0] && result.issued() == expected[1] && result.signed() == expected[2]
				&& result.unsignedCount() == expected[0] + expected[1];
		line("| letters | draft | issued | signed | unsigned listed | counts as the plain count | overview median s | min s | max s | plain count median s |");
		line("|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|");
		line("| %,d | %,d | %,d | %,d | %,d | %s | **%.3f** | %.3f | %.3f | %.3f |", result.letters(), result.draft(),
				result.issued(), result.signed(), result.unsigned().size(), same ? "yes" : "NO", times[RUNS / 2],
				times[0], times[RUNS - 1], counts[RUNS / 2]);
		line();
		line("Overview: `ResponsibilityLetters.overview(province, %d)` as the system (unrestricted scope): counts by "
				+ "status over the letters issued in the subtree, and the first %d unsigned letters with both parties' "
				+ "names and which side signed, mapped to records. Plain count: one `GROUP BY status` over the same "
				+ "letters, nothing else.", YEAR, ResponsibilityLetters.OVERVIEW_ROWS);
		System.out.println(report);
		Files.createDirectories(out.toAbsolutePath().getParent());
		Files.writeString(out, report.toString());
		if (!same) {
			throw new IllegalStateException("the overview's counts differ from the plain count");
		}
		context.close();
	}

	private static void setUp(Connection c, Subtree subtree) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement("""
				INSERT INTO post (org_id, title, kind, sort_order, active, created_at)
				SELECT o.id, '书记', 'SECRETARY', 1, TRUE, now() FROM org o WHERE o.path >= ? AND o.path < ?""")) {
			ps.setString(1, subtree.from());
			ps.setString(2, subtree.to());
			ps.executeUpdate();
		}
		try (PreparedStatement ps = c.prepareStatement("""
				INSERT INTO duty_letter (issuer_org_id, duty_year, kind, recipient_org_id, issuer_post_id, recipient_post_id,
				  issuer_org_name, issuer_post_title, recipient_org_name, recipient_post_title, title, status, content,
				  content_sha256, created_at, issued_at, signed_at)
				SELECT u.id, %d, 'ORG', o.id, up.id, op.id, u.name, '书记', o.name, '书记', '%d年度全面从严治党主体责任书',
				  CASE WHEN o.id %% 20 = 0 THEN 'DRAFT' WHEN o.id %% 20 <= 3 THEN 'ISSUED' ELSE 'SIGNED' END,
				  'format=zeren-letter/1', repeat('a', 64), now(), now(), now()
				FROM org o JOIN org u ON u.id = o.parent_id JOIN post up ON up.org_id = u.id JOIN post op ON op.org_id = o.id
				WHERE o.path >= ? AND o.path < ? AND u.path >= ? AND u.path < ?""".formatted(YEAR, YEAR))) {
			ps.setString(1, subtree.from());
			ps.setString(2, subtree.to());
			ps.setString(3, subtree.from());
			ps.setString(4, subtree.to());
			ps.executeUpdate();
		}
		try (Statement s = c.createStatement()) {
			s.executeUpdate("INSERT INTO person (name, created_at, updated_at) VALUES ('签署人', now(), now())");
			s.executeUpdate("""
					INSERT INTO duty_letter_signature (letter_id, party, person_id, post_id, username, signed_on, signed_at, content_sha256)
					SELECT l.id, 'ISSUER', (SELECT MAX(id) FROM person), l.issuer_post_id, 'bench', DATE '%d-02-01', now(), l.content_sha256
					FROM duty_letter l WHERE l.status = 'SIGNED' OR (l.status = 'ISSUED' AND l.recipient_org_id %% 20 = 1)""".formatted(YEAR));
			s.executeUpdate("""
					INSERT INTO duty_letter_signature (letter_id, party, person_id, post_id, username, signed_on, signed_at, content_sha256)
					SELECT l.id, 'RECIPIENT', (SELECT MAX(id) FROM person), l.recipient_post_id, 'bench', DATE '%d-02-01', now(), l.content_sha256
					FROM duty_letter l WHERE l.status = 'SIGNED'""".formatted(YEAR));
			s.execute("VACUUM ANALYZE");
		}
	}

	/** Letters of the year issued in the subtree by status: draft, issued, signed. */
	private static long[] plainCount(Connection c, Subtree subtree) throws SQLException {
		long[] counts = new long[3];
		try (PreparedStatement ps = c.prepareStatement("""
				SELECT l.status, COUNT(*) FROM duty_letter l JOIN org io ON io.id = l.issuer_org_id
				WHERE l.duty_year = ? AND io.path >= ? AND io.path < ? GROUP BY l.status""")) {
			ps.setInt(1, YEAR);
			ps.setString(2, subtree.from());
			ps.setString(3, subtree.to());
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					counts[switch (rs.getString(1)) {
						case "DRAFT" -> 0;
						case "ISSUED" -> 1;
						default -> 2;
					}] = rs.getLong(2);
				}
			}
		}
		return counts;
	}

	private static long count(Connection c, String table) throws SQLException {
		try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
			rs.next();
			return rs.getLong(1);
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
