package zeren.inspection;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An inspection by {@code orgId} (the inspecting organisation) of its targets over a period,
 * with its team as it stood on the start date and its focus items, numbered from 1.
 */
public record Inspection(long id, long orgId, String orgName, Kind kind, String title, LocalDate startDate,
		LocalDate endDate, List<TeamMember> team, List<Target> targets, List<String> focusItems,
		OffsetDateTime createdAt) {

	public enum Kind {
		/** 年度检查: every year, led by a member of the leadership team, of the levels below. */
		ANNUAL_CHECK("年度检查"),
		/** 专项督导 */
		SPECIAL_SUPERVISION("专项督导"),
		/** 明察暗访 */
		UNANNOUNCED_VISIT("明察暗访"),
		/** 巡视/巡察: its findings are entered or imported. */
		TOUR("巡视巡察");

		private final String chineseName;

		Kind(String chineseName) {
			this.chineseName = chineseName;
		}

		public String chineseName() {
			return chineseName;
		}

		/** An annual check is led by a member of the inspecting organisation's own leadership team. */
		public boolean needsTeamLeader() {
			return this == ANNUAL_CHECK;
		}
	}

	/** A post of the team and who held it on the start date ({@code personName} empty when vacant). */
	public record TeamMember(long postId, String postTitle, long postOrgId, Long personId, String personName,
			boolean leader) {
	}

	/** A target rule: one organisation, or it and everything below it ({@code includeSubtree}). */
	public record Target(long orgId, String orgName, boolean includeSubtree) {
	}
}
