/**
 * 督责: supervision and inspection. Inspections (年度检查, 专项督导, 明察暗访, 巡视巡察) by an
 * inspecting organisation with its team, target organisations and focus items; the findings they
 * record (entered or imported from XLSX); circulated notices (通报) about findings to a scope,
 * with serious criticism (严肃批评) recorded against organisations. A finding has a stable
 * reference so that other modules (accountability) can take it as a case origin.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Supervision and inspection (督责)",
		allowedDependencies = { "org", "tracking", "evidence", "audit", "platform", "oversight", "assessment" })
package zeren.inspection;
