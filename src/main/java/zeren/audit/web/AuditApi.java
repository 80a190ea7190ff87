package zeren.audit.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import zeren.platform.ReadOnlyWork;
import zeren.audit.AuditEvent;
import zeren.audit.AuditQuery;
import zeren.audit.AuditTrail;
import zeren.platform.BusinessClock;

/** The audit trail over JSON, its Excel export, and the chain verification. */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit", description = "The append-only, hash-chained audit trail")
class AuditApi {

	private final AuditQuery query;
	private final AuditTrail trail;
	private final BusinessClock clock;
	private final org.springframework.context.MessageSource messages;

	AuditApi(AuditQuery query, AuditTrail trail, BusinessClock clock, org.springframework.context.MessageSource messages) {
		this.messages = messages;
		this.query = query;
		this.trail = trail;
		this.clock = clock;
	}

	@ReadOnlyWork
	@GetMapping
	@Operation(summary = "Events, newest first, in the caller's supervisory scope (administrators: all)")
	List<AuditEvent> events(@RequestParam(required = false) Long orgId, @RequestParam(required = false) String user,
			@RequestParam(required = false) String entity,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "200") int limit) {
		return query.find(new AuditQuery.Filter(orgId, user, entity, from, to), limit);
	}

	@ReadOnlyWork
	@GetMapping("/export")
	@Operation(summary = "The same events as an Excel file (at most 100,000)")
	void export(@RequestParam(required = false) Long orgId, @RequestParam(required = false) String user,
			@RequestParam(required = false) String entity,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String lang, HttpServletResponse response) throws IOException {
		AuditQuery.Filter filter = new AuditQuery.Filter(orgId, user, entity, from, to);
		query.check(filter);
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader("Content-Disposition", "attachment; filename=\"audit.xlsx\"");
		AuditExcel.write(query, filter, null, AuditQuery.Order.NEWEST, clock.zone(), messages,
				"en".equals(lang) ? java.util.Locale.ENGLISH : java.util.Locale.SIMPLIFIED_CHINESE, response.getOutputStream());
	}

	@GetMapping("/verify")
	@Operation(summary = "Walk the sealed hash chain: {valid, checked, firstBrokenId, unsealed} — unsealed: committed events the sealer has not chained yet, not verified (administrators)")
	AuditTrail.Verification verify() {
		return query.verify(trail);
	}
}
