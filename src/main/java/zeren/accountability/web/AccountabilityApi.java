package zeren.accountability.web;

import java.net.URI;
import java.util.List;

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
import zeren.platform.ReadOnlyWork;
import zeren.accountability.AccountabilityCase;
import zeren.accountability.AccountabilityStatistics;
import zeren.accountability.CaseDecisions;
import zeren.accountability.CaseHistory;
import zeren.accountability.CaseProcedure;
import zeren.accountability.Cases;
import zeren.accountability.IntegrityFiles;
import zeren.accountability.PartyStep;
import zeren.accountability.ProposedParty;
import zeren.accountability.Situations;
import zeren.platform.BusinessClock;
import zeren.platform.document.DocumentFormat;
import zeren.platform.web.ApiPage;
import jakarta.servlet.http.HttpServletRequest;

/** Accountability (追责) over JSON: cases, dual investigation, the procedure, integrity files, statistics. */
@RestController
@Tag(name = "Accountability", description = "追责: cases, 一案双查 proposals from tenures (倒查), the procedure of the 2019 Accountability Regulations, 廉政档案, statistics")
class AccountabilityApi {

	private final Situations situations;
	private final Cases cases;
	private final CaseProcedure procedure;
	private final CaseDecisions decisions;
	private final IntegrityFiles integrityFiles;
	private final AccountabilityStatistics statistics;
	private final BusinessClock clock;
	private final DecisionDocument document;
	private final CaseHistory history;

	AccountabilityApi(Situations situations, Cases cases, CaseProcedure procedure, CaseDecisions decisions,
			IntegrityFiles integrityFiles, AccountabilityStatistics statistics, BusinessClock clock,
			DecisionDocument document, CaseHistory history) {
		this.history = history;
		this.situations = situations;
		this.cases = cases;
		this.procedure = procedure;
		this.decisions = decisions;
		this.integrityFiles = integrityFiles;
		this.statistics = statistics;
		this.clock = clock;
		this.document = document;
	}

	// ---- the catalogue of situations ------------------------------------------------------------

	@GetMapping("/api/v1/accountability/situations")
	@Operation(summary = "The catalogue of triggering situations (active ones unless all=true)")
	List<Situations.Situation> situations(@RequestParam(defaultValue = "false") boolean all) {
		return situations.list(!all);
	}

	@PostMapping("/api/v1/accountability/situations")
	@Operation(summary = "Add a situation to the catalogue (administrator)")
	ResponseEntity<Situations.Situation> addSituation(@RequestBody Situations.NewSituation request) {
		Situations.Situation s = situations.add(request);
		return ResponseEntity.created(URI.create("/api/v1/accountability/situations/" + s.id())).body(s);
	}

	@PostMapping("/api/v1/accountability/situations/{id}/deactivate")
	@Operation(summary = "Deactivate a situation: no longer offered for new cases (administrator)")
	Situations.Situation deactivate(@PathVariable long id) {
		return situations.setActive(id, false);
	}

	@PostMapping("/api/v1/accountability/situations/{id}/activate")
	@Operation(summary = "Reactivate a situation (administrator)")
	Situations.Situation activate(@PathVariable long id) {
		return situations.setActive(id, true);
	}

	// ---- cases ----------------------------------------------------------------------------------

	@PostMapping("/api/v1/accountability/cases")
	@Operation(summary = "Register a case (DISCIPLINE or ADMIN over the organisation); it awaits the approval of its opening")
	ResponseEntity<AccountabilityCase> create(@RequestBody CaseProcedure.NewCase request) {
		AccountabilityCase c = procedure.create(request);
		return ResponseEntity.created(URI.create("/api/v1/accountability/cases/" + c.id())).body(c);
	}

	@GetMapping("/api/v1/accountability/cases")
	@Operation(summary = "The cases of an organisation's subtree registered in a year, searched by title (q), filtered by "
			+ "status, sorted (RECENT, ORG, TITLE; the latest registered first by default); paged: page (from 1) and size "
			+ "(default 100, at most 200), the total in X-Total-Count, the pages in Link")
	ResponseEntity<List<Cases.Summary>> list(@RequestParam long orgId, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String q, @RequestParam(required = false) String status,
			@RequestParam(required = false) String sort, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, HttpServletRequest request) {
		return ApiPage.of(cases.page(orgId, year == null ? clock.today().getYear() : year, q, status, Cases.CaseSort.of(sort),
				ApiPage.page(page), ApiPage.size(size)), request);
	}

