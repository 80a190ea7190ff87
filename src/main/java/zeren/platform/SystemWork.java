package zeren.platform;

import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work that Zeren does by itself, without a user: the national loader, the first administrator,
 * scheduled jobs. Only inside {@link #run} does such work see every organisation, and everything
 * it changes is audited under the named system actor ({@code system:<name>}). Work without a user
 * that does not ask — a forgotten listener, an {@code @Async} method, a job that skips this —
 * sees nothing: the scope of a call without a user and without system work is empty.
 *
 * <pre>{@code
 * SystemWork.run("reminders", reminders::runToday);
 * }</pre>
 *
 * The mark is held by the current thread only: a thread started from inside system work does not
 * inherit it.
 */
public final class SystemWork {

	private static final Logger log = LoggerFactory.getLogger(SystemWork.class);

	private static final ThreadLocal<String> ACTOR = new ThreadLocal<>();

	private SystemWork() {
	}

	/** Runs {@code work} as the system actor {@code system:<name>}; nested calls keep the outer actor. */
	public static <T> T call(String name, Supplier<T> work) {
		if (name == null || !name.matches("[a-z][a-z0-9-]{1,48}")) {
			throw new IllegalArgumentException("a system work name is lower-case words joined by hyphens");
		}
		if (ACTOR.get() != null) {
			return work.get();
		}
		ACTOR.set("system:" + name);
		log.debug("system work {} started", name);
		try {
			return work.get();
		}
		finally {
			ACTOR.remove();
			log.debug("system work {} ended", name);
		}
	}

	public static void run(String name, Runnable work) {
		call(name, () -> {
			work.run();
			return null;
		});
	}

	/** The system actor of the work running on this thread, if any. */
	public static Optional<String> actor() {
		return Optional.ofNullable(ACTOR.get());
	}

	public static boolean active() {
		return ACTOR.get() != null;
	}
}
