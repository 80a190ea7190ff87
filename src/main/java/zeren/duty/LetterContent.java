package zeren.duty;

import java.util.List;

import zeren.platform.Sha256;

/**
 * The canonical text of a letter: what is hashed when it is issued and what each signature's
 * SHA-256 is over. One {@code key=value} per line, in a fixed order: format, year, kind, the two
 * parties (organisation and post, id and name), title, preamble, then each item in order. In
 * values a backslash, a line break and a carriage return are written {@code \\}, {@code \n},
 * {@code \r}, so no value can imitate another line. Verification builds the text again from the
 * stored letter and compares.
 */
final class LetterContent {

	static final String FORMAT = "zeren-letter/1";

	private LetterContent() {
	}

	static String canonical(ResponsibilityLetter l) {
		return canonical(l.year(), l.kind(), l.issuer(), l.recipient(), l.title(), l.preamble(), l.items());
	}

	static String canonical(int year, ResponsibilityLetter.Kind kind, ResponsibilityLetter.Party issuer,
			ResponsibilityLetter.Party recipient, String title, String preamble, List<ResponsibilityLetter.Item> items) {
		StringBuilder b = new StringBuilder();
		line(b, "format", FORMAT);
		line(b, "year", String.valueOf(year));
		line(b, "kind", kind.name());
		party(b, "issuer", issuer);
		party(b, "recipient", recipient);
		line(b, "title", title);
		line(b, "preamble", preamble);
		line(b, "items", String.valueOf(items.size()));
		int n = 0;
		for (ResponsibilityLetter.Item i : items) {
			String k = "item." + (++n) + ".";
			line(b, k + "no", i.itemNo());
			line(b, k + "category", i.category());
			line(b, k + "task", i.task());
			line(b, k + "goal", i.goal());
			line(b, k + "deadline", i.deadline() == null ? null : i.deadline().toString());
		}
		return b.toString();
	}

	/**
	 * Whether the letter as it stands is what was issued: its canonical text is the stored one and
	 * hashes to the stored hash. A letter changed behind the application's back is not.
	 */
	static boolean asIssued(ResponsibilityLetter letter, String storedContent) {
		String content = canonical(letter);
		return content.equals(storedContent) && Sha256.hex(content).equals(letter.contentSha256());
	}

	/**
	 * The verification of a letter: its canonical text built again, its SHA-256, and whether that
	 * equals the hash fixed at issue, the stored text's hash and each signature's hash. A draft has
	 * nothing fixed yet and is not valid.
	 */
	static ResponsibilityLetters.Verification verify(ResponsibilityLetter letter, String storedContent) {
		String recomputed = Sha256.hex(canonical(letter));
		if (letter.status() == ResponsibilityLetter.Status.DRAFT) {
			return new ResponsibilityLetters.Verification(letter.id(), letter.status(), null, recomputed, true, List.of(),
					false);
		}
		boolean intact = recomputed.equals(letter.contentSha256()) && storedContent != null
				&& Sha256.hex(storedContent).equals(letter.contentSha256());
		List<ResponsibilityLetters.SignatureCheck> checks = letter.signatures().stream()
				.map(s -> new ResponsibilityLetters.SignatureCheck(s.party(), s.contentSha256(),
						s.contentSha256().equals(recomputed)))
				.toList();
		boolean valid = intact && checks.stream().allMatch(ResponsibilityLetters.SignatureCheck::valid);
		return new ResponsibilityLetters.Verification(letter.id(), letter.status(), letter.contentSha256(), recomputed,
				intact, checks, valid);
	}

	private static void party(StringBuilder b, String side, ResponsibilityLetter.Party p) {
		line(b, side + ".org", p.orgId() + " " + p.orgName());
		line(b, side + ".post", p.postId() + " " + p.postTitle());
	}

	private static void line(StringBuilder b, String key, String value) {
		b.append(key).append('=');
		if (value != null) {
			b.append(value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r"));
		}
		b.append('\n');
	}
}
