package zeren.access;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import zeren.access.internal.LoginThrottle;
import zeren.access.internal.PasswordChecks;
import zeren.access.internal.PasswordLogin;
import zeren.audit.AuditTrail;
import zeren.platform.CurrentUser;
import zeren.org.OrgTree;
import zeren.org.People;
import zeren.platform.BusinessClock;
import zeren.platform.ConflictException;
import zeren.platform.InputError;
import zeren.platform.Inputs;
import zeren.platform.InvalidInputException;
import zeren.platform.NotFoundException;
import zeren.platform.web.Requests;

/** Users, their grants and their API tokens. Every change is audited. */
@Service
@Transactional(readOnly = true)
public class Users {

	static final String TOKEN_PREFIX = "zrn_";

	/** The user's row, with the latest end of a lock on their password attempts (from any address). */
	static final String SELECT_USER_FROM = """
			SELECT u.id, u.username, u.person_id, u.enabled, u.email,
			       (SELECT MAX(t.locked_until) FROM login_throttle t
			        WHERE t.username = u.username_key AND t.locked_until > :now) AS locked_until
			FROM app_user u""";

	private static final String SELECT_USER = SELECT_USER_FROM + "\n";

	static final RowMapper<UserAccount> USER = (rs, n) -> new UserAccount(rs.getLong("id"), rs.getString("username"),
			(Long) rs.getObject("person_id", Long.class), rs.getBoolean("enabled"),
			rs.getObject("locked_until", OffsetDateTime.class), rs.getString("email"));

	static final RowMapper<Grant> GRANT = (rs, n) -> new Grant(rs.getLong("id"), rs.getLong("user_id"),
			Role.valueOf(rs.getString("role")), (Long) rs.getObject("org_id", Long.class),
			rs.getBoolean("include_descendants"));

	static final RowMapper<ApiToken> TOKEN = (rs, n) -> new ApiToken(rs.getLong("id"), rs.getLong("user_id"),
			rs.getString("name"), rs.getObject("created_at", OffsetDateTime.class),
			rs.getObject("expires_at", OffsetDateTime.class), rs.getObject("revoked_at", OffsetDateTime.class),
			rs.getObject("last_used_at", OffsetDateTime.class), null);

	private final JdbcClient jdbc;
	private final PasswordEncoder encoder;
	private final AuditTrail audit;
	private final OrgTree tree;
	private final BusinessClock clock;
	private final People people;
	private final PasswordLogin passwordLogin;
	private final LoginThrottle throttle;
	private final TransactionTemplate transactions;
	private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions;
	private final Inputs inputs;
	private final SecureRandom random = new SecureRandom();

	Users(JdbcClient jdbc, PasswordEncoder encoder, AuditTrail audit, OrgTree tree, BusinessClock clock,
			People people, PasswordLogin passwordLogin, LoginThrottle throttle, TransactionTemplate transactions,
			ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions, Inputs inputs) {
		this.jdbc = jdbc;
		this.people = people;
		this.encoder = encoder;
		this.audit = audit;
		this.tree = tree;
		this.clock = clock;
		this.passwordLogin = passwordLogin;
		this.throttle = throttle;
		this.transactions = transactions;
		this.sessions = sessions;
		this.inputs = inputs;
	}

	public record NewUser(@NotBlank @Size(max = 64) String username, @NotNull String password, Long personId,
			Boolean enabled, @Email @Size(max = 254) String email) {

		public NewUser(String username, String password, Long personId, Boolean enabled) {
			this(username, password, personId, enabled, null);
		}
	}

	static List<InputError> passwordErrors(String field, String username, String password) {
		return PasswordRules.check(field, username, password);
	}

