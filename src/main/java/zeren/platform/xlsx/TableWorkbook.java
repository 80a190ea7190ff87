package zeren.platform.xlsx;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A workbook of plain tables, one sheet each: a header row, then rows of cells (numbers stay
 * numbers, anything else is written as text, {@code null} as an empty cell). Written with POI's
 * streaming workbook, so a long table does not stay in memory.
 */
public final class TableWorkbook {

	private record Table(String name, List<String> headers, List<? extends List<?>> rows) {
	}

	private final List<Table> tables = new ArrayList<>();

	/** Adds a sheet (its name cut to Excel's 31 characters). */
	public TableWorkbook sheet(String name, List<String> headers, List<? extends List<?>> rows) {
		tables.add(new Table(name.length() > 31 ? name.substring(0, 31) : name, List.copyOf(headers), rows));
		return this;
	}

	public void write(OutputStream out) throws IOException {
		try (SXSSFWorkbook book = new SXSSFWorkbook(100)) {
			for (Table t : tables) {
				Sheet sheet = book.createSheet(t.name());
				Row head = sheet.createRow(0);
				for (int i = 0; i < t.headers().size(); i++) {
					head.createCell(i).setCellValue(t.headers().get(i));
				}
				int r = 1;
				for (List<?> values : t.rows()) {
					Row row = sheet.createRow(r++);
					for (int i = 0; i < values.size(); i++) {
						Object v = values.get(i);
						if (v instanceof Number n) {
							row.createCell(i).setCellValue(n.doubleValue());
						}
						else if (v != null) {
							row.createCell(i).setCellValue(v.toString());
						}
					}
				}
			}
			book.write(out);
		}
	}
}
