package zeren.ledger;

import java.util.List;

/**
 * 对账: the published tasks of an organisation and its subtree for a year against the ledger,
 * grouped. Each row counts its tasks: without any entry, overdue (red), submitted and waiting
 * for verification, closed.
 */
public record Reconciliation(long orgId, String orgName, int year, GroupBy groupBy, List<Row> rows, Row total) {

	/** What the rows are. */
	public enum GroupBy {
		/** each organisation of the subtree */
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

	/** {@code key} identifies the group for a drill-down; {@code label} is what to show. */
	public record Row(String key, String label, long tasks, long noEntry, long overdue, long submitted, long closed) {
	}
}
