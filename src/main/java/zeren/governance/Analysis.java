package zeren.governance;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A situation analysis (形势研判) of an organisation's subtree for a period of one year: the facts
 * as computed when it was created or last refreshed, each beside the same period of the previous
 * year (上年同期); the committee's judgement (研判意见); and its measures (措施), each of which can
 * become a tracked item. Adopted (研判会议通过), it is frozen.
 */
public record Analysis(long id, long orgId, String orgName, int year, LocalDate from, LocalDate to, String title,
		Status status, String judgement, List<Fact> facts, OffsetDateTime factsAt, List<Measure> measures,
		LocalDate adoptedOn, String adoptedBy, String createdBy, OffsetDateTime createdAt) {

	/** What can be done to an analysis. */
	public enum Step {
		/** Change the judgement or the measures. */
		EDIT,
		/** Compute the facts again from the records. */
		REFRESH,
		/** 研判会议通过: freeze it. */
		ADOPT,
		/** Make a measure a tracked item (also after adoption: following it up is not changing it). */
		TRACK
	}

	/** Where an analysis stands; the status owns its steps (one table). */
	public enum Status {
		DRAFT, ADOPTED;

		private static final Map<Status, Set<Step>> STEPS = new EnumMap<>(Map.of(
				DRAFT, EnumSet.allOf(Step.class),
				ADOPTED, EnumSet.of(Step.TRACK)));

		public boolean allows(Step step) {
			return STEPS.get(this).contains(step);
		}
	}

	/** The sections of the facts, in the document's order. */
	public enum Section {
		/** Accountability cases registered in the period (one row). */
		CASES,
		/** Cases by triggering situation (问责情形); key: the situation's code. */
		SITUATION,
		/** Cases by the level of their organisation below the analysing one (key 0: itself). */
		LEVEL,
		/** Forms of the decisions in force (问责方式); key: the form. */
		FORM,
		/** Inspection findings of the period (one row), done: rectified. */
		FINDINGS,
		/** Findings by focus item (检查重点); key: its wording ("" for none), done: rectified. */
		FOCUS,
		/** Obligations of the subtree in red warning, by kind (the sweep's snapshot of the year). */
		RED,
		/** Tracked items of the subtree and year: key total, closed, overdue. */
		TRACKED
	}

	/**
	 * One figure: the period's value and the previous year's; {@code done} (and its previous) the
	 * part of it done (findings rectified), or null where nothing is done of it.
	 */
	public record Fact(Section section, String key, String label, long current, long previous, Long currentDone,
			Long previousDone) {

		/** The part done in percent (rounded down), or null. */
		public Integer currentRate() {
			return rate(currentDone, current);
		}

		public Integer previousRate() {
			return rate(previousDone, previous);
		}

		/** The change against the previous year. */
		public long change() {
			return current - previous;
		}

		private static Integer rate(Long done, long of) {
			return done == null || of == 0 ? null : (int) Math.floor(100.0 * done / of);
		}
	}

	/** A measure: what, whose post, by when, and its tracked item once tracked. */
	public record Measure(long id, int no, String text, long ownerPostId, String ownerPostTitle, long ownerOrgId,
			String ownerOrgName, LocalDate deadline, Long trackedItemId) {
	}

	/** The facts of one section, in their order. */
	public List<Fact> facts(Section section) {
		return facts.stream().filter(f -> f.section() == section).toList();
	}

	/** The one figure of a single-row section (CASES, FINDINGS), or of a keyed row; null when absent. */
	public Fact fact(Section section, String key) {
		return facts.stream().filter(f -> f.section() == section && f.key().equals(key)).findFirst().orElse(null);
	}
}
