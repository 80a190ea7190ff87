package zeren.audit;

import java.time.Instant;

/** One recorded change. {@code hash} covers every other field and the previous event's hash. */
public record AuditEvent(long id, Instant occurredAt, String username, Long orgId, String entityType,
		String entityId, String action, String summary, String clientAddress, String prevHash, String hash) {
}
