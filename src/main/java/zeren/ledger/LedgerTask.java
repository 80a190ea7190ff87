package zeren.ledger;

import zeren.platform.Paged;
import zeren.tracking.TrackedItem;

/** A task of a published list with its tracked item: what a drill-down of the reconciliation lists. */
public record LedgerTask(long dutyItemId, String itemNo, String category, String leadUnit, String leaderPostTitle,
		TrackedItem item) {

	/** The orders of the drill-down (its 排序 choices); each a fixed ORDER BY, never a column from the request. */
	public enum Sort {
		/** By organisation, as the tree orders them. */
		ORG("o.path, t.id"),
		/** The nearest deadline first. */
		DEADLINE("t.deadline, t.id"),
		/** Fewest entries first (the tasks nobody works on at the top). */
		ENTRIES("t.entry_count, t.deadline, t.id"),
		/** By status: not started, in progress, submitted, closed. */
		STATUS("CASE t.status WHEN 'OPEN' THEN 0 WHEN 'IN_PROGRESS' THEN 1 WHEN 'SUBMITTED' THEN 2 ELSE 3 END, t.deadline, t.id");

		final String orderBy;

		Sort(String orderBy) {
			this.orderBy = orderBy;
		}

		/** The sort named on a page, by organisation when none or unknown. */
		public static Sort of(String name) {
			return Paged.choice(Sort.class, name, ORG);
		}
	}

	/**
	 * What the drill-down is narrowed to: a text in the task, its organisation, lead unit, category,
	 * number or leader's post (whatever the case); a status's name (unknown or blank: all).
	 */
	public record Filter(String q, String status) {

		TrackedItem.Status statusValue() {
			return Paged.choice(TrackedItem.Status.class, status, null);
		}

		/** The search text, stripped; empty when none. */
		String text() {
			return q == null ? "" : q.strip();
		}
	}
}
