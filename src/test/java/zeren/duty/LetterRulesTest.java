package zeren.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import zeren.duty.ResponsibilityLetter.Kind;
import zeren.duty.ResponsibilityLetter.Party;
import zeren.duty.ResponsibilityLetter.Side;
import zeren.duty.ResponsibilityLetter.Signature;
import zeren.duty.ResponsibilityLetter.Status;
import zeren.duty.ResponsibilityLetter.Step;
import zeren.platform.ConflictException;
import zeren.platform.ForbiddenException;

/** A letter's moves (draft → issued → signed) and who signs it, without Spring and without a database. */
class LetterRulesTest {

	static final long CITY_SECRETARY = 201;
	static final long COUNTY_SECRETARY = 202;
	static final LocalDate DAY = LocalDate.of(2026, 3, 2);

	static ResponsibilityLetter letter(Status status, Side... signed) {
		List<Signature> signatures = java.util.Arrays.stream(signed)
				.map(s -> new Signature(s, 1, "某人", s == Side.ISSUER ? CITY_SECRETARY : COUNTY_SECRETARY, "u", DAY,
						OffsetDateTime.parse("2026-03-02T09:00:00+08:00"), "hash"))
				.toList();
		return new ResponsibilityLetter(41, 2026, Kind.ORG, new Party(101, "某市委", CITY_SECRETARY, "市委书记"),
				new Party(102, "某县委", COUNTY_SECRETARY, "县委书记"), "责任书", null, status, "hash", null, null, null,
				List.of(), signatures);
	}

	@Test
	void a_draft_is_edited_and_issued_an_issued_letter_is_signed_a_signed_letter_allows_nothing() {
		assertThat(Step.values()).allSatisfy(step -> {
			assertThat(Status.DRAFT.allows(step)).isEqualTo(step != Step.SIGN);
			assertThat(Status.ISSUED.allows(step)).isEqualTo(step == Step.SIGN);
			assertThat(Status.SIGNED.allows(step)).isFalse();
		});
	}

	@Test
	void each_refused_move_says_why() {
		assertRefused(Status.DRAFT, Step.SIGN, "error.letters.not-issued");
		assertRefused(Status.ISSUED, Step.EDIT, "error.letters.issued");
		assertRefused(Status.ISSUED, Step.ISSUE, "error.letters.issued");
		for (Step step : Step.values()) {
			assertRefused(Status.SIGNED, step, "error.letters.signed");
		}
		Status.DRAFT.require(Step.EDIT);
		Status.ISSUED.require(Step.SIGN);
	}

	static void assertRefused(Status status, Step step, String code) {
		assertThatThrownBy(() -> status.require(step)).isInstanceOfSatisfying(ConflictException.class, e -> {
			assertThat(e.error().field()).isEqualTo("status");
			assertThat(e.error().code()).isEqualTo(code);
		});
	}

	@Test
	void only_the_holder_of_a_sides_post_on_the_day_signs_for_that_side() {
		ResponsibilityLetter issued = letter(Status.ISSUED);
		assertThat(SigningRules.signer(issued, Side.RECIPIENT, List.of(COUNTY_SECRETARY), DAY).postTitle())
				.isEqualTo("县委书记");
		assertThatThrownBy(() -> SigningRules.signer(issued, Side.ISSUER, List.of(COUNTY_SECRETARY), DAY))
				.isInstanceOfSatisfying(ForbiddenException.class, e -> {
					assertThat(e.error().code()).isEqualTo("error.letters.not-holder");
					assertThat(e.error().args()).containsExactly("某市委市委书记", "2026-03-02");
				});
		// held the post until yesterday: holds none of the letter's posts today
		assertThatThrownBy(() -> SigningRules.signer(issued, Side.RECIPIENT, List.of(), DAY))
				.isInstanceOf(ForbiddenException.class);
	}

	@Test
	void a_side_signs_once() {
		ResponsibilityLetter half = letter(Status.ISSUED, Side.RECIPIENT);
		assertThatThrownBy(() -> SigningRules.signer(half, Side.RECIPIENT, List.of(COUNTY_SECRETARY), DAY))
				.isInstanceOfSatisfying(ConflictException.class,
						e -> assertThat(e.error().code()).isEqualTo("error.letters.already-signed"));
		assertThat(SigningRules.completes(half, Side.ISSUER)).isTrue();
		assertThat(SigningRules.completes(letter(Status.ISSUED), Side.ISSUER)).isFalse();
	}

	@Test
	void a_signer_who_names_no_side_signs_the_first_of_theirs_still_unsigned() {
		ResponsibilityLetter issued = letter(Status.ISSUED);
		List<Long> both = List.of(CITY_SECRETARY, COUNTY_SECRETARY);
		assertThat(SigningRules.sideFor(issued, both, null)).isEqualTo(Side.ISSUER);
		assertThat(SigningRules.sideFor(letter(Status.ISSUED, Side.ISSUER), both, null)).isEqualTo(Side.RECIPIENT);
		assertThat(SigningRules.sideFor(issued, List.of(COUNTY_SECRETARY), null)).isEqualTo(Side.RECIPIENT);
		// all of theirs signed: the first of theirs, refused then as signed already
		assertThat(SigningRules.sideFor(letter(Status.ISSUED, Side.ISSUER), List.of(CITY_SECRETARY), null))
				.isEqualTo(Side.ISSUER);
		// none of theirs: the recipient, refused then as not theirs
		assertThat(SigningRules.sideFor(issued, List.of(), null)).isEqualTo(Side.RECIPIENT);
		assertThat(SigningRules.sideFor(issued, List.of(), Side.ISSUER)).isEqualTo(Side.ISSUER);
	}

	@Test
	void a_holder_may_sign_the_unsigned_sides_of_their_posts_of_an_issued_letter_only() {
		List<Long> both = List.of(CITY_SECRETARY, COUNTY_SECRETARY);
		assertThat(SigningRules.signable(letter(Status.ISSUED), both)).containsExactly(Side.ISSUER, Side.RECIPIENT);
		assertThat(SigningRules.signable(letter(Status.ISSUED, Side.ISSUER), both)).containsExactly(Side.RECIPIENT);
		assertThat(SigningRules.signable(letter(Status.ISSUED), List.of(COUNTY_SECRETARY)))
				.containsExactly(Side.RECIPIENT);
		assertThat(SigningRules.signable(letter(Status.DRAFT), both)).isEmpty();
		assertThat(SigningRules.signable(letter(Status.SIGNED, Side.ISSUER, Side.RECIPIENT), both)).isEmpty();
	}
}
