package zeren.interview.web;

import java.net.URI;
import java.util.List;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import zeren.platform.ReadOnlyWork;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import zeren.interview.Interview;
import zeren.interview.InterviewCoverage;
import zeren.interview.InterviewRecords;
import jakarta.servlet.http.HttpServletRequest;
import zeren.platform.BusinessClock;
import zeren.platform.web.ApiPage;
import zeren.platform.web.Uploads;

/** Tiered interviews (约谈) over JSON. */
@RestController
@Tag(name = "Interviews", description = "逐级约谈: interview records and the yearly coverage of the interview rules")
class InterviewApi {

	private final InterviewRecords records;
	private final InterviewCoverage coverage;
	private final BusinessClock clock;

	InterviewApi(InterviewRecords records, InterviewCoverage coverage, BusinessClock clock) {
		this.records = records;
		this.coverage = coverage;
		this.clock = clock;
	}

	@PostMapping("/api/v1/interviews")
	@Operation(summary = "Record an interview: each person is checked (or, without personId, found) through tenures "
			+ "as the holder of the post on the date")
	ResponseEntity<Interview> record(@RequestBody InterviewRecords.NewInterview request) {
		Interview interview = records.record(request);
		return ResponseEntity.created(URI.create("/api/v1/interviews/" + interview.id())).body(interview);
	}

	@GetMapping("/api/v1/interviews")
	@Operation(summary = "Interviews held in a year by the organisations of a subtree, newest first (at most 1000)")
	List<Interview> list(@RequestParam long orgId, @RequestParam(required = false) Integer year) {
		return records.inSubtree(orgId, year == null ? clock.today().getYear() : year);
	}

	@GetMapping("/api/v1/interviews/{id}")
	@Operation(summary = "One interview record")
	Interview get(@PathVariable long id) {
		return records.get(id);
	}

	@PostMapping("/api/v1/interviews/{id}/requirements/{no}/track")
	@Operation(summary = "Make requirement no (from 1) of an interview a tracked item of an interviewee's organisation")
	Interview track(@PathVariable long id, @PathVariable int no, @RequestBody InterviewRecords.TrackRequirement request) {
		return records.track(id, no, request);
	}

	@PostMapping(path = "/api/v1/interviews/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Attach a file to an interview record (kept as evidence of the organisation, checked by content)")
	Interview attach(@PathVariable long id, @RequestPart(name = "file", required = false) MultipartFile file)
			throws IOException {
		// scope first: a file aimed at another organisation's interview is refused before it is read
		records.requireManaged(id);
		Uploads.required(file);
		try (InputStream in = file.getInputStream()) {
			return records.attach(id, file.getOriginalFilename(), in);
		}
	}

	@GetMapping("/api/v1/interviews/{id}/attachments/{evidenceId}")
	@Operation(summary = "Download a file attached to an interview, under its original name")
	ResponseEntity<InputStreamResource> download(@PathVariable long id, @PathVariable long evidenceId) {
		return records.download(id, evidenceId).toResponse();
	}

	@ReadOnlyWork
	@GetMapping("/api/v1/interviews/coverage")
	@Operation(summary = "Coverage of the interview rules for an organisation's subtree and a year: pairs of posts "
			+ "required, covered, vacant, not set up, per level (all exact), and the first missing pairs (at most "
			+ InterviewCoverage.MISSING_SHOWN + "; missingCount: all of them, truncated: more than listed; "
			+ "every one through /api/v1/interviews/coverage/missing)")
	InterviewCoverage.Coverage coverage(@RequestParam long orgId, @RequestParam(required = false) Integer year) {
		return coverage.coverage(orgId, year == null ? clock.today().getYear() : year);
	}

	@ReadOnlyWork
	@GetMapping("/api/v1/interviews/coverage/missing")
	@Operation(summary = "Every pair not covered (open, vacant, not set up) of an organisation's subtree and a year, paged "
			+ "in the order of the coverage: page (from 1) and size (at most 200, default 100); the rows as a JSON array, "
			+ "X-Total-Count and Link (first, prev, next, last)")
	ResponseEntity<List<InterviewCoverage.MissingPair>> missing(@RequestParam long orgId,
			@RequestParam(required = false) Integer year, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, HttpServletRequest request) {
		return ApiPage.of(coverage.missing(orgId, year == null ? clock.today().getYear() : year, ApiPage.page(page),
				ApiPage.size(size)), request);
	}
}
