package zeren.access.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import zeren.audit.AuditTrail;
import zeren.platform.BusinessClock;

/**
 * Counts password attempts per user name from one client address ({@code login_throttle}) and per
 * address over all user names ({@code login_source}), and locks either key by its
 * {@link LockoutPolicy}. Used by the login (form and HTTP Basic) and by the password change,
 * which share the same counts.
 *
 * <p>{@link #reserve} takes the row locks (the address first, then the pair: always in that
 * order, so concurrent attempts cannot deadlock), counts the attempt and commits <em>before</em>
 * the caller checks the password; the caller then reports the outcome with {@link #failed} or
 * {@link #succeeded}. Each step is its own short transaction, committed at once so that
 * concurrent attempts see it; a caller must not be inside a transaction (its audit events would
 * otherwise wait for the caller's commit, and the password check would hold the caller's locks).
 *
 * <p>The key is the user name as typed, lower-cased, whether or not such a user exists, so the
 * answers cannot tell a known user name from an unknown one.
 */
@Component
public class LoginThrottle {

	/** The address recorded for an attempt made outside any request. */
	static final String NO_ADDRESS = "-";

	private final JdbcClient jdbc;
	private final TransactionTemplate ownTransaction;
	private final LockoutPolicy policy;
	private final BusinessClock clock;
	private final AuditTrail audit;

