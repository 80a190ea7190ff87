package zeren.platform.xlsx;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import zeren.platform.InputError;
import zeren.platform.InvalidInputException;

/**
 * Reads the first sheet of an uploaded XLSX laid out as a table with a header row, the way
 * the application's own exports and templates are (a title above the header is allowed):
 * the header is the first of the top ten rows that contains the {@code anchor} heading, the
 * columns are found by their heading in any order, and every non-blank row below becomes one
 * {@link Line}. A file that is not an XLSX, or whose header lacks a column, is refused with an
 * error naming the file or the header line and the column, before any row is read.
 */
public final class HeaderedSheet {

	private HeaderedSheet() {
	}

	/** One non-blank row below the header: its line number as Excel shows it, and its cells. */
	public record Line(long number, Row row, Map<String, Integer> columns, Map<String, String> values) {

		/** The cell's text as Excel shows it, stripped; "" when empty. */
		public String get(String header) {
			return values.getOrDefault(header, "");
		}

		/** The cell under a heading, or null when the row has none there. */
		public Cell cell(String header) {
			return row.getCell(columns.get(header));
		}
	}

	/** The rows below the header, blank rows skipped, each turned into a T by {@code reader}. */
	public static <T> List<T> read(InputStream in, String anchor, List<String> headers, Function<Line, T> reader) {
		Workbook book;
		try {
			book = new XSSFWorkbook(in);
		}
		catch (IOException | RuntimeException e) {
			throw InvalidInputException.of("file", "error.import.xlsx-unreadable");
		}
		try (book) {
			if (book.getNumberOfSheets() == 0) {
				throw InvalidInputException.of("file", "error.import.xlsx-unreadable");
			}
			Sheet sheet = book.getSheetAt(0);
			DataFormatter formatter = new DataFormatter();
			int headerRow = -1;
			Map<String, Integer> columns = new HashMap<>();
			for (int r = sheet.getFirstRowNum(); r <= Math.min(sheet.getLastRowNum(), 9) && headerRow < 0; r++) {
				Row row = sheet.getRow(r);
				if (row == null) {
					continue;
				}
				for (Cell cell : row) {
					if (anchor.equals(text(cell, formatter))) {
						headerRow = r;
					}
				}
				if (headerRow >= 0) {
					for (Cell cell : row) {
						columns.putIfAbsent(text(cell, formatter), cell.getColumnIndex());
					}
				}
			}
			String expected = String.join(",", headers);
			if (headerRow < 0) {
				throw InvalidInputException.of("file", "error.import.header-missing", expected);
			}
			for (String h : headers) {
				if (!columns.containsKey(h)) {
					throw new InvalidInputException(List.of(InputError.line(headerRow + 1, h,
							"error.import.header-column-missing", h, expected)));
				}
			}
			List<T> lines = new ArrayList<>();
			for (int r = headerRow + 1; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				if (row == null) {
					continue;
				}
				Map<String, String> values = new HashMap<>();
				boolean blank = true;
				for (String h : headers) {
					String text = text(row.getCell(columns.get(h)), formatter);
					values.put(h, text);
					blank &= text.isEmpty();
				}
				if (!blank) {
					lines.add(reader.apply(new Line(r + 1, row, columns, values)));
				}
			}
			return lines;
		}
		catch (IOException e) {
			throw InvalidInputException.of("file", "error.import.xlsx-unreadable");
		}
	}

	private static String text(Cell cell, DataFormatter formatter) {
		return cell == null ? "" : formatter.formatCellValue(cell).strip();
	}
}
