package zeren.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import zeren.accountability.AccountabilityStatistics;
import zeren.accountability.Cases;
import zeren.accountability.IntegrityFiles;
import zeren.accountability.ProposedParty;
import zeren.org.Org;
import zeren.org.OrgTree;
import zeren.org.Subtree;

/**
 * Accountability on the national tree (docs/BENCHMARKS.md): the china-division tree (665,276
 * organisations) on embedded PostgreSQL; in one province (湖南省, 31,691 organisations) every
 * organisation gets a secretary and two members, each post held by two people in turn (the first
 * transferred on 30 June 2021), and every eighth organisation a decided case of 2026 with three
 * confirmed parties and their forms. Times the 一案双查 proposal of one case (two tenure queries),
 * the statistics and the case list of the province, and a person's integrity file.
 *
 * <p>Run: {@code ./mvnw -B -Pbench test-compile exec:exec -Dbench.main=zeren.bench.AccountabilityBenchmark
 * -Dbench.out=target/benchmarks/accountability.md}. {@code WARMUP} untimed runs, then {@code RUNS}
 * timed runs of each; the median is reported.
 */
public final class AccountabilityBenchmark {

	private static final int WARMUP = 5;
	private static final int RUNS = 21;

	private final StringBuilder report = new StringBuilder();

	public static void main(String[] args) throws Exception {
		int status = 0;
		try {
			AsSystem.run(() -> new AccountabilityBenchmark().run(args));
		}
		catch (Throwable e) {
			e.printStackTrace();
			status = 1;
		}
		System.exit(status);
	}

	private void run(String[] args) throws Exception {
		Path dir = NationalTree.dataDir(args);
		Path out = Path.of(System.getProperty("bench.out", "target/benchmarks/accountability.md"));
		ConfigurableApplicationContext context = NationalTree.boot("zeren_bench_accountability");
		JdbcClient jdbc = JdbcClient.create(context.getBean(DataSource.class));
		OrgTree tree = context.getBean(OrgTree.class);
		Cases cases = context.getBean(Cases.class);
		AccountabilityStatistics statistics = context.getBean(AccountabilityStatistics.class);
		IntegrityFiles integrityFiles = context.getBean(IntegrityFiles.class);

		long started = System.nanoTime();
		NationalTree.load(context, dir);
		line("# Accountability on the national tree");
		line("");
		line("Run " + OffsetDateTime.now() + ", " + Runtime.getRuntime().availableProcessors() + " cores, max heap "
				+ Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB; tree imported in "
				+ fmt(seconds(System.nanoTime() - started)) + " s.");

		Org province = tree.findByCode("43").orElseThrow();
		Subtree subtree = tree.subtree(province.id());
		started = System.nanoTime();
		long[] sizes = seed(jdbc, subtree);
		line("Seeded in " + fmt(seconds(System.nanoTime() - started)) + " s: " + sizes[0] + " organisations, "
				+ sizes[1] + " posts, " + sizes[2] + " tenures, " + sizes[3] + " cases, " + sizes[4] + " parties.");
		line("");

		long caseId = jdbc.sql("""
				SELECT c.id FROM acc_case c JOIN org o ON o.id = c.org_id WHERE o.depth = 2
				AND o.path >= :subtreeFrom AND o.path < :subtreeTo ORDER BY c.id FETCH FIRST 1 ROWS ONLY""")
				.param("subtreeFrom", subtree.from()).param("subtreeTo", subtree.to()).query(Long.class).single();
		long personId = jdbc.sql("""
				SELECT p.person_id FROM acc_party p WHERE p.case_id = :case AND p.responsibility = 'PRINCIPAL_LEADERSHIP'
				FETCH FIRST 1 ROWS ONLY""").param("case", caseId).query(Long.class).single();
		List<ProposedParty> proposals = cases.proposals(caseId);
		line("| what | result | median ms | p90 ms |");
		line("|---|---|---|---|");
		time("一案双查 proposal of one case (county, 2020–2022)", () -> cases.proposals(caseId).size() + " parties");
		time("statistics of 湖南省 for 2026", () -> statistics.of(province.id(), 2026).cases() + " cases");
		time("case list of 湖南省 for 2026, first page of 100 and the count", () -> cases.page(province.id(), 2026, null, null, null, 1, 100).total() + " cases");
		time("integrity file of a secretary", () -> integrityFiles.of(personId).entries().size() + " entries");
		line("");
		line("The proposal of case " + caseId + ": " + proposals.stream()
				.map(p -> p.name() + " " + p.responsibility() + (p.postsNow().isEmpty() ? "" : " (now " + p.postsNow().size() + " post)"))
				.toList());
		line("");
		line("Plan of the tenure query behind the proposal (EXPLAIN ANALYZE):");
		line("");
		line("```");
		Org caseOrg = tree.get(jdbc.sql("SELECT org_id FROM acc_case WHERE id = :id").param("id", caseId).query(Long.class).single());
		jdbc.sql("""
				EXPLAIN ANALYZE SELECT t.id FROM tenure t JOIN post p ON p.id = t.post_id JOIN org o ON o.id = p.org_id
				WHERE p.org_id IN (:orgs) AND t.start_date <= :to AND (t.end_date IS NULL OR t.end_date >= :from)""")
				.param("orgs", List.of(caseOrg.id())).param("from", LocalDate.of(2020, 1, 1))
				.param("to", LocalDate.of(2022, 12, 31)).query(String.class).list().forEach(this::line);
		line("```");

		Files.createDirectories(out.toAbsolutePath().getParent());
		Files.writeString(out, report, StandardCharsets.UTF_8);
		System.out.println(report);
		context.close();
	}