	LoginThrottle(JdbcClient jdbc, PlatformTransactionManager transactions, LockoutPolicy policy, BusinessClock clock,
			AuditTrail audit) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.policy = policy;
		this.clock = clock;
		this.audit = audit;
	}

	/** The key of a user name as typed: stripped, lower-cased, at most 64 characters. */
	public static String key(String typed) {
		String key = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
		return key.length() > 64 ? key.substring(0, 64) : key;
	}

	static String address(String address) {
		if (address == null || address.isBlank()) {
			return NO_ADDRESS;
		}
		return address.length() > 64 ? address.substring(0, 64) : address;
	}

	/** An attempt admitted or refused; pass it back with the outcome of the check. */
	public record Reservation(String username, String address, boolean admitted) {
	}

	private static final String COLUMNS = "failures, window_started_at, lockouts, locked_until, permanent, refused, last_failure_at";

	private static Attempts attempts(ResultSet rs, int n) throws SQLException {
		return new Attempts(rs.getInt("failures"), rs.getObject("window_started_at", OffsetDateTime.class),
				rs.getInt("lockouts"), rs.getObject("locked_until", OffsetDateTime.class), rs.getBoolean("permanent"),
				rs.getInt("refused"), rs.getObject("last_failure_at", OffsetDateTime.class));
	}

	private Optional<Attempts> lockSource(String address) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM login_source WHERE client_address = :a FOR UPDATE")
				.param("a", address).query(LoginThrottle::attempts).optional();
	}

	private Optional<Attempts> lockPair(String username, String address) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM login_throttle WHERE username = :u AND client_address = :a FOR UPDATE")
				.param("u", username).param("a", address).query(LoginThrottle::attempts).optional();
	}

	private void saveSource(String address, Attempts a) {
		jdbc.sql("""
				UPDATE login_source SET failures = :failures, window_started_at = :window, lockouts = :lockouts,
				       locked_until = :until, permanent = :permanent, refused = :refused, last_failure_at = :last
				WHERE client_address = :a
				""").params(params(a)).param("a", address).update();
	}

	private void savePair(String username, String address, Attempts a) {
		jdbc.sql("""
				UPDATE login_throttle SET failures = :failures, window_started_at = :window, lockouts = :lockouts,
				       locked_until = :until, permanent = :permanent, refused = :refused, last_failure_at = :last
				WHERE username = :u AND client_address = :a
				""").params(params(a)).param("u", username).param("a", address).update();
	}

	private static java.util.Map<String, Object> params(Attempts a) {
		java.util.Map<String, Object> p = new java.util.HashMap<>();
		p.put("failures", a.failures());
		p.put("window", a.windowStartedAt());
		p.put("lockouts", a.lockouts());
		p.put("until", a.lockedUntil());
		p.put("permanent", a.permanent());
		p.put("refused", a.refused());
		p.put("last", a.lastFailureAt());
		return p;
	}

	/**
	 * Counts one attempt of {@code typedUsername} from {@code clientAddress} before its password is
	 * checked, or refuses it when the pair or the address is locked. Only the first refusal of a
	 * lock is audited, so that a flood of refused attempts costs no more than reading two rows.
	 */
	public Reservation reserve(String typedUsername, String clientAddress, Long userId) {
		requireNoTransaction();
		String username = key(typedUsername);
		String address = address(clientAddress);
		for (int round = 0;; round++) {
			Boolean admitted = ownTransaction.execute(status -> {
				Optional<Attempts> source = lockSource(address);
				Optional<Attempts> pair = source.isEmpty() ? Optional.empty() : lockPair(username, address);
				if (source.isEmpty() || pair.isEmpty()) {
					return null;
				}
				OffsetDateTime now = clock.now();
				Attempts s = source.get().at(now, policy);
				Attempts p = pair.get().at(now, policy);
				if (s.admits(now, policy.addressAttempts()) && p.admits(now, policy.attempts())) {
					saveSource(address, s.admitted());
					savePair(username, address, p.admitted());
					return true;
				}
				Attempts refusedSource = s.locked(now) ? s.refusedOnce() : s;
				Attempts refusedPair = p.locked(now) ? p.refusedOnce() : p;
				saveSource(address, refusedSource);
				savePair(username, address, refusedPair);
				if ((s.locked(now) && s.refused() == 0) || (p.locked(now) && p.refused() == 0)) {
					audit.record(new AuditTrail.Change(null, "user", userId, "LOGIN_REFUSED_LOCKED",
							"username=%s %s".formatted(username, describe(s.locked(now) ? s : p))), username);
				}
				return false;
			});
			if (admitted != null) {
				return new Reservation(username, address, admitted);
			}
			if (round > 3) {
				throw new IllegalStateException("login throttle rows for " + address + " keep disappearing");
			}
			insertMissing(username, address);
		}
	}

	private void insertMissing(String username, String address) {
		ownTransaction.executeWithoutResult(status -> {
			jdbc.sql("INSERT INTO login_source (client_address, failures, lockouts, permanent, refused) "
					+ "VALUES (:a, 0, 0, FALSE, 0) ON CONFLICT DO NOTHING").param("a", address).update();
			jdbc.sql("INSERT INTO login_throttle (username, client_address, failures, lockouts, permanent, refused) "
					+ "VALUES (:u, :a, 0, 0, FALSE, 0) ON CONFLICT DO NOTHING").param("u", username).param("a", address)
					.update();
		});
	}

	private static String describe(Attempts a) {
		return a.permanent() ? "locked until an administrator unlocks" : "locked until " + a.lockedUntil();
	}

	/**
	 * The admitted attempt's password was wrong (or its user unknown or disabled): the failure is
	 * audited, and the pair or the address locked when its count is full.
	 */
	public void failed(Reservation reservation, Long userId, String action) {
		requireAdmitted(reservation);
		ownTransaction.executeWithoutResult(status -> {
			OffsetDateTime now = clock.now();
			String username = reservation.username();
			String address = reservation.address();
			audit.record(new AuditTrail.Change(null, "user", userId, action, "username=" + username), username);
			lockSource(address).ifPresent(before -> {
				Attempts after = before.failed(now, policy.addressAttempts(), policy);
				saveSource(address, after);
				if (after.newlyLocked(before)) {
					audit.record(new AuditTrail.Change(null, "login-source", address, "LOCK_SOURCE",
							"%d failed logins from %s within %s; %s".formatted(after.failures(), address, policy.window(),
									describe(after))), username);
				}
			});
			lockPair(username, address).ifPresent(before -> {
				Attempts after = before.failed(now, policy.attempts(), policy);
				savePair(username, address, after);
				if (after.newlyLocked(before)) {
					audit.record(new AuditTrail.Change(null, "user", userId, "LOCK", "%d failed logins of %s from %s; %s"
							.formatted(after.failures(), username, address, describe(after))), username);
				}
			});
		});
	}

	/** The admitted attempt's password was right: the pair starts afresh, the address gets its count back. */
	public void succeeded(Reservation reservation) {
		requireAdmitted(reservation);
		ownTransaction.executeWithoutResult(status -> {
			lockSource(reservation.address()).ifPresent(before -> saveSource(reservation.address(), before.succeeded()));
			jdbc.sql("DELETE FROM login_throttle WHERE username = :u AND client_address = :a")
					.param("u", reservation.username()).param("a", reservation.address()).update();
		});
	}

	private static void requireNoTransaction() {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("a password attempt is counted in its own transaction, outside the caller's");
		}
	}

	private static void requireAdmitted(Reservation reservation) {
		requireNoTransaction();
		if (!reservation.admitted()) {
			throw new IllegalArgumentException("only an admitted attempt has an outcome");
		}
	}

	/** A lock on password attempts: of a user name from an address, or of an address ({@code username} null). */
	public record Lock(String username, String clientAddress, int failures, int lockouts, OffsetDateTime lockedUntil,
			boolean permanent) {
	}

	/** The locks in force on the user name (from any address). */
	public List<Lock> locksOf(String username) {
		return jdbc.sql("""
				SELECT * FROM login_throttle
				WHERE username = :u AND (permanent = TRUE OR locked_until > :now)
				ORDER BY client_address
				""").param("u", key(username)).param("now", clock.now())
				.query((rs, n) -> new Lock(rs.getString("username"), rs.getString("client_address"), rs.getInt("failures"),
						rs.getInt("lockouts"), rs.getObject("locked_until", OffsetDateTime.class), rs.getBoolean("permanent")))
				.list();
	}

	/** Every lock in force on a user name from an address, by user name. */
	public List<Lock> userLocks() {
		return jdbc.sql("""
				SELECT * FROM login_throttle WHERE permanent = TRUE OR locked_until > :now
				ORDER BY username, client_address
				""").param("now", clock.now())
				.query((rs, n) -> new Lock(rs.getString("username"), rs.getString("client_address"), rs.getInt("failures"),
						rs.getInt("lockouts"), rs.getObject("locked_until", OffsetDateTime.class), rs.getBoolean("permanent")))
				.list();
	}

	/** The addresses locked as a whole ({@code username} null), the latest failure first. */
	public List<Lock> sourceLocks() {
		return jdbc.sql("""
				SELECT * FROM login_source WHERE permanent = TRUE OR locked_until > :now
				ORDER BY last_failure_at DESC, client_address
				""").param("now", clock.now())
				.query((rs, n) -> new Lock(null, rs.getString("client_address"), rs.getInt("failures"),
						rs.getInt("lockouts"), rs.getObject("locked_until", OffsetDateTime.class), rs.getBoolean("permanent")))
				.list();
	}

	/** Forgets every count and lock of the user name, from every address (the caller audits). */
	public int unlockUser(String username) {
		return jdbc.sql("DELETE FROM login_throttle WHERE username = :u").param("u", key(username)).update();
	}

	/** Forgets every count and lock of the address, as a whole and for each user name (the caller audits). */
	public int unlockAddress(String clientAddress) {
		String address = address(clientAddress);
		return jdbc.sql("DELETE FROM login_source WHERE client_address = :a").param("a", address).update()
				+ jdbc.sql("DELETE FROM login_throttle WHERE client_address = :a").param("a", address).update();
	}

	/** Forgets the rows with nothing left to remember: no lock in force and no failure for {@code failureReset}. */
	int forgetQuietKeys() {
		OffsetDateTime now = clock.now();
		OffsetDateTime quiet = now.minus(policy.failureReset());
		String condition = " WHERE permanent = FALSE AND (locked_until IS NULL OR locked_until <= :now) "
				+ "AND (last_failure_at IS NULL OR last_failure_at <= :quiet) AND (window_started_at IS NULL OR window_started_at <= :quiet)";
		return jdbc.sql("DELETE FROM login_throttle" + condition).param("now", now).param("quiet", quiet).update()
				+ jdbc.sql("DELETE FROM login_source" + condition).param("now", now).param("quiet", quiet).update();
	}
}
