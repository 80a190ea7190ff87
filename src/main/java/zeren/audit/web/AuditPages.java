package zeren.audit.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Locale;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;
import zeren.platform.ReadOnlyWork;
import zeren.audit.AuditQuery;
import zeren.platform.BusinessClock;
import zeren.platform.NotFoundException;

/** The audit viewer for administrators and discipline users, with its Excel export. */
@Controller
class AuditPages {

	private final AuditQuery query;
	private final BusinessClock clock;
	private final org.springframework.context.MessageSource messages;

	AuditPages(AuditQuery query, BusinessClock clock, org.springframework.context.MessageSource messages) {
		this.messages = messages;
		this.query = query;
		this.clock = clock;
	}

	static final int PAGE_SIZE = 100;

	@ReadOnlyWork
	@GetMapping("/audit")
	String audit(@RequestParam(required = false) Long orgId, @RequestParam(required = false) String user,
			@RequestParam(required = false) String entity,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String q, @RequestParam(required = false) String sort,
			@RequestParam(required = false) Integer page, Model model) {
		if (!query.mayRead()) {
			throw new NotFoundException("page", "audit");
		}
		AuditQuery.Order order = AuditQuery.Order.of(sort);
		var events = query.page(new AuditQuery.Filter(orgId, user, entity, from, to), q, order,
				zeren.platform.Paged.page(page), PAGE_SIZE);
		model.addAttribute("events", events);
		model.addAttribute("orders", AuditQuery.Order.values());
		model.addAttribute("listQuery", zeren.platform.web.ListQuery.of(q, order).with("orgId", orgId).with("user", user)
				.with("entity", entity).with("from", from).with("to", to));
		var names = query.orgNames(events.items());
		model.addAttribute("orgNames", names);
		model.addAttribute("chosenOrg", orgId == null ? java.util.List.of()
				: java.util.List.of(new Chosen(orgId, names.getOrDefault(orgId, query.orgName(orgId)))));
		model.addAttribute("orgId", orgId);
		model.addAttribute("user", user);
		model.addAttribute("entity", entity);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("zone", clock.zone());
		return "audit/index";
	}

	/** The organisation chosen in the filter, as the picker shows it. */
	record Chosen(long id, String name) {
	}

	@ReadOnlyWork
	@GetMapping("/audit/export.xlsx")
	void export(@RequestParam(required = false) Long orgId, @RequestParam(required = false) String user,
			@RequestParam(required = false) String entity,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String q, @RequestParam(required = false) String sort, Locale locale,
			HttpServletResponse response) throws IOException {
		if (!query.mayRead()) {
			throw new NotFoundException("page", "audit");
		}
		AuditQuery.Filter filter = new AuditQuery.Filter(orgId, user, entity, from, to);
		query.check(filter);
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader("Content-Disposition", "attachment; filename=\"audit.xlsx\"");
		AuditExcel.write(query, filter, q, AuditQuery.Order.of(sort), clock.zone(), messages, locale,
				response.getOutputStream());
	}
}
