package zeren.tracking;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import zeren.platform.Attention;

/**
 * The attention list's tracked items: those the person's posts answer for that are due soon or
 * overdue (this year's and last year's), grouped by what they are — ledger tasks, answers to
 * queries, rectifications, interview follow-ups, the execution of accountability decisions —
 * and those submitted and waiting for the person's verification.
 */
@Component
class ItemsNeedingAttention implements Attention {

	private static final Map<String, String> GROUPS = Map.of("ledger.task", "home.attention.ledger", "report.query",
			"home.attention.queries", "inspection.rectification", "home.attention.rectifications",
			"interview.requirement", "home.attention.interview-requirements", "accountability.execution",
			"home.attention.case-steps");

	private final TrackedItems items;

	ItemsNeedingAttention(TrackedItems items) {
		this.items = items;
	}

	@Override
	public List<Item> forPerson(long personId, LocalDate today) {
		List<Item> due = new ArrayList<>();
		List<Item> verify = new ArrayList<>();
		Set<Long> seen = new LinkedHashSet<>();
		for (int year : List.of(today.getYear() - 1, today.getYear())) {
			TrackedItems.Mine mine = items.mine(year, 200);
			for (TrackedItem t : mine.held()) {
				boolean pressing = t.warning() == TrackedItem.Warning.RED || t.warning() == TrackedItem.Warning.YELLOW;
				if (pressing && t.status() != TrackedItem.Status.SUBMITTED && seen.add(t.id())) {
					due.add(new Item(GROUPS.getOrDefault(t.kind(), "home.attention.items"), t.title() + " · " + t.orgName(),
							"/tracking/items/" + t.id(), t.warning().name(), t.deadline()));
				}
			}
			for (TrackedItem t : mine.toVerify()) {
				if (seen.add(t.id())) {
					verify.add(new Item("home.attention.verify", t.title() + " · " + t.orgName(), "/tracking/items/" + t.id(),
							null, t.deadline()));
				}
			}
		}
		due.addAll(verify);
		return due;
	}
}
