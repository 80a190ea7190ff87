package zeren.platform.xlsx;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.temporal.TemporalAccessor;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import zeren.platform.document.DocumentFormat;

/**
 * The one way a page's table (an overview, a board, statistics, a list) is downloaded as XLSX:
 * the controller runs the same scoped query as the page, with the page's filters, and writes
 * its rows here, sheet by sheet, with the page's column labels. Each row goes straight into the
 * XLSX package as it is written ({@link XlsxStream}), so a long table neither grows the heap nor
 * waits on a temporary file; the sheets are written one after the other (rows go to the newest). Numbers stay numbers; dates are
 * written as text yyyy-MM-dd (one date format per language, as on the page); null is an empty
 * cell.
 *
 * <pre>{@code
 * TableExport.send(response, "责任书签署情况", book -> {
 *     TableExport.Sheet sheet = book.sheet("签署情况", List.of("发文方", "受文方", "状态"));
 *     for (Row r : rows) sheet.row(r.issuer(), r.recipient(), label(r.status()));
 * });
 * }</pre>
 *
 * Call it after the scoped query has run (or a scope check): a refusal then answers 404 before
 * any byte is written.
 */
public final class TableExport {

	public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	/** The longest text a cell takes (Excel's limit). */
	private static final int MAX_CELL = 32_767;

	private final XlsxStream xlsx;
	private Sheet current;

	private TableExport(XlsxStream xlsx) {
		this.xlsx = xlsx;
	}

	/** Writes the workbook. */
	@FunctionalInterface
	public interface Content {

		void write(TableExport book) throws IOException;
	}

	/** One sheet: its header row is written; {@link #row} appends. */
	public final class Sheet {

		private Sheet() {
		}

		/** A row of values, one per column (Number, text, date, or null). */
		public Sheet row(Object... values) {
			return row(java.util.Arrays.asList(values));
		}

		public Sheet row(List<?> values) {
			if (current != this) {
				throw new IllegalStateException("rows are written to the newest sheet only");
			}
			try {
				xlsx.startRow();
				for (int c = 0; c < values.size(); c++) {
					Object v = values.get(c);
					if (v == null) {
						continue;
					}
					if (v instanceof Number n) {
						xlsx.number(c, n);
					}
					else {
						String text = v instanceof LocalDate d ? d.toString()
								: v instanceof TemporalAccessor t ? t.toString() : String.valueOf(v);
						xlsx.text(c, text.length() > MAX_CELL ? text.substring(0, MAX_CELL) : text, false);
					}
				}
				xlsx.endRow();
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			return this;
		}
	}

	/** A new sheet named {@code name} (cut to Excel's 31 characters) with its header row in bold, frozen. */
	public Sheet sheet(String name, List<String> headers) {
		String safe = name.replaceAll("[\\\\/?*\\[\\]:]", "_");
		int[] widths = headers.stream().mapToInt(h -> Math.min(60, Math.max(8, h.length() * 2 + 4))).toArray();
		try {
			xlsx.startSheet(safe.length() > 31 ? safe.substring(0, 31) : safe, widths);
			xlsx.startRow();
			for (int i = 0; i < headers.size(); i++) {
				xlsx.text(i, headers.get(i), true);
			}
			xlsx.endRow();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		current = new Sheet();
		return current;
	}

	/**
	 * The workbook written into {@code out} (which stays open). When {@code content} fails half-way
	 * the package is left unfinished — a file that does not open, never one that looks complete.
	 */
	public static void write(OutputStream out, Content content) throws IOException {
		XlsxStream xlsx = new XlsxStream(out);
		content.write(new TableExport(xlsx));
		xlsx.close();
	}

	/** The workbook as a download {@code name}.xlsx (a Chinese name, RFC 5987). */
	public static void send(HttpServletResponse response, String name, Content content) {
		try {
			response.setContentType(CONTENT_TYPE);
			response.setHeader("Content-Disposition", DocumentFormat.disposition(name, "xlsx"));
			write(response.getOutputStream(), content);
			response.flushBuffer();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
