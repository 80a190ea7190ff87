package zeren.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

import zeren.assessment.Scheme.Indicator;

/**
 * The arithmetic of a unit's score, from its stored lines only (so a concluded round recomputes
 * to the same numbers): the one place where points become totals and grades.
 *
 * <p>Per scored indicator and column (SELF: the unit's self-assessment; TEAM: the assessment
 * team's, which is the result):
 * <ul>
 * <li>AUTO: its points plus the automatic lines plus the column's own lines (a correction with a
 * reason), between 0 and its points;</li>
 * <li>MANUAL: its points plus the column's lines (deductions), between 0 and its points;</li>
 * <li>SOURCE: its points × the latest source score ÷ 100 (the same in both columns); no score yet:
 * 0, and the unit is counted as missing a source;</li>
 * <li>BONUS: the column's additions, between 0 and its points;</li>
 * <li>VETO: vetoed when the column has a line on it.</li>
 * </ul>
 * The total is the sum over the indicators; an item "at 0" is a base indicator (AUTO, MANUAL,
 * SOURCE) with points that scores 0. The grade follows the {@link GradePolicy}.
 */
public final class Scoring {

	public enum Column {
		AUTO, SELF, TEAM, SOURCE
	}

	/** A stored line, as the arithmetic needs it. */
	public record Line(long id, long indicatorId, Column column, BigDecimal points) {
	}

	public record IndicatorScore(long indicatorId, BigDecimal self, BigDecimal team) {
	}

	public record UnitScore(BigDecimal selfTotal, BigDecimal total, int zeroItems, boolean veto, Grade grade, int missing,
			List<IndicatorScore> indicators) {
	}

	/**
	 * The grade thresholds ({@code zeren.assessment.grades.*}): 好 needs {@code good} points and at
	 * most {@code goodZeroItems} items at 0; 较好 {@code fairlyGood} and at most
	 * {@code fairlyGoodZeroItems}; 一般 {@code fair}; else 差. A veto gives 差. Defaults from the
	 * published 党风廉政建设责任制考核 sheets: 90 and none at 0, 80 and at most one, 60.
	 */
	@ConfigurationProperties("zeren.assessment.grades")
	public record GradePolicy(BigDecimal good, Integer goodZeroItems, BigDecimal fairlyGood, Integer fairlyGoodZeroItems,
			BigDecimal fair) {

		public GradePolicy {
			good = good == null ? new BigDecimal(90) : good;
			goodZeroItems = goodZeroItems == null ? 0 : goodZeroItems;
			fairlyGood = fairlyGood == null ? new BigDecimal(80) : fairlyGood;
			fairlyGoodZeroItems = fairlyGoodZeroItems == null ? 1 : fairlyGoodZeroItems;
			fair = fair == null ? new BigDecimal(60) : fair;
			if (good.compareTo(fairlyGood) < 0 || fairlyGood.compareTo(fair) < 0) {
				throw new IllegalArgumentException("zeren.assessment.grades: good ≥ fairly-good ≥ fair");
			}
		}

		public static GradePolicy defaults() {
			return new GradePolicy(null, null, null, null, null);
		}

		public Grade grade(BigDecimal total, int zeroItems, boolean veto) {
			if (veto) {
				return Grade.POOR;
			}
			if (total.compareTo(good) >= 0 && zeroItems <= goodZeroItems) {
				return Grade.GOOD;
			}
			if (total.compareTo(fairlyGood) >= 0 && zeroItems <= fairlyGoodZeroItems) {
				return Grade.FAIRLY_GOOD;
			}
			return total.compareTo(fair) >= 0 ? Grade.FAIR : Grade.POOR;
		}
	}

	private static final BigDecimal HUNDRED = new BigDecimal(100);

	private Scoring() {
	}

	public static UnitScore score(List<Indicator> indicators, Collection<Line> lines, GradePolicy policy) {
		Map<Long, List<Line>> byIndicator = new HashMap<>();
		for (Line l : lines) {
			byIndicator.computeIfAbsent(l.indicatorId(), k -> new ArrayList<>()).add(l);
		}
		BigDecimal selfTotal = BigDecimal.ZERO;
		BigDecimal total = BigDecimal.ZERO;
		int zero = 0;
		int missing = 0;
		boolean veto = false;
		List<IndicatorScore> scores = new ArrayList<>();
		for (Indicator i : indicators) {
			if (!i.scored()) {
				continue;
			}
			List<Line> own = byIndicator.getOrDefault(i.id(), List.of());
			BigDecimal self;
			BigDecimal team;
			switch (i.rule()) {
				case AUTO -> {
					BigDecimal auto = sum(own, Column.AUTO);
					self = clamp(i.points().add(auto).add(sum(own, Column.SELF)), i.points());
					team = clamp(i.points().add(auto).add(sum(own, Column.TEAM)), i.points());
				}
				case MANUAL -> {
					self = clamp(i.points().add(sum(own, Column.SELF)), i.points());
					team = clamp(i.points().add(sum(own, Column.TEAM)), i.points());
				}
				case SOURCE -> {
					Line latest = own.stream().filter(l -> l.column() == Column.SOURCE)
							.max(java.util.Comparator.comparingLong(Line::id)).orElse(null);
					if (latest == null) {
						missing++;
						self = BigDecimal.ZERO.setScale(2);
					}
					else {
						self = clamp(i.points().multiply(latest.points()).divide(HUNDRED, 2, RoundingMode.HALF_UP), i.points());
					}
					team = self;
				}
				case BONUS -> {
					self = clamp(sum(own, Column.SELF), i.points());
					team = clamp(sum(own, Column.TEAM), i.points());
				}
				case VETO -> {
					self = BigDecimal.ZERO.setScale(2);
					team = self;
					veto |= own.stream().anyMatch(l -> l.column() == Column.TEAM);
				}
				default -> throw new IllegalStateException(i.rule().name());
			}
			if (i.base() && i.points().signum() > 0 && team.signum() == 0) {
				zero++;
			}
			selfTotal = selfTotal.add(self);
			total = total.add(team);
			scores.add(new IndicatorScore(i.id(), self, team));
		}
		return new UnitScore(selfTotal.setScale(2), total.setScale(2), zero, veto, policy.grade(total, zero, veto), missing,
				scores);
	}

	private static BigDecimal sum(List<Line> lines, Column column) {
		BigDecimal s = BigDecimal.ZERO;
		for (Line l : lines) {
			if (l.column() == column) {
				s = s.add(l.points());
			}
		}
		return s;
	}

	private static BigDecimal clamp(BigDecimal value, BigDecimal max) {
		return value.signum() < 0 ? BigDecimal.ZERO.setScale(2) : (value.compareTo(max) > 0 ? max : value).setScale(2, RoundingMode.HALF_UP);
	}

	/** Competition ranking (1, 1, 3) of totals, highest first: the rank of each position in {@code totals}. */
	public static int[] ranks(List<BigDecimal> totals) {
		Integer[] order = new Integer[totals.size()];
		for (int i = 0; i < order.length; i++) {
			order[i] = i;
		}
		java.util.Arrays.sort(order, (a, b) -> totals.get(b).compareTo(totals.get(a)));
		int[] ranks = new int[order.length];
		for (int k = 0; k < order.length; k++) {
			boolean tie = k > 0 && totals.get(order[k]).compareTo(totals.get(order[k - 1])) == 0;
			ranks[order[k]] = tie ? ranks[order[k - 1]] : k + 1;
		}
		return ranks;
	}
}
