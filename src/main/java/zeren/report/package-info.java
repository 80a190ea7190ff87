/**
 * 履责: annual reports (年度报告) and queries (质询). Each Party committee reports in writing on
 * its principal responsibility in a year, and its principal on the first-responsible-person duty,
 * to the upper committee and discipline commission; a submitted report is locked with the SHA-256
 * of its canonical content; the upper level accepts it or queries it with questions, each a
 * tracked item answered by the reporting organisation, round after round until accepted.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Annual reports and queries (年度报告, 质询)",
		allowedDependencies = { "duty", "interview", "tracking", "evidence", "org", "audit", "platform", "oversight" })
package zeren.report;
