package zeren.inspection.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import zeren.platform.document.DocumentFormat;
import zeren.evidence.Evidence;
import zeren.inspection.Finding;
import zeren.inspection.Findings;
import zeren.inspection.Inspection;
import zeren.inspection.Inspections;
import zeren.inspection.Notice;
import zeren.inspection.Notices;
import zeren.inspection.Rectification;
import zeren.inspection.Rectifications;
import zeren.platform.BusinessClock;
import jakarta.servlet.http.HttpServletRequest;
import zeren.platform.web.ApiPage;
import zeren.platform.web.Uploads;

/** Inspections, findings and circulated notices (督责) over JSON and XLSX. */
@RestController
@Tag(name = "Inspection", description = "督导检查: inspections, findings (with XLSX import), circulated notices (通报) and serious criticism")
class InspectionApi {

	private final Inspections inspections;
	private final Findings findings;
	private final Notices notices;
	private final BusinessClock clock;
	private final NoticeDocument pdf;
	private final Rectifications rectifications;

	InspectionApi(Inspections inspections, Findings findings, Notices notices, BusinessClock clock, NoticeDocument pdf,
			Rectifications rectifications) {
		this.inspections = inspections;
		this.findings = findings;
		this.notices = notices;
		this.clock = clock;
		this.pdf = pdf;
		this.rectifications = rectifications;
	}

	@PostMapping("/api/v1/inspection/inspections")
	@Operation(summary = "Plan an inspection of the organisations below the inspecting one (orgId); the team is resolved on the start date")
	ResponseEntity<Inspection> create(@RequestBody Inspections.NewInspection request) {
		Inspection inspection = inspections.create(request);
		return ResponseEntity.created(URI.create("/api/v1/inspection/inspections/" + inspection.id())).body(inspection);
	}

	@GetMapping("/api/v1/inspection/inspections")
	@Operation(summary = "The inspections an organisation carried out or was targeted by during a year")
	List<Inspection> list(@RequestParam long orgId, @RequestParam(required = false) Integer year) {
		return inspections.of(orgId, year == null ? clock.today().getYear() : year);
	}

	@GetMapping("/api/v1/inspection/inspections/{id}")
	@Operation(summary = "An inspection with its team, target rules and focus items")
	Inspection get(@PathVariable long id) {
		return inspections.get(id);
	}

	@GetMapping("/api/v1/inspection/inspections/{id}/targets")
	@Operation(summary = "The organisations an inspection covers now (target rules resolved over the tree; at most 1000)")
	List<Inspections.TargetOrg> targets(@PathVariable long id) {
		return inspections.targetOrgs(id);
	}

	@GetMapping("/api/v1/inspection/focus-items")
	@Operation(summary = "The default focus items (the five focus points of the annual check, configurable)")
	List<String> focusItems() {
		return inspections.defaultFocus();
	}

	@PostMapping("/api/v1/inspection/inspections/{id}/findings")
	@Operation(summary = "Record a finding at a target organisation")
	ResponseEntity<Finding> addFinding(@PathVariable long id, @RequestBody Findings.FindingInput input) {
		Finding finding = findings.add(id, input);
		return ResponseEntity.created(URI.create(finding.ref().api())).body(finding);
	}

	@GetMapping("/api/v1/inspection/inspections/{id}/findings")
	@Operation(summary = "The findings of an inspection that the caller sees")
	List<Finding> findingsOf(@PathVariable long id) {
		return findings.ofInspection(id);
	}

