package zeren.platform.xlsx;

import java.util.Arrays;
import java.util.List;

import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

import zeren.platform.InputError;
import zeren.platform.InvalidInputException;

/**
 * The parts of a workbook besides its sheet, as {@link StreamingSheet} reads them with SAX: the
 * shared strings (held compactly, within the limits) and the number format of each cell style;
 * and the budget of characters that every part is counted against.
 */
final class WorkbookParts {

	private WorkbookParts() {
	}

	/** Thrown inside the SAX parser to stop it; carries a refusal, or what the caller's handler threw, out. */
	static final class Stop extends SAXException {

		final transient RuntimeException failure;

		Stop(RuntimeException failure) {
			super(failure.getMessage());
			this.failure = failure;
		}
	}

	/** Counts characters against the limits. */
	static final class Budget {

		final SheetLimits limits;
		long text;

		Budget(SheetLimits limits) {
			this.limits = limits;
		}

		/** Counts {@code n} more characters of text of the file. */
		void text(int n) throws Stop {
			text += n;
			if (text > limits.maxTextChars()) {
				throw new Stop(InvalidInputException.of("file", "error.upload.too-much-text", limits.maxTextChars()));
			}
		}

		/** Refuses a cell value longer than the limit, on its line (when known). */
		void cell(int length, long line) throws Stop {
			if (length > limits.maxCellChars()) {
				throw new Stop(new InvalidInputException(
						List.of(InputError.line(line, "file", "error.upload.cell-too-long", limits.maxCellChars()))));
			}
		}
	}

	/** The shared strings, all in one buffer: two bytes a character and four an entry. */
	static final class SharedStrings {

		private final StringBuilder chars = new StringBuilder();
		private int[] ends = new int[1024];
		private int count;

		void add(CharSequence value) {
			chars.append(value);
			if (count == ends.length) {
				ends = Arrays.copyOf(ends, count * 2);
			}
			ends[count++] = chars.length();
		}

		String get(int index) {
			if (index < 0 || index >= count) {
				return "";
			}
			return chars.substring(index == 0 ? 0 : ends[index - 1], ends[index]);
		}
	}

	/** {@code <si>} entries: the text of their {@code <t>} elements, phonetic runs left out. */
	static final class SharedStringsHandler extends DefaultHandler {

		private final SharedStrings strings;
		private final Budget budget;
		private final StringBuilder value = new StringBuilder();
		private boolean inText;
		private boolean inPhonetic;

		SharedStringsHandler(SharedStrings strings, Budget budget) {
			this.strings = strings;
			this.budget = budget;
		}

		@Override
		public void startElement(String uri, String localName, String qName, Attributes attributes) {
			switch (localName) {
				case "si" -> value.setLength(0);
				case "rPh" -> inPhonetic = true;
				case "t" -> inText = !inPhonetic;
				default -> {
				}
			}
		}

		@Override
		public void endElement(String uri, String localName, String qName) {
			switch (localName) {
				case "si" -> strings.add(value);
				case "rPh" -> inPhonetic = false;
				case "t" -> inText = false;
				default -> {
				}
			}
		}

		/**
		 * An entry longer than a cell may be is kept cut to one character over the limit: the cell
		 * that uses it is refused on its line.
		 */
		@Override
		public void characters(char[] ch, int start, int length) throws Stop {
			if (inText) {
				budget.text(length);
				int room = budget.limits.maxCellChars() + 1 - value.length();
				value.append(ch, start, Math.max(0, Math.min(length, room)));
			}
		}
	}

	/** The number format of each cell style: built-in ids, and the custom format codes. */
	static final class NumberFormats {

		/** More styles than Excel allows (64,000) are not kept. */
		private static final int MAX_STYLES = 65_536;

		private final java.util.Map<Integer, String> codes = new java.util.HashMap<>();
		private int[] styleFormats = new int[64];
		private int styles;

		void addStyle(int formatId) {
			if (styles == MAX_STYLES) {
				return;
			}
			if (styles == styleFormats.length) {
				styleFormats = Arrays.copyOf(styleFormats, styles * 2);
			}
			styleFormats[styles++] = formatId;
		}

		int formatId(int style) {
			return style >= 0 && style < styles ? styleFormats[style] : 0;
		}

		String formatCode(int formatId) {
			String code = codes.get(formatId);
			if (code == null) {
				code = org.apache.poi.ss.usermodel.BuiltinFormats.getBuiltinFormat(formatId);
			}
			return code == null ? "General" : code;
		}
	}

	static final class StylesHandler extends DefaultHandler {

		private final NumberFormats formats;
		private boolean inCellXfs;

		StylesHandler(NumberFormats formats) {
			this.formats = formats;
		}

		@Override
		public void startElement(String uri, String localName, String qName, Attributes attributes) {
			switch (localName) {
				case "numFmt" -> {
					Integer id = integer(attributes.getValue("numFmtId"));
					String code = attributes.getValue("formatCode");
					if (id != null && code != null && formats.codes.size() < NumberFormats.MAX_STYLES) {
						formats.codes.put(id, code);
					}
				}
				case "cellXfs" -> inCellXfs = true;
				case "xf" -> {
					if (inCellXfs) {
						Integer id = integer(attributes.getValue("numFmtId"));
						formats.addStyle(id == null ? 0 : id);
					}
				}
				default -> {
				}
			}
		}

		@Override
		public void endElement(String uri, String localName, String qName) {
			if (localName.equals("cellXfs")) {
				inCellXfs = false;
			}
		}
	}

	static Integer integer(String s) {
		if (s == null) {
			return null;
		}
		try {
			return Integer.valueOf(s.trim());
		}
		catch (NumberFormatException e) {
			return null;
		}
	}
}
