package zeren.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** An XLSX to upload, as a person would fill one in: a title row, the header row, the rows (numbers as numbers). */
public final class SheetFile {

	private SheetFile() {
	}

	public static byte[] of(String title, List<String> headers, Object[]... rows) throws IOException {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.createSheet("Sheet1");
			sheet.createRow(0).createCell(0).setCellValue(title);
			Row header = sheet.createRow(1);
			for (int c = 0; c < headers.size(); c++) {
				header.createCell(c).setCellValue(headers.get(c));
			}
			for (int r = 0; r < rows.length; r++) {
				Row row = sheet.createRow(r + 2);
				for (int c = 0; c < rows[r].length; c++) {
					if (rows[r][c] instanceof Number n) {
						row.createCell(c).setCellValue(n.doubleValue());
					}
					else {
						row.createCell(c).setCellValue(String.valueOf(rows[r][c]));
					}
				}
			}
			book.write(out);
			return out.toByteArray();
		}
	}
}
