package zeren.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import zeren.ZerenApplication;
import zeren.audit.AuditTrail;
import zeren.org.OrgImport;
import zeren.org.OrgTree;
import zeren.org.Subtree;
import zeren.org.importing.ChinaDivisionSource;
import zeren.org.importing.ImportRow;
import zeren.org.importing.RowSource;
import zeren.oversight.Sweep;
import zeren.platform.BusinessClock;

/**
 * A province's year of data on PostgreSQL, for the load benchmark (src/test/load/province.sh,
 * docs/BENCHMARKS.md "Load: a province's data under wrk"): the application is started in-process
 * on the given database (its Flyway migrations create the schema), the china-division tree is
 * imported through {@link OrgImport} (the whole nation, or with {@code gen.subtree} one code's
 * subtree and its ancestors), and then, for the province {@code gen.province} (43, 湖南省), in
 * set-based SQL: posts and tenures for every committee and branch (a few vacant, some holders
 * replaced this year), published responsibility lists with their items, their ledger tasks and
 * {@code gen.entries} ledger entries, responsibility letters (drafts, issued, signed), interviews,
 * last year's annual reports, inspections with {@code gen.findings} findings and their
 * rectifications, {@code gen.cases} accountability cases, and audit events up to
 * {@code gen.audit} in all, sealed by the application's own sealer ({@link AuditTrail#seal}), so
 * that {@code audit/verify} stays valid. Last the nightly oversight sweep of the province, then
 * {@code VACUUM ANALYZE}.
 *
 * <p>Deterministic by {@code gen.seed}: every choice is a hash of a code or an id with the seed
 * ({@code hashtextextended}), ids follow the import's order, and every insert is ordered; dates run up
 * to the business date of the run (its year is the year of the data).
 *
 * <p>System properties: {@code gen.url}, {@code gen.user}, {@code gen.password} (the database,
 * required), {@code gen.adminPassword} (the first administrator's, when the database is new),
 * {@code gen.data} (the china-division directory), {@code gen.subtree}, {@code gen.province} (43),
 * {@code gen.seed} (18), {@code gen.entries} (1,000,000), {@code gen.findings} (20,000),
 * {@code gen.cases} (4,000), {@code gen.audit} (1,000,000), {@code gen.out} (a report file). Run by
 * province.sh with the built jar's launcher: {@code java -Xmx1g -Dgen.url=... -Dloader.path=target/test-classes
 * -Dloader.main=zeren.bench.ProvinceData -cp target/zeren.jar org.springframework.boot.loader.launch.PropertiesLauncher}.
 */
public final class ProvinceData {

	private final GenerationReport report = new GenerationReport();

	private final long seed = Long.getLong("gen.seed", 18);

	private int year;

	private LocalDate today;

	public static void main(String[] args) {
		int status = 0;
		try {
			AsSystem.run(() -> new ProvinceData().run());
		}
		catch (Throwable e) {
			e.printStackTrace();
			status = 1;
		}
		System.exit(status);
	}