	@GetMapping("/api/v1/accountability/cases/{id}")
	@Operation(summary = "A case with its parties, decisions, appeals, time limits and steps")
	AccountabilityCase get(@PathVariable long id) {
		return cases.get(id);
	}

	@PutMapping("/api/v1/accountability/cases/{id}")
	@Operation(summary = "Change the facts of a case before its report (a reported or decided case is locked)")
	AccountabilityCase update(@PathVariable long id, @RequestBody CaseProcedure.CaseContent request) {
		return procedure.update(id, request);
	}

	@GetMapping("/api/v1/accountability/cases/{id}/decision.pdf")
	@Operation(summary = "The decisions in force of a case as a PDF (问责决定, Chinese text); 404 while nothing is decided")
	ResponseEntity<byte[]> decisionPdf(@PathVariable long id) {
		return document.response(cases.get(id), DocumentFormat.PDF);
	}

	@GetMapping("/api/v1/accountability/cases/{id}/decision.docx")
	@Operation(summary = "The decisions in force of a case as a Word document (DOCX, GB/T 9704 layout); 404 while nothing is decided")
	ResponseEntity<byte[]> decisionDocx(@PathVariable long id) {
		return document.response(cases.get(id), DocumentFormat.DOCX);
	}

	@GetMapping("/api/v1/accountability/cases/{id}/proposed-parties")
	@Operation(summary = "一案双查: the parties proposed from the tenures over the incident period, each with its reason, posts then and now, and disposition")
	List<ProposedParty> proposedParties(@PathVariable long id) {
		return cases.proposals(id);
	}

	@GetMapping("/api/v1/accountability/cases/{id}/suggestions")
	@Operation(summary = "Situations the case history suggests (S01 连续发生, S02 重复发生), each with the earlier cases of the organisation's subtree behind it; never added by themselves")
	List<CaseHistory.Suggestion> suggestions(@PathVariable long id) {
		return history.suggestions(id);
	}

	@PostMapping("/api/v1/accountability/cases/{id}/situations")
	@Operation(summary = "Add one situation to a case before its report (field situationId), e.g. a suggested one")
	AccountabilityCase addSituation(@PathVariable long id, @RequestBody CaseProcedure.SituationChoice request) {
		return procedure.addSituation(id, request);
	}

	@PostMapping("/api/v1/accountability/cases/{id}/direct-parties")
	@Operation(summary = "Enter a person directly responsible (直接责任人)")
	List<ProposedParty> addDirect(@PathVariable long id, @RequestBody CaseProcedure.DirectParty request) {
		return procedure.addDirect(id, request);
	}

	@PostMapping("/api/v1/accountability/cases/{id}/parties")
	@Operation(summary = "Confirm or drop a proposed party (personId or orgId), with a reason")
	ProposedParty dispose(@PathVariable long id, @RequestBody CaseProcedure.Disposal request) {
		return procedure.dispose(id, request);
	}

	@PostMapping("/api/v1/accountability/cases/{id}/opening/approve")
	@Operation(summary = "Step: the opening is approved (Art. 9); the investigation starts")
	AccountabilityCase approveOpening(@PathVariable long id, @RequestBody CaseProcedure.Opening request) {
		return procedure.approveOpening(id, request);
	}

	@PostMapping("/api/v1/accountability/cases/{id}/opening/refuse")
	@Operation(summary = "Step: the opening is refused, with a reason")
	AccountabilityCase refuseOpening(@PathVariable long id, @RequestBody CaseProcedure.Refusal request) {
		return procedure.refuseOpening(id, request);
	}

