package zeren.tracking;

import java.util.List;
import java.util.Map;

/**
 * The items of a subtree and year that pass a filter (at most the filter's limit), with the
 * counts of all of them by status and by warning.
 */
public record TrackingOverview(long orgId, int year, List<TrackedItem> items, long total,
		Map<TrackedItem.Status, Long> byStatus, Map<TrackedItem.Warning, Long> byWarning) {
}
