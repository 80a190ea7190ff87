package zeren.audit;

import java.time.Instant;

/**
 * One recorded change. {@code hash} covers every other field but {@code seq} and the previous
 * event's hash; {@code seq} is the event's position in the chain. An event not yet sealed
 * (see {@link AuditSealer}) has no {@code seq}, {@code prevHash} or {@code hash}.
 */
public record AuditEvent(long id, Instant occurredAt, String username, Long orgId, String entityType,
		String entityId, String action, String summary, String clientAddress, String prevHash, String hash, Long seq) {

	AuditEvent chained(long position, String previous) {
		AuditEvent linked = new AuditEvent(id, occurredAt, username, orgId, entityType, entityId, action, summary,
				clientAddress, previous, null, position);
		return new AuditEvent(id, occurredAt, username, orgId, entityType, entityId, action, summary, clientAddress,
				previous, AuditTrail.hash(linked), position);
	}
}
