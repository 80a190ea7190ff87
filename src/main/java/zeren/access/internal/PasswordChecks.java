package zeren.access.internal;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A bounded number of password checks at a time. A bcrypt check costs tens of milliseconds of
 * CPU by design, so a flood of HTTP Basic requests (each one a check) could otherwise take every
 * core and every request thread, and starve the users of tokens and page sessions, who need none.
 *
 * <p>Each lane — the API's HTTP Basic, the pages' login and password change — runs at most
 * {@code concurrency} checks at once and lets at most {@code queue} more wait, each for at most
 * {@code maxWait}; any further attempt is refused at once with {@link PasswordChecksBusy} (429 with
 * {@code Retry-After}, or the login page's "busy" notice), without touching the database. So a
 * flood holds at most {@code concurrency + queue} request threads per lane, and the lanes do not
 * take each other's places: a Basic flood cannot keep people from signing in on the pages.
 */
@Component
public class PasswordChecks {

	/** Where a password check comes from. */
	public enum Lane {
		/** HTTP Basic on the API. */
		API,
		/** The pages: form login and the password change. */
		PAGE
	}

	private final int concurrency;
	private final int queue;
	private final Duration maxWait;
	private final Semaphore[] permits;
	private final AtomicInteger[] waiting;
	private final AtomicLong performed = new AtomicLong();
	private final AtomicLong refused = new AtomicLong();

	PasswordChecks(@Value("${zeren.security.password-checks.concurrency:0}") int concurrency,
			@Value("${zeren.security.password-checks.queue:-1}") int queue,
			@Value("${zeren.security.password-checks.max-wait:1s}") Duration maxWait) {
		this.concurrency = concurrency > 0 ? concurrency : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
		this.queue = queue >= 0 ? queue : 16 * this.concurrency;
		this.maxWait = maxWait;
		this.permits = new Semaphore[Lane.values().length];
		this.waiting = new AtomicInteger[Lane.values().length];
		for (Lane lane : Lane.values()) {
			permits[lane.ordinal()] = new Semaphore(this.concurrency, true);
			waiting[lane.ordinal()] = new AtomicInteger();
		}
	}

	/**
	 * Runs {@code check} (a password attempt: its throttle and its hash comparison) in one of the
	 * lane's places, waiting for one if needed and allowed.
	 *
	 * @throws PasswordChecksBusy when the lane and its queue are full or the wait is over
	 */
	public <T> T run(Lane lane, Supplier<T> check) {
		Semaphore lanePermits = permits[lane.ordinal()];
		if (!lanePermits.tryAcquire()) {
			AtomicInteger laneWaiting = waiting[lane.ordinal()];
			if (laneWaiting.incrementAndGet() > queue) {
				laneWaiting.decrementAndGet();
				refused.incrementAndGet();
				throw new PasswordChecksBusy();
			}
			try {
				if (!lanePermits.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
					refused.incrementAndGet();
					throw new PasswordChecksBusy();
				}
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new PasswordChecksBusy();
			}
			finally {
				laneWaiting.decrementAndGet();
			}
		}
		try {
			performed.incrementAndGet();
			return check.get();
		}
		finally {
			lanePermits.release();
		}
	}

	/** Checks at once per lane. */
	public int concurrency() {
		return concurrency;
	}

	/** Attempts that may wait per lane. */
	public int queue() {
		return queue;
	}

	/** Attempts waiting for a place in the lane now. */
	public int waiting(Lane lane) {
		return waiting[lane.ordinal()].get();
	}

	/** Attempts run so far (for monitoring and tests). */
	public long performed() {
		return performed.get();
	}

	/** Attempts refused as busy so far. */
	public long refused() {
		return refused.get();
	}
}
