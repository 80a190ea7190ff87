package zeren.audit.web;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import zeren.audit.AuditQuery;

/** The audit trail as an XLSX file, written with POI's streaming workbook (100 rows in memory). */
final class AuditExcel {

	private AuditExcel() {
	}

	static void write(AuditQuery query, AuditQuery.Filter filter, ZoneId zone, boolean english, OutputStream out)
			throws IOException {
		DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone);
		String[] headers = english
				? new String[] { "No.", "Time (" + zone + ")", "User", "Organisation", "Entity", "Entity id", "Action",
						"Summary", "Client address", "Hash" }
				: new String[] { "序号", "时间（" + zone + "）", "用户", "组织", "对象", "对象编号", "操作", "摘要", "客户端地址", "哈希" };
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
			Sheet sheet = workbook.createSheet(english ? "Audit trail" : "审计记录");
			Row head = sheet.createRow(0);
			for (int i = 0; i < headers.length; i++) {
				head.createCell(i).setCellValue(headers[i]);
			}
			int[] next = { 1 };
			query.stream(filter, AuditQuery.MAX_ROWS, e -> {
				Row row = sheet.createRow(next[0]++);
				row.createCell(0).setCellValue(e.id());
				row.createCell(1).setCellValue(time.format(e.occurredAt()));
				row.createCell(2).setCellValue(e.username() == null ? "" : e.username());
				if (e.orgId() != null) {
					row.createCell(3).setCellValue(e.orgId());
				}
				row.createCell(4).setCellValue(e.entityType());
				row.createCell(5).setCellValue(e.entityId() == null ? "" : e.entityId());
				row.createCell(6).setCellValue(e.action());
				row.createCell(7).setCellValue(e.summary() == null ? "" : e.summary());
				row.createCell(8).setCellValue(e.clientAddress() == null ? "" : e.clientAddress());
				row.createCell(9).setCellValue(e.hash());
			});
			workbook.write(out);
		}
	}
}
