package zeren.audit.web;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;

import zeren.audit.AuditEvent;
import zeren.audit.AuditQuery;
import zeren.platform.xlsx.TableExport;

/** The audit trail as an XLSX file (the viewer's filters, search text and order), through the shared streaming {@link TableExport} (100 rows in memory). */
final class AuditExcel {

	private AuditExcel() {
	}

	static void write(AuditQuery query, AuditQuery.Filter filter, String q, AuditQuery.Order order, ZoneId zone,
			MessageSource messages, Locale locale, OutputStream out) throws IOException {
		boolean english = "en".equals(locale.getLanguage());
		DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone);
		List<String> headers = english
				? List.of("No.", "Time (" + zone + ")", "User", "Organisation", "Entity", "Entity id", "Action", "Summary",
						"Client address", "Hash")
				: List.of("序号", "时间（" + zone + "）", "用户", "组织", "对象", "对象编号", "操作", "摘要", "客户端地址", "哈希");
		TableExport.write(out, book -> {
			TableExport.Sheet sheet = book.sheet(english ? "Audit trail" : "审计记录", headers);
			// organisations by name, as the viewer shows them: looked up a thousand events at a time
			List<AuditEvent> chunk = new ArrayList<>(CHUNK);
			query.stream(filter, q, order, AuditQuery.MAX_ROWS, e -> {
				chunk.add(e);
				if (chunk.size() == CHUNK) {
					rows(query, chunk, sheet, time, messages, locale);
				}
			});
			rows(query, chunk, sheet, time, messages, locale);
		});
	}

	private static final int CHUNK = 1_000;

	private static void rows(AuditQuery query, List<AuditEvent> chunk, TableExport.Sheet sheet, DateTimeFormatter time,
			MessageSource messages, Locale locale) {
		Map<Long, String> names = query.orgNames(chunk);
		for (AuditEvent e : chunk) {
			sheet.row(e.id(), time.format(e.occurredAt()), e.username() == null ? "" : e.username(),
					e.orgId() == null ? "" : names.getOrDefault(e.orgId(), String.valueOf(e.orgId())),
					label(messages, "audit.entity." + e.entityType(), e.entityType(), locale),
					e.entityId() == null ? "" : e.entityId(), label(messages, "audit.action." + e.action(), e.action(), locale),
					e.summary() == null ? "" : e.summary(), e.clientAddress() == null ? "" : e.clientAddress(), e.hash());
		}
		chunk.clear();
	}

	private static String label(MessageSource messages, String key, String code, Locale locale) {
		return messages.getMessage(key, null, code, locale);
	}
}
