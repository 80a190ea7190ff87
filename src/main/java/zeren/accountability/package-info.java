/**
 * 追责: accountability cases (问责) for the situations of a configurable catalogue; dual
 * investigation (一案双查), which proposes the parties from the tenures of the incident period,
 * so that leaders since transferred, promoted or retired are pursued all the same (倒查,
 * 终身问责); the procedure of the 2019 Accountability Regulations as a state machine; the
 * integrity file (廉政档案) of a person — with the assessment grades of the committees where they
 * held posts, the admonishment and reminder talks, the notices naming them and the letters they
 * signed — the suggestions the case history makes (连续发生, 重复发生), and the statistics of a subtree.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accountability (追责)",
		allowedDependencies = { "org", "tracking", "audit", "platform", "oversight", "assessment", "interview",
				"inspection", "duty" })
package zeren.accountability;
