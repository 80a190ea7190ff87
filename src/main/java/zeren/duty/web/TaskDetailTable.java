package zeren.duty.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import zeren.duty.DutyList;
import zeren.duty.DutyListManagement.ImportRow;
import zeren.platform.InputError;
import zeren.platform.xlsx.HeaderedSheet;
import zeren.platform.xlsx.SheetLimits;

/**
 * The task detail table (工作任务明细表) as an XLSX sheet: a title row, the header row and one row
 * per item. Reading accepts what writing produces, so a round trip loses nothing: dates are
 * written as text {@code YYYY-MM-DD}, milestones one per line as {@code YYYY-MM-DD description}.
 */
final class TaskDetailTable {

	static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	static final List<String> HEADERS = List.of("序号", "类别", "工作任务", "目标要求", "责任领导", "牵头单位", "参与单位",
			"监督单位", "完成时限", "阶段节点");

	private static final int[] WIDTHS = { 8, 14, 40, 40, 16, 16, 20, 16, 14, 30 };

	private TaskDetailTable() {
	}

	/** The list's table as a download named after its organisation and year. */
	static ResponseEntity<byte[]> response(DutyList list) throws IOException {
		return ResponseEntity.ok()
				.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
						.filename("duty-" + list.orgId() + "-" + list.year() + ".xlsx", StandardCharsets.UTF_8).build()
						.toString())
				.contentType(MediaType.parseMediaType(CONTENT_TYPE)).body(write(list));
	}

	static byte[] write(DutyList list) throws IOException {
		try (Workbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.createSheet("工作任务明细表");
			CellStyle wrap = book.createCellStyle();
			wrap.setWrapText(true);
			var bold = book.createFont();
			bold.setBold(true);
			CellStyle header = book.createCellStyle();
			header.setFont(bold);
			Row title = sheet.createRow(0);
			Cell titleCell = title.createCell(0);
			titleCell.setCellValue("%s %d 年度落实主体责任工作任务明细表".formatted(list.orgName(), list.year()));
			titleCell.setCellStyle(header);
			sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, HEADERS.size() - 1));
			Row head = sheet.createRow(1);
			for (int c = 0; c < HEADERS.size(); c++) {
				Cell cell = head.createCell(c);
				cell.setCellValue(HEADERS.get(c));
				cell.setCellStyle(header);
				sheet.setColumnWidth(c, WIDTHS[c] * 256 * 2);
			}
			int r = 2;
			for (DutyList.Item item : list.items()) {
				Row row = sheet.createRow(r++);
				List<String> milestones = item.milestones().stream().map(m -> m.dueDate() + " " + m.description())
						.toList();
				String[] values = { item.itemNo(), item.category(), item.task(), item.goal(), item.leaderPostTitle(),
						item.leadShown(), item.participatingShown(), item.supervisingShown(),
						item.deadline() == null ? null : item.deadline().toString(), String.join("\n", milestones) };
				for (int c = 0; c < values.length; c++) {
					Cell cell = row.createCell(c);
					if (values[c] != null && !values[c].isEmpty()) {
						cell.setCellValue(values[c]);
					}
					cell.setCellStyle(wrap);
				}
			}
			sheet.createFreezePane(0, 2);
			book.write(out);
			return out.toByteArray();
		}
	}

	static List<ImportRow> read(InputStream in) {
		return HeaderedSheet.read(in, SheetLimits.of("task-table"), "工作任务", HEADERS, TaskDetailTable::row);
	}

	private static ImportRow row(HeaderedSheet.Line in) {
		long line = in.number();
		List<InputError> errors = new ArrayList<>();
		LocalDate deadline = date(in.date("完成时限"), in.get("完成时限"), line, "deadline", errors);
		List<DutyList.Milestone> milestones = new ArrayList<>();
		for (String part : in.get("阶段节点").split("\n")) {
			String p = part.strip();
			if (p.isEmpty()) {
				continue;
			}
			int space = p.indexOf(' ');
			try {
				milestones.add(new DutyList.Milestone(LocalDate.parse(space < 0 ? p : p.substring(0, space)),
						space < 0 ? "" : p.substring(space + 1).strip()));
			}
			catch (DateTimeParseException e) {
				errors.add(InputError.line(line, "milestones", "error.duty.milestone-format", p));
			}
		}
		return new ImportRow(line, in.get("序号"), in.get("类别"), in.get("工作任务"), in.get("目标要求"), in.get("责任领导"),
				in.get("牵头单位"), in.get("参与单位"), in.get("监督单位"), deadline, milestones, errors);
	}

	private static LocalDate date(LocalDate cellDate, String text, long line, String field, List<InputError> errors) {
		if (cellDate != null) {
			return cellDate;
		}
		if (text.isEmpty()) {
			return null;
		}
		try {
			return LocalDate.parse(text.replace('/', '-').replace('.', '-'));
		}
		catch (DateTimeParseException e) {
			errors.add(InputError.line(line, field, "error.field.format", text));
			return null;
		}
	}
}
