package zeren.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import zeren.governance.Analysis.Status;
import zeren.governance.Analysis.Step;

/** The steps each status of an analysis allows, read from its one table. */
class AnalysisStatusTest {

	static Set<Step> allowed(Status status) {
		return EnumSet.allOf(Step.class).stream().filter(status::allows).collect(Collectors.toSet());
	}

	@Test
	void a_draft_allows_every_step() {
		assertThat(allowed(Status.DRAFT)).containsExactlyInAnyOrder(Step.EDIT, Step.REFRESH, Step.ADOPT, Step.TRACK);
	}

	@Test
	void an_adopted_analysis_allows_tracking_its_measures_only() {
		assertThat(allowed(Status.ADOPTED)).containsExactly(Step.TRACK);
	}

	@Test
	void a_fact_of_nothing_has_no_rate_and_a_rate_is_rounded_down() {
		assertThat(new Analysis.Fact(Analysis.Section.FOCUS, "", null, 0, 3, 0L, 2L).currentRate()).isNull();
		assertThat(new Analysis.Fact(Analysis.Section.FOCUS, "", null, 0, 3, 0L, 2L).previousRate()).isEqualTo(66);
		assertThat(new Analysis.Fact(Analysis.Section.CASES, "cases", null, 3, 2, null, null).currentRate()).isNull();
		assertThat(new Analysis.Fact(Analysis.Section.CASES, "cases", null, 3, 5, null, null).change()).isEqualTo(-2);
	}
}
