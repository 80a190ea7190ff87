package zeren.audit.web;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import zeren.audit.AuditQuery;
import zeren.platform.xlsx.TableExport;

/** The audit trail as an XLSX file (the viewer's filters, search text and order), through the shared streaming {@link TableExport} (100 rows in memory). */
final class AuditExcel {

	private AuditExcel() {
	}

	static void write(AuditQuery query, AuditQuery.Filter filter, String q, AuditQuery.Order order, ZoneId zone,
			boolean english, OutputStream out)
			throws IOException {
		DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone);
		List<String> headers = english
				? List.of("No.", "Time (" + zone + ")", "User", "Organisation", "Entity", "Entity id", "Action", "Summary",
						"Client address", "Hash")
				: List.of("序号", "时间（" + zone + "）", "用户", "组织", "对象", "对象编号", "操作", "摘要", "客户端地址", "哈希");
		TableExport.write(out, book -> {
			TableExport.Sheet sheet = book.sheet(english ? "Audit trail" : "审计记录", headers);
			query.stream(filter, q, order, AuditQuery.MAX_ROWS, e -> sheet.row(e.id(), time.format(e.occurredAt()),
					e.username() == null ? "" : e.username(), e.orgId(), e.entityType(), e.entityId() == null ? "" : e.entityId(),
					e.action(), e.summary() == null ? "" : e.summary(), e.clientAddress() == null ? "" : e.clientAddress(),
					e.hash()));
		});
	}
}