	@PostMapping(path = "/api/v1/inspection/inspections/{id}/findings/xlsx", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Import findings from XLSX (the template's columns): all or nothing, errors by line and column")
	List<Finding> importFindings(@PathVariable long id, @RequestPart(name = "file", required = false) MultipartFile file)
			throws IOException {
		// scope first: a file aimed at another organisation's inspection is refused before it is read
		inspections.requireSupervised(id);
		Uploads.required(file);
		return findings.importRows(id, FindingSheet.read(file.getInputStream()));
	}

	@GetMapping("/api/v1/inspection/findings/template")
	@Operation(summary = "The XLSX template for importing findings")
	ResponseEntity<byte[]> template() throws IOException {
		return xlsx("inspection-findings-template.xlsx", FindingSheet.template(inspections.defaultFocus()));
	}

	static ResponseEntity<byte[]> xlsx(String name, byte[] bytes) {
		return ResponseEntity.ok()
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
				.contentType(MediaType.parseMediaType(FindingSheet.CONTENT_TYPE)).body(bytes);
	}

	@GetMapping("/api/v1/inspection/findings")
	@Operation(summary = "The findings about an organisation and everything below it, of inspections started in a year, "
			+ "searched (q: description, focus item, inspection, unit), filtered by severity, sorted (ORG, SEVERITY, RECENT); "
			+ "paged: page (from 1) and size (default 100, at most 200), the total in X-Total-Count, the pages in Link")
	ResponseEntity<List<Finding>> findingsIn(@RequestParam long orgId, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String q, @RequestParam(required = false) String severity,
			@RequestParam(required = false) String sort, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, HttpServletRequest request) {
		return ApiPage.of(findings.page(orgId, year == null ? clock.today().getYear() : year,
				new Findings.FindingFilter(q, severity), Findings.FindingSort.of(sort), ApiPage.page(page),
				ApiPage.size(size)), request);
	}

	@GetMapping("/api/v1/inspection/findings/{id}")
	@Operation(summary = "A finding; its ref (type inspection.finding, id, API and page URL) is stable, e.g. as the origin of an accountability case")
	Finding finding(@PathVariable long id) {
		return findings.get(id);
	}

	@PostMapping(path = "/api/v1/inspection/findings/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Attach an evidence file to a finding (checked by content, kept once by SHA-256)")
	ResponseEntity<Evidence> attach(@PathVariable long id, @RequestPart(name = "file", required = false) MultipartFile file)
			throws IOException {
		findings.requireSupervised(id);
		Uploads.required(file);
		Evidence evidence = findings.attach(id, file.getOriginalFilename(), file.getInputStream());
		return ResponseEntity.created(URI.create("/api/v1/inspection/findings/" + id + "/evidence/" + evidence.id()))
				.body(evidence);
	}

	@GetMapping("/api/v1/inspection/findings/{id}/evidence")
	@Operation(summary = "The evidence of a finding")
	List<Evidence> evidence(@PathVariable long id) {
		return findings.evidence(id);
	}

	@GetMapping("/api/v1/inspection/findings/{id}/evidence/{evidenceId}")
	@Operation(summary = "Download an evidence file of a finding")
	ResponseEntity<org.springframework.core.io.InputStreamResource> download(@PathVariable long id,
			@PathVariable long evidenceId) {
		return findings.download(id, evidenceId).toResponse();
	}

	@PostMapping("/api/v1/inspection/notices")
	@Operation(summary = "Issue a circulated notice (通报) about findings to an organisation, a subtree or the whole jurisdiction; criticisedOrgIds records serious criticism (严肃批评)")
	ResponseEntity<Notice> issue(@RequestBody Notices.NewNotice request) {
		Notice notice = notices.issue(request);
		return ResponseEntity.created(URI.create("/api/v1/inspection/notices/" + notice.id())).body(notice);
	}

	@GetMapping("/api/v1/inspection/notices/{id}")
	@Operation(summary = "A notice the caller issued or received")
	Notice notice(@PathVariable long id) {
		return notices.get(id);
	}

	@GetMapping("/api/v1/inspection/notices/{id}/pdf")
	@Operation(summary = "A notice as a PDF (Chinese text)")
	ResponseEntity<byte[]> noticePdf(@PathVariable long id) {
		return pdf.response(notices.get(id), DocumentFormat.PDF);
	}

	@GetMapping("/api/v1/inspection/notices/{id}/docx")
	@Operation(summary = "A notice as a Word document (DOCX, GB/T 9704 layout, Chinese text)")
	ResponseEntity<byte[]> noticeDocx(@PathVariable long id) {
		return pdf.response(notices.get(id), DocumentFormat.DOCX);
	}

	@GetMapping("/api/v1/inspection/notices/received")
	@Operation(summary = "The notices an organisation received (its own, and those to a subtree or jurisdiction above it)")
	List<Notice> received(@RequestParam long orgId) {
		return notices.received(orgId);
	}

	@GetMapping("/api/v1/inspection/notices/issued")
	@Operation(summary = "The notices an organisation issued")
	List<Notice> issued(@RequestParam long orgId) {
		return notices.issued(orgId);
	}

	@GetMapping("/api/v1/inspection/criticisms")
	@Operation(summary = "Serious criticisms (严肃批评) recorded against an organisation and everything below it")
	List<Notice.Criticism> criticisms(@RequestParam long orgId) {
		return notices.criticisms(orgId);
	}

	@PostMapping("/api/v1/inspection/findings/{id}/rectification")
	@Operation(summary = "Order the rectification (整改) of a finding: problems, measures, deadline, responsible post; opens a tracked item (kind inspection.rectification) verified and closed by the inspecting organisation")
	ResponseEntity<Rectification> assign(@PathVariable long id, @RequestBody Rectifications.RectificationInput input) {
		Rectification rectification = rectifications.assign(id, input);
		return ResponseEntity.created(URI.create("/api/v1/inspection/findings/" + id + "/rectification")).body(rectification);
	}

	@GetMapping("/api/v1/inspection/findings/{id}/rectification")
	@Operation(summary = "The rectification of a finding with its tracked item (status, warning); progress, submission and closing go through /api/v1/tracked-items/{itemId}")
	Rectification rectification(@PathVariable long id) {
		return rectifications.get(id);
	}

	@GetMapping("/api/v1/inspection/rectifications/board")
	@Operation(summary = "The rectification board of an organisation and its subtree for a year: open, due soon, overdue, closed; "
			+ "each column its 50 most urgent (nearest deadline first, columnRows), counts the number in each column, "
			+ "the rest through /api/v1/inspection/rectifications?column=")
	Rectifications.Board board(@RequestParam long orgId, @RequestParam(required = false) Integer year) {
		return rectifications.board(orgId, year == null ? clock.today().getYear() : year, clock.today());
	}

	@GetMapping("/api/v1/inspection/rectifications")
	@Operation(summary = "The rectifications of an organisation and its subtree for a year, one board column in full "
			+ "(column: OPEN, DUE_SOON, OVERDUE, CLOSED; none: every column), nearest deadline first; "
			+ "paged: page (from 1) and size (default 100, at most 200), the total in X-Total-Count, the pages in Link")
	ResponseEntity<List<Rectification>> rectifications(@RequestParam long orgId,
			@RequestParam(required = false) Integer year, @RequestParam(required = false) String column,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			HttpServletRequest request) {
		return ApiPage.of(rectifications.column(orgId, year == null ? clock.today().getYear() : year,
				Rectifications.Column.of(column), clock.today(), ApiPage.page(page), ApiPage.size(size)), request);
	}
}
