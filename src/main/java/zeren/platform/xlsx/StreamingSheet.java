package zeren.platform.xlsx;

import static zeren.platform.xlsx.WorkbookParts.integer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationshipCollection;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import zeren.platform.InvalidInputException;
import zeren.platform.xlsx.WorkbookParts.Budget;
import zeren.platform.xlsx.WorkbookParts.NumberFormats;
import zeren.platform.xlsx.WorkbookParts.SharedStrings;
import zeren.platform.xlsx.WorkbookParts.SharedStringsHandler;
import zeren.platform.xlsx.WorkbookParts.Stop;
import zeren.platform.xlsx.WorkbookParts.StylesHandler;

/**
 * The first sheet of an XLSX file, read streaming: the package is opened from disk, its parts
 * are parsed with SAX, and each row is handed over as soon as it is parsed, so memory does not
 * grow with the sheet. Only the shared-strings table is held, compactly, within
 * {@link SheetLimits#maxTextChars()}; the styles part is read for its number formats only (to
 * tell dates). A cell longer than {@link SheetLimits#maxCellChars()}, more text than the limit,
 * or a package that POI judges a zip bomb is refused as soon as it is seen, with an error on
 * the field {@code file}. The rows are counted by the caller ({@link HeaderedSheet}, the
 * organisation import), which stops the read by throwing from its handler.
 */
public final class StreamingSheet {

	/** Columns beyond this are parsed (and counted) but not handed over. */
	public static final int MAX_COLUMNS = 256;

	/** One row as read. */
	public interface Row {

		/** The row number as Excel shows it (from 1). */
		int number();

		/** The cell's text as Excel shows it (numbers and dates in the cell's format); "" when empty. */
		String text(int column);

		/** The cell's date and time when it holds a date (a number in a date format); otherwise null. */
		LocalDateTime date(int column);

		/** Whether every cell is empty or white space. */
		boolean blank();
	}

	@FunctionalInterface
	public interface RowHandler {

		void row(Row row);
	}

	private StreamingSheet() {
	}