	@Transactional
	public UserAccount create(NewUser request) {
		inputs.check(request);
		String username = request.username().strip();
		List<InputError> errors = new ArrayList<>();
		if (!username.matches("[A-Za-z0-9._@-]{2,64}")) {
			errors.add(InputError.field("username", "error.user.username-format"));
		}
		errors.addAll(passwordErrors("password", username, request.password()));
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		if (findByUsername(username).isPresent()) {
			throw new ConflictException("username", "error.user.username-taken", username);
		}
		var now = clock.now();
		var keys = new GeneratedKeyHolder();
		try {
			jdbc.sql("""
					INSERT INTO app_user (username, username_key, password_hash, person_id, enabled, created_at, password_changed_at, email)
					VALUES (:username, :key, :hash, :person, :enabled, :now, :now, :email)
					""").param("username", username).param("email", Contacts.normalEmail(request.email())).param("key", LoginThrottle.key(username))
					.param("hash", encoder.encode(request.password()))
					.param("person", request.personId()).param("enabled", request.enabled() == null || request.enabled())
					.param("now", now).update(keys, "id");
		}
		catch (DuplicateKeyException e) {
			throw new ConflictException("username", "error.user.username-taken", username);
		}
		catch (org.springframework.dao.DataIntegrityViolationException e) {
			throw InvalidInputException.of("personId", "error.person.unknown", request.personId());
		}
		long id = keys.getKey().longValue();
		audit.record(new AuditTrail.Change(null, "user", id, "CREATE", "username=" + username));
		return get(id);
	}

	public Optional<UserAccount> find(long id) {
		return jdbc.sql(SELECT_USER + "WHERE u.id = :id").param("id", id).param("now", clock.now()).query(USER).optional();
	}

	public UserAccount get(long id) {
		return find(id).orElseThrow(() -> new NotFoundException("user", id));
	}

	/** The user of that name, whatever its case ({@code victim} and {@code VICTIM} are one user). */
	public Optional<UserAccount> findByUsername(String username) {
		return jdbc.sql(SELECT_USER + "WHERE u.username_key = :key").param("key", LoginThrottle.key(username))
				.param("now", clock.now()).query(USER).optional();
	}

	public List<UserAccount> list() {
		return jdbc.sql(SELECT_USER + "ORDER BY u.username_key").param("now", clock.now()).query(USER).list();
	}

	/** The signed-in user of the current request, if any. */
	public Optional<UserAccount> current() {
		return CurrentUser.id().flatMap(this::find);
	}

	/**
	 * Links a user to the person they are (or unlinks, with null): signing a responsibility letter
	 * and "my tasks" go from the signed-in user to this person, and through tenures to posts.
	 */
	@Transactional
	public UserAccount linkPerson(long userId, Long personId) {
		UserAccount user = get(userId);
		if (personId != null && people.find(personId).isEmpty()) {
			throw InvalidInputException.of("personId", "error.person.unknown", personId);
		}
		jdbc.sql("UPDATE app_user SET person_id = :person WHERE id = :id").param("person", personId).param("id", userId)
				.update();
		audit.record(new AuditTrail.Change(null, "user", userId, "LINK_PERSON",
				"username=%s person=%s previous=%s".formatted(user.username(), personId, user.personId())));
		return get(userId);
	}

	/** One's old password and the new one. */
	public record PasswordChange(@NotBlank String oldPassword, @NotBlank String newPassword) {
	}

