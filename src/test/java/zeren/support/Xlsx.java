package zeren.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** An XLSX as a test reads it with POI: each sheet's name and rows as text. */
public final class Xlsx {

	private Xlsx() {
	}

	public record Table(String name, List<List<String>> rows) {

		public List<String> header() {
			return rows.get(0);
		}

		public List<List<String>> body() {
			return rows.subList(1, rows.size());
		}
	}

	public static List<Table> sheets(byte[] xlsx) throws IOException {
		DataFormatter format = new DataFormatter();
		List<Table> tables = new ArrayList<>();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			for (Sheet sheet : book) {
				List<List<String>> rows = new ArrayList<>();
				for (Row row : sheet) {
					List<String> cells = new ArrayList<>();
					for (int c = 0; c < row.getLastCellNum(); c++) {
						Cell cell = row.getCell(c);
						cells.add(cell == null ? "" : format.formatCellValue(cell));
					}
					rows.add(cells);
				}
				tables.add(new Table(sheet.getSheetName(), rows));
			}
		}
		return tables;
	}
}
