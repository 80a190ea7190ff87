/**
 * 明责: the annual responsibility list of each organisation (责任清单, shown as the task detail
 * table 工作任务明细表), the requirements an upper organisation sets for the levels below ("1+X"),
 * publication, amendments with their history, and each leader's tasks across their posts.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Responsibility lists (明责)",
		allowedDependencies = { "org", "audit", "platform", "oversight" })
package zeren.duty;
