package zeren.accountability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import zeren.accountability.AccountabilityCase.Form;

/** Art. 8 on its own: the forms of a decision. No Spring, no database. */
class FormRulesTest {

	@Test
	void an_organisation_is_examined_circulated_or_reorganised_and_a_cadre_is_not() {
		assertThat(FormRules.formsMatchTheParty(List.of(Form.ORG_CIRCULATION, Form.ORG_REORGANISATION), true)).isTrue();
		assertThat(FormRules.formsMatchTheParty(List.of(Form.DISMISSAL), true)).isFalse();
		assertThat(FormRules.formsMatchTheParty(List.of(Form.ORG_SELF_EXAMINATION), false)).isFalse();
		assertThat(FormRules.formsMatchTheParty(List.of(Form.CIRCULATION, Form.ADMONISHMENT), false)).isTrue();
	}

	@Test
	void forms_combine_but_a_cadre_receives_one_organisational_handling_at_a_time() {
		assertThat(FormRules.oneOrganisationalHandlingAtATime(List.of(Form.CIRCULATION, Form.DISMISSAL,
				Form.DISCIPLINARY_SANCTION))).isTrue();
		assertThat(FormRules.oneOrganisationalHandlingAtATime(List.of(Form.DISMISSAL, Form.DEMOTION))).isFalse();
	}

	@Test
	void no_accountability_needs_its_reason_and_a_sanction_needs_its_name() {
		assertThat(FormRules.anExemptionGivesItsReason(List.of(), " ")).isFalse();
		assertThat(FormRules.anExemptionGivesItsReason(List.of(), "情节轻微")).isTrue();
		assertThat(FormRules.anExemptionGivesItsReason(List.of(Form.ADMONISHMENT), null)).isTrue();
		assertThat(FormRules.aSanctionIsNamed(List.of(Form.DISCIPLINARY_SANCTION), null)).isFalse();
		assertThat(FormRules.aSanctionIsNamed(List.of(Form.DISCIPLINARY_SANCTION), "党内严重警告")).isTrue();
		assertThat(FormRules.aSanctionIsNamed(List.of(Form.CIRCULATION), null)).isTrue();
	}
}
