package zeren.governance;

import java.time.LocalDate;
import java.util.List;

import zeren.accountability.AccountabilityCase;

/**
 * A committee's anti-corruption coordination group (反腐败工作协调领导小组): its members — people
 * by post (组长, 副组长, 成员, with today's holder) and member units of the tree (成员单位) — each with
 * its duties, its rules of work, and the register of major cases it coordinates.
 */
public record CoordinationGroup(long id, long orgId, String orgName, String name, String rules, List<Member> members,
		List<GroupCase> cases) {

	public enum Role {
		/** 组长 */
		LEADER,
		/** 副组长 */
		DEPUTY,
		/** 成员 */
		MEMBER,
		/** 成员单位 */
		UNIT;

		private static final java.util.Map<String, Role> CHINESE = java.util.Map.of("组长", LEADER, "副组长", DEPUTY, "成员",
				MEMBER, "成员单位", UNIT);

		public boolean byPost() {
			return this != UNIT;
		}

		/** By code name (any case) or Chinese name; empty for anything else. */
		public static java.util.Optional<Role> parse(String text) {
			if (text == null) {
				return java.util.Optional.empty();
			}
			String t = text.strip();
			for (Role r : values()) {
				if (r.name().equalsIgnoreCase(t)) {
					return java.util.Optional.of(r);
				}
			}
			return java.util.Optional.ofNullable(CHINESE.get(t));
		}
	}

	/** A member: a unit ({@code memberOrgId}) or a post ({@code postId}, with its holder today, if any). */
	public record Member(long id, Role role, Long memberOrgId, String memberOrgName, Long postId, String postTitle,
			String postOrgName, String holderName, String duties) {
	}

	/** A case in the register, with what the group decided on coordinating it. */
	public record GroupCase(long caseId, long caseOrgId, String caseOrgName, String title,
			AccountabilityCase.Status status, LocalDate registeredOn, LocalDate addedOn, String note) {
	}
}
