package zeren.ledger;

import java.util.Comparator;
import java.util.Locale;

import zeren.platform.Paged;
import zeren.tracking.TrackedItem;

/** A task of a published list with its tracked item: what a drill-down of the reconciliation lists. */
public record LedgerTask(long dutyItemId, String itemNo, String category, String leadUnit, String leaderPostTitle,
		TrackedItem item) {

	/** The orders of the drill-down (its 排序 choices); each a fixed comparator, never a column from the request. */
	public enum Sort {
		/** By organisation, as the tree orders them (the order the ledger reads its items in). */
		ORG(null),
		/** The nearest deadline first. */
		DEADLINE(Comparator.comparing((LedgerTask t) -> t.item().deadline()).thenComparing(t -> t.item().id())),
		/** Fewest entries first (the tasks nobody works on at the top). */
		ENTRIES(Comparator.comparingInt((LedgerTask t) -> t.item().entryCount()).thenComparing(t -> t.item().deadline())
				.thenComparing(t -> t.item().id())),
		/** By status: not started, in progress, submitted, closed. */
		STATUS(Comparator.comparing((LedgerTask t) -> t.item().status()).thenComparing(t -> t.item().deadline())
				.thenComparing(t -> t.item().id()));

		final Comparator<LedgerTask> order;

		Sort(Comparator<LedgerTask> order) {
			this.order = order;
		}

		/** The sort named on a page, by organisation when none or unknown. */
		public static Sort of(String name) {
			return Paged.choice(Sort.class, name, ORG);
		}
	}

	/**
	 * What the drill-down is narrowed to: a text in the task, its organisation, lead unit, category
	 * or leader's post; a status's name (unknown or blank: all).
	 */
	public record Filter(String q, String status) {

		boolean passes(LedgerTask t) {
			TrackedItem.Status s = Paged.choice(TrackedItem.Status.class, status, null);
			if (s != null && t.item().status() != s) {
				return false;
			}
			if (q == null || q.isBlank()) {
				return true;
			}
			String text = q.strip().toLowerCase(Locale.ROOT);
			for (String field : new String[] { t.item().title(), t.item().orgName(), t.leadUnit(), t.category(),
					t.leaderPostTitle(), t.itemNo() }) {
				if (field != null && field.toLowerCase(Locale.ROOT).contains(text)) {
					return true;
				}
			}
			return false;
		}
	}
}
