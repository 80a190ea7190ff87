/**
 * 履责: the work ledger (工作台账). Every task of a published responsibility list is a tracked
 * item (kind {@code ledger.task}); progress is recorded as it happens (一事一记) with evidence;
 * the reconciliation (对账) sets the lists against the ledger for an organisation and its
 * subtree; the verifier closes tasks (销号); the ledger is exported to XLSX, streaming.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Work ledger (履责)",
		allowedDependencies = { "duty", "tracking", "org", "platform", "oversight" })
package zeren.ledger;
