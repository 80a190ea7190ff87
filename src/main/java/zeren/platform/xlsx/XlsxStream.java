package zeren.platform.xlsx;

import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * An XLSX package written straight into a stream, sheet after sheet, row after row: the
 * SpreadsheetML of each sheet goes into the zip as it is produced (inline strings, no shared
 * strings table, no temporary file, nothing kept per row), so time and memory are those of the
 * zip's deflater and do not grow with the table (issue 18: the ledger's 100,000 rows at
 * {@code -Xmx256m}; POI's streaming workbook spent most of its time in its temporary file and its
 * XML layer). One style besides the default: bold, for the header row. The workbook's list of
 * sheets is written at the end, when all are known.
 *
 * <p>Used through {@link TableExport}; a sheet is closed when the next one starts or the package
 * is finished, so rows are written to the newest sheet only.
 */
final class XlsxStream {

	/** Excel's last row. */
	static final int MAX_ROWS = 1_048_576;

	private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
	private static final String REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
	private static final String PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

	private final ZipOutputStream zip;
	private final Writer xml;
	private final List<String> sheetNames = new ArrayList<>();
	private boolean inSheet;
	private int rowNumber;

	XlsxStream(OutputStream target) {
		// the caller's stream (a servlet response) is closed by its owner, not by the zip
		this.zip = new ZipOutputStream(new FilterOutputStream(target) {
			@Override
			public void write(byte[] b, int off, int len) throws IOException {
				out.write(b, off, len);
			}

			@Override
			public void close() throws IOException {
				flush();
			}
		}, StandardCharsets.UTF_8);
		// fast compression: the sheet XML is repetitive, level 1 keeps most of the gain at a fraction of the time
		zip.setLevel(Deflater.BEST_SPEED);
		this.xml = new BufferedWriter(new java.io.OutputStreamWriter(zip, StandardCharsets.UTF_8), 1 << 16);
	}

