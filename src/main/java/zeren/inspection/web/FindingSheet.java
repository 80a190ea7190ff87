package zeren.inspection.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import zeren.inspection.Finding;
import zeren.inspection.Findings;
import zeren.inspection.Findings.ImportRow;
import zeren.platform.xlsx.HeaderedSheet;
import zeren.platform.xlsx.SheetLimits;

/**
 * The findings sheet (督导检查发现问题清单) as XLSX: a title row, the header row, one row per
 * finding; the template carries a second sheet with the focus items and severities to choose
 * from. Errors name the line of the file and the column.
 */
final class FindingSheet {

	static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private static final int[] WIDTHS = { 14, 20, 24, 50, 10, 24 };

	private FindingSheet() {
	}

	/** The template: the header, an example row, and the choices on a second sheet. */
	static byte[] template(List<String> focusItems) throws IOException {
		try (Workbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.createSheet("发现问题");
			CellStyle header = header(book);
			Row title = sheet.createRow(0);
			Cell t = title.createCell(0);
			t.setCellValue("督导检查发现问题清单（每行一个问题；检查重点填序号或原文；问题等级：一般、严重、重大；责任岗位以“、”分隔）");
			sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, Findings.COLUMNS.size() - 1));
			Row head = sheet.createRow(1);
			for (int c = 0; c < Findings.COLUMNS.size(); c++) {
				Cell cell = head.createCell(c);
				cell.setCellValue(Findings.COLUMNS.get(c));
				cell.setCellStyle(header);
				sheet.setColumnWidth(c, WIDTHS[c] * 256 * 2);
			}
			sheet.createFreezePane(0, 2);
			Sheet choices = book.createSheet("填写说明");
			Row r0 = choices.createRow(0);
			r0.createCell(0).setCellValue("检查重点序号");
			r0.createCell(1).setCellValue("检查重点");
			r0.getCell(0).setCellStyle(header);
			r0.getCell(1).setCellStyle(header);
			for (int i = 0; i < focusItems.size(); i++) {
				Row r = choices.createRow(i + 1);
				r.createCell(0).setCellValue(i + 1);
				r.createCell(1).setCellValue(focusItems.get(i));
			}
			Row sev = choices.createRow(focusItems.size() + 2);
			sev.createCell(0).setCellValue("问题等级");
			sev.getCell(0).setCellStyle(header);
			int c = 1;
			for (Finding.Severity s : Finding.Severity.values()) {
				sev.createCell(c++).setCellValue(s.chineseName());
			}
			choices.setColumnWidth(1, 80 * 256);
			book.write(out);
			return out.toByteArray();
		}
	}

	private static CellStyle header(Workbook book) {
		var bold = book.createFont();
		bold.setBold(true);
		CellStyle header = book.createCellStyle();
		header.setFont(bold);
		return header;
	}

	/** The rows of the first sheet below its header row, blank rows skipped. */
	static List<ImportRow> read(InputStream in) {
		return HeaderedSheet.read(in, SheetLimits.of("findings"), "问题描述", Findings.COLUMNS,
				line -> new ImportRow(line.number(), line.get("单位编码"), line.get("检查重点"), line.get("问题描述"),
						line.get("问题等级"), line.get("责任岗位"), List.of()));
	}
}
