package zeren.assessment;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An indicator scheme (考核指标体系) for a year: a tree of indicators with points and a rule
 * each. {@code orgId} is {@code null} for the shipped default scheme. A published scheme is
 * locked; a change is a new version ({@code basedOn} names the one it was copied from).
 */
public record Scheme(long id, Long orgId, int year, Party party, String name, int version, Long basedOn, Status status,
		String sourceNote, OffsetDateTime createdAt, List<Indicator> indicators) {

	/** Who a scheme assesses; a round is for the party kind of its scheme. */
	public enum Party {
		/** a Party committee (党委（党组）): its collective responsibility and its principal's; units are committees */
		COMMITTEE,
		/** the committee's secretary (书记, 第一责任人): units are the SECRETARY posts, the person their holder on the year end */
		SECRETARY,
		/** the committee's other team members (班子成员, 一岗双责): units are the DEPUTY_SECRETARY and MEMBER posts */
		TEAM_MEMBER,
		/** the committee's discipline body (纪委 / 纪检组, 监督责任): units are the bodies linked to the committees */
		DISCIPLINE_BODY;

		/** Whether its units are posts (a person assessed) rather than organisations. */
		public boolean posts() {
			return this == SECRETARY || this == TEAM_MEMBER;
		}

		/** The post kinds assessed, for a party of posts. */
		public java.util.List<String> postKinds() {
			return switch (this) {
				case SECRETARY -> java.util.List.of("SECRETARY");
				case TEAM_MEMBER -> java.util.List.of("DEPUTY_SECRETARY", "MEMBER");
				default -> java.util.List.of();
			};
		}

		/** The party named in a request (its code), or null when the text names none. */
		public static Party parse(String text) {
			for (Party p : values()) {
				if (p.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
					return p;
				}
			}
			return null;
		}
	}

	public enum Status {
		DRAFT, PUBLISHED
	}

	/** How an indicator is scored. */
	public enum Rule {
		/** a heading: its points are the sum of its items' */
		GROUP,
		/** from the results of an oversight obligation kind: per instance overdue, per instance done late */
		AUTO,
		/** by the assessment team (and, in the self column, the unit): deductions with a reason */
		MANUAL,
		/** a score out of 100 from a source (a satisfaction poll, a survey, a third party): points × score ÷ 100 */
		SOURCE,
		/** additions for stated achievements, capped at the indicator's points */
		BONUS,
		/** 一票否决: set with a reason, it makes the grade 差 whatever the total */
		VETO
	}

	/**
	 * One indicator. {@code points}: the most it gives (for BONUS, the most it adds; for VETO, 0).
	 * {@code obligationKind}, {@code perMissed}, {@code perLate}: for AUTO only.
	 */
	public record Indicator(long id, Long parentId, int position, String code, String title, BigDecimal points, Rule rule,
			String obligationKind, BigDecimal perMissed, BigDecimal perLate, String guidance) {

		/** Whether it is scored (not a heading). */
		public boolean scored() {
			return rule != Rule.GROUP;
		}

		/** Whether it adds to the base of 100 (not a bonus, not a veto, not a heading). */
		public boolean base() {
			return rule == Rule.AUTO || rule == Rule.MANUAL || rule == Rule.SOURCE;
		}
	}

	/** The indicators that are scored, in order. */
	public List<Indicator> scored() {
		return indicators.stream().filter(Indicator::scored).toList();
	}
}
