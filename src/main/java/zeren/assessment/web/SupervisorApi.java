package zeren.assessment.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import org.springframework.core.io.InputStreamResource;
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
import zeren.assessment.SpecialSupervisors;
import zeren.evidence.Evidence;
import zeren.platform.BusinessClock;
import zeren.platform.web.Uploads;

@RestController
@Tag(name = "Assessment", description = "评责: special supervisors (特约监督员) and their unannounced visits (明察暗访)")
class SupervisorApi {

	private final SpecialSupervisors supervisors;
	private final BusinessClock clock;

	SupervisorApi(SpecialSupervisors supervisors, BusinessClock clock) {
		this.supervisors = supervisors;
		this.clock = clock;
	}

	@GetMapping("/api/v1/assessment/orgs/{orgId}/supervisors")
	@Operation(summary = "The special supervisors designated by an assessing organisation, active first")
	List<SpecialSupervisors.Supervisor> supervisors(@PathVariable long orgId) {
		return supervisors.of(orgId);
	}

	@PostMapping("/api/v1/assessment/orgs/{orgId}/supervisors")
	@Operation(summary = "Designate a person as a special supervisor of the organisation (who runs its assessments; audited)")
	ResponseEntity<SpecialSupervisors.Supervisor> designate(@PathVariable long orgId,
			@RequestBody SpecialSupervisors.NewSupervisor request) {
		SpecialSupervisors.Supervisor s = supervisors.designate(orgId, request);
		return ResponseEntity.created(URI.create("/api/v1/assessment/orgs/%d/supervisors".formatted(orgId))).body(s);
	}

	@PostMapping("/api/v1/assessment/supervisors/{supervisorId}/end")
	@Operation(summary = "End a designation (the visits recorded stay)")
	SpecialSupervisors.Supervisor end(@PathVariable long supervisorId) {
		return supervisors.end(supervisorId);
	}

	@GetMapping("/api/v1/assessment/orgs/{orgId}/visits")
	@Operation(summary = "The unannounced visits recorded for an organisation in a year, latest first")
	List<SpecialSupervisors.Visit> visits(@PathVariable long orgId, @RequestParam(required = false) Integer year) {
		return supervisors.visits(orgId, year == null ? clock.today().getYear() : year);
	}

	@PostMapping("/api/v1/assessment/orgs/{orgId}/visits")
	@Operation(summary = "Record a visit: supervisorId (the caller's own designation, or any when the caller runs the "
			+ "organisation's assessments), unitOrgId (below the organisation), visitedOn, summary, findings (text, confirmed); "
			+ "the confirmed findings are what an indicator of the record kind assessment.visit-findings deducts for")
	ResponseEntity<SpecialSupervisors.Visit> record(@PathVariable long orgId, @RequestBody SpecialSupervisors.NewVisit request) {
		SpecialSupervisors.Visit v = supervisors.record(orgId, request);
		return ResponseEntity.created(URI.create("/api/v1/assessment/visits/" + v.id())).body(v);
	}

	@GetMapping("/api/v1/assessment/visits/{visitId}")
	@Operation(summary = "A visit with its findings")
	SpecialSupervisors.Visit visit(@PathVariable long visitId) {
		return supervisors.get(visitId);
	}

	@GetMapping("/api/v1/assessment/visits/{visitId}/files")
	@Operation(summary = "The files of a visit (kept by the evidence module)")
	List<Evidence> files(@PathVariable long visitId) {
		return supervisors.files(visitId);
	}

	@PostMapping("/api/v1/assessment/visits/{visitId}/files")
	@Operation(summary = "Attach a file to a visit (its supervisor, or who runs the organisation's assessments)")
	ResponseEntity<Evidence> attach(@PathVariable long visitId, @RequestPart(name = "file", required = false) MultipartFile file)
			throws IOException {
		if (file == null || file.isEmpty()) {
			// scope first: a sibling's visit answers 404, not "choose a file"
			supervisors.get(visitId);
		}
		Uploads.required(file);
		Evidence e = supervisors.attach(visitId, file.getOriginalFilename(), file.getInputStream());
		return ResponseEntity.created(URI.create("/api/v1/assessment/visits/%d/files/%d".formatted(visitId, e.id()))).body(e);
	}

	@GetMapping("/api/v1/assessment/visits/{visitId}/files/{evidenceId}")
	@Operation(summary = "A file of a visit, under its original name")
	ResponseEntity<InputStreamResource> file(@PathVariable long visitId, @PathVariable long evidenceId) {
		return supervisors.file(visitId, evidenceId).toResponse();
	}
}
