package zeren.platform.xlsx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The XLSX that {@link TableExport} streams is a workbook Excel's readers open: POI and Zeren's own reader. */
class TableExportTest {

	@TempDir
	Path dir;

	private static byte[] export(TableExport.Content content) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		TableExport.write(out, content);
		return out.toByteArray();
	}

	@Test
	void sheets_rows_numbers_dates_and_awkward_text_read_back_as_written() throws IOException {
		byte[] bytes = export(book -> {
			book.sheet("台账/2026:明细", List.of("单位", "序号", "日期", "说明")).row("长沙县委", 1, LocalDate.of(2026, 3, 5),
					"<审核> & \"销号\"\u0001 😀").row("望城区委", 2.5, null, "line 1\nline 2");
			book.sheet("合计", List.of("项目", "数量")).row("任务", 123_456_789L);
		});

		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
			assertThat(book.getNumberOfSheets()).isEqualTo(2);
			XSSFSheet first = book.getSheetAt(0);
			assertThat(first.getSheetName()).isEqualTo("台账_2026_明细");
			assertThat(first.getRow(0).getCell(0).getStringCellValue()).isEqualTo("单位");
			assertThat(first.getRow(0).getCell(0).getCellStyle().getFont().getBold()).isTrue();
			assertThat(first.getRow(1).getCell(1).getCellStyle().getFont().getBold()).isFalse();
			assertThat(first.getPaneInformation().isFreezePane()).isTrue();
			assertThat(first.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
			assertThat(first.getRow(1).getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(first.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(1.0);
			assertThat(first.getRow(1).getCell(2).getStringCellValue()).isEqualTo("2026-03-05");
			// the control character XML cannot carry is dropped, the rest (entities, an emoji) kept
			assertThat(first.getRow(1).getCell(3).getStringCellValue()).isEqualTo("<审核> & \"销号\" 😀");
			assertThat(first.getRow(2).getCell(1).getNumericCellValue()).isEqualTo(2.5);
			assertThat(first.getRow(2).getCell(2)).isNull();
			assertThat(first.getRow(2).getCell(3).getStringCellValue()).isEqualTo("line 1\nline 2");
			assertThat(book.getSheetAt(1).getRow(1).getCell(1).getNumericCellValue()).isEqualTo(123_456_789.0);
		}

		Path file = dir.resolve("export.xlsx");
		Files.write(file, bytes);
		List<String> read = new ArrayList<>();
		StreamingSheet.read(file, new SheetLimits(100, 10_000, 1_000_000), row -> read.add(row.text(0) + "|" + row.text(1)));
		assertThat(read).containsExactly("单位|序号", "长沙县委|1", "望城区委|2.5");
	}

	@Test
	void columns_past_z_are_lettered_as_excel_does() throws IOException {
		List<String> headers = new ArrayList<>();
		List<Object> values = new ArrayList<>();
		for (int c = 0; c < 730; c++) {
			headers.add("h" + c);
			values.add(c);
		}
		byte[] bytes = export(book -> book.sheet("宽表", headers).row(values));
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
			var row = book.getSheetAt(0).getRow(1);
			for (int c : new int[] { 0, 25, 26, 51, 52, 701, 702, 729 }) {
				assertThat(row.getCell(c).getNumericCellValue()).as("column %d", c).isEqualTo(c);
			}
		}
	}

	@Test
	void rows_go_to_the_newest_sheet_only() {
		assertThatThrownBy(() -> export(book -> {
			TableExport.Sheet first = book.sheet("一", List.of("a"));
			book.sheet("二", List.of("b"));
			first.row("late");
		})).isInstanceOf(IllegalStateException.class);
	}
}