	@PostMapping("/api/v1/accountability/cases/{id}/parties/{partyId}/fact-statement")
	@Operation(summary = "Step: the fact statement was shown to a confirmed party (field on)")
	AccountabilityCase factStatement(@PathVariable long id, @PathVariable long partyId,
			@RequestBody PartyStep request) {
		return procedure.showFactStatement(id, partyId, request);
	}

	@PostMapping("/api/v1/accountability/cases/{id}/parties/{partyId}/statement")
	@Operation(summary = "Step: the party's statement of case (陈述和申辩) is recorded (fields on, text)")
	AccountabilityCase statement(@PathVariable long id, @PathVariable long partyId,
			@RequestBody CaseProcedure.Written request) {
		return procedure.recordStatement(id, partyId, request);
	}

	@PostMapping("/api/v1/accountability/cases/{id}/report")
	@Operation(summary = "Step: the investigation report (fields on, text); every proposal disposed, every confirmed party heard")
	AccountabilityCase report(@PathVariable long id, @RequestBody CaseProcedure.Written request) {
		return procedure.report(id, request);
	}

	@PostMapping("/api/v1/accountability/cases/{id}/parties/{partyId}/decision")
	@Operation(summary = "Step: the decision for one party (Art. 12), forms combined where allowed (Art. 8); the last one decides the case")
	AccountabilityCase decide(@PathVariable long id, @PathVariable long partyId,
			@RequestBody CaseDecisions.DecisionInput request) {
		return decisions.decide(id, partyId, request);
	}

	@PostMapping("/api/v1/accountability/cases/{id}/parties/{partyId}/corrections")
	@Operation(summary = "A correction of a decided case: a new decision with its reason that supersedes the one in force")
	AccountabilityCase correct(@PathVariable long id, @PathVariable long partyId,
			@RequestBody CaseDecisions.DecisionInput request) {
		return decisions.correct(id, partyId, request);
	}

	@PostMapping("/api/v1/accountability/cases/{id}/announcement")
	@Operation(summary = "Step: the decision is announced and delivered (Art. 14); each organisational handling becomes a tracked item due in one month (owner: executionOwnerPostId, default the secretary's post)")
	AccountabilityCase announce(@PathVariable long id, @RequestBody CaseDecisions.Announcement request) {
		return decisions.announce(id, request);
	}

	@PostMapping("/api/v1/accountability/cases/{id}/filing")
	@Operation(summary = "Step: the decision is filed in the integrity and personnel files (Art. 14); refused while an organisational handling's tracked item is not closed")
	AccountabilityCase file(@PathVariable long id, @RequestBody PartyStep request) {
		return decisions.file(id, request);
	}

	@PostMapping("/api/v1/accountability/cases/{id}/parties/{partyId}/appeals")
	@Operation(summary = "An appeal (Art. 15): within one month of delivery (fields on, text); execution is not suspended")
	AccountabilityCase appeal(@PathVariable long id, @PathVariable long partyId,
			@RequestBody CaseDecisions.NewAppeal request) {
		return decisions.appeal(id, partyId, request);
	}

	@PostMapping("/api/v1/accountability/cases/{id}/appeals/{appealId}/decision")
	@Operation(summary = "The appeal's outcome (UPHELD, VARIED with forms, REVOKED), due within one month of filing")
	AccountabilityCase decideAppeal(@PathVariable long id, @PathVariable long appealId,
			@RequestBody CaseDecisions.AppealDecision request) {
		return decisions.decideAppeal(id, appealId, request);
	}

	// ---- integrity file and statistics --------------------------------------------------------------

	@GetMapping("/api/v1/accountability/people/{personId}/integrity-file")
	@Operation(summary = "廉政档案: every case, party role, decision and form of a person, beside every post they held")
	IntegrityFiles.IntegrityFile integrityFile(@PathVariable long personId) {
		return integrityFiles.of(personId);
	}

	@ReadOnlyWork
	@GetMapping("/api/v1/accountability/statistics")
	@Operation(summary = "Accountability statistics of a subtree for a year: cases, parties by grade, forms, 一案双查 cases")
	AccountabilityStatistics.Statistics statistics(@RequestParam long orgId, @RequestParam(required = false) Integer year) {
		return statistics.of(orgId, year == null ? clock.today().getYear() : year);
	}

}