	/**
	 * Hands over every row of the first sheet that has a cell, in order.
	 *
	 * @throws InvalidInputException when the file is not a readable XLSX, is a zip bomb, or
	 *         passes a limit; and whatever {@code handler} throws
	 */
	public static void read(Path file, SheetLimits limits, RowHandler handler) {
		try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
			Reader reader = new Reader(pkg);
			Budget budget = new Budget(limits);
			SharedStrings strings = reader.sharedStrings(budget);
			NumberFormats formats = reader.numberFormats();
			XSSFReader.SheetIterator sheets = reader.getSheetIterator();
			if (!sheets.hasNext()) {
				throw unreadable();
			}
			try (InputStream sheet = sheets.next()) {
				parse(sheet, new SheetHandler(strings, formats, budget, handler));
			}
		}
		catch (InvalidInputException e) {
			throw e;
		}
		catch (HandlerFailure e) {
			throw e.failure;
		}
		catch (IOException | OpenXML4JException | RuntimeException e) {
			throw refusal(e);
		}
	}

	/** What POI's failures mean to the user: a zip bomb, or a file that is no XLSX. */
	private static InvalidInputException refusal(Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof InvalidInputException invalid) {
				return invalid;
			}
			String message = t.getMessage();
			if (message != null && (message.contains("Zip bomb") || message.contains("potentially malicious"))) {
				return InvalidInputException.of("file", "error.upload.zip-bomb");
			}
		}
		if (e instanceof RuntimeException runtime && !isPoi(runtime)) {
			throw runtime;
		}
		return unreadable();
	}

	/** A runtime exception of POI or of the XML parser (a broken file), not of the caller's handler. */
	private static boolean isPoi(RuntimeException e) {
		String name = e.getClass().getName();
		return name.startsWith("org.apache.poi.") || name.startsWith("org.apache.xmlbeans.")
				|| name.startsWith("org.apache.commons.compress.") || e instanceof IllegalArgumentException
				|| e instanceof IndexOutOfBoundsException || e instanceof IllegalStateException;
	}

	private static InvalidInputException unreadable() {
		return InvalidInputException.of("file", "error.import.xlsx-unreadable");
	}

	private static void parse(InputStream in, DefaultHandler handler) throws IOException {
		try {
			XMLReader parser = XMLHelper.newXMLReader();
			parser.setContentHandler(handler);
			parser.parse(new InputSource(in));
		}
		catch (Stop stop) {
			if (stop.failure instanceof InvalidInputException refusal) {
				throw refusal;
			}
			throw new HandlerFailure(stop.failure);
		}
		catch (SAXException | ParserConfigurationException e) {
			throw refusal(e);
		}
	}


	/** What the caller's handler threw, on its way out past the catch for POI's own failures. */
	private static final class HandlerFailure extends RuntimeException {

		final RuntimeException failure;

		HandlerFailure(RuntimeException failure) {
			super(failure.getMessage(), failure, false, false);
			this.failure = failure;
		}
	}

	/** XSSFReader, for its workbook part: the shared strings and styles are found through its relations. */
	private static final class Reader extends XSSFReader {

		Reader(OPCPackage pkg) throws IOException, OpenXML4JException {
			super(pkg);
		}

		private PackagePart related(XSSFRelation relation) throws OpenXML4JException {
			PackageRelationshipCollection rels = workbookPart.getRelationshipsByType(relation.getRelation());
			if (rels.isEmpty()) {
				return null;
			}
			return workbookPart.getRelatedPart(rels.getRelationship(0));
		}

		SharedStrings sharedStrings(Budget budget) throws IOException, OpenXML4JException {
			SharedStrings strings = new SharedStrings();
			PackagePart part = related(XSSFRelation.SHARED_STRINGS);
			if (part != null) {
				try (InputStream in = part.getInputStream()) {
					parse(in, new SharedStringsHandler(strings, budget));
				}
			}
			return strings;
		}

		NumberFormats numberFormats() throws IOException, OpenXML4JException {
			NumberFormats formats = new NumberFormats();
			PackagePart part = related(XSSFRelation.STYLES);
			if (part != null) {
				try (InputStream in = part.getInputStream()) {
					parse(in, new StylesHandler(formats));
				}
			}
			return formats;
		}
	}


	/** The cells of one sheet, row by row. */
	private static final class SheetHandler extends DefaultHandler implements Row {

		private final SharedStrings strings;
		private final NumberFormats formats;
		private final Budget budget;
		private final RowHandler handler;
		private final DataFormatter formatter = new DataFormatter();

		private final String[] texts = new String[MAX_COLUMNS];
		private final LocalDateTime[] dates = new LocalDateTime[MAX_COLUMNS];
		private int rowNumber;
		private boolean rowHasCells;
		private boolean rowBlank;

		private int column;
		private String type;
		private int style;
		private boolean inValue;
		private boolean inInline;
		private boolean inPhonetic;
		private final StringBuilder value = new StringBuilder();

		SheetHandler(SharedStrings strings, NumberFormats formats, Budget budget, RowHandler handler) {
			this.strings = strings;
			this.formats = formats;
			this.budget = budget;
			this.handler = handler;
		}

		@Override
		public void startElement(String uri, String localName, String qName, Attributes attributes) {
			switch (localName) {
				case "row" -> {
					Integer r = integer(attributes.getValue("r"));
					rowNumber = r == null ? rowNumber + 1 : r;
					Arrays.fill(texts, null);
					Arrays.fill(dates, null);
					rowHasCells = false;
					rowBlank = true;
					column = -1;
				}
				case "c" -> {
					String ref = attributes.getValue("r");
					column = ref == null ? column + 1 : new CellReference(ref).getCol();
					type = attributes.getValue("t");
					Integer s = integer(attributes.getValue("s"));
					style = s == null ? 0 : s;
					value.setLength(0);
				}
				case "v" -> inValue = true;
				case "is" -> inInline = true;
				case "rPh" -> inPhonetic = true;
				default -> {
				}
			}
		}

		@Override
		public void characters(char[] ch, int start, int length) throws Stop {
			boolean inlineText = inInline && !inPhonetic;
			if (inValue || inlineText) {
				value.append(ch, start, length);
				// a shared string's index is no text of the file; its text was counted with the table
				if (!"s".equals(type)) {
					budget.text(length);
				}
				budget.cell(value.length(), rowNumber);
			}
		}

		@Override
		public void endElement(String uri, String localName, String qName) throws SAXException {
			switch (localName) {
				case "v" -> inValue = false;
				case "is" -> inInline = false;
				case "rPh" -> inPhonetic = false;
				case "c" -> endCell();
				case "row" -> {
					if (rowHasCells) {
						try {
							handler.row(this);
						}
						catch (RuntimeException e) {
							throw new Stop(e);
						}
					}
				}
				default -> {
				}
			}
		}

		private void endCell() throws Stop {
			if (column < 0 || column >= MAX_COLUMNS) {
				return;
			}
			String raw = value.toString();
			String text;
			LocalDateTime date = null;
			switch (type == null ? "n" : type) {
				case "s" -> {
					Integer index = integer(raw);
					text = index == null ? "" : strings.get(index);
					budget.cell(text.length(), rowNumber);
				}
				case "b" -> text = raw.isEmpty() ? "" : ("1".equals(raw.trim()) ? "TRUE" : "FALSE");
				case "n" -> {
					if (raw.isBlank()) {
						text = "";
					}
					else {
						double number;
						try {
							number = Double.parseDouble(raw.trim());
						}
						catch (NumberFormatException e) {
							number = Double.NaN;
						}
						if (Double.isNaN(number)) {
							text = raw.trim();
						}
						else {
							int formatId = formats.formatId(style);
							String code = formats.formatCode(formatId);
							if (DateUtil.isADateFormat(formatId, code) && DateUtil.isValidExcelDate(number)) {
								date = DateUtil.getLocalDateTime(number);
							}
							text = formatter.formatRawCellContents(number, formatId, code);
						}
					}
				}
				case "d" -> {
					text = raw.trim();
					try {
						date = LocalDateTime.parse(text.length() == 10 ? text + "T00:00" : text);
					}
					catch (java.time.format.DateTimeParseException e) {
						date = null;
					}
				}
				default -> text = raw; // inlineStr, str (a formula's cached text), e (an error such as #N/A)
			}
			texts[column] = text;
			dates[column] = date;
			rowHasCells = true;
			if (!text.isBlank()) {
				rowBlank = false;
			}
		}

		@Override
		public int number() {
			return rowNumber;
		}

		@Override
		public String text(int column) {
			String text = column >= 0 && column < MAX_COLUMNS ? texts[column] : null;
			return text == null ? "" : text;
		}

		@Override
		public LocalDateTime date(int column) {
			return column >= 0 && column < MAX_COLUMNS ? dates[column] : null;
		}

		@Override
		public boolean blank() {
			return rowBlank;
		}
	}
}
