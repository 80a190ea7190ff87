/**
 * 追责: accountability cases (问责) for the situations of a configurable catalogue; dual
 * investigation (一案双查), which proposes the parties from the tenures of the incident period,
 * so that leaders since transferred, promoted or retired are pursued all the same (倒查,
 * 终身问责); the procedure of the 2019 Accountability Regulations as a state machine; the
 * integrity file (廉政档案) of a person — with the assessment grades of the committees where they
 * held posts — and the statistics of a subtree.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accountability (追责)",
		allowedDependencies = { "org", "tracking", "audit", "platform", "oversight", "assessment" })
package zeren.accountability;
