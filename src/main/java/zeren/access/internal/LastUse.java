package zeren.access.internal;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When a "last used" time was last written, per key, in this node's memory: {@link #due} answers
 * true for the first use of a key and then once per {@code every}, so a time that would be
 * written on every request is written at most once per period. Entries older than the period
 * are dropped when the map grows, so it holds only the keys used recently.
 */
final class LastUse {

	private static final int PRUNE_ABOVE = 10_000;

	private final Duration every;
	private final Map<Long, OffsetDateTime> written = new ConcurrentHashMap<>();

	LastUse(Duration every) {
		this.every = every;
	}

	/** Whether the use of {@code key} at {@code now} is to be written; if so, it counts as written. */
	boolean due(long key, OffsetDateTime now) {
		boolean[] due = { false };
		written.compute(key, (k, last) -> {
			if (last == null || !now.isBefore(last.plus(every)) || now.isBefore(last)) {
				due[0] = true;
				return now;
			}
			return last;
		});
		if (due[0] && written.size() > PRUNE_ABOVE) {
			OffsetDateTime stale = now.minus(every);
			written.values().removeIf(t -> t.isBefore(stale));
		}
		return due[0];
	}
}
