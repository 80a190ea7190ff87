package zeren.audit;

import java.util.ArrayList;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import zeren.platform.Rows;

/**
 * Chains committed audit events: the one writer of the hash chain. Writers insert their events
 * unsealed (no {@code seq}, {@code prev_hash}, {@code hash}) without a shared lock; the sealer,
 * every {@code zeren.audit.seal-every} (1 s), takes the chain's head under its row lock, reads
 * the committed unsealed events in id order, gives each the next position and its hash over the
 * previous one, and moves the head, in one transaction per batch.
 *
 * <p>The chain's order is the order of sealing, not of ids: an event committed late with a low id
 * (ids are drawn when the event is inserted, transactions commit in any order) is simply sealed
 * in a later run, after events with higher ids. Nothing waits for transactions in flight, and no
 * committed event can be skipped, since a run seals every committed unsealed event it sees.
 * ShedLock runs the job on one node at a time; the head's row lock keeps two sealers (a manual
 * {@link #seal()} and the job, or two nodes whose ShedLock expired) from forking the chain.
 */
@Component
class AuditSealer {

	private static final int BATCH = 5_000;

	private final JdbcClient jdbc;
	private final JdbcTemplate template;
	private final TransactionTemplate transactions;

	AuditSealer(JdbcClient jdbc, JdbcTemplate template, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.template = template;
		// its own transaction, also when called inside another (the verify API's is read-only)
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
	}

	record Head(long lastId, long lastSeq, String lastHash) {
	}

	private Head head(boolean lock) {
		return jdbc.sql("SELECT last_id, last_seq, last_hash FROM audit_head WHERE id = 1" + (lock ? " FOR UPDATE" : ""))
				.query(Rows.of(Head.class)).single();
	}

	/** Runs {@code work} on the head as it stands, holding its lock so that no event is sealed meanwhile. */
	<T> T holdingHead(java.util.function.Function<Head, T> work) {
		return transactions.execute(status -> work.apply(head(true)));
	}

	@Scheduled(fixedDelayString = "${zeren.audit.seal-every:PT1S}", initialDelayString = "${zeren.audit.seal-every:PT1S}")
	@SchedulerLock(name = "audit-sealer", lockAtMostFor = "PT10M", lockAtLeastFor = "PT0S")
	void scheduled() {
		zeren.platform.SystemWork.run("audit-sealer", this::seal);
	}

	/** Seals every committed event not sealed yet, in batches; the number sealed. */
	long seal() {
		long total = 0;
		while (true) {
			Integer sealed = transactions.execute(status -> sealBatch());
			total += sealed;
			if (sealed < BATCH) {
				return total;
			}
		}
	}

	private int sealBatch() {
		Head head = head(true);
		List<AuditEvent> events = jdbc.sql("SELECT * FROM audit_event WHERE seq IS NULL ORDER BY id FETCH FIRST %d ROWS ONLY"
				.formatted(BATCH)).query(AuditTrail.EVENT).list();
		if (events.isEmpty()) {
			return 0;
		}
		long seq = head.lastSeq();
		String previous = head.lastHash();
		List<Object[]> rows = new ArrayList<>(events.size());
		AuditEvent last = null;
		for (AuditEvent event : events) {
			last = event.chained(++seq, previous);
			previous = last.hash();
			rows.add(new Object[] { last.seq(), last.prevHash(), last.hash(), last.id() });
		}
		int[][] counts = template.batchUpdate(
				"UPDATE audit_event SET seq = ?, prev_hash = ?, hash = ? WHERE id = ? AND seq IS NULL", rows, 1_000,
				(ps, row) -> {
					ps.setLong(1, (Long) row[0]);
					ps.setString(2, (String) row[1]);
					ps.setString(3, (String) row[2]);
					ps.setLong(4, (Long) row[3]);
				});
		for (int[] batch : counts) {
			for (int n : batch) {
				if (n != 1 && n >= 0) {
					throw new IllegalStateException("an audit event was sealed by someone else while this sealer held the head");
				}
			}
		}
		jdbc.sql("UPDATE audit_head SET last_id = :id, last_seq = :seq, last_hash = :hash WHERE id = 1")
				.param("id", last.id()).param("seq", seq).param("hash", previous).update();
		return events.size();
	}
}
