package zeren.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import javax.sql.DataSource;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import zeren.ZerenApplication;
import zeren.audit.AuditTrail;
import zeren.platform.SystemWork;
import zeren.support.EmbeddedPostgresDatabase;

/**
 * Audited writes against plain writes on the same PostgreSQL, at {@code bench.clients} (32)
 * concurrent clients (docs/BENCHMARKS.md, "Audited writes"). Three runs of {@code bench.seconds}
 * (10) each, after a warm-up:
 * <ol>
 * <li><b>plain</b>: JDBC, one connection per client, {@code INSERT} one row + {@code COMMIT};</li>
 * <li><b>audited</b>: the same insert in a Spring transaction that records an audit event through
 * {@link AuditTrail#record} (the application's path: the event inserted unsealed before commit,
 * the sealer chaining it within a second);</li>
 * <li><b>one-lock</b>: the audited write plus the lock and update of the chain's head in the
 * writing transaction, as every write did before V11 — the design this one replaced.</li>
 * </ol>
 * Then the sealer catches up, and the chain is verified. {@code -Dbench.durable=true} runs a server
 * with fsync, full_page_writes and synchronous_commit on (as production), else the test server.
 *
 * <p>{@code ./mvnw -B -Pbench test-compile exec:exec -Dbench.main=zeren.bench.AuditWriteBenchmark
 * -Dbench.durable=true -Dbench.out=target/benchmarks/audit-writes.md}
 */
public final class AuditWriteBenchmark {

	public static void main(String[] args) throws Exception {
		int clients = Integer.getInteger("bench.clients", 32);
		int seconds = Integer.getInteger("bench.seconds", 10);
		boolean durable = Boolean.getBoolean("bench.durable");
		Path out = Path.of(System.getProperty("bench.out", "target/benchmarks/audit-writes.md"));
		String url = durable ? OrgTreeBenchmark.durableDatabase("zeren_audit_bench")
				: EmbeddedPostgresDatabase.createDatabase("zeren_audit_bench");
		ConfigurableApplicationContext context = new SpringApplicationBuilder(ZerenApplication.class)
				.web(WebApplicationType.SERVLET).properties("spring.main.banner-mode=off")
				// a web context (the error pages need one) on a free port; nothing calls it
				.run("--server.port=0", "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
						"--spring.datasource.password=", "--spring.datasource.hikari.maximum-pool-size=" + (clients + 4),
						// the sealer at its production pace (the test properties on this class path slow it down)
						"--zeren.audit.seal-every=PT1S");
		StringBuilder report = new StringBuilder();
		try {
			JdbcClient jdbc = JdbcClient.create(context.getBean(DataSource.class));
			jdbc.sql("CREATE TABLE bench_write (id BIGSERIAL PRIMARY KEY, client INT NOT NULL, note VARCHAR(100))").update();
			AuditTrail trail = context.getBean(AuditTrail.class);
			TransactionTemplate tx = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
			Writer plain = connection -> {
				try (PreparedStatement ps = connection.prepareStatement("INSERT INTO bench_write (client, note) VALUES (?, 'plain')")) {
					ps.setInt(1, 0);
					ps.executeUpdate();
				}
				connection.commit();
			};
			Writer audited = connection -> SystemWork.run("audit-bench", () -> tx.executeWithoutResult(s -> {
				long id = jdbc.sql("INSERT INTO bench_write (client, note) VALUES (1, 'audited') RETURNING id").query(Long.class)
						.single();
				trail.record(new AuditTrail.Change(null, "bench", id, "CREATE", "a benchmark write"));
			}));
			Writer oneLock = connection -> SystemWork.run("audit-bench", () -> tx.executeWithoutResult(s -> {
				long id = jdbc.sql("INSERT INTO bench_write (client, note) VALUES (2, 'one-lock') RETURNING id").query(Long.class)
						.single();
				trail.record(new AuditTrail.Change(null, "bench", id, "CREATE", "a benchmark write"));
				jdbc.sql("SELECT last_id FROM audit_head WHERE id = 1 FOR UPDATE").query(Long.class).single();
				jdbc.sql("UPDATE audit_head SET last_id = last_id WHERE id = 1").update();
			}));
			run(url, clients, 3, plain);
			double plainRate = run(url, clients, seconds, plain);
			run(url, clients, 3, audited);
			double auditedRate = run(url, clients, seconds, audited);
			double oneLockRate = run(url, clients, seconds, oneLock);
			long started = System.nanoTime();
			long sealed = SystemWork.call("audit-bench", trail::seal);
			double sealSeconds = (System.nanoTime() - started) / 1e9;
			started = System.nanoTime();
			AuditTrail.Verification verification = trail.verify();
			double verifySeconds = (System.nanoTime() - started) / 1e9;
			String version = jdbc.sql("SHOW server_version").query(String.class).single();
			String fsync = jdbc.sql("SHOW fsync").query(String.class).single();
			String syncCommit = jdbc.sql("SHOW synchronous_commit").query(String.class).single();
			report.append(String.format(Locale.ROOT, """
					PostgreSQL %s (fsync %s, synchronous_commit %s), %d clients, %d s per run, %d cores.

					| writes | per second | vs. plain |
					|---|---:|---:|
					| plain INSERT + COMMIT (JDBC) | %,.0f | 1.00 |
					| audited (event unsealed, sealer chains it) | %,.0f | %.2f |
					| audited under one chain lock (before V11) | %,.0f | %.2f |

					After the runs: %,d events left for the sealer, sealed in %.2f s; verify: valid %s, %,d events checked in %.2f s, %d unsealed.
					""", version, fsync, syncCommit, clients, seconds, Runtime.getRuntime().availableProcessors(), plainRate,
					auditedRate, auditedRate / plainRate, oneLockRate, oneLockRate / plainRate, sealed, sealSeconds,
					verification.valid(), verification.checked(), verifySeconds, verification.unsealed()));
		}
		finally {
			context.close();
		}
		Files.createDirectories(out.toAbsolutePath().getParent());
		Files.writeString(out, report);
		System.out.println(report);
		System.exit(0);
	}

	interface Writer {
		void write(Connection connection) throws Exception;
	}

	/** Writes per second of {@code clients} threads writing for {@code seconds}. */
	private static double run(String url, int clients, int seconds, Writer writer) throws Exception {
		AtomicBoolean stop = new AtomicBoolean();
		LongAdder done = new LongAdder();
		CountDownLatch ready = new CountDownLatch(clients);
		List<Thread> threads = new ArrayList<>();
		Exception[] failure = new Exception[1];
		for (int i = 0; i < clients; i++) {
			Thread t = new Thread(() -> {
				try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
					c.setAutoCommit(false);
					ready.countDown();
					ready.await();
					while (!stop.get()) {
						writer.write(c);
						done.increment();
					}
				}
				catch (Exception e) {
					failure[0] = e;
				}
			});
			threads.add(t);
			t.start();
		}
		ready.await();
		long before = done.sum();
		long started = System.nanoTime();
		Thread.sleep(seconds * 1000L);
		long after = done.sum();
		double elapsed = (System.nanoTime() - started) / 1e9;
		stop.set(true);
		for (Thread t : threads) {
			t.join();
		}
		if (failure[0] != null) {
			throw failure[0];
		}
		return (after - before) / elapsed;
	}
}
