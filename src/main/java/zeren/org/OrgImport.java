package zeren.org;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import zeren.audit.AuditTrail;
import zeren.org.importing.RowSource;
import zeren.platform.ConflictException;
import zeren.platform.CurrentScope;
import zeren.platform.Database;
import zeren.platform.xlsx.SheetLimits;

/**
 * Imports an organisation tree, all or nothing, in one transaction, one import at a time per
 * database. Stage by stage, each stage refusing the file with all its errors (the first 1,000
 * listed, all counted) before the next one runs:
 * <ol>
 * <li>the rows stream into a staging table, each checked on its own ({@link ImportStaging},
 * {@link zeren.org.importing.RowChecks}); a file longer than
 * {@code zeren.uploads.limits.org-import.max-rows} is refused at the row after the limit;</li>
 * <li>set-based checks across rows find duplicate codes, unknown parents, and rows outside the
 * caller's scope ({@link ImportChecks});</li>
 * <li>levels are assigned, and rows no root reaches (cycles) refused;</li>
 * <li>only then are ids drawn and the tree written level by level with
 * {@code INSERT ... SELECT}, each new row's path built from its parent's in the same statement;
 * changed names and types are updated, changed parents moved ({@link ImportOnH2},
 * {@link ImportOnPostgres}).</li>
 * </ol>
 * Any error rejects the whole file and nothing is written. Re-importing the same file changes
 * nothing. Set {@code logging.level.zeren.org.OrgImport=DEBUG} to see the time of each phase.
 */
@Service
public class OrgImport {

	private static final Logger log = LoggerFactory.getLogger(OrgImport.class);

	/** PostgreSQL: an import of at least this many rows into an empty tree is a bulk load. */
	static final int BULK_LOAD_MIN_ROWS = ImportOnPostgres.BULK_LOAD_MIN_ROWS;

	/** PostgreSQL: {@code work_mem} for the import's own transaction (hash joins over the whole file). */
	private static final String WORK_MEM = "64MB";

	public record Result(long rows, long created, long updated, long unchanged, long millis) {
	}

	record Written(long created, long updated) {
	}

	private final JdbcClient jdbc;
	private final Database database;
	private final CurrentScope scope;
	private final AuditTrail audit;
	private final ImportStaging staging;
	private final ImportOnH2 onH2;
	private final ImportOnPostgres onPostgres;

	OrgImport(JdbcClient jdbc, Database database, CurrentScope scope, AuditTrail audit, ImportStaging staging,
			ImportOnH2 onH2, ImportOnPostgres onPostgres) {
		this.jdbc = jdbc;
		this.database = database;
		this.scope = scope;
		this.audit = audit;
		this.staging = staging;
		this.onH2 = onH2;
		this.onPostgres = onPostgres;
	}

	/**
	 * @throws zeren.platform.InvalidInputException with the errors of the first stage that has any
	 * @throws ConflictException when another import is running (in any session, on any node)
	 */
	@Transactional
	public Result run(RowSource source) {
		long started = System.nanoTime();
		String run = UUID.randomUUID().toString();
		ImportPhases phases = new ImportPhases(run);
		boolean postgres = database.isPostgres();
		holdTheImportLock();
		if (postgres) {
			// Room for this transaction's hash tables and sorts over the whole file.
			jdbc.sql("SET LOCAL work_mem = '" + WORK_MEM + "'").update();
		}
		long rows = staging.stage(source, run, postgres, SheetLimits.of("org-import").maxRows());
		log.info("import {}: {} rows staged in {} ms", run, rows, (System.nanoTime() - started) / 1_000_000);
		phases.done("staging");

		var managing = scope.managing();
		Written written = postgres ? onPostgres.write(rows, managing, phases) : onH2.write(run, managing, phases);
		long millis = (System.nanoTime() - started) / 1_000_000;
		audit.record(new AuditTrail.Change(null, "org", null, "IMPORT",
				"rows=%d created=%d updated=%d".formatted(rows, written.created(), written.updated())));
		log.info("import {}: {} rows, {} created, {} updated in {} ms", run, rows, written.created(), written.updated(),
				millis);
		return new Result(rows, written.created(), written.updated(), rows - written.created() - written.updated(),
				millis);
	}

	/**
	 * Imports an extract of the national division data set shipped on the classpath under
	 * {@code directory} (provinces.csv … villages.csv in the data set's layout), as the national
	 * loader does from a directory: the demo county.
	 */
	@Transactional
	public Result runChinaDivisionResources(String directory) {
		ClassLoader loader = OrgImport.class.getClassLoader();
		return run(new zeren.org.importing.ChinaDivisionSource(name -> {
			java.io.InputStream in = loader.getResourceAsStream(directory + "/" + name);
			if (in == null) {
				throw new java.io.FileNotFoundException("classpath:" + directory + "/" + name);
			}
			return in;
		}));
	}

	/** H2: the embedded database belongs to this JVM (one process opens its file), so its lock is here. */
	private static final Map<String, Semaphore> H2_LOCKS = new ConcurrentHashMap<>();

	/** PostgreSQL: the key of the transaction-level advisory lock that one import holds. */
	private static final long ADVISORY_KEY = 0x7a6572656e_6f7267L; // "zeren org"

	/**
	 * One import at a time per database, held until this transaction ends: on PostgreSQL a
	 * transaction-level advisory lock (every node, every session), on H2 a lock of this JVM.
	 * A second import does not wait behind the first (which may run for minutes): it is refused
	 * at once.
	 */
	private void holdTheImportLock() {
		if (database.isPostgres()) {
			if (!jdbc.sql("SELECT pg_try_advisory_xact_lock(:key)").param("key", ADVISORY_KEY).query(Boolean.class)
					.single()) {
				throw busy();
			}
			return;
		}
		Semaphore lock = H2_LOCKS.computeIfAbsent(database.url(), url -> new Semaphore(1));
		if (!lock.tryAcquire()) {
			throw busy();
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				lock.release();
			}
		});
	}

	private static ConflictException busy() {
		return new ConflictException("file", "error.import.busy");
	}
}