	/** Starts a sheet (closing the one before): its column widths (in characters) and a frozen header row. */
	void startSheet(String name, int[] widths) throws IOException {
		endSheet();
		sheetNames.add(name);
		zip.putNextEntry(new ZipEntry("xl/worksheets/sheet" + sheetNames.size() + ".xml"));
		xml.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"" + MAIN
				+ "\" xmlns:r=\"" + REL + "\"><sheetViews><sheetView workbookViewId=\"0\"");
		xml.write(sheetNames.size() == 1 ? " tabSelected=\"1\">" : ">");
		xml.write("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
				+ "<selection pane=\"bottomLeft\"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>");
		if (widths.length > 0) {
			xml.write("<cols>");
			for (int i = 0; i < widths.length; i++) {
				xml.write("<col min=\"" + (i + 1) + "\" max=\"" + (i + 1) + "\" width=\"" + widths[i] + "\" customWidth=\"1\"/>");
			}
			xml.write("</cols>");
		}
		xml.write("<sheetData>");
		inSheet = true;
		rowNumber = 0;
	}

	/** Starts the next row of the current sheet. */
	void startRow() throws IOException {
		if (!inSheet) {
			throw new IllegalStateException("no sheet is open");
		}
		if (rowNumber == MAX_ROWS) {
			throw new IllegalStateException("a sheet holds at most " + MAX_ROWS + " rows");
		}
		rowNumber++;
		xml.write("<row r=\"");
		xml.write(Integer.toString(rowNumber));
		xml.write("\">");
	}

	void endRow() throws IOException {
		xml.write("</row>");
	}

	/** A text cell in column {@code column} (from 0) of the current row; bold for a header. */
	void text(int column, String value, boolean bold) throws IOException {
		xml.write("<c r=\"");
		reference(column);
		xml.write(bold ? "\" s=\"1\" t=\"inlineStr\"><is><t xml:space=\"preserve\">" : "\" t=\"inlineStr\"><is><t xml:space=\"preserve\">");
		escape(value);
		xml.write("</t></is></c>");
	}

	/** A number cell. */
	void number(int column, Number value) throws IOException {
		double d = value.doubleValue();
		if (Double.isNaN(d) || Double.isInfinite(d)) {
			text(column, String.valueOf(value), false);
			return;
		}
		xml.write("<c r=\"");
		reference(column);
		xml.write("\"><v>");
		xml.write(value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
				? value.toString() : d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d));
		xml.write("</v></c>");
	}

	/** The column letters and the row number, e.g. AB12. */
	private void reference(int column) throws IOException {
		char[] letters = new char[3];
		int at = letters.length;
		for (int n = column + 1; n > 0; n = (n - 1) / 26) {
			letters[--at] = (char) ('A' + (n - 1) % 26);
		}
		xml.write(letters, at, letters.length - at);
		xml.write(Integer.toString(rowNumber));
	}

	/** XML text: the five entities escaped, and the characters XML 1.0 cannot carry dropped. */
	private void escape(String s) throws IOException {
		int start = 0;
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			String entity = switch (c) {
				case '<' -> "&lt;";
				case '>' -> "&gt;";
				case '&' -> "&amp;";
				case '"' -> "&quot;";
				default -> null;
			};
			boolean drop = entity == null && ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF
					|| (Character.isHighSurrogate(c) && (i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(i + 1))))
					|| (Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)))));
			if (entity != null || drop) {
				xml.write(s, start, i - start);
				if (entity != null) {
					xml.write(entity);
				}
				start = i + 1;
			}
		}
		xml.write(s, start, s.length() - start);
	}

	private void endSheet() throws IOException {
		if (inSheet) {
			xml.write("</sheetData><pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/></worksheet>");
			xml.flush();
			zip.closeEntry();
			inSheet = false;
		}
	}

	/** Closes the last sheet and writes the package's other parts; the target stream stays open. */
	void close() throws IOException {
		endSheet();
		int sheets = sheetNames.size();
		part("[Content_Types].xml", contentTypes(sheets));
		part("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"" + PKG_REL
				+ "\"><Relationship Id=\"rId1\" Type=\"" + REL + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
		StringBuilder book = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<workbook xmlns=\"")
				.append(MAIN).append("\" xmlns:r=\"").append(REL).append("\"><bookViews><workbookView/></bookViews><sheets>");
		StringBuilder rels = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"")
				.append(PKG_REL).append("\">");
		for (int i = 1; i <= sheets; i++) {
			book.append("<sheet name=\"").append(attribute(sheetNames.get(i - 1))).append("\" sheetId=\"").append(i)
					.append("\" r:id=\"rId").append(i).append("\"/>");
			rels.append("<Relationship Id=\"rId").append(i).append("\" Type=\"").append(REL)
					.append("/worksheet\" Target=\"worksheets/sheet").append(i).append(".xml\"/>");
		}
		rels.append("<Relationship Id=\"rId").append(sheets + 1).append("\" Type=\"").append(REL)
				.append("/styles\" Target=\"styles.xml\"/></Relationships>");
		part("xl/workbook.xml", book.append("</sheets></workbook>").toString());
		part("xl/_rels/workbook.xml.rels", rels.toString());
		part("xl/styles.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<styleSheet xmlns=\"" + MAIN
				+ "\"><fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
				+ "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font></fonts>"
				+ "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
				+ "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
				+ "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
				+ "<cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
				+ "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/></cellXfs>"
				+ "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>");
		xml.flush();
		zip.finish();
		zip.flush();
	}

	private static String contentTypes(int sheets) {
		StringBuilder s = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
				+ "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
				+ "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
				+ "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
				+ "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
				+ "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>");
		for (int i = 1; i <= sheets; i++) {
			s.append("<Override PartName=\"/xl/worksheets/sheet").append(i)
					.append(".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
		}
		return s.append("</Types>").toString();
	}

	private void part(String name, String content) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		xml.write(content);
		xml.flush();
		zip.closeEntry();
	}

	private static String attribute(String s) {
		return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}
}
