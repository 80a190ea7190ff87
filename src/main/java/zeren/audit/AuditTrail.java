package zeren.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import zeren.platform.CurrentUser;
import zeren.platform.Rows;

/**
 * Appends audit events to the hash chain and verifies it.
 *
 * <p>{@link #record} must be called inside the transaction of the change it records. Events are
 * written just before that transaction commits, after taking the lock on the chain's head, so
 * that a failed change leaves no event, a committed change always has one, and concurrent
 * writers append one after the other instead of forking the chain.
 */
@Service
public class AuditTrail {

	static final String GENESIS = "0".repeat(64);

	private final JdbcClient jdbc;

	AuditTrail(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** What changed: the organisation it belongs to (if any), the entity, the action, a summary. */
	public record Change(Long orgId, String entityType, Object entityId, String action, String summary) {
	}

	private static final class Pending implements TransactionSynchronization {

		final List<Change> changes = new ArrayList<>();
		final List<String> users = new ArrayList<>();
		final List<String> addresses = new ArrayList<>();
		final List<Instant> times = new ArrayList<>();
		final AuditTrail trail;

		Pending(AuditTrail trail) {
			this.trail = trail;
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			trail.append(this);
		}

		@Override
		public void afterCompletion(int status) {
			TransactionSynchronizationManager.unbindResourceIfPossible(trail);
		}
	}

	/** Records a change as done by the current user, from the current request's address. */
	public void record(Change change) {
		record(change, CurrentUser.actor());
	}

	/** Records a change done by {@code username} (for events before anyone is signed in, e.g. a failed login). */
	public void record(Change change, String username) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()
				|| !TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("an audit event must be recorded inside the transaction of its change");
		}
		Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
		if (pending == null) {
			pending = new Pending(this);
			TransactionSynchronizationManager.bindResource(this, pending);
			TransactionSynchronizationManager.registerSynchronization(pending);
		}
		pending.changes.add(change);
		pending.users.add(username);
		pending.addresses.add(clientAddress());
		pending.times.add(Instant.now().truncatedTo(ChronoUnit.MICROS));
	}

	static String clientAddress() {
		return zeren.platform.web.Requests.clientAddress();
	}

	private void append(Pending pending) {
		record Head(long lastId, String lastHash) {
		}
		Head head = jdbc.sql("SELECT last_id, last_hash FROM audit_head WHERE id = 1 FOR UPDATE")
				.query(Rows.of(Head.class)).single();
		long id = head.lastId();
		String previous = head.lastHash();
		for (int i = 0; i < pending.changes.size(); i++) {
			Change change = pending.changes.get(i);
			id++;
			AuditEvent event = new AuditEvent(id, pending.times.get(i), pending.users.get(i), change.orgId(),
					change.entityType(), change.entityId() == null ? null : String.valueOf(change.entityId()),
					change.action(), truncate(change.summary(), 4000), truncate(pending.addresses.get(i), 64), previous,
					null);
			String hash = hash(event);
			jdbc.sql("""
					INSERT INTO audit_event (id, occurred_at, username, org_id, entity_type, entity_id, action, summary,
					                         client_address, prev_hash, hash)
					VALUES (:id, :at, :user, :org, :type, :entity, :action, :summary, :address, :prev, :hash)
					""").param("id", id).param("at", OffsetDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC))
					.param("user", event.username()).param("org", event.orgId()).param("type", event.entityType())
					.param("entity", event.entityId()).param("action", event.action()).param("summary", event.summary())
					.param("address", event.clientAddress()).param("prev", previous).param("hash", hash).update();
			previous = hash;
		}
		jdbc.sql("UPDATE audit_head SET last_id = :id, last_hash = :hash WHERE id = 1").param("id", id)
				.param("hash", previous).update();
	}

	private static String truncate(String s, int max) {
		return s == null || s.length() <= max ? s : s.substring(0, max);
	}

	/** SHA-256 over every field of the event and the previous hash, in a fixed, unambiguous form. */
	static String hash(AuditEvent e) {
		StringBuilder canonical = new StringBuilder();
		append(canonical, String.valueOf(e.id()));
		append(canonical, String.valueOf(ChronoUnit.MICROS.between(Instant.EPOCH, e.occurredAt())));
		append(canonical, e.username());
		append(canonical, e.orgId() == null ? null : String.valueOf(e.orgId()));
		append(canonical, e.entityType());
		append(canonical, e.entityId());
		append(canonical, e.action());
		append(canonical, e.summary());
		append(canonical, e.clientAddress());
		append(canonical, e.prevHash());
		return zeren.platform.Sha256.hex(canonical.toString());
	}

	/** Length-prefixed, so that no two different events can share a canonical form. */
	private static void append(StringBuilder out, String value) {
		if (value == null) {
			out.append("-1:");
		}
		else {
			out.append(value.length()).append(':').append(value);
		}
		out.append('|');
	}

	static final RowMapper<AuditEvent> EVENT = AuditTrail::map;

	static AuditEvent map(ResultSet rs, int n) throws SQLException {
		return new AuditEvent(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
				rs.getString("username"), (Long) rs.getObject("org_id", Long.class), rs.getString("entity_type"),
				rs.getString("entity_id"), rs.getString("action"), rs.getString("summary"),
				rs.getString("client_address"), rs.getString("prev_hash"), rs.getString("hash"));
	}

	public record Verification(boolean valid, long checked, Long firstBrokenId) {
	}

	/**
	 * Walks the chain from the first event: each event's hash must match its content, its
	 * {@code prev_hash} the hash before it, ids must run without a gap, and the last event must be
	 * the head. A row changed or removed in the database breaks one of these.
	 */
	public Verification verify() {
		long[] checked = { 0 };
		Long[] broken = { null };
		String[] previous = { GENESIS };
		long[] expectedId = { 1 };
		jdbc.sql("SELECT * FROM audit_event ORDER BY id").query((ResultSet rs) -> {
			if (broken[0] != null) {
				return;
			}
			AuditEvent event = map(rs, 0);
			checked[0]++;
			if (event.id() != expectedId[0] || !event.prevHash().equals(previous[0]) || !hash(event).equals(event.hash())) {
				broken[0] = event.id();
				return;
			}
			previous[0] = event.hash();
			expectedId[0]++;
		});
		if (broken[0] == null) {
			record Head(long lastId, String lastHash) {
			}
			Head head = jdbc.sql("SELECT last_id, last_hash FROM audit_head WHERE id = 1")
					.query(Rows.of(Head.class)).single();
			if (head.lastId() != expectedId[0] - 1 || !head.lastHash().equals(previous[0])) {
				broken[0] = expectedId[0];
			}
		}
		return new Verification(broken[0] == null, checked[0], broken[0]);
	}
}
