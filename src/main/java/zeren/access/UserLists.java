package zeren.access;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zeren.access.internal.LoginThrottle;
import zeren.platform.BusinessClock;
import zeren.platform.Paged;

/**
 * The lists an administrator reads of the accounts: the users searched (user name, e-mail),
 * filtered (enabled, disabled, locked), sorted and paged in the database, the same rows for the
 * XLSX export, and the locks in force on user names. Who may read them is the pages' check (an
 * administrator), as for {@link Users#list}.
 */
@Service
@Transactional(readOnly = true)
public class UserLists {

	/** The orders of the users list (the page's 排序 choices). */
	public enum UserSort {
		USERNAME("u.username_key, u.id"), RECENT("u.id DESC");

		private final String orderBy;

		UserSort(String orderBy) {
			this.orderBy = orderBy;
		}

		/** The sort named on a page, by user name when none or unknown. */
		public static UserSort of(String name) {
			return Paged.choice(UserSort.class, name, USERNAME);
		}
	}

	/** The states a user list can be narrowed to. */
	public enum UserState {
		ENABLED, DISABLED, LOCKED;

		/** The state named on a page, null (all) when none or unknown. */
		public static UserState of(String name) {
			return Paged.choice(UserState.class, name, null);
		}
	}

	/** What the users list is narrowed to: a text in the user name or e-mail, a state (its name; blank: all). */
	public record UserFilter(String q, String state) {
	}

	private final JdbcClient jdbc;
	private final BusinessClock clock;
	private final LoginThrottle throttle;

	UserLists(JdbcClient jdbc, BusinessClock clock, LoginThrottle throttle) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.throttle = throttle;
	}

	/** One page of the users that pass the filter. */
	public Paged<UserAccount> page(UserFilter filter, UserSort sort, int page, int size) {
		Query query = new Query(filter);
		long total = query.bind(jdbc.sql("SELECT COUNT(*) FROM app_user u" + query.where)).query(Long.class).single();
		List<UserAccount> rows = query.bind(jdbc.sql(Users.SELECT_USER_FROM + query.where + " ORDER BY "
				+ (sort == null ? UserSort.USERNAME : sort).orderBy + " OFFSET :offset ROWS FETCH FIRST :size ROWS ONLY"))
				.param("offset", Paged.offset(page, size)).param("size", size).query(Users.USER).list();
		return new Paged<>(rows, page, size, total);
	}

	/** Every user that passes the filter, in that order (the export of the list). */
	public List<UserAccount> all(UserFilter filter, UserSort sort) {
		Query query = new Query(filter);
		return query.bind(jdbc.sql(Users.SELECT_USER_FROM + query.where + " ORDER BY "
				+ (sort == null ? UserSort.USERNAME : sort).orderBy)).query(Users.USER).list();
	}

	/** The condition of a filter and its parameters. */
	private final class Query {

		final String where;
		final String pattern;
		final OffsetDateTime now = clock.now();

		Query(UserFilter filter) {
			String text = filter == null || filter.q() == null ? "" : filter.q().strip();
			UserState state = filter == null ? null : UserState.of(filter.state());
			pattern = text.isEmpty() ? null : Paged.containing(text.toLowerCase(java.util.Locale.ROOT));
			String locked = "EXISTS (SELECT 1 FROM login_throttle t WHERE t.username = u.username_key"
					+ " AND (t.permanent = TRUE OR t.locked_until > :now))";
			String condition = (pattern == null ? "TRUE"
					: "(u.username_key LIKE :pattern ESCAPE '\\' OR LOWER(u.email) LIKE :pattern ESCAPE '\\')")
					+ (state == null ? "" : switch (state) {
						case ENABLED -> " AND u.enabled = TRUE";
						case DISABLED -> " AND u.enabled = FALSE";
						case LOCKED -> " AND " + locked;
					});
			where = " WHERE " + condition;
		}

		JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
			spec.param("now", now);
			if (pattern != null) {
				spec.param("pattern", pattern);
			}
			return spec;
		}
	}

	/** A lock in force on a user name's password attempts from one address. */
	public record UserLock(String username, String clientAddress, int failures, OffsetDateTime lockedUntil,
			boolean permanent) {
	}

	/** Every lock in force on a user name, by user name. */
	public List<UserLock> userLocks() {
		return throttle.userLocks().stream()
				.map(l -> new UserLock(l.username(), l.clientAddress(), l.failures(), l.lockedUntil(), l.permanent()))
				.toList();
	}
}
