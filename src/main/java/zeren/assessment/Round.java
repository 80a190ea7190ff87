package zeren.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** An assessment round: an assessing organisation assesses its units for a year with one scheme. */
public record Round(long id, long orgId, String orgName, int year, long schemeId, String schemeName, Status status,
		int version, LocalDate sweptOn, OffsetDateTime computedAt, OffsetDateTime concludedAt, Scheme.Party party, List<Unit> units) {

	public enum Status {
		OPEN, CONCLUDED
	}

	/**
	 * A unit's result as last computed: totals of the self column and the team's (the result),
	 * items at 0, the veto, the grade, the rank among the round's units, the sources still missing.
	 * {@code unitId}: the organisation's id, or for a round of persons the post's; {@code orgId}:
	 * the organisation (for a post, its committee); {@code personId}: the holder of the post on the
	 * year end, {@code null} when it was vacant.
	 */
	public record Unit(long orgId, String orgName, BigDecimal selfTotal, BigDecimal total, int zeroItems, boolean veto,
			Grade grade, Integer rank, int missing, OffsetDateTime selfSubmittedAt, long unitId, Long postId, String postTitle,
			Long personId, String personName) {

		/** Whether it is a post (a person assessed) rather than an organisation. */
		public boolean post() {
			return postId != null;
		}

		/** A post without a holder on the year end. */
		public boolean vacant() {
			return postId != null && personId == null;
		}
	}

	/** A line of a unit's sheet: every point, with its indicator, reason, inputs and the record behind it. */
	public record Line(long id, long indicatorId, String indicatorCode, String indicatorTitle, Scoring.Column column,
			BigDecimal points, String reason, String link, String inputs, int version, OffsetDateTime createdAt) {
	}

	/** A unit's sheet: its result, the score of each indicator in both columns, and its lines. */
	public record Sheet(long roundId, int year, long assessingOrgId, String assessingOrgName, Status status, Unit unit,
			List<IndicatorRow> indicators, List<Line> lines) {
	}

	public record IndicatorRow(long indicatorId, Long parentId, String code, String title, Scheme.Rule rule, BigDecimal points,
			BigDecimal self, BigDecimal team, String guidance) {
	}
}
