package zeren.duty;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.springframework.stereotype.Component;

import zeren.org.Leadership;
import zeren.org.PostKind;
import zeren.support.Sibling;
import zeren.support.SiblingData;

/** The letters' part of the scope walk: an issued letter from the sibling county to its village. */
@Component
class LettersSiblingData implements SiblingData {

	private final ResponsibilityLetters letters;

	private final LetterManagement management;

	private final Leadership leadership;

	private ResponsibilityLetter letter;

	LettersSiblingData(ResponsibilityLetters letters, LetterManagement management, Leadership leadership) {
		this.letters = letters;
		this.management = management;
		this.leadership = leadership;
	}

	@Override
	public void create(Sibling s) {
		leadership.addPost(s.bChild().id(), new Leadership.NewPost(s.secretOrg() + "村书记", PostKind.SECRETARY, List.of(), 1));
		LetterManagement.Generated generated = management.generate(s.b().id(), 2026);
		long id = generated.created().get(0);
		management.addItem(id, new LetterManagement.ItemInput(null, null, s.secretOrg() + "责任事项", null, null));
		letter = management.issue(id);
	}

	@Override
	public Object value(String name, String pattern) {
		if (!pattern.startsWith("/api/v1/duty/letters/") && !pattern.startsWith("/duty/letters/")) {
			return null;
		}
		return switch (name) {
			case "letterId" -> letter.id();
			case "letterItemId" -> letter.items().get(0).id();
			default -> null;
		};
	}

	/** letterIds: the batch (POST /api/v1/duty/letters/batch) aimed at the sibling's letter. */
	@Override
	public java.util.Map<String, Object> hostileFields() {
		return java.util.Map.of("letterIds", List.of(letter.id()));
	}

	@Override
	public void assertUnchanged() {
		ResponsibilityLetter after = letters.get(letter.id());
		assertThat(after.status()).isEqualTo(ResponsibilityLetter.Status.ISSUED);
		assertThat(after.signatures()).isEmpty();
		assertThat(after.items()).isEqualTo(letter.items());
		assertThat(after.title()).isEqualTo(letter.title());
		assertThat(letters.verify(letter.id()).valid()).isTrue();
	}
}
