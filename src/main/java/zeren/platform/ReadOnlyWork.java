package zeren.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a web handler (a controller method) whose whole request only reads and may read a
 * moment behind: dashboards, overviews, statistics, exports, the audit viewer. While it runs,
 * the connections it takes come from the read data source ({@code ZEREN_DB_READ_URL}, a
 * PostgreSQL streaming replica) when one is configured, else from the primary as always. This is
 * the one mechanism that sends work to a replica (see {@link ReadRouting}); nothing else does,
 * so a page that writes, or that must see what the same user has just written, keeps the
 * primary. A handler so marked that writes fails loudly on a replica ("cannot execute … in a
 * read-only transaction"), never silently. Security checks, the session and the token's
 * last-use run outside the handler and stay on the primary.
 *
 * <pre>{@code
 * @GetMapping("/api/v1/accountability/statistics")
 * @ReadOnlyWork
 * Statistics statistics(...) { ... }
 * }</pre>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ReadOnlyWork {
}
