package zeren.duty;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import zeren.platform.Attention;

/** The attention list's letters: those of this year and last waiting for the person's signature. */
@Component
class LettersToSign implements Attention {

	private final ResponsibilityLetters letters;

	LettersToSign(ResponsibilityLetters letters) {
		this.letters = letters;
	}

	@Override
	public List<Item> forPerson(long personId, LocalDate today) {
		List<Item> out = new ArrayList<>();
		for (int year : List.of(today.getYear(), today.getYear() - 1)) {
			for (ResponsibilityLetter l : letters.awaitingSignatureOf(personId, year)) {
				out.add(new Item("home.attention.letters", l.title() + " · " + l.issuer().orgName(),
						"/duty/letters/" + l.id(), null, null));
			}
		}
		return out;
	}
}
