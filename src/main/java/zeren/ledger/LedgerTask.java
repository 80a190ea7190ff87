package zeren.ledger;

import zeren.tracking.TrackedItem;

/** A task of a published list with its tracked item: what a drill-down of the reconciliation lists. */
public record LedgerTask(long dutyItemId, String itemNo, String category, String leadUnit, String leaderPostTitle,
		TrackedItem item) {
}
