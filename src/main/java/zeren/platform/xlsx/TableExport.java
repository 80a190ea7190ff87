package zeren.platform.xlsx;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.temporal.TemporalAccessor;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import jakarta.servlet.http.HttpServletResponse;
import zeren.platform.document.DocumentFormat;

/**
 * The one way a page's table (an overview, a board, statistics, a list) is downloaded as XLSX:
 * the controller runs the same scoped query as the page, with the page's filters, and writes
 * its rows here, sheet by sheet, with the page's column labels. POI's streaming workbook keeps
 * 100 rows in memory, so a long table does not grow the heap. Numbers stay numbers; dates are
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

	private final SXSSFWorkbook workbook;
	private final CellStyle header;

	private TableExport(SXSSFWorkbook workbook) {
		this.workbook = workbook;
		this.header = workbook.createCellStyle();
		Font bold = workbook.createFont();
		bold.setBold(true);
		header.setFont(bold);
	}

	/** Writes the workbook. */
	@FunctionalInterface
	public interface Content {

		void write(TableExport book) throws IOException;
	}

	/** One sheet: its header row is written; {@link #row} appends. */
	public final class Sheet {

		private final org.apache.poi.ss.usermodel.Sheet sheet;
		private int next = 1;

		private Sheet(org.apache.poi.ss.usermodel.Sheet sheet) {
			this.sheet = sheet;
		}

		/** A row of values, one per column (Number, text, date, or null). */
		public Sheet row(Object... values) {
			return row(java.util.Arrays.asList(values));
		}

		public Sheet row(List<?> values) {
			Row row = sheet.createRow(next++);
			for (int c = 0; c < values.size(); c++) {
				Object v = values.get(c);
				if (v == null) {
					continue;
				}
				if (v instanceof Number n) {
					row.createCell(c).setCellValue(n.doubleValue());
				}
				else {
					String text = v instanceof LocalDate d ? d.toString()
							: v instanceof TemporalAccessor t ? t.toString() : String.valueOf(v);
					row.createCell(c).setCellValue(text.length() > MAX_CELL ? text.substring(0, MAX_CELL) : text);
				}
			}
			return this;
		}
	}

	/** A new sheet named {@code name} (cut to Excel's 31 characters) with its header row. */
	public Sheet sheet(String name, List<String> headers) {
		String safe = name.replaceAll("[\\\\/?*\\[\\]:]", "_");
		org.apache.poi.ss.usermodel.Sheet s = workbook.createSheet(safe.length() > 31 ? safe.substring(0, 31) : safe);
		Row head = s.createRow(0);
		for (int i = 0; i < headers.size(); i++) {
			var cell = head.createCell(i);
			cell.setCellValue(headers.get(i));
			cell.setCellStyle(header);
			s.setColumnWidth(i, Math.min(60, Math.max(8, headers.get(i).length() * 2 + 4)) * 256);
		}
		if (s instanceof SXSSFSheet streaming) {
			streaming.createFreezePane(0, 1);
		}
		return new Sheet(s);
	}

	/** The workbook written into {@code out}. */
	public static void write(OutputStream out, Content content) throws IOException {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
			content.write(new TableExport(workbook));
			workbook.write(out);
		}
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