	/**
	 * Changes one's own password. The old one is checked like a login — in a place of the password
	 * checks, counted by the same throttle (so guessing it here locks like guessing at the login) —
	 * and outside any transaction. Afterwards the user's other page sessions end and every API
	 * token is revoked; the session {@code currentSession} (the page's own; null from the API)
	 * stays.
	 *
	 * @throws zeren.access.internal.PasswordChecksBusy when too many passwords are being checked
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public void changePassword(long userId, PasswordChange change, String currentSession) {
		inputs.check(change);
		UserAccount user = get(userId);
		String newPassword = change.newPassword();
		List<InputError> errors = passwordErrors("newPassword", user.username(), newPassword);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		PasswordLogin.Attempt attempt = passwordLogin.attempt(user.username(), change.oldPassword(), Requests.clientAddress(),
				currentSession == null ? PasswordChecks.Lane.API : PasswordChecks.Lane.PAGE, "PASSWORD_CHANGE_FAILURE");
		if (attempt.verdict() == PasswordLogin.Verdict.REFUSED) {
			throw InvalidInputException.of("oldPassword", "error.password.old-throttled");
		}
		if (!attempt.right() || attempt.userId() != userId) {
			throw InvalidInputException.of("oldPassword", "error.password.old-wrong");
		}
		List<String> otherSessions = sessionsOf(user.username()).stream().filter(id -> !id.equals(currentSession))
				.toList();
		transactions.executeWithoutResult(status -> {
			String hash = jdbc.sql("SELECT password_hash FROM app_user WHERE id = :id FOR UPDATE").param("id", userId)
					.query(String.class).single();
			if (!hash.equals(attempt.hash())) {
				// changed by a concurrent request since the old one was checked
				throw InvalidInputException.of("oldPassword", "error.password.old-wrong");
			}
			var now = clock.now();
			jdbc.sql("UPDATE app_user SET password_hash = :hash, password_changed_at = :now WHERE id = :id")
					.param("hash", encoder.encode(newPassword)).param("now", now).param("id", userId).update();
			int tokens = jdbc.sql("UPDATE api_token SET revoked_at = :now WHERE user_id = :user AND revoked_at IS NULL")
					.param("now", now).param("user", userId).update();
			audit.record(new AuditTrail.Change(null, "user", userId, "PASSWORD_CHANGE",
					"tokens revoked=%d, other sessions ended=%d".formatted(tokens, otherSessions.size())));
		});
		var repository = sessions.getIfAvailable();
		if (repository != null) {
			otherSessions.forEach(repository::deleteById);
		}
	}

	/** The ids of the user's page sessions (none when sessions are not kept in the database). */
	private List<String> sessionsOf(String username) {
		var repository = sessions.getIfAvailable();
		return repository == null ? List.of() : List.copyOf(repository.findByPrincipalName(username).keySet());
	}

	/** A lock on password attempts in force: of this user name from one address. */
	public record Lockout(String clientAddress, OffsetDateTime lockedUntil, boolean permanent) {
	}

	/** The locks in force on the user's password attempts, one per address. */
	public List<Lockout> lockouts(long userId) {
		return throttle.locksOf(get(userId).username()).stream()
				.map(l -> new Lockout(l.clientAddress(), l.lockedUntil(), l.permanent())).toList();
	}

	/**
	 * An administrator's unlock: forgets every failed attempt and lock of the user's name, from
	 * every address (their account itself was never locked). Audited.
	 */
	@Transactional
	public int unlock(long userId) {
		UserAccount user = get(userId);
		int released = throttle.unlockUser(user.username());
		audit.record(new AuditTrail.Change(null, "user", userId, "UNLOCK",
				"username=%s addresses=%d".formatted(user.username(), released)));
		return released;
	}

	/** A lock on password attempts from an address as a whole (any user name). */
	public record AddressLockout(String clientAddress, int failures, OffsetDateTime lockedUntil, boolean permanent) {
	}

	/** The addresses whose password attempts are locked as a whole. */
	public List<AddressLockout> addressLockouts() {
		return throttle.sourceLocks().stream()
				.map(l -> new AddressLockout(l.clientAddress(), l.failures(), l.lockedUntil(), l.permanent())).toList();
	}

	/** A source address to unlock. */
	public record AddressUnlock(@NotBlank @Size(max = 64) String address) {
	}

	/** An administrator's unlock of an address: forgets its failures and locks, for every user name. Audited. */
	@Transactional
	public int unlockAddress(AddressUnlock request) {
		inputs.check(request);
		String address = request.address().strip();
		int released = throttle.unlockAddress(address);
		if (released == 0) {
			throw new NotFoundException("login-source", address);
		}
		audit.record(new AuditTrail.Change(null, "login-source", address, "UNLOCK_SOURCE",
				"address=%s rows=%d".formatted(address, released)));
		return released;
	}

	@Transactional
	public UserAccount setEnabled(long userId, boolean enabled) {
		get(userId);
		jdbc.sql("UPDATE app_user SET enabled = :enabled WHERE id = :id").param("enabled", enabled).param("id", userId)
				.update();
		audit.record(new AuditTrail.Change(null, "user", userId, enabled ? "ENABLE" : "DISABLE", null));
		return get(userId);
	}