	/** Posts, people, tenures and decided cases in the subtree, in set-based statements. */
	private static long[] seed(JdbcClient jdbc, Subtree subtree) {
		String in = " o.path >= :subtreeFrom AND o.path < :subtreeTo";
		long orgs = subtree.bind(jdbc.sql("SELECT COUNT(*) FROM org o WHERE " + in)).query(Long.class).single();
		long posts = 0;
		String[][] kinds = { { "书记", "SECRETARY", "1" }, { "副书记", "DEPUTY_SECRETARY", "2" }, { "委员", "MEMBER", "3" } };
		for (String[] k : kinds) {
			posts += subtree.bind(jdbc.sql("""
					INSERT INTO post (org_id, title, kind, sort_order, active, created_at)
					SELECT o.id, :title, :kind, :sort, TRUE, CURRENT_TIMESTAMP FROM org o WHERE """ + in))
					.param("title", k[0]).param("kind", k[1]).param("sort", Integer.parseInt(k[2])).update();
		}
		long tenures = 0;
		for (String generation : List.of("a", "b")) {
			subtree.bind(jdbc.sql("""
					INSERT INTO person (name, created_at, updated_at)
					SELECT 'B' || p.id || :g, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
					FROM post p JOIN org o ON o.id = p.org_id WHERE """ + in)).param("g", generation).update();
			boolean first = generation.equals("a");
			tenures += subtree.bind(jdbc.sql("""
					INSERT INTO tenure (person_id, post_id, start_date, end_date, end_reason, created_at)
					SELECT pe.id, p.id, :start, :end, :reason, CURRENT_TIMESTAMP
					FROM post p JOIN org o ON o.id = p.org_id JOIN person pe ON pe.name = 'B' || p.id || :g
					WHERE """ + in)).param("g", generation)
					.param("start", first ? LocalDate.of(2016, 1, 1) : LocalDate.of(2021, 7, 1))
					.param("end", first ? LocalDate.of(2021, 6, 30) : null).param("reason", first ? "TRANSFER" : null)
					.update();
		}
		long s03 = jdbc.sql("SELECT id FROM acc_situation WHERE code = 'S03'").query(Long.class).single();
		long caseCount = subtree.bind(jdbc.sql("""
				INSERT INTO acc_case (org_id, origin, title, period_from, period_to, facts, status, registered_on,
				  opened_on, opening_approved_by, reported_on, report, decided_on, created_at, updated_at)
				SELECT o.id, 'INSPECTION_TOUR', '案' || o.id, DATE '2020-01-01', DATE '2022-12-31', '事实', 'DECIDED',
				  DATE '2026-03-01', DATE '2026-03-02', '书记', DATE '2026-04-01', '报告', DATE '2026-05-01',
				  CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
				FROM org o WHERE MOD(o.id, 8) = 0 AND """ + in)).update();
		subtree.bind(jdbc.sql("INSERT INTO acc_case_situation (case_id, situation_id) SELECT c.id, :s FROM acc_case c "
				+ "JOIN org o ON o.id = c.org_id WHERE " + in)).param("s", s03).update();
		// the first secretary (principal), the second deputy (important), the organisation (full)
		long parties = 0;
		String[][] roles = { { "SECRETARY", "a", "PRINCIPAL_LEADERSHIP" }, { "DEPUTY_SECRETARY", "b", "IMPORTANT_LEADERSHIP" } };
		for (String[] r : roles) {
			parties += subtree.bind(jdbc.sql("""
					INSERT INTO acc_party (case_id, person_id, responsibility, disposition, grounds, disposition_reason,
					  fact_statement_shown_on, statement_on, statement, created_at, updated_at)
					SELECT c.id, pe.id, :resp, 'CONFIRMED', '依据', '属实', DATE '2026-03-10', DATE '2026-03-11', '无异议',
					  CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
					FROM acc_case c JOIN org o ON o.id = c.org_id JOIN post p ON p.org_id = o.id AND p.kind = :kind
					JOIN person pe ON pe.name = 'B' || p.id || :g WHERE """ + in)).param("resp", r[2]).param("kind", r[0])
					.param("g", r[1]).update();
		}
		parties += subtree.bind(jdbc.sql("""
				INSERT INTO acc_party (case_id, party_org_id, responsibility, disposition, grounds, disposition_reason,
				  fact_statement_shown_on, statement_on, statement, created_at, updated_at)
				SELECT c.id, o.id, 'FULL_LEADERSHIP', 'CONFIRMED', '依据', '属实', DATE '2026-03-10', DATE '2026-03-11',
				  '无异议', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
				FROM acc_case c JOIN org o ON o.id = c.org_id WHERE """ + in)).update();
		subtree.bind(jdbc.sql("""
				INSERT INTO acc_decision (party_id, version, kind, outcome, decided_on, authority, superseded, username, created_at)
				SELECT p.id, 1, 'DECISION', 'ACCOUNTABLE', DATE '2026-05-01', '上级党委', FALSE, 'bench', CURRENT_TIMESTAMP
				FROM acc_party p JOIN acc_case c ON c.id = p.case_id JOIN org o ON o.id = c.org_id WHERE """ + in)).update();
		String[][] forms = { { "PRINCIPAL_LEADERSHIP", "CIRCULATION" }, { "PRINCIPAL_LEADERSHIP", "DISMISSAL" },
				{ "IMPORTANT_LEADERSHIP", "ADMONISHMENT" }, { "FULL_LEADERSHIP", "ORG_SELF_EXAMINATION" } };
		for (String[] f : forms) {
			subtree.bind(jdbc.sql("""
					INSERT INTO acc_decision_form (decision_id, form)
					SELECT d.id, :form FROM acc_decision d JOIN acc_party p ON p.id = d.party_id
					JOIN acc_case c ON c.id = p.case_id JOIN org o ON o.id = c.org_id
					WHERE p.responsibility = :resp AND """ + in)).param("form", f[1]).param("resp", f[0]).update();
		}
		jdbc.sql("ANALYZE").update();
		return new long[] { orgs, posts, tenures, caseCount, parties };
	}

	private void time(String what, Supplier<String> work) {
		String result = null;
		for (int i = 0; i < WARMUP; i++) {
			result = work.get();
		}
		double[] ms = new double[RUNS];
		for (int i = 0; i < RUNS; i++) {
			long t = System.nanoTime();
			result = work.get();
			ms[i] = (System.nanoTime() - t) / 1e6;
		}
		Arrays.sort(ms);
		line("| " + what + " | " + result + " | **" + fmt(ms[RUNS / 2]) + "** | " + fmt(ms[(int) Math.ceil(RUNS * 0.9) - 1])
				+ " |");
	}

	private void line(String text) {
		report.append(text).append('\n');
	}

	private static double seconds(long nanos) {
		return nanos / 1e9;
	}

	private static String fmt(double value) {
		return String.format(Locale.ROOT, value < 10 ? "%.2f" : "%.1f", value);
	}

}
