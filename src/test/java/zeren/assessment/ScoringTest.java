package zeren.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import zeren.assessment.Scheme.Indicator;
import zeren.assessment.Scheme.Rule;
import zeren.assessment.Scoring.Column;

/** The arithmetic: caps and floors of each rule kind, the grade conditions beyond the total, the veto, ranking, the poll. */
class ScoringTest {

	static Indicator indicator(long id, Rule rule, int points) {
		return new Indicator(id, null, (int) id, String.valueOf(id), "指标" + id, new BigDecimal(points), rule, null, null, null, null);
	}

	/** 1 AUTO 40, 2 MANUAL 30, 3 SOURCE 30 (base 100), 4 BONUS 5, 5 VETO. */
	static final List<Indicator> SCHEME = List.of(indicator(1, Rule.AUTO, 40), indicator(2, Rule.MANUAL, 30),
			indicator(3, Rule.SOURCE, 30), indicator(4, Rule.BONUS, 5), indicator(5, Rule.VETO, 0));

	long ids;

	Scoring.Line line(long indicator, Column column, String points) {
		return new Scoring.Line(++ids, indicator, column, new BigDecimal(points));
	}

	Scoring.UnitScore score(Scoring.Line... lines) {
		return Scoring.score(SCHEME, List.of(lines), Scoring.GradePolicy.defaults());
	}

	@Test
	void deductions_are_floored_at_zero_and_bonuses_capped_at_the_items_points() {
		Scoring.UnitScore s = score(line(1, Column.AUTO, "-25"), line(1, Column.AUTO, "-25"), line(2, Column.TEAM, "-10"),
				line(3, Column.SOURCE, "90"), line(4, Column.TEAM, "3"), line(4, Column.TEAM, "4"));
		// 0 (floored) + 20 + 27 + 5 (capped)
		assertThat(s.total()).isEqualByComparingTo("52");
		assertThat(s.zeroItems()).isEqualTo(1);
		assertThat(s.indicators()).extracting(Scoring.IndicatorScore::team).extracting(BigDecimal::toPlainString)
				.containsExactly("0.00", "20.00", "27.00", "5.00", "0.00");
	}

	@Test
	void the_self_column_has_its_own_deductions_and_shares_the_automatic_lines_and_sources() {
		Scoring.UnitScore s = score(line(1, Column.AUTO, "-4"), line(2, Column.SELF, "-2"), line(2, Column.TEAM, "-6"),
				line(3, Column.SOURCE, "80"), line(4, Column.SELF, "5"));
		// 36 + 28 + 24 + 5 beside the team's 36 + 24 + 24
		assertThat(s.selfTotal()).isEqualByComparingTo("93");
		assertThat(s.total()).isEqualByComparingTo("84");
		// the team corrects an automatic line with a reason: back to full, never above
		Scoring.UnitScore corrected = score(line(1, Column.AUTO, "-4"), line(1, Column.TEAM, "10"), line(3, Column.SOURCE, "100"));
		assertThat(corrected.total()).isEqualByComparingTo("100");
	}

	@Test
	void a_missing_source_scores_zero_and_is_counted() {
		Scoring.UnitScore s = score();
		assertThat(s.missing()).isEqualTo(1);
		assertThat(s.total()).isEqualByComparingTo("70");
		assertThat(s.zeroItems()).isEqualTo(1);
	}

	@Test
	void grades_need_more_than_the_total() {
		Scoring.GradePolicy p = Scoring.GradePolicy.defaults();
		assertThat(p.grade(new BigDecimal("95"), 0, false)).isEqualTo(Grade.GOOD);
		// 好 needs no item at 0
		assertThat(p.grade(new BigDecimal("95"), 1, false)).isEqualTo(Grade.FAIRLY_GOOD);
		// 较好 allows one item at 0, not two
		assertThat(p.grade(new BigDecimal("85"), 2, false)).isEqualTo(Grade.FAIR);
		assertThat(p.grade(new BigDecimal("80"), 1, false)).isEqualTo(Grade.FAIRLY_GOOD);
		assertThat(p.grade(new BigDecimal("79.99"), 0, false)).isEqualTo(Grade.FAIR);
		assertThat(p.grade(new BigDecimal("60"), 3, false)).isEqualTo(Grade.FAIR);
		assertThat(p.grade(new BigDecimal("59.5"), 0, false)).isEqualTo(Grade.POOR);
		// a veto sets the grade whatever the total
		assertThat(p.grade(new BigDecimal("100"), 0, true)).isEqualTo(Grade.POOR);
	}

	@Test
	void a_veto_line_of_the_team_vetoes_and_a_self_line_does_not() {
		assertThat(score(line(3, Column.SOURCE, "100"), line(5, Column.TEAM, "0")).grade()).isEqualTo(Grade.POOR);
		assertThat(score(line(3, Column.SOURCE, "100"), line(5, Column.SELF, "0")).grade()).isEqualTo(Grade.GOOD);
	}

	@Test
	void ranks_share_a_place_on_a_tie_and_skip_the_next() {
		List<BigDecimal> totals = new ArrayList<>(List.of(new BigDecimal("80"), new BigDecimal("95"), new BigDecimal("80"),
				new BigDecimal("70")));
		assertThat(Scoring.ranks(totals)).containsExactly(2, 1, 2, 4);
	}

	@Test
	void the_poll_formula_leaves_out_who_did_not_know() {
		RoundEntries.PollWeights w = new RoundEntries.PollWeights(null, null, null);
		// (80 × 100 + 15 × 60 + 5 × 0) ÷ (110 − 10) = 89
		assertThat(w.score(80, 15, 5, 110, 10)).isEqualByComparingTo("89");
		assertThat(w.score(1, 1, 1, 3, 0)).isEqualByComparingTo("53.33");
	}
}
