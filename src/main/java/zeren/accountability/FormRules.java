package zeren.accountability;

import java.util.List;

import zeren.accountability.AccountabilityCase.Form;

/** The rules for the forms of a decision (Art. 8), named so that they read like the regulation. */
final class FormRules {

	private FormRules() {
	}

	/** 检查, 通报 and 改组 are for organisations; the others for cadres. */
	static boolean formsMatchTheParty(List<Form> forms, boolean organisation) {
		return forms.stream().allMatch(f -> f.forOrganisation() == organisation);
	}

	/** Forms may be combined, but a cadre receives one kind of organisational handling at a time. */
	static boolean oneOrganisationalHandlingAtATime(List<Form> forms) {
		return forms.stream().filter(Form::organisationalHandling).count() <= 1;
	}

	/** Deciding not to hold a party to account (不予或者免予问责) needs its reason. */
	static boolean anExemptionGivesItsReason(List<Form> forms, String reason) {
		return !forms.isEmpty() || (reason != null && !reason.isBlank());
	}

	/** A disciplinary sanction is decided under the disciplinary rules; the decision names it. */
	static boolean aSanctionIsNamed(List<Form> forms, String detail) {
		return !forms.contains(Form.DISCIPLINARY_SANCTION) || (detail != null && !detail.isBlank());
	}
}
