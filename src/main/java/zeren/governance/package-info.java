/**
 * The Party committee's own work (党委主体责任的自身工作): its meetings on Party conduct and clean
 * government (党委会/常委会专题研究, 听取纪委工作汇报, 班子成员听取分管领域汇报, the coordination
 * group's meetings) with attendance resolved through tenures and decisions followed as tracked
 * items; the situation analysis (形势研判) of a subtree pre-filled from Zeren's records; the
 * anti-corruption coordination group (反腐败工作协调领导小组) with its member units, duties and
 * register of major cases; and the secretary's personal follow-up (批示 / 督办) of matters to
 * closure. Its obligations (how often the committee must meet on the subject) are oversight rules.
 */
@org.springframework.modulith.ApplicationModule(displayName = "The committee's own work (党委自身工作)",
		allowedDependencies = { "org", "tracking", "oversight", "evidence", "audit", "platform", "accountability",
				"inspection" })
package zeren.governance;
