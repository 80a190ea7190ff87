package zeren.platform.pdf;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.function.UnaryOperator;

/** Where a line of Chinese and Latin text may break, for the PDF writer; pure, given the font's widths. */
final class LineBreaker {

	/** Closing punctuation never starts a line (it stays with the character before it). */
	static final String NO_LINE_START = "，。、；：？！）》」』”’,.;:?!)]}%";

	private LineBreaker() {
	}

	/**
	 * Breaks text into lines no wider than {@code max} points: between CJK characters, at spaces
	 * between other words, never before closing punctuation, and inside a word only when it is longer
	 * than a line (a hash, a URL). {@code safe} replaces what the font cannot show.
	 */
	static List<String> wrap(String text, float max, UnaryOperator<String> safe, ToDoubleFunction<String> width) {
		List<String> lines = new ArrayList<>();
		for (String paragraph : (text == null ? "" : text).split("\r?\n", -1)) {
			String p = safe.apply(paragraph);
			if (p.isEmpty()) {
				lines.add("");
				continue;
			}
			StringBuilder line = new StringBuilder();
			float lineWidth = 0;
			for (String token : tokens(p)) {
				float w = (float) width.applyAsDouble(token);
				if (lineWidth + w <= max || line.length() == 0 && w <= max
						|| NO_LINE_START.indexOf(token.charAt(0)) >= 0 && token.length() == 1) {
					line.append(token);
					lineWidth += w;
					continue;
				}
				if (token.isBlank()) {
					lines.add(line.toString().stripTrailing());
					line.setLength(0);
					lineWidth = 0;
					continue;
				}
				if (line.length() > 0) {
					lines.add(line.toString().stripTrailing());
					line.setLength(0);
					lineWidth = 0;
				}
				if (w <= max) {
					line.append(token);
					lineWidth = w;
					continue;
				}
				// longer than a line (a hash, a URL): break it between characters
				int i = 0;
				while (i < token.length()) {
					int cp = token.codePointAt(i);
					String ch = new String(Character.toChars(cp));
					float cw = (float) width.applyAsDouble(ch);
					if (lineWidth + cw > max && line.length() > 0) {
						lines.add(line.toString());
						line.setLength(0);
						lineWidth = 0;
					}
					line.append(ch);
					lineWidth += cw;
					i += Character.charCount(cp);
				}
			}
			lines.add(line.toString().stripTrailing());
		}
		return lines;
	}

	/** Each CJK character (and punctuation) alone, runs of other non-space characters, runs of spaces. */
	private static List<String> tokens(String text) {
		List<String> tokens = new ArrayList<>();
		int i = 0;
		while (i < text.length()) {
			int cp = text.codePointAt(i);
			int start = i;
			i += Character.charCount(cp);
			if (Character.isWhitespace(cp)) {
				while (i < text.length() && Character.isWhitespace(text.codePointAt(i))) {
					i += Character.charCount(text.codePointAt(i));
				}
			}
			else if (!wide(cp)) {
				while (i < text.length() && !Character.isWhitespace(text.codePointAt(i)) && !wide(text.codePointAt(i))) {
					i += Character.charCount(text.codePointAt(i));
				}
			}
			tokens.add(text.substring(start, i));
		}
		return tokens;
	}

	/** Characters a line may break before or after: CJK ideographs, kana, full-width forms and punctuation. */
	private static boolean wide(int cp) {
		Character.UnicodeScript script = Character.UnicodeScript.of(cp);
		return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
				|| script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
				|| (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF) || (cp >= 0x2010 && cp <= 0x206F);
	}
}
