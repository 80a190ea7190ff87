package zeren.org.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

import zeren.platform.InputError;
import zeren.platform.InvalidInputException;

/**
 * The first sheet of an XLSX organisation file, read with POI's streaming (SAX) reader: rows
 * are handed over as they are parsed. Only the shared-strings table is held in memory.
 */
public final class XlsxRowSource implements RowSource {

	private final Path file;

	/** @param file the workbook on disk (an upload is spooled to a temporary file first) */
	public XlsxRowSource(Path file) {
		this.file = file;
	}

	@Override
	public void forEach(Consumer<ImportRow> handler) throws IOException {
		try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
			XSSFReader reader = new XSSFReader(pkg);
			ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
			StylesTable styles = reader.getStylesTable();
			XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
			if (!sheets.hasNext()) {
				throw new InvalidInputException(List.of(InputError.line(1, "header", "error.import.header-missing",
						String.join(",", CsvRowSource.COLUMNS))));
			}
			RowCollector collector = new RowCollector(handler);
			try (InputStream sheet = sheets.next()) {
				XMLReader parser = XMLHelper.newXMLReader();
				parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, collector,
						new org.apache.poi.ss.usermodel.DataFormatter(), false));
				parser.parse(new InputSource(sheet));
			}
			if (!collector.headerSeen) {
				throw new InvalidInputException(List.of(InputError.line(1, "header", "error.import.header-missing",
						String.join(",", CsvRowSource.COLUMNS))));
			}
		}
		catch (OpenXML4JException | SAXException | ParserConfigurationException | org.apache.poi.ooxml.POIXMLException
				| org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException e) {
			if (e instanceof SAXException sax && sax.getCause() instanceof InvalidInputException invalid) {
				throw invalid;
			}
			throw new InvalidInputException(List.of(InputError.line(1, "file", "error.import.xlsx-unreadable")));
		}
	}

	private static final class RowCollector implements XSSFSheetXMLHandler.SheetContentsHandler {

		private final Consumer<ImportRow> handler;
		private final int[] index = new int[4];
		private final String[] values = new String[4];
		private boolean headerSeen;
		private int rowNumber;
		private boolean empty;
		private final String[] headerCells = new String[64];

		RowCollector(Consumer<ImportRow> handler) {
			this.handler = handler;
			Arrays.fill(index, -1);
		}

		@Override
		public void startRow(int rowNum) {
			rowNumber = rowNum + 1;
			Arrays.fill(values, null);
			Arrays.fill(headerCells, null);
			empty = true;
		}

		@Override
		public void cell(String cellReference, String formattedValue, XSSFComment comment) {
			if (formattedValue == null || formattedValue.isBlank()) {
				return;
			}
			empty = false;
			int column = new CellReference(cellReference).getCol();
			if (!headerSeen) {
				if (column < headerCells.length) {
					headerCells[column] = formattedValue.strip();
				}
				return;
			}
			for (int c = 0; c < 4; c++) {
				if (index[c] == column) {
					values[c] = formattedValue.strip();
				}
			}
		}

		@Override
		public void endRow(int rowNum) {
			if (empty) {
				return;
			}
			if (!headerSeen) {
				headerSeen = true;
				for (int i = 0; i < headerCells.length; i++) {
					if (headerCells[i] == null) {
						continue;
					}
					String name = headerCells[i].toLowerCase(Locale.ROOT);
					name = switch (name) {
						case "编码", "代码" -> "code";
						case "名称" -> "name";
						case "上级编码", "上级代码" -> "parent_code";
						case "类型" -> "type";
						default -> name;
					};
					int c = CsvRowSource.COLUMNS.indexOf(name);
					if (c >= 0 && index[c] < 0) {
						index[c] = i;
					}
				}
				for (int c = 0; c < 4; c++) {
					if (index[c] < 0) {
						throw new InvalidInputException(List.of(InputError.line(rowNumber, "header",
								"error.import.header-column-missing", CsvRowSource.COLUMNS.get(c),
								String.join(",", CsvRowSource.COLUMNS))));
					}
				}
				return;
			}
			handler.accept(new ImportRow(rowNumber, values[0], values[1], values[2], values[3]));
		}
	}
}