	public record NewGrant(@NotNull Role role, Long orgId, Boolean includeDescendants) {
	}

	@Transactional
	public Grant addGrant(long userId, NewGrant request) {
		get(userId);
		inputs.check(request);
		if (request.orgId() == null && request.role() != Role.ADMIN) {
			throw InvalidInputException.of("orgId", "error.field.required");
		}
		if (request.orgId() != null && tree.find(request.orgId()).isEmpty()) {
			throw InvalidInputException.of("orgId", "error.org.unknown", request.orgId());
		}
		boolean descendants = request.includeDescendants() == null || request.includeDescendants();
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO user_grant (user_id, role, org_id, include_descendants, created_at)
				VALUES (:user, :role, :org, :desc, :now)
				""").param("user", userId).param("role", request.role().name()).param("org", request.orgId())
				.param("desc", descendants).param("now", clock.now()).update(keys, "id");
		long id = keys.getKey().longValue();
		audit.record(new AuditTrail.Change(request.orgId(), "grant", id, "GRANT",
				"user=%d role=%s org=%s descendants=%s".formatted(userId, request.role(), request.orgId(), descendants)));
		return jdbc.sql("SELECT * FROM user_grant WHERE id = :id").param("id", id).query(GRANT).single();
	}

	@Transactional
	public void removeGrant(long userId, long grantId) {
		Grant grant = jdbc.sql("SELECT * FROM user_grant WHERE id = :id AND user_id = :user").param("id", grantId)
				.param("user", userId).query(GRANT).optional().orElseThrow(() -> new NotFoundException("grant", grantId));
		jdbc.sql("DELETE FROM user_grant WHERE id = :id").param("id", grantId).update();
		audit.record(new AuditTrail.Change(grant.orgId(), "grant", grantId, "REVOKE",
				"user=%d role=%s org=%s".formatted(userId, grant.role(), grant.orgId())));
	}

	public List<Grant> grants(long userId) {
		return jdbc.sql("SELECT * FROM user_grant WHERE user_id = :user ORDER BY id").param("user", userId).query(GRANT)
				.list();
	}

	/** A token's name, and the days it is valid (90 when not given). */
	public record NewToken(@NotBlank @Size(max = 100) String name, @Min(1) @Max(366) Integer days) {
	}

	/** Creates a personal access token; its secret is shown once, only its SHA-256 is stored. */
	@Transactional
	public ApiToken createToken(long userId, NewToken request) {
		get(userId);
		inputs.check(request);
		String name = request.name().strip();
		int days = request.days() == null ? 90 : request.days();
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String secret = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		var now = clock.now();
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO api_token (user_id, name, token_hash, created_at, expires_at)
				VALUES (:user, :name, :hash, :now, :expires)
				""").param("user", userId).param("name", name).param("hash", zeren.platform.Sha256.hex(secret)).param("now", now)
				.param("expires", now.plus(Duration.ofDays(days))).update(keys, "id");
		long id = keys.getKey().longValue();
		audit.record(new AuditTrail.Change(null, "token", id, "CREATE", "user=%d name=%s".formatted(userId, name)));
		ApiToken stored = jdbc.sql("SELECT * FROM api_token WHERE id = :id").param("id", id).query(TOKEN).single();
		return new ApiToken(stored.id(), stored.userId(), stored.name(), stored.createdAt(), stored.expiresAt(), null,
				null, secret);
	}

	public List<ApiToken> tokens(long userId) {
		return jdbc.sql("SELECT * FROM api_token WHERE user_id = :user ORDER BY id").param("user", userId).query(TOKEN)
				.list();
	}

	@Transactional
	public void revokeToken(long userId, long tokenId) {
		int changed = jdbc.sql("UPDATE api_token SET revoked_at = :now WHERE id = :id AND user_id = :user AND revoked_at IS NULL")
				.param("now", clock.now()).param("id", tokenId).param("user", userId).update();
		if (changed == 0) {
			throw new NotFoundException("token", tokenId);
		}
		audit.record(new AuditTrail.Change(null, "token", tokenId, "REVOKE", "user=" + userId));
	}
}
