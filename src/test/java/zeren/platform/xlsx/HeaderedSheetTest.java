package zeren.platform.xlsx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import zeren.platform.InputError;
import zeren.platform.InvalidInputException;

/** The streaming sheet reader on its own, without Spring. */
class HeaderedSheetTest {

	private static final List<String> HEADERS = List.of("名称", "日期", "数量");

	private static final SheetLimits ROOMY = new SheetLimits(100, 100, 10_000);

	private static List<HeaderedSheet.Line> read(byte[] xlsx, SheetLimits limits) {
		return HeaderedSheet.read(new ByteArrayInputStream(xlsx), limits, "名称", HEADERS, line -> line);
	}

	private static InvalidInputException refused(byte[] xlsx, SheetLimits limits) {
		try {
			read(xlsx, limits);
		}
		catch (InvalidInputException e) {
			return e;
		}
		throw new AssertionError("the file was not refused");
	}

	/**
	 * A title, a blank row, the header (columns in another order and one more), then rows (a
	 * number, a date cell) with a blank row after the first: data on rows 4, 6, 7, 8 ...
	 */
	private static byte[] table(int rows) throws IOException {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.createSheet();
			sheet.createRow(0).createCell(0).setCellValue("某单位 2026 年度表");
			Row head = sheet.createRow(2);
			String[] headers = { "数量", "备注", "名称", "日期" };
			for (int c = 0; c < headers.length; c++) {
				head.createCell(c).setCellValue(headers[c]);
			}
			CellStyle dateStyle = book.createCellStyle();
			dateStyle.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("yyyy/m/d"));
			for (int r = 0; r < rows; r++) {
				Row row = sheet.createRow(3 + r + (r >= 1 ? 1 : 0));
				row.createCell(0).setCellValue(r + 1);
				row.createCell(1).setCellValue("不读的列");
				row.createCell(2).setCellValue("  第" + (r + 1) + "项 ");
				var date = row.createCell(3);
				date.setCellValue(LocalDate.of(2026, 6, 30).plusDays(r));
				date.setCellStyle(dateStyle);
			}
			book.write(out);
			return out.toByteArray();
		}
	}

	@Test
	void rows_below_the_header_are_read_by_heading_with_dates_and_numbers_as_excel_shows_them() throws IOException {
		List<HeaderedSheet.Line> lines = read(table(3), ROOMY);
		assertThat(lines).extracting(HeaderedSheet.Line::number).containsExactly(4L, 6L, 7L);
		HeaderedSheet.Line first = lines.get(0);
		assertThat(first.get("名称")).isEqualTo("第1项");
		assertThat(first.get("数量")).isEqualTo("1");
		assertThat(first.get("日期")).isEqualTo("2026/6/30");
		assertThat(first.date("日期")).isEqualTo(LocalDate.of(2026, 6, 30));
		assertThat(first.date("名称")).isNull();
		assertThat(lines.get(2).date("日期")).isEqualTo(LocalDate.of(2026, 7, 2));
	}

	@Test
	void inline_strings_as_a_streaming_writer_leaves_them_read_the_same() throws IOException {
		try (SXSSFWorkbook book = new SXSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.createSheet();
			Row head = sheet.createRow(0);
			for (int c = 0; c < HEADERS.size(); c++) {
				head.createCell(c).setCellValue(HEADERS.get(c));
			}
			Row row = sheet.createRow(1);
			row.createCell(0).setCellValue("内联");
			row.createCell(2).setCellFormula("1+2");
			book.write(out);
			List<HeaderedSheet.Line> lines = read(out.toByteArray(), ROOMY);
			assertThat(lines).singleElement().satisfies(line -> {
				assertThat(line.get("名称")).isEqualTo("内联");
				assertThat(line.get("日期")).isEmpty();
			});
		}
	}

	@Test
	void a_file_that_is_no_xlsx_or_lacks_its_header_is_refused_naming_it() throws IOException {
		assertThat(refused("not a workbook".getBytes(), ROOMY).errors()).extracting(InputError::field, InputError::code)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("file", "error.import.xlsx-unreadable"));
		assertThat(refused(Workbooks.xlsx(List.of(List.of("别的"), List.of("x"))), ROOMY).errors())
			.extracting(InputError::code).containsExactly("error.import.header-missing");
		InvalidInputException missing = refused(Workbooks.xlsx(List.of(List.of("标题"), List.of("名称", "日期"))), ROOMY);
		assertThat(missing.errors()).extracting(InputError::line, InputError::field, InputError::code)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(2L, "数量", "error.import.header-column-missing"));
	}

	@Test
	void more_rows_than_the_limit_are_refused_at_the_row_after_it_without_reading_on() throws IOException {
		assertThat(read(table(5), new SheetLimits(5, 100, 10_000))).hasSize(5);
		List<Long> handed = new ArrayList<>();
		assertThatThrownBy(() -> HeaderedSheet.read(new ByteArrayInputStream(table(50)), new SheetLimits(5, 100, 10_000),
				"名称", HEADERS, line -> handed.add(line.number())))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
				.extracting(InputError::line, InputError::code, InputError::args)
				.containsExactly(org.assertj.core.groups.Tuple.tuple(10L, "error.upload.too-many-rows", List.of(5))));
		assertThat(handed).hasSize(5);
	}

	@Test
	void a_cell_too_long_or_too_much_text_is_refused_naming_the_limit() {
		byte[] longCell = Workbooks.xlsx(List.of(HEADERS, List.of("x".repeat(101), "", "")));
		assertThat(refused(longCell, ROOMY).errors()).extracting(InputError::code, InputError::args)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("error.upload.cell-too-long", List.of(100)));
		List<List<String>> rows = new ArrayList<>(List.of(HEADERS));
		for (int i = 0; i < 150; i++) {
			rows.add(List.of("第" + i + "项" + "文".repeat(90), "", ""));
		}
		assertThat(refused(Workbooks.xlsx(rows), ROOMY).errors()).extracting(InputError::code, InputError::args)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("error.upload.too-much-text", List.of(10_000L)));
	}

	@Test
	void a_zip_bomb_is_refused_as_one() {
		assertThat(refused(Workbooks.zipBomb(), SheetLimits.DEFAULT).errors()).extracting(InputError::field, InputError::code)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("file", "error.upload.zip-bomb"));
	}
}
