package zeren.report.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import zeren.platform.document.DocumentFormat;
import zeren.platform.ReadOnlyWork;
import zeren.platform.BusinessClock;
import zeren.report.AnnualReport;
import zeren.report.AnnualReports;
import zeren.report.ReportReviews;
import zeren.platform.web.ApiPage;
import zeren.platform.web.Uploads;
import jakarta.servlet.http.HttpServletRequest;

/** Annual reports (年度报告) and queries (质询) over JSON, and a report as PDF. */
@RestController
@Tag(name = "Annual reports", description = "年度报告 and 质询: draft, submit (locked, SHA-256), review by the upper level: accept or query")
class ReportApi {

	private final AnnualReports reports;
	private final ReportReviews reviews;
	private final ReportDocument pdf;
	private final BusinessClock clock;

	ReportApi(AnnualReports reports, ReportReviews reviews, ReportDocument pdf, BusinessClock clock) {
		this.reports = reports;
		this.reviews = reviews;
		this.pdf = pdf;
		this.clock = clock;
	}

	private int year(Integer year) {
		return year == null ? clock.today().getYear() - 1 : year;
	}

	@PostMapping("/api/v1/reports")
	@Operation(summary = "Create the draft report of an organisation (COMMITTEE) or of its principal (PRINCIPAL) on a year, "
			+ "optionally pre-filled with the year's facts (or get the existing one)")
	ResponseEntity<AnnualReport> create(@RequestBody AnnualReports.NewReport request) {
		AnnualReport report = reports.create(request);
		return ResponseEntity.created(URI.create("/api/v1/reports/" + report.id())).body(report);
	}

	@GetMapping("/api/v1/reports")
	@Operation(summary = "The reports of an organisation on a year (default: last year)")
	List<AnnualReport> of(@RequestParam long orgId, @RequestParam(required = false) Integer year) {
		return reports.of(orgId, year(year));
	}

	@ReadOnlyWork
	@GetMapping("/api/v1/reports/overview")
	@Operation(summary = "For the upper level: the reporting organisations of a subtree and a year, who submitted, "
			+ "who is late, open queries (counted over all of them), and the first " + AnnualReports.OVERVIEW_ROWS
			+ " organisations (organisations: all of them, truncated: more than listed; every one through "
			+ "/api/v1/reports/overview/rows)")
	AnnualReports.Overview overview(@RequestParam long orgId, @RequestParam(required = false) Integer year) {
		return reports.overview(orgId, year(year));
	}

	@ReadOnlyWork
	@GetMapping("/api/v1/reports/overview/rows")
	@Operation(summary = "Every reporting organisation of the overview with its two reports, paged in the tree's order: "
			+ "page (from 1) and size (at most 200, default 100); the rows as a JSON array, X-Total-Count and Link "
			+ "(first, prev, next, last)")
	ResponseEntity<List<AnnualReports.OverviewRow>> overviewRows(@RequestParam long orgId,
			@RequestParam(required = false) Integer year, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, HttpServletRequest request) {
		return ApiPage.of(reports.overviewRows(orgId, year(year), ApiPage.page(page), ApiPage.size(size)), request);
	}

	@GetMapping("/api/v1/reports/{id}")
	@Operation(summary = "A report with its query rounds")
	AnnualReport get(@PathVariable long id) {
		return reports.get(id);
	}

	@PutMapping("/api/v1/reports/{id}")
	@Operation(summary = "Change a draft's title and text (plain text, paragraphs separated by blank lines); 409 once submitted")
	AnnualReport edit(@PathVariable long id, @RequestBody AnnualReports.Draft draft) {
		return reports.edit(id, draft);
	}

	@PostMapping(path = "/api/v1/reports/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Attach a file to a draft report (kept as evidence of the organisation, checked by content; its SHA-256 is part of what the submission hashes)")
	AnnualReport attach(@PathVariable long id,
			@org.springframework.web.bind.annotation.RequestPart(name = "file", required = false) org.springframework.web.multipart.MultipartFile file)
			throws java.io.IOException {
		// scope first: a file aimed at another organisation's report is refused before it is read
		reports.requireManaged(id);
		Uploads.required(file);
		try (java.io.InputStream in = file.getInputStream()) {
			return reports.attach(id, file.getOriginalFilename(), in);
		}
	}

	@GetMapping("/api/v1/reports/{id}/attachments/{evidenceId}")
	@Operation(summary = "Download a file attached to a report, under its original name")
	ResponseEntity<org.springframework.core.io.InputStreamResource> download(@PathVariable long id,
			@PathVariable long evidenceId) {
		return reports.download(id, evidenceId).toResponse();
	}

	@PostMapping("/api/v1/reports/{id}/submit")
	@Operation(summary = "Submit: the report is locked, its canonical content hashed (SHA-256), lateness recorded")
	AnnualReport submit(@PathVariable long id) {
		return reports.submit(id);
	}

	@GetMapping(path = "/api/v1/reports/{id}/canonical", produces = MediaType.TEXT_PLAIN_VALUE)
	@Operation(summary = "The exact submitted text whose SHA-256 the report keeps")
	ResponseEntity<String> canonical(@PathVariable long id) {
		String text = reports.canonical(id);
		return text == null ? ResponseEntity.noContent().build()
				: ResponseEntity.ok().contentType(new MediaType("text", "plain", StandardCharsets.UTF_8)).body(text);
	}

	@PostMapping("/api/v1/reports/{id}/query")
	@Operation(summary = "A recipient (the upper committee, COMMITTEE, or the upper discipline commission, DISCIPLINE; "
			+ "default: the first the caller reviews for) queries (质询) a submitted report: each question becomes a tracked "
			+ "item answered by the reporting organisation")
	AnnualReport query(@PathVariable long id, @RequestBody ReportReviews.NewQuery request) {
		return reviews.query(id, request);
	}

	@PostMapping("/api/v1/reports/{id}/accept")
	@Operation(summary = "A recipient accepts a report (all its questions answered); the report is accepted once "
			+ "both the upper committee and the upper discipline commission have accepted it")
	AnnualReport accept(@PathVariable long id, @RequestParam(required = false) AnnualReport.Recipient recipient) {
		return reviews.accept(id, recipient);
	}

	@GetMapping("/api/v1/reports/{id}/pdf")
	@Operation(summary = "The report as PDF (Chinese text)")
	ResponseEntity<byte[]> pdf(@PathVariable long id, Locale locale) {
		return pdf.response(reports.get(id), locale, DocumentFormat.PDF);
	}

	@GetMapping("/api/v1/reports/{id}/docx")
	@Operation(summary = "The report as a Word document (DOCX, GB/T 9704 layout), with its queries and answers")
	ResponseEntity<byte[]> docx(@PathVariable long id, Locale locale) {
		return pdf.response(reports.get(id), locale, DocumentFormat.DOCX);
	}
}
