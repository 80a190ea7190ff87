/**
 * 履责: tiered interviews (逐级约谈). Interview records (date, kind, the interviewer and the
 * interviewees in their posts at that date, content, requirements raised) and the yearly
 * coverage of the named rules ({@link zeren.interview.CoverageRules}): which pairs of posts
 * had to meet in a year and which did, computed set-based over an organisation's subtree.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tiered interviews (约谈)",
		allowedDependencies = { "org", "tracking", "evidence", "audit", "platform", "oversight" })
package zeren.interview;
