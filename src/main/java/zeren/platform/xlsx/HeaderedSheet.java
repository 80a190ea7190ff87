package zeren.platform.xlsx;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import zeren.platform.InputError;
import zeren.platform.InvalidInputException;

/**
 * Reads the first sheet of an uploaded XLSX laid out as a table with a header row, the way
 * the application's own exports and templates are (a title above the header is allowed):
 * the header is the first of the top ten rows that contains the {@code anchor} heading, the
 * columns are found by their heading in any order, and every non-blank row below becomes one
 * {@link Line}. A file that is not an XLSX, or whose header lacks a column, is refused with an
 * error naming the file or the header line and the column, before any row is read.
 *
 * <p>The sheet is read streaming ({@link StreamingSheet}) within the limits of its kind: a file
 * with more than {@link SheetLimits#maxRows()} rows below the header is refused when the row
 * after the last allowed one is read, so the rest of the file is never parsed.
 */
public final class HeaderedSheet {

	/** The header is looked for in this many rows at the top. */
	private static final int HEADER_WITHIN = 10;

	private HeaderedSheet() {
	}

	/** One non-blank row below the header: its line number as Excel shows it, and its cells. */
	public record Line(long number, Map<String, String> values, Map<String, LocalDateTime> dates) {

		/** The cell's text as Excel shows it, stripped; "" when empty. */
		public String get(String header) {
			return values.getOrDefault(header, "");
		}

		/** The cell's date when it holds one (a number in a date format, as Excel stores dates); else null. */
		public LocalDate date(String header) {
			LocalDateTime date = dates.get(header);
			return date == null ? null : date.toLocalDate();
		}
	}

	/**
	 * The rows below the header, blank rows skipped, each turned into a T by {@code reader}.
	 *
	 * @param limits the limits of this kind of file, usually {@link SheetLimits#of(String)}
	 */
	public static <T> List<T> read(InputStream in, SheetLimits limits, String anchor, List<String> headers,
			Function<Line, T> reader) {
		Path file = null;
		try {
			file = Files.createTempFile("zeren-upload-", ".xlsx");
			Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
			return read(file, limits, anchor, headers, reader);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			if (file != null) {
				try {
					Files.deleteIfExists(file);
				}
				catch (IOException e) {
					// a temporary file left behind; the system's cleaning removes it
				}
			}
		}
	}

	private static <T> List<T> read(Path file, SheetLimits limits, String anchor, List<String> headers,
			Function<Line, T> reader) {
		String expected = String.join(",", headers);
		List<T> lines = new ArrayList<>();
		Map<String, Integer> columns = new HashMap<>();
		boolean[] headerSeen = { false };
		StreamingSheet.read(file, limits, row -> {
			if (!headerSeen[0]) {
				if (row.number() > HEADER_WITHIN) {
					throw InvalidInputException.of("file", "error.import.header-missing", expected);
				}
				if (!isHeader(row, anchor)) {
					return;
				}
				headerSeen[0] = true;
				for (int c = 0; c < StreamingSheet.MAX_COLUMNS; c++) {
					String text = row.text(c).strip();
					if (!text.isEmpty()) {
						columns.putIfAbsent(text, c);
					}
				}
				for (String h : headers) {
					if (!columns.containsKey(h)) {
						throw new InvalidInputException(List.of(InputError.line(row.number(), h,
								"error.import.header-column-missing", h, expected)));
					}
				}
				return;
			}
			Map<String, String> values = new HashMap<>();
			Map<String, LocalDateTime> dates = new HashMap<>();
			boolean blank = true;
			for (String h : headers) {
				int c = columns.get(h);
				String text = row.text(c).strip();
				values.put(h, text);
				if (row.date(c) != null) {
					dates.put(h, row.date(c));
				}
				blank &= text.isEmpty();
			}
			if (blank) {
				return;
			}
			if (lines.size() == limits.maxRows()) {
				throw new InvalidInputException(List.of(InputError.line(row.number(), "file",
						"error.upload.too-many-rows", limits.maxRows())));
			}
			lines.add(reader.apply(new Line(row.number(), values, dates)));
		});
		if (!headerSeen[0]) {
			throw InvalidInputException.of("file", "error.import.header-missing", expected);
		}
		return lines;
	}

	private static boolean isHeader(StreamingSheet.Row row, String anchor) {
		for (int c = 0; c < StreamingSheet.MAX_COLUMNS; c++) {
			if (anchor.equals(row.text(c).strip())) {
				return true;
			}
		}
		return false;
	}
}
