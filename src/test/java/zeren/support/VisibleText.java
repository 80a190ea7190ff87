package zeren.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What a person reads on a rendered page (text, placeholders, labels, titles), and the ASCII
 * words in it that are codes, ids or English left in the Chinese UI. Outside the check: data the
 * tests entered (their names carry the test's unique prefix), the user names, file names,
 * content hashes, elements marked {@code data-raw} (the audit trail's recorded summary) and
 * {@code data-user} (codes the users give, such as a situation's number).
 */
public final class VisibleText {

	private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z0-9_.:/\\[\\]-]*");

	/** Abbreviations a Chinese office uses as they are. */
	private static final Set<String> ALLOWED = Set.of("XLSX", "PDF", "DOCX", "Word", "Excel", "English", "API", "KB",
			"MB", "X", "ID", "SHA-256", "PDF/XLSX", "EN", "CSV", "UTF-8", "GBK", "Ctrl");

	private static final Pattern TEST_DATA = Pattern.compile("(?i)t[0-9a-f]{10}\\S*");

	private static final Pattern FILE = Pattern.compile("\\S+\\.(?i:pdf|xlsx|docx|png|jpg|txt|csv)\\b");

	private static final Pattern HASH = Pattern.compile("\\b[0-9a-f]{16,}\\b");

	private VisibleText() {
	}

	public static String of(String html) {
		Document page = Jsoup.parse(html);
		page.select("script, style, template, code, [data-raw], input[type=hidden], [data-user]").remove();
		StringBuilder text = new StringBuilder(page.title()).append(' ').append(page.body().text());
		for (Element e : page.body().select("[placeholder], [aria-label], [title], [alt]")) {
			for (String attribute : List.of("placeholder", "aria-label", "title", "alt")) {
				text.append(' ').append(e.attr(attribute));
			}
		}
		return text.toString();
	}

	/** The ASCII words inside values users entered (codes, names), which pages show as entered. */
	public static Set<String> wordsOf(java.util.Collection<String> values) {
		Set<String> words = new java.util.HashSet<>();
		for (String value : values) {
			if (value != null) {
				Matcher m = WORD.matcher(value);
				while (m.find()) {
					words.add(m.group());
				}
			}
		}
		return words;
	}

	/** The ASCII words of {@code text} that a Chinese page should not show. */
	public static List<String> foreignWords(String text, Set<String> userNames) {
		String rest = HASH.matcher(FILE.matcher(TEST_DATA.matcher(text).replaceAll(" ")).replaceAll(" ")).replaceAll(" ");
		List<String> words = new ArrayList<>();
		Matcher m = WORD.matcher(rest);
		while (m.find()) {
			String word = m.group();
			if (!ALLOWED.contains(word) && !userNames.contains(word)) {
				words.add(word);
			}
		}
		return words;
	}
}
