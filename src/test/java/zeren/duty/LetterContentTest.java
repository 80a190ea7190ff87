package zeren.duty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import zeren.duty.ResponsibilityLetter.Item;
import zeren.duty.ResponsibilityLetter.Kind;
import zeren.duty.ResponsibilityLetter.Party;
import zeren.duty.ResponsibilityLetter.Side;
import zeren.duty.ResponsibilityLetter.Signature;
import zeren.duty.ResponsibilityLetter.Status;

/**
 * The canonical text of a letter is what every stored signature is over: a change of its format
 * breaks them all. This test pins the text and its SHA-256 for a fixed letter as literal values,
 * so such a change fails here first (a new format needs a new {@link LetterContent#FORMAT}).
 */
class LetterContentTest {

	static final String SHA256 = "c1e8633cd8d54a7ab655baeec50ba3fcc501cd7a2b7c7fb337c229df03cbd6a7";

	static final String TEXT = """
			format=zeren-letter/1
			year=2026
			kind=ORG
			issuer.org=101 某市委
			issuer.post=201 市委书记
			recipient.org=102 某县委
			recipient.post=202 县委书记
			title=2026年度全面从严治党主体责任书
			preamble=为落实全面从严治党主体责任，双方约定如下：\\n一、压实责任。\\r\\n二、C:\\\\路径不是转义
			items=2
			item.1.no=1
			item.1.category=主体责任
			item.1.task=逐级签订责任书
			item.1.goal=层层压实
			item.1.deadline=2026-03-31
			item.2.no=2
			item.2.category=
			item.2.task=item.3.task=年度述责述廉
			item.2.goal=
			item.2.deadline=
			""";

	static ResponsibilityLetter letter(Status status, String sha256, List<Signature> signatures) {
		return new ResponsibilityLetter(41, 2026, Kind.ORG, new Party(101, "某市委", 201, "市委书记"),
				new Party(102, "某县委", 202, "县委书记"), "2026年度全面从严治党主体责任书",
				"为落实全面从严治党主体责任，双方约定如下：\n一、压实责任。\r\n二、C:\\路径不是转义", status, sha256,
				OffsetDateTime.parse("2026-01-05T09:00:00+08:00"), null, null,
				List.of(new Item(7, "1", "主体责任", "逐级签订责任书", "层层压实", LocalDate.of(2026, 3, 31)),
						new Item(8, "2", null, "item.3.task=年度述责述廉", null, null)),
				signatures);
	}

	static Signature signature(Side side, String sha256) {
		return new Signature(side, 9, "某人", side == Side.ISSUER ? 201 : 202, "u", LocalDate.of(2026, 3, 2),
				OffsetDateTime.parse("2026-03-02T09:00:00+08:00"), sha256);
	}

	@Test
	void the_canonical_text_of_a_fixed_letter_and_its_sha256_are_what_they_always_were() {
		String text = LetterContent.canonical(letter(Status.DRAFT, null, List.of()));
		assertThat(text).isEqualTo(TEXT);
		assertThat(zeren.platform.Sha256.hex(text)).isEqualTo(SHA256);
	}

	@Test
	void the_names_and_ids_of_the_signatures_do_not_enter_the_text() {
		assertThat(LetterContent.canonical(letter(Status.SIGNED, SHA256,
				List.of(signature(Side.ISSUER, SHA256), signature(Side.RECIPIENT, SHA256))))).isEqualTo(TEXT);
	}

	@Test
	void an_issued_letter_is_intact_while_its_text_and_every_signature_match_the_issued_hash() {
		var verification = LetterContent.verify(letter(Status.SIGNED, SHA256,
				List.of(signature(Side.ISSUER, SHA256), signature(Side.RECIPIENT, SHA256))), TEXT);
		assertThat(verification.valid()).isTrue();
		assertThat(verification.contentIntact()).isTrue();
		assertThat(verification.recomputedSha256()).isEqualTo(SHA256);
		assertThat(LetterContent.asIssued(letter(Status.ISSUED, SHA256, List.of()), TEXT)).isTrue();
	}

	@Test
	void a_letter_changed_behind_the_applications_back_fails_verification() {
		var tampered = LetterContent.verify(letter(Status.ISSUED, SHA256, List.of(signature(Side.RECIPIENT, SHA256))),
				TEXT.replace("逐级签订责任书", "篡改后的事项"));
		assertThat(tampered.contentIntact()).isFalse();
		assertThat(tampered.valid()).isFalse();
		var forged = LetterContent.verify(letter(Status.ISSUED, SHA256, List.of(signature(Side.RECIPIENT, "0".repeat(64)))),
				TEXT);
		assertThat(forged.contentIntact()).isTrue();
		assertThat(forged.signatures()).singleElement().satisfies(s -> assertThat(s.valid()).isFalse());
		assertThat(forged.valid()).isFalse();
		assertThat(LetterContent.asIssued(letter(Status.ISSUED, SHA256, List.of()), TEXT + "x")).isFalse();
		assertThat(LetterContent.asIssued(letter(Status.ISSUED, "0".repeat(64), List.of()), TEXT)).isFalse();
	}

	@Test
	void a_draft_has_nothing_fixed_and_is_not_valid() {
		var draft = LetterContent.verify(letter(Status.DRAFT, null, List.of()), null);
		assertThat(draft.valid()).isFalse();
		assertThat(draft.contentSha256()).isNull();
		assertThat(draft.recomputedSha256()).isEqualTo(SHA256);
	}
}
