package zeren.ledger.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import zeren.platform.ReadOnlyWork;
import zeren.ledger.LedgerTask;
import zeren.ledger.Reconciliation;
import zeren.ledger.WorkLedger;
import zeren.org.OrgTree;
import zeren.platform.BusinessClock;
import zeren.platform.web.ApiPage;

/** The work ledger over JSON and XLSX: reconciliation, drill-down, export. Entries and moves: /api/v1/tracked-items. */
@RestController
@Tag(name = "Work ledger", description = "工作台账: every published task tracked; 对账 by organisation, leader, unit, category; XLSX export")
class LedgerApi {

	private final WorkLedger ledger;
	private final OrgTree tree;
	private final BusinessClock clock;

	LedgerApi(WorkLedger ledger, OrgTree tree, BusinessClock clock) {
		this.ledger = ledger;
		this.tree = tree;
		this.clock = clock;
	}

	@GetMapping("/api/v1/ledger/reconciliation")
	@Operation(summary = "对账: the published tasks of an organisation and its subtree against the ledger, grouped (ORG, LEADER, UNIT, CATEGORY)")
	Reconciliation reconcile(@RequestParam long orgId, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) Reconciliation.GroupBy groupBy, Locale locale) {
		return ledger.reconcile(orgId, year == null ? clock.today().getYear() : year, groupBy, locale);
	}

	@GetMapping("/api/v1/ledger/tasks")
	@Operation(summary = "Drill-down, paged (page, size; X-Total-Count and Link headers): the tasks of one group (key from the reconciliation; grouped by ORG a child's key covers its whole subtree) in one column (ALL, NO_ENTRY, OVERDUE, SUBMITTED, CLOSED), by organisation")
	ResponseEntity<List<LedgerTask>> tasks(@RequestParam long orgId, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) Reconciliation.GroupBy groupBy, @RequestParam(required = false) String key,
			@RequestParam(required = false) Reconciliation.Column column, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, HttpServletRequest request) {
		return ApiPage.of(ledger.tasks(orgId, year == null ? clock.today().getYear() : year, groupBy, key, column, null,
				LedgerTask.Sort.ORG, ApiPage.page(page), ApiPage.size(size)), request);
	}

	@GetMapping("/api/v1/ledger/part")
	@Operation(summary = "An organisation's part of the published lists (upper or own): the tasks naming it as lead or participating unit, with their tracked items, read-only")
	List<WorkLedger.UnitPart> partOf(@RequestParam long orgId, @RequestParam(required = false) Integer year) {
		return ledger.partOf(orgId, year == null ? clock.today().getYear() : year);
	}

	@ReadOnlyWork
	@GetMapping("/api/v1/ledger/export")
	@Operation(summary = "The ledger (one row per entry, with its task) of an organisation and its subtree as XLSX, streamed")
	void export(@RequestParam long orgId, @RequestParam(required = false) Integer year, Locale locale,
			HttpServletResponse response) throws IOException {
		export(ledger, tree, orgId, year == null ? clock.today().getYear() : year, locale, response);
	}

	/** Streams the XLSX into the response (shared with the page's link); 404 before anything is written when out of view. */
	static void export(WorkLedger ledger, OrgTree tree, long orgId, int year, Locale locale,
			HttpServletResponse response) throws IOException {
		tree.get(orgId);
		response.setContentType(WorkLedger.XLSX);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("ledger-" + orgId + "-" + year + ".xlsx", StandardCharsets.UTF_8).build().toString());
		ledger.export(orgId, year, locale, response.getOutputStream());
		response.flushBuffer();
	}
}
