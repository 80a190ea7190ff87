package zeren.access.internal;

import java.time.OffsetDateTime;

/**
 * The password attempts counted against one key — a user name from one address, or an address
 * over all user names — and its lock: a pure value, each step a new one (the rows of
 * {@code login_throttle} and {@code login_source} store it).
 *
 * <p>An attempt is counted as a failure <em>before</em> its password is checked
 * ({@link #admitted()}), under a lock on the row, so that concurrent attempts can never check
 * more passwords than {@code limit}; a success gives the count back ({@link #succeeded}).
 *
 * @param failures attempts counted in the current window
 * @param lockouts locks so far; the next one lasts longer
 * @param permanent locked until an administrator unlocks
 * @param refused attempts refused during the current lock
 */
record Attempts(int failures, OffsetDateTime windowStartedAt, int lockouts, OffsetDateTime lockedUntil,
		boolean permanent, int refused, OffsetDateTime lastFailureAt) {

	static final Attempts NONE = new Attempts(0, null, 0, null, false, 0, null);

	boolean locked(OffsetDateTime now) {
		return permanent || (lockedUntil != null && lockedUntil.isAfter(now));
	}

	/**
	 * This key as of {@code now}: after a lock has ended or the window has passed, counting starts
	 * again; after a quiet {@code failureReset}, so do the locks.
	 */
	Attempts at(OffsetDateTime now, LockoutPolicy policy) {
		if (locked(now)) {
			return this;
		}
		int locks = lastFailureAt != null && !lastFailureAt.isAfter(now.minus(policy.failureReset())) ? 0 : lockouts;
		boolean windowOver = windowStartedAt == null || !windowStartedAt.isAfter(now.minus(policy.window()));
		if (lockedUntil != null || windowOver) {
			return new Attempts(0, now, locks, null, false, 0, lastFailureAt);
		}
		return new Attempts(failures, windowStartedAt, locks, null, false, refused, lastFailureAt);
	}

	/** Whether one more password may be checked (on a value from {@link #at}). */
	boolean admits(OffsetDateTime now, int limit) {
		return !locked(now) && failures < limit;
	}

	/** One more attempt, counted as a failure until its check proves otherwise. */
	Attempts admitted() {
		return new Attempts(failures + 1, windowStartedAt, lockouts, lockedUntil, permanent, refused, lastFailureAt);
	}

	/** One more attempt refused without checking its password. */
	Attempts refusedOnce() {
		return new Attempts(failures, windowStartedAt, lockouts, lockedUntil, permanent, refused + 1, lastFailureAt);
	}

	/**
	 * The checked password was wrong: when the count has reached {@code limit}, the key is locked —
	 * for longer each time, for good at the policy's last lock.
	 */
	Attempts failed(OffsetDateTime now, int limit, LockoutPolicy policy) {
		if (failures >= limit && lockedUntil == null && !permanent) {
			int n = lockouts + 1;
			if (policy.permanent(n)) {
				return new Attempts(failures, windowStartedAt, n, null, true, 0, now);
			}
			return new Attempts(failures, windowStartedAt, n, now.plus(policy.lockDuration(n)), false, 0, now);
		}
		return new Attempts(failures, windowStartedAt, lockouts, lockedUntil, permanent, refused, now);
	}

	/** Whether {@link #failed} locked this key (comparing with the value before it). */
	boolean newlyLocked(Attempts before) {
		return lockouts > before.lockouts;
	}

	/** The checked password was right: this attempt was not a failure. */
	Attempts succeeded() {
		return new Attempts(Math.max(0, failures - 1), windowStartedAt, lockouts, lockedUntil, permanent, refused,
				lastFailureAt);
	}
}
