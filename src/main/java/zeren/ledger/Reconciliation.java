package zeren.ledger;

import java.util.List;

/**
 * 对账: the published tasks of an organisation and its subtree for a year against the ledger,
 * grouped. Each row counts its tasks: without any entry, overdue (red), submitted and waiting
 * for verification, closed. Grouped by organisation, the rows are the organisation's own tasks
 * and one row per direct child for the child's whole subtree (drill-down by level: a province
 * sees its cities, a city its counties).
 */
public record Reconciliation(long orgId, String orgName, int year, GroupBy groupBy, List<Row> rows, Row total) {

	/** What the rows are. */
	public enum GroupBy {
		/** the organisation's own tasks, and each direct child with everything below it */
		ORG,
		/** each responsible leader's post */
		LEADER,
		/** each lead unit (牵头单位) named in the lists */
		UNIT,
		/** each category of the lists */
		CATEGORY
	}

	/** A column to drill into. */
	public enum Column {
		ALL, NO_ENTRY, OVERDUE, SUBMITTED, CLOSED
	}

	/**
	 * {@code key} identifies the group for a drill-down; {@code label} is what to show;
	 * {@code orgId} the direct child whose own reconciliation the row opens (grouped by
	 * organisation; null for the organisation's own row and the other groupings).
	 */
	public record Row(String key, String label, Long orgId, long tasks, long noEntry, long overdue, long submitted,
			long closed) {
	}
}
