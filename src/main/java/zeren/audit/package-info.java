/**
 * The audit trail: every change in every module appends an event, in the same transaction as the
 * change, unsealed; one sealer ({@code AuditSealer}) chains committed events into an
 * append-only SHA-256 hash chain that {@link zeren.audit.AuditTrail#verify()} walks.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit trail",
		allowedDependencies = { "platform" })
package zeren.audit;
