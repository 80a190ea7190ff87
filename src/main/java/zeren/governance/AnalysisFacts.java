package zeren.governance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import zeren.accountability.AccountabilityCase.Form;
import zeren.accountability.AccountabilityFigures;
import zeren.governance.Analysis.Fact;
import zeren.governance.Analysis.Section;
import zeren.inspection.FindingFigures;
import zeren.oversight.Oversight;
import zeren.tracking.TrackedItem;
import zeren.tracking.TrackedItems;
import zeren.tracking.TrackingFilter;
import zeren.tracking.TrackingOverview;

/**
 * The facts of an analysis, computed from the other modules' public read methods (never their
 * tables), for the period and for the same period of the previous year (上年同期): cases and
 * findings for those dates; red obligations and tracked items for the whole responsibility year,
 * as the sweep's snapshot and the items' year have them. Everything in the caller's reading scope.
 */
@Component
class AnalysisFacts {

	private final AccountabilityFigures cases;
	private final FindingFigures findings;
	private final Oversight oversight;
	private final TrackedItems items;

	AnalysisFacts(AccountabilityFigures cases, FindingFigures findings, Oversight oversight, TrackedItems items) {
		this.cases = cases;
		this.findings = findings;
		this.oversight = oversight;
		this.items = items;
	}

	/** A value and the part of it done (-1: nothing is done of it). */
	private record Value(String label, long value, long done) {
	}

	List<Fact> compute(long orgId, LocalDate from, LocalDate to) {
		LocalDate lastFrom = from.minusYears(1);
		LocalDate lastTo = to.minusYears(1);
		List<Fact> facts = new ArrayList<>();

		AccountabilityFigures.Figures now = cases.of(orgId, from, to);
		AccountabilityFigures.Figures before = cases.of(orgId, lastFrom, lastTo);
		merge(facts, Section.CASES, Map.of("cases", plain(now.cases())), Map.of("cases", plain(before.cases())));
		merge(facts, Section.SITUATION, situations(now), situations(before));
		merge(facts, Section.LEVEL, levels(now), levels(before));
		merge(facts, Section.FORM, forms(now), forms(before));

		FindingFigures.Figures found = findings.of(orgId, from, to);
		FindingFigures.Figures foundBefore = findings.of(orgId, lastFrom, lastTo);
		merge(facts, Section.FINDINGS, Map.of("findings", new Value(null, found.findings(), found.rectified())),
				Map.of("findings", new Value(null, foundBefore.findings(), foundBefore.rectified())));
		merge(facts, Section.FOCUS, focus(found), focus(foundBefore));

		int year = from.getYear();
		merge(facts, Section.RED, red(orgId, year), red(orgId, year - 1));
		merge(facts, Section.TRACKED, tracked(orgId, year), tracked(orgId, year - 1));
		return facts;
	}

	private static Value plain(long value) {
		return new Value(null, value, -1);
	}

	private static Map<String, Value> situations(AccountabilityFigures.Figures f) {
		Map<String, Value> m = new LinkedHashMap<>();
		f.bySituation().forEach(s -> m.put(s.code(), new Value(s.name(), s.cases(), -1)));
		return m;
	}

	private static Map<String, Value> levels(AccountabilityFigures.Figures f) {
		Map<String, Value> m = new LinkedHashMap<>();
		f.byLevel().forEach((level, n) -> m.put(String.valueOf(level), plain(n)));
		return m;
	}

	private static Map<String, Value> forms(AccountabilityFigures.Figures f) {
		Map<String, Value> m = new LinkedHashMap<>();
		for (Form form : Form.values()) {
			if (f.byForm().containsKey(form)) {
				m.put(form.name(), plain(f.byForm().get(form)));
			}
		}
		return m;
	}

	private static Map<String, Value> focus(FindingFigures.Figures f) {
		Map<String, Value> m = new LinkedHashMap<>();
		f.byFocus().forEach(c -> m.put(c.focusItem() == null ? "" : c.focusItem(),
				new Value(c.focusItem(), c.findings(), c.rectified())));
		return m;
	}

	/** The kinds with instances in the year, each with its red ones (the last sweep's snapshot). */
	private Map<String, Value> red(long orgId, int year) {
		Map<String, Value> m = new LinkedHashMap<>();
		oversight.dashboard(orgId, year).subtree().byKind().forEach((kind, counts) -> {
			if (counts.total() > 0) {
				m.put(kind, plain(counts.red()));
			}
		});
		return m;
	}

	private Map<String, Value> tracked(long orgId, int year) {
		TrackingOverview o = items.inSubtree(orgId, year, new TrackingFilter(null, null, null, 0));
		Map<String, Value> m = new LinkedHashMap<>();
		m.put("total", plain(o.total()));
		m.put("closed", plain(o.byStatus().getOrDefault(TrackedItem.Status.CLOSED, 0L)));
		m.put("overdue", plain(o.byWarning().getOrDefault(TrackedItem.Warning.RED, 0L)));
		return m;
	}

	/** The rows of a section: the period's keys in their order, then those of the previous year only. */
	private static void merge(List<Fact> facts, Section section, Map<String, Value> now, Map<String, Value> before) {
		Set<String> keys = new LinkedHashSet<>(now.keySet());
		keys.addAll(before.keySet());
		for (String key : keys) {
			Value n = now.get(key);
			Value b = before.get(key);
			Value any = n != null ? n : b;
			boolean withDone = any.done() >= 0;
			facts.add(new Fact(section, key, any.label(), n == null ? 0 : n.value(), b == null ? 0 : b.value(),
					withDone ? (n == null ? 0L : n.done()) : null, withDone ? (b == null ? 0L : b.done()) : null));
		}
	}
}
