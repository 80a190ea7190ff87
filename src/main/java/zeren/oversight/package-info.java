/**
 * 督责 oversight: obligations, warnings, the sweep and its snapshot, the dashboard (驾驶舱).
 * Every module contributes its own {@link zeren.oversight.ObligationRule}s (set-based SQL over
 * its own tables); this module evaluates them all the same way, colours them blue, yellow or red,
 * keeps the history of the colours and the rolled-up counts that the dashboards read. It depends
 * on no module that contributes rules: they depend on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Oversight (督责: obligations, warnings, dashboard)",
		allowedDependencies = { "org", "audit", "platform" })
package zeren.oversight;
