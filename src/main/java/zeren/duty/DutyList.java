package zeren.duty;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The responsibility list of one organisation for one year, with its items in table order. */
public record DutyList(long id, long orgId, String orgName, int year, Status status, int version,
		OffsetDateTime publishedAt, List<Item> items) {

	/** Where a list stands, with the steps it allows ({@link #allows}). */
	public enum Status {
		/** Being written: items are added, edited and removed freely. */
		DRAFT(Step.CHANGE, Step.PUBLISH),
		/** Locked: each later change is an amendment with a reason and a new version. */
		PUBLISHED(Step.AMEND);

		private final Set<Step> allowed;

		Status(Step first, Step... rest) {
			this.allowed = EnumSet.of(first, rest);
		}

		public boolean allows(Step step) {
			return allowed.contains(step);
		}
	}

	/** What can be done to a list. */
	public enum Step {
		/** Change items without a reason, no version kept. */
		CHANGE,
		/** Change items with a reason: a new version in the history. */
		AMEND,
		/** Lock the list as version 1. */
		PUBLISH
	}

	/** A planned step towards the deadline. */
	public record Milestone(LocalDate dueDate, String description) {
	}

	/** A unit (牵头单位, 参与单位, 监督单位) chosen from the tree: the organisation and its name. */
	public record Unit(long id, String name) {
	}

	/**
	 * One row of the task detail table. {@code inherited}: it comes from a requirement of
	 * {@code inheritedFromOrgId}; its category, task, goal and deadline are that level's.
	 * {@code leaders}: who holds the responsible leader's post today. The units are organisations
	 * of the tree ({@code leadOrg}, {@code participatingOrgs}, {@code supervisingOrg}); the texts
	 * ({@code leadUnit}, …) name a unit that is not in the tree.
	 */
	public record Item(long id, String itemNo, int sortOrder, String category, String task, String goal,
			Long leaderPostId, String leaderPostTitle, List<String> leaders, String leadUnit,
			String participatingUnits, String supervisingUnit, LocalDate deadline, List<Milestone> milestones,
			boolean inherited, Long requirementId, Long inheritedFromOrgId, Unit leadOrg, List<Unit> participatingOrgs,
			Unit supervisingOrg) {

		/** The lead unit as shown: the organisation chosen, else the text. */
		public String leadShown() {
			return shown(leadOrg, leadUnit);
		}

		/** The supervising unit as shown: the organisation chosen, else the text. */
		public String supervisingShown() {
			return shown(supervisingOrg, supervisingUnit);
		}

		/** The participating units as shown: the organisations chosen, then the text. */
		public String participatingShown() {
			List<String> names = new java.util.ArrayList<>();
			(participatingOrgs == null ? List.<Unit>of() : participatingOrgs).forEach(u -> names.add(u.name()));
			if (participatingUnits != null && !participatingUnits.isBlank()) {
				names.add(participatingUnits);
			}
			return names.isEmpty() ? null : String.join("、", names);
		}

		private static String shown(Unit unit, String text) {
			return unit != null ? unit.name() : text;
		}
	}

	/** One entry of the history: the publication (version 1) or an amendment. */
	public record Version(int version, String action, String reason, String username, OffsetDateTime createdAt) {
	}
}
