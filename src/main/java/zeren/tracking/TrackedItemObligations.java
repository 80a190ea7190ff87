package zeren.tracking;

import java.util.List;
import java.util.Map;

import zeren.oversight.ObligationRule;

/**
 * The obligation that every tracked item of some kinds is closed by its deadline: one instance
 * per item (subject = the item's id), owed by the item's organisation, the responsible post its
 * owner, done on the day it was closed. Modules whose records are tracked items declare theirs
 * with {@link #rule} (ledger tasks, rectifications, interview follow-ups, query answers, case
 * execution), so the one mechanism of tracked items is also the one obligation of them. Their reminders
 * are the tracked items' own ({@code remindedElsewhere}).
 */
public final class TrackedItemObligations {

	private TrackedItemObligations() {
	}

	/** The rule of kind {@code kind} over the tracked items of {@code itemKinds} of the responsibility year. */
	public static ObligationRule rule(String kind, int order, List<String> itemKinds) {
		List<String> kinds = List.copyOf(itemKinds);
		return ObligationRule.of(kind, order, year -> new ObligationRule.Query("""
				SELECT t.org_id, t.id AS subject, t.deadline AS due_date,
				       CASE WHEN t.status = 'CLOSED' THEN CAST(t.closed_at AS DATE) END AS done_on,
				       CAST(NULL AS VARCHAR(16)) AS flag, t.owner_post_id AS post_id,
				       '/tracking/items/' || CAST(t.id AS VARCHAR(20)) AS link
				FROM tracked_item t JOIN org o ON o.id = t.org_id
				WHERE o.path >= :subtreeFrom AND o.path < :subtreeTo AND t.item_year = :trackingYear AND t.kind IN (:trackingKinds)
				""", Map.of("trackingYear", year, "trackingKinds", kinds)), true);
	}
}
