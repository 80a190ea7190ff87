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
import zeren.platform.Database;

/**
 * Records audit events and verifies their hash chain.
 *
 * <p>{@link #record} must be called inside the transaction of the change it records. Events are
 * inserted just before that transaction commits, so that a failed change leaves no event and a
 * committed change always has one, durable with it. They are inserted unsealed, with an id from
 * a sequence and no lock shared with other writers; {@link AuditSealer} then chains committed
 * events, one sealer at a time, in the order it finds them committed.
 */
@Service
public class AuditTrail {

	static final String GENESIS = "0".repeat(64);

	private final JdbcClient jdbc;
	private final Database database;
	private final AuditSealer sealer;

	AuditTrail(JdbcClient jdbc, Database database, AuditSealer sealer) {
		this.jdbc = jdbc;
		this.database = database;
		this.sealer = sealer;
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

	/** Inserts the transaction's events unsealed, ids from a sequence: no lock shared with other writers. */
	private void append(Pending pending) {
		String nextId = database.nextValue("audit_event_id_seq");
		for (int i = 0; i < pending.changes.size(); i++) {
			Change change = pending.changes.get(i);
			jdbc.sql("""
					INSERT INTO audit_event (id, occurred_at, username, org_id, entity_type, entity_id, action, summary,
					                         client_address)
					VALUES (%s, :at, :user, :org, :type, :entity, :action, :summary, :address)
					""".formatted(nextId)).param("at", OffsetDateTime.ofInstant(pending.times.get(i), ZoneOffset.UTC))
					.param("user", pending.users.get(i)).param("org", change.orgId()).param("type", change.entityType())
					.param("entity", change.entityId() == null ? null : String.valueOf(change.entityId()))
					.param("action", change.action()).param("summary", truncate(change.summary(), 4000))
					.param("address", truncate(pending.addresses.get(i), 64)).update();
		}
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
				rs.getString("client_address"), rs.getString("prev_hash"), rs.getString("hash"),
				(Long) rs.getObject("seq", Long.class));
	}

	/**
	 * The result of {@link #verify}: whether the sealed chain is intact, how many sealed events
	 * were checked, the id of the first event where it breaks, and how many events are not sealed
	 * yet (committed, but not chained: not verified by this walk).
	 */
	public record Verification(boolean valid, long checked, Long firstBrokenId, long unsealed) {
	}

	/** Seals every committed event not sealed yet (see {@link AuditSealer}); the number sealed. */
	public long seal() {
		return sealer.seal();
	}

	/**
	 * Walks the sealed chain in its order ({@code seq}): each event's hash must match its content,
	 * its {@code prev_hash} the hash before it, positions must run from 1 without a gap, and the
	 * last event must be the head. A sealed row changed, removed or inserted in the database breaks
	 * one of these. Events not sealed yet are counted, not verified.
	 */
	public Verification verify() {
		return sealer.holdingHead(this::walk);
	}

	private Verification walk(AuditSealer.Head head) {
		long[] checked = { 0 };
		Long[] broken = { null };
		String[] previous = { GENESIS };
		long[] expected = { 1 };
		jdbc.sql("SELECT * FROM audit_event WHERE seq IS NOT NULL ORDER BY seq").query((ResultSet rs) -> {
			if (broken[0] != null) {
				return;
			}
			AuditEvent event = map(rs, 0);
			checked[0]++;
			// beyond the head: an event the sealer never sealed
			if (event.seq() != expected[0] || event.seq() > head.lastSeq() || !previous[0].equals(event.prevHash())
					|| !hash(event).equals(event.hash())) {
				broken[0] = event.id();
				return;
			}
			previous[0] = event.hash();
			expected[0]++;
		});
		if (broken[0] == null && (head.lastSeq() != expected[0] - 1 || !head.lastHash().equals(previous[0]))) {
			// the chain ends short of the head: its last events were removed
			broken[0] = head.lastId();
		}
		long unsealed = jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE seq IS NULL").query(Long.class).single();
		return new Verification(broken[0] == null, checked[0], broken[0], unsealed);
	}
}
