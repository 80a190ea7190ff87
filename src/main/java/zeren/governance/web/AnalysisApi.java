package zeren.governance.web;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import zeren.governance.Analyses;
import zeren.governance.Analysis;
import zeren.platform.BusinessClock;

/** Situation analyses (形势研判) over JSON, and as a PDF. */
@RestController
@Tag(name = "Situation analysis", description = "形势研判: facts of a subtree and period pre-filled from the records, "
		+ "the committee's judgement and measures (each a tracked item), adoption")
class AnalysisApi {

	private final Analyses analyses;
	private final AnalysisDocument document;
	private final BusinessClock clock;

	AnalysisApi(Analyses analyses, AnalysisDocument document, BusinessClock clock) {
		this.analyses = analyses;
		this.document = document;
		this.clock = clock;
	}

	@PostMapping("/api/v1/governance/analyses")
	@Operation(summary = "Create a draft analysis of an organisation's subtree for a year (from and to within it, "
			+ "default the whole year), its facts computed now from the records, beside the previous year's")
	ResponseEntity<Analysis> create(@RequestBody Analyses.NewAnalysis request) {
		Analysis analysis = analyses.create(request);
		return ResponseEntity.created(URI.create("/api/v1/governance/analyses/" + analysis.id())).body(analysis);
	}

	@GetMapping("/api/v1/governance/analyses")
	@Operation(summary = "Analyses of a year by the organisations of a subtree, newest first (at most 200)")
	List<Analysis> list(@RequestParam long orgId, @RequestParam(required = false) Integer year) {
		return analyses.inSubtree(orgId, year == null ? clock.today().getYear() : year);
	}

	@GetMapping("/api/v1/governance/analyses/{id}")
	@Operation(summary = "One analysis with its facts and measures")
	Analysis get(@PathVariable long id) {
		return analyses.get(id);
	}

	@GetMapping("/api/v1/governance/analyses/{id}/pdf")
	@Operation(summary = "The analysis as a PDF (Chinese text): the facts beside the previous year's, the judgement, the measures")
	ResponseEntity<byte[]> pdf(@PathVariable long id) {
		return document.pdf(analyses.get(id));
	}

	@PutMapping("/api/v1/governance/analyses/{id}/judgement")
	@Operation(summary = "Write the committee's judgement (研判意见) of a draft")
	Analysis judge(@PathVariable long id, @RequestBody Analyses.Judgement request) {
		return analyses.judge(id, request);
	}

	@PostMapping("/api/v1/governance/analyses/{id}/refresh")
	@Operation(summary = "Compute the facts of a draft again from the records")
	Analysis refresh(@PathVariable long id) {
		return analyses.refresh(id);
	}

	@PostMapping("/api/v1/governance/analyses/{id}/measures")
	@Operation(summary = "Add a measure (措施) to a draft: its text, the owner post (of the subtree) and the deadline")
	Analysis addMeasure(@PathVariable long id, @RequestBody Analyses.MeasureInput request) {
		return analyses.addMeasure(id, request);
	}

	@PutMapping("/api/v1/governance/analyses/{id}/measures/{measureId}")
	@Operation(summary = "Change a measure of a draft that is not tracked yet")
	Analysis updateMeasure(@PathVariable long id, @PathVariable long measureId, @RequestBody Analyses.MeasureInput request) {
		return analyses.updateMeasure(id, measureId, request);
	}

	@DeleteMapping("/api/v1/governance/analyses/{id}/measures/{measureId}")
	@Operation(summary = "Remove a measure of a draft that is not tracked yet")
	Analysis removeMeasure(@PathVariable long id, @PathVariable long measureId) {
		return analyses.removeMeasure(id, measureId);
	}

	@PostMapping("/api/v1/governance/analyses/{id}/measures/{measureId}/track")
	@Operation(summary = "Make a measure a tracked item (kind governance.measure) of its owner post's organisation, "
			+ "verified by the analysing organisation")
	Analysis track(@PathVariable long id, @PathVariable long measureId) {
		return analyses.track(id, measureId);
	}

	@PostMapping("/api/v1/governance/analyses/{id}/adopt")
	@Operation(summary = "研判会议通过: adopt the analysis on a date (default today); it is frozen and cannot be undone")
	Analysis adopt(@PathVariable long id, @RequestBody(required = false) Analyses.Adoption request) {
		return analyses.adopt(id, request);
	}
}