	private void run() throws Exception {
		String url = required("gen.url");
		Path dir = Path.of(System.getProperty("gen.data", "../shared/data/china-division")).toAbsolutePath().normalize();
		String subtreeCode = System.getProperty("gen.subtree", "");
		String provinceCode = System.getProperty("gen.province", "43");
		long entries = Long.getLong("gen.entries", 1_000_000);
		long findings = Long.getLong("gen.findings", 20_000);
		long cases = Long.getLong("gen.cases", 4_000);
		long audit = Long.getLong("gen.audit", 1_000_000);
		long started = System.nanoTime();
		ConfigurableApplicationContext context = new SpringApplicationBuilder(ZerenApplication.class)
				.web(WebApplicationType.SERVLET)
				.properties("spring.main.banner-mode=off")
				.run("--server.port=0", "--server.address=127.0.0.1", "--spring.datasource.url=" + url, "--spring.datasource.username=" + System.getProperty("gen.user", "zeren"),
						"--spring.datasource.password=" + System.getProperty("gen.password", ""),
						"--zeren.admin-password=" + System.getProperty("gen.adminPassword", "Generator-" + seed + "-admin"),
						"--zeren.audit.seal-every=PT1H", "--zeren.oversight.sweep.cron=-", "--zeren.notification.reminders.cron=-",
						"--zeren.data-dir=" + System.getProperty("java.io.tmpdir") + "/zeren-province-data");
		DataSource dataSource = context.getBean(DataSource.class);
		today = context.getBean(BusinessClock.class).today();
		year = today.getYear();
		report.line("# A province's data (ProvinceData)");
		report.line();
		report.line("Run at %s; seed %d; year %d, business date %s; %s.", OffsetDateTime.now(), seed, year, today,
				subtreeCode.isEmpty() ? "the national tree" : "the subtree of " + subtreeCode + " and its ancestors");
		report.line();
		try (Connection c = dataSource.getConnection()) {
			c.setAutoCommit(true);
			if (ProvinceYear.count(c, "SELECT COUNT(*) FROM post") > 0) {
				throw new IllegalStateException("the database already holds posts: ProvinceData fills a new database");
			}
		}
		long t = System.nanoTime();
		OrgImport.Result imported = context.getBean(OrgImport.class).run(source(dir, subtreeCode));
		report.step("organisations imported through OrgImport", imported.rows(), t);
		OrgTree tree = context.getBean(OrgTree.class);
		long province = tree.findByCode(provinceCode).orElseThrow().id();
		Subtree subtree = tree.subtree(province);
		try (Connection c = dataSource.getConnection()) {
			c.setAutoCommit(true);
			ProvinceYear.execute(c, "SET work_mem = '64MB'");
			new ProvinceYear(seed, today, report).generate(c, subtree, province, entries, findings, cases);
		}
		t = System.nanoTime();
		try (Connection c = dataSource.getConnection()) {
			c.setAutoCommit(true);
			new ProvinceYear(seed, today, report).auditEvents(c, audit);
		}
		report.step("audit events inserted unsealed (in all)", audit, t);
		t = System.nanoTime();
		long sealed = context.getBean(AuditTrail.class).seal();
		report.step("audit events sealed by the application's sealer", sealed, t);
		t = System.nanoTime();
		Sweep.Result swept = context.getBean(Sweep.class).sweep(province, year);
		report.step("obligations in the province's oversight sweep", swept.instances(), t);
		t = System.nanoTime();
		try (Connection c = dataSource.getConnection()) {
			c.setAutoCommit(true);
			ProvinceYear.execute(c, "VACUUM ANALYZE");
		}
		report.step("VACUUM ANALYZE", 0, t);
		AuditTrail.Verification verification = context.getBean(AuditTrail.class).verify();
		report.line();
		report.line("Audit chain: %s, %,d events checked, %,d unsealed. In all %.1f s.", verification.valid() ? "valid" : "BROKEN",
				verification.checked(), verification.unsealed(), (System.nanoTime() - started) / 1e9);
		try (Connection c = dataSource.getConnection()) {
			report.line();
			report.line("| table | rows |");
			report.line("|---|---:|");
			for (String table : List.of("org", "post", "person", "tenure", "duty_list", "duty_item", "ledger_task", "tracked_item",
					"tracked_entry", "tracked_move", "duty_letter", "interview", "annual_report", "inspection", "inspection_finding",
					"inspection_rectification", "acc_case", "acc_party", "audit_event", "oversight_obligation")) {
				report.line("| %s | %,d |", table, ProvinceYear.count(c, "SELECT COUNT(*) FROM " + table));
			}
		}
		System.out.println(report.text());
		String out = System.getProperty("gen.out", "");
		if (!out.isEmpty()) {
			Files.createDirectories(Path.of(out).toAbsolutePath().getParent());
			Files.writeString(Path.of(out), report.text());
		}
		context.close();
		if (!verification.valid()) {
			throw new IllegalStateException("the audit chain does not verify after the generation");
		}
	}

	/** The data set's rows; with a subtree code only that code's rows below it and its ancestors. */
	private static RowSource source(Path dir, String subtreeCode) {
		ChinaDivisionSource all = new ChinaDivisionSource(dir);
		if (subtreeCode.isEmpty()) {
			return all;
		}
		return handler -> all.forEach((ImportRow row) -> {
			if (row.code().startsWith(subtreeCode) || subtreeCode.startsWith(row.code())) {
				handler.accept(row);
			}
		});
	}

	// ---- helpers ---------------------------------------------------------------------------------

	private static String required(String property) {
		String value = System.getProperty(property, "");
		if (value.isEmpty()) {
			throw new IllegalArgumentException("set -D" + property);
		}
		return value;
	}
}
