package zeren.bench;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import zeren.ZerenApplication;
import zeren.ledger.WorkLedger;
import zeren.org.OrgImport;
import zeren.org.importing.ChinaDivisionSource;
import zeren.support.EmbeddedPostgresDatabase;

/**
 * The ledger export benchmark (docs/BENCHMARKS.md): on the embedded PostgreSQL server with the
 * national tree (imported through {@link OrgImport}, as {@link OrgTreeBenchmark} does), writes
 * {@code bench.tasks} ledger tasks (default 10,000) over the first organisations below one
 * province, each with {@code bench.entries} entries (default 10: 100,000 entries), then times
 * {@link WorkLedger#export} of the province's ledger into a stream that only counts bytes.
 *
 * <p>Run with {@code ./mvnw -B -Pbench test-compile exec:exec -Dbench.main=zeren.bench.LedgerExportBenchmark
 * -Dbench.out=target/benchmarks/ledger-export.md -Dbench.xmx=256m}. {@code ledger.runs} (5) timed runs
 * after one warm-up; the report gives the median.
 */
public final class LedgerExportBenchmark {

	public static void main(String[] args) throws Exception {
		AsSystem.run(() -> measure());
	}

	private static void measure() throws Exception {
		Path dir = Path.of(System.getProperty("bench.data", "../shared/data/china-division")).toAbsolutePath().normalize();
		int tasks = Integer.getInteger("bench.tasks", 10_000);
		int perTask = Integer.getInteger("bench.entries", 10);
		int runs = Integer.getInteger("ledger.runs", 5);
		Path out = Path.of(System.getProperty("bench.out", "target/benchmarks/ledger-export.md"));
		String url = EmbeddedPostgresDatabase.createDatabase("zeren_ledger_bench");
		ConfigurableApplicationContext context = new SpringApplicationBuilder(ZerenApplication.class)
				.web(WebApplicationType.NONE).properties("spring.main.banner-mode=off")
				.run("--spring.datasource.url=" + url, "--spring.datasource.username=postgres", "--spring.datasource.password=");
		StringBuilder report = new StringBuilder();
		try {
			DataSource dataSource = context.getBean(DataSource.class);
			long started = System.nanoTime();
			context.getBean(OrgImport.class).run(new ChinaDivisionSource(dir));
			double importSeconds = (System.nanoTime() - started) / 1e9;
			long province;
			try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
				// the first province with enough organisations below it for the tasks
				var rs = s.executeQuery("""
						SELECT o.id FROM org o WHERE o.parent_id IS NULL
						AND (SELECT COUNT(*) FROM org d WHERE d.path > o.path AND d.path < o.path || '9') >= %d
						ORDER BY o.id LIMIT 1
						""".formatted(tasks));
				rs.next();
				province = rs.getLong(1);
				String path = "(SELECT path FROM org WHERE id = " + province + ")";
				// the tasks: on the first organisations below the province, one per organisation, verified by the province
				s.execute("""
						INSERT INTO tracked_item (kind, source_ref, org_id, item_year, title, owner_post_id, verifier_org_id,
						                          deadline, status, entry_count, created_at, updated_at)
						SELECT 'ledger.task', 'bench-' || o.id, o.id, 2026, '开展党风廉政建设宣传教育，落实一岗双责，任务编号 ' || o.id, NULL, %d,
						       DATE '2026-12-31', 'IN_PROGRESS', %d, now(), now()
						FROM (SELECT id FROM org WHERE path > %s AND path < %s || '9' ORDER BY path LIMIT %d) o
						""".formatted(province, perTask, path, path, tasks));
				s.execute("""
						INSERT INTO ledger_task (duty_item_id, tracked_item_id, org_id, task_year, item_no, category, lead_unit)
						SELECT -t.id, t.id, t.org_id, 2026, '1', '宣传教育', '宣传部' FROM tracked_item t WHERE t.kind = 'ledger.task'
						""");
				s.execute("""
						INSERT INTO tracked_entry (item_id, entry_date, text, recorded_by, recorded_at)
						SELECT t.id, DATE '2026-01-01' + g, '召开专题会议，学习贯彻党风廉政建设有关要求，形成会议纪要并整改落实（第 ' || g || ' 次）',
						       'bench', now()
						FROM tracked_item t CROSS JOIN generate_series(1, %d) g WHERE t.kind = 'ledger.task'
						""".formatted(perTask));
				s.execute("ANALYZE");
			}
			WorkLedger ledger = context.getBean(WorkLedger.class);
			long[] bytes = { 0 };
			OutputStream counting = new OutputStream() {
				@Override
				public void write(int b) {
					bytes[0]++;
				}

				@Override
				public void write(byte[] b, int off, int len) {
					bytes[0] += len;
				}
			};
			long rows = ledger.export(province, 2026, Locale.CHINA, counting);
			double[] seconds = new double[runs];
			long peak = 0;
			for (int i = 0; i < runs; i++) {
				System.gc();
				bytes[0] = 0;
				long t0 = System.nanoTime();
				rows = ledger.export(province, 2026, Locale.CHINA, counting);
				seconds[i] = (System.nanoTime() - t0) / 1e9;
				Runtime r = Runtime.getRuntime();
				peak = Math.max(peak, r.totalMemory() - r.freeMemory());
			}
			// the same rows read without writing anything: how much of the time is the database
			double[] reading = new double[runs];
			zeren.tracking.TrackedItems items = context.getBean(zeren.tracking.TrackedItems.class);
			org.springframework.transaction.support.TransactionTemplate tx = new org.springframework.transaction.support.TransactionTemplate(
					context.getBean(org.springframework.transaction.PlatformTransactionManager.class));
			tx.setReadOnly(true);
			long[] read = { 0 };
			for (int i = 0; i < runs; i++) {
				long t0 = System.nanoTime();
				read[0] = 0;
				tx.executeWithoutResult(st -> items.forEachEntry(province, 2026, WorkLedger.KIND, e -> read[0]++));
				reading[i] = (System.nanoTime() - t0) / 1e9;
			}
			Arrays.sort(reading);
			double[] sorted = seconds.clone();
			Arrays.sort(sorted);
			double median = sorted[runs / 2];
			report.append("## Ledger export (XLSX, streaming)\n\n");
			report.append("`WorkLedger.export` of one province's ledger for 2026 on embedded PostgreSQL with the national tree "
					+ "(import %.1f s); %,d tasks × %d entries.\n\n".formatted(importSeconds, tasks, perTask));
			report.append("| entries written | XLSX bytes | runs | median s | min s | max s | max heap | heap used after a run |\n");
			report.append("|---:|---:|---:|---:|---:|---:|---:|---:|\n");
			report.append("| %,d | %,d | %d | **%.2f** | %.2f | %.2f | %d MiB | %d MiB |\n\n".formatted(rows, bytes[0], runs, median,
					sorted[0], sorted[runs - 1], Runtime.getRuntime().maxMemory() >> 20, peak >> 20));
			report.append("- Reading the same %,d entries without writing (`TrackedItems.forEachEntry`): median %.2f s.\n"
					.formatted(read[0], reading[runs / 2]));
			report.append("- Target: 100,000 entries in under 10 s at -Xmx256m: **%s**.\n".formatted(
					rows >= 100_000 && median < 10 ? "met" : "MISSED"));
			report.append("- Runs (s): %s; load average: %s.\n".formatted(Arrays.toString(seconds),
					Files.readString(Path.of("/proc/loadavg")).strip()));
		}
		finally {
			context.close();
		}
		Files.createDirectories(out.toAbsolutePath().getParent());
		Files.writeString(out, report);
		System.out.println(report);
	}
}
