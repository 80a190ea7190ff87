package zeren.accountability.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import zeren.platform.ReadOnlyWork;
import zeren.accountability.AccountabilityCase;
import zeren.accountability.AccountabilityCase.AppealOutcome;
import zeren.accountability.AccountabilityCase.Disposition;
import zeren.accountability.AccountabilityCase.Form;
import zeren.accountability.AccountabilityCase.Origin;
import zeren.accountability.AccountabilityStatistics;
import zeren.accountability.CaseDecisions;
import zeren.accountability.CaseHistory;
import zeren.accountability.CaseProcedure;
import zeren.accountability.Cases;
import zeren.accountability.IntegrityFiles;
import zeren.accountability.PartyStep;
import zeren.accountability.Situations;
import zeren.org.Leadership;
import zeren.org.OrgTree;
import zeren.platform.BusinessClock;
import zeren.platform.ConflictException;
import zeren.platform.CurrentScope;
import zeren.platform.InvalidInputException;
import zeren.platform.document.DocumentFormat;
import zeren.platform.web.PageErrors;

/**
 * The accountability pages: the case list of a subtree with the form that registers a case, a
 * case with its proposed parties and the steps of its procedure, the integrity file of a person,
 * the statistics of a subtree, and the catalogue of situations.
 */
@Controller
class AccountabilityPages {

	private final Cases cases;
	private final CaseProcedure procedure;
	private final CaseDecisions decisions;
	private final Situations situations;
	private final IntegrityFiles integrityFiles;
	private final AccountabilityStatistics statistics;
	private final OrgTree tree;
	private final Leadership leadership;
	private final BusinessClock clock;
	private final CurrentScope scope;
	private final PageErrors errors;
	private final DecisionDocument document;
	private final CaseHistory history;

	AccountabilityPages(Cases cases, CaseProcedure procedure, CaseDecisions decisions, Situations situations,
			IntegrityFiles integrityFiles, AccountabilityStatistics statistics, OrgTree tree, Leadership leadership,
			BusinessClock clock, CurrentScope scope, PageErrors errors, DecisionDocument document,
			CaseHistory history) {
		this.history = history;
		this.cases = cases;
		this.procedure = procedure;
		this.decisions = decisions;
		this.situations = situations;
		this.integrityFiles = integrityFiles;
		this.statistics = statistics;
		this.tree = tree;
		this.leadership = leadership;
		this.clock = clock;
		this.scope = scope;
		this.errors = errors;
		this.document = document;
	}

	private void orgChoice(Long orgId, Integer year, Model model) {
		int y = year == null ? clock.today().getYear() : year;
		model.addAttribute("year", y);
		var roots = tree.roots();
		model.addAttribute("roots", roots);
		model.addAttribute("orgAmongRoots", roots.stream().anyMatch(r -> orgId != null && r.org().id() == orgId));
		if (orgId != null) {
			model.addAttribute("org", tree.get(orgId));
		}
	}

	static final int PAGE_SIZE = 50;

	@GetMapping("/accountability")
	String index(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) Origin origin, @RequestParam(required = false) String originRef,
			@RequestParam(required = false) String title, @RequestParam(required = false) String facts,
			@RequestParam(required = false) String q, @RequestParam(required = false) String status,
			@RequestParam(required = false) String sort, @RequestParam(required = false) Integer page, Model model) {
		orgChoice(orgId, year, model);
		Cases.CaseSort order = Cases.CaseSort.of(sort);
		model.addAttribute("sorts", Cases.CaseSort.values());
		model.addAttribute("statuses", zeren.accountability.AccountabilityCase.Status.values());
		model.addAttribute("listQuery", zeren.platform.web.ListQuery.of(q, order).with("orgId", orgId)
				.with("year", model.getAttribute("year")).with("status", status));
		if (origin != null) {
			// opened from another record (an assessment line): the new case's form comes filled in
			java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
			values.put("origin", origin.name());
			values.put("originRef", originRef);
			values.put("title", title);
			values.put("facts", facts);
			model.addAttribute("refill", zeren.platform.web.FormPrefill.of("/accountability/cases", values));
		}
		if (orgId != null) {
			model.addAttribute("cases", cases.page(orgId, (Integer) model.getAttribute("year"), q, status, order,
					zeren.platform.Paged.page(page), PAGE_SIZE));
			boolean canOpen = cases.canOpenIn(orgId);
			model.addAttribute("canOpen", canOpen);
			if (canOpen) {
				model.addAttribute("situations", situations.list(true));
				model.addAttribute("origins", Origin.values());
				model.addAttribute("posts", leadership.posts(orgId));
				model.addAttribute("today", clock.today());
			}
		}
		return "accountability/index";
	}

	@PostMapping("/accountability/cases")
	String create(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Origin origin,
			@RequestParam(required = false) String originRef, @RequestParam(required = false) String title,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate periodFrom,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate periodTo,
			@RequestParam(required = false) String facts, @RequestParam(required = false) List<Long> situationIds,
			@RequestParam(required = false) Long inChargePostId, @RequestParam(required = false) List<Long> directPersonIds,
			RedirectAttributes flash, Locale locale) {
		try {
			AccountabilityCase c = procedure.create(new CaseProcedure.NewCase(orgId, origin, originRef, title, periodFrom, periodTo,
					facts, situationIds, inChargePostId, directPersonIds, null));
			return "redirect:/accountability/cases/" + c.id();
		}
		catch (InvalidInputException | ConflictException e) {
			flash.addFlashAttribute("errors", errors.of(e, locale));
			return orgId == null ? "redirect:/accountability" : "redirect:/accountability?orgId=" + orgId;
		}
	}

	@GetMapping("/accountability/cases/{id}")
	String show(@PathVariable long id, Model model) {
		AccountabilityCase c = cases.get(id);
		model.addAttribute("c", c);
		model.addAttribute("proposals", cases.proposals(id));
		model.addAttribute("suggestions", history.suggestions(id));
		model.addAttribute("canWork", cases.canWork(c));
		model.addAttribute("orgForms", List.of(Form.values()).stream().filter(Form::forOrganisation).toList());
		model.addAttribute("cadreForms", List.of(Form.values()).stream().filter(f -> !f.forOrganisation()).toList());
		model.addAttribute("today", clock.today());
		model.addAttribute("appealOutcomes", AppealOutcome.values());
		model.addAttribute("posts", leadership.posts(c.orgId()));
		return "accountability/case";
	}

	@GetMapping("/accountability/cases/{id}/decision.pdf")
	ResponseEntity<byte[]> decisionPdf(@PathVariable long id) {
		return document.response(cases.get(id), DocumentFormat.PDF);
	}

	@GetMapping("/accountability/cases/{id}/decision.docx")
	ResponseEntity<byte[]> decisionDocx(@PathVariable long id) {
		return document.response(cases.get(id), DocumentFormat.DOCX);
	}

	private String back(long id) {
		return "redirect:/accountability/cases/" + id;
	}

	@PostMapping("/accountability/cases/{id}/opening/approve")
	String approve(@PathVariable long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
			@RequestParam(required = false) String approvedBy, RedirectAttributes flash, Locale locale) {
		return errors.attempt(() -> procedure.approveOpening(id, new CaseProcedure.Opening(on, approvedBy)), back(id), flash, locale);
	}

	@PostMapping("/accountability/cases/{id}/opening/refuse")
	String refuse(@PathVariable long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
			@RequestParam(required = false) String reason, RedirectAttributes flash, Locale locale) {
		return errors.attempt(() -> procedure.refuseOpening(id, new CaseProcedure.Refusal(on, reason)), back(id), flash, locale);
	}

	@PostMapping("/accountability/cases/{id}/situations")
	String addSituation(@PathVariable long id, @RequestParam(required = false) Long situationId, RedirectAttributes flash,
			Locale locale) {
		return errors.attempt(() -> procedure.addSituation(id, new CaseProcedure.SituationChoice(situationId)), back(id),
				flash, locale);
	}

	@PostMapping("/accountability/cases/{id}/direct-parties")
	String addDirect(@PathVariable long id, @RequestParam(required = false) Long directPersonId, RedirectAttributes flash,
			Locale locale) {
		return errors.attempt(() -> procedure.addDirect(id, new CaseProcedure.DirectParty(directPersonId)), back(id), flash, locale);
	}

	@PostMapping("/accountability/cases/{id}/parties")
	String dispose(@PathVariable long id, @RequestParam(required = false) Long subjectPersonId,
			@RequestParam(required = false) Long subjectOrgId, @RequestParam(required = false) Disposition disposition,
			@RequestParam(required = false) String reason, RedirectAttributes flash, Locale locale) {
		return errors.attempt(() -> procedure.dispose(id, new CaseProcedure.Disposal(subjectPersonId, subjectOrgId, disposition, reason)),
				back(id), flash, locale);
	}

	@PostMapping("/accountability/cases/{id}/parties/{partyId}/fact-statement")
	String factStatement(@PathVariable long id, @PathVariable long partyId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
			RedirectAttributes flash, Locale locale) {
		return errors.attempt(() -> procedure.showFactStatement(id, partyId, new PartyStep(on, null)), back(id), flash,
				locale);
	}

	@PostMapping("/accountability/cases/{id}/parties/{partyId}/statement")
	String statement(@PathVariable long id, @PathVariable long partyId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
			@RequestParam(required = false) String text, RedirectAttributes flash, Locale locale) {
		return errors.attempt(() -> procedure.recordStatement(id, partyId, new CaseProcedure.Written(on, text)), back(id), flash,
				locale);
	}

	@PostMapping("/accountability/cases/{id}/report")
	String report(@PathVariable long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
			@RequestParam(required = false) String text, RedirectAttributes flash, Locale locale) {
		return errors.attempt(() -> procedure.report(id, new CaseProcedure.Written(on, text)), back(id), flash, locale);
	}

	@PostMapping("/accountability/cases/{id}/parties/{partyId}/decision")
	String decide(@PathVariable long id, @PathVariable long partyId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
			@RequestParam(required = false) String authority, @RequestParam(required = false) List<Form> forms,
			@RequestParam(required = false) String sanctionDetail, @RequestParam(required = false) String reason,
			@RequestParam(required = false) boolean correction, RedirectAttributes flash, Locale locale) {
		CaseDecisions.DecisionInput input = new CaseDecisions.DecisionInput(on, authority, forms, sanctionDetail, reason);
		return errors.attempt(() -> {
			if (correction) {
				decisions.correct(id, partyId, input);
			}
			else {
				decisions.decide(id, partyId, input);
			}
		}, back(id), flash, locale);
	}

	@PostMapping("/accountability/cases/{id}/announcement")
	String announce(@PathVariable long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
			@RequestParam(required = false) Long executionOwnerPostId, RedirectAttributes flash, Locale locale) {
		return errors.attempt(() -> decisions.announce(id, new CaseDecisions.Announcement(on, null, executionOwnerPostId)), back(id),
				flash, locale);
	}

	@PostMapping("/accountability/cases/{id}/filing")
	String file(@PathVariable long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
			RedirectAttributes flash, Locale locale) {
		return errors.attempt(() -> decisions.file(id, new PartyStep(on, null)), back(id), flash, locale);
	}

	@PostMapping("/accountability/cases/{id}/parties/{partyId}/appeals")
	String appeal(@PathVariable long id, @PathVariable long partyId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
			@RequestParam(required = false) String text, RedirectAttributes flash, Locale locale) {
		return errors.attempt(() -> decisions.appeal(id, partyId, new CaseDecisions.NewAppeal(on, text)), back(id), flash, locale);
	}

	@PostMapping("/accountability/cases/{id}/appeals/{appealId}/decision")
	String decideAppeal(@PathVariable long id, @PathVariable long appealId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
			@RequestParam(required = false) AppealOutcome outcome, @RequestParam(required = false) String reason,
			@RequestParam(required = false) String authority, @RequestParam(required = false) List<Form> forms,
			@RequestParam(required = false) String sanctionDetail, RedirectAttributes flash, Locale locale) {
		return errors.attempt(() -> decisions.decideAppeal(id, appealId,
				new CaseDecisions.AppealDecision(on, outcome, reason, authority, forms, sanctionDetail)), back(id), flash, locale);
	}

	@GetMapping("/accountability/people/{id}")
	String integrityFile(@PathVariable long id, Model model) {
		model.addAttribute("file", integrityFiles.of(id));
		return "accountability/person";
	}

	@ReadOnlyWork
	@GetMapping("/accountability/statistics")
	String statistics(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer year,
			Model model) {
		orgChoice(orgId, year, model);
		if (orgId != null) {
			model.addAttribute("stats", statistics.of(orgId, (Integer) model.getAttribute("year")));
		}
		return "accountability/statistics";
	}

	@GetMapping("/accountability/situations")
	String situationList(Model model) {
		model.addAttribute("situations", situations.list(false));
		model.addAttribute("isAdmin", scope.isAdmin());
		return "accountability/situations";
	}

	@PostMapping("/accountability/situations")
	String addSituation(@RequestParam(required = false) String code, @RequestParam(required = false) String name,
			@RequestParam(required = false) boolean concernsLower, @RequestParam(required = false) boolean retrospective,
			RedirectAttributes flash, Locale locale) {
		return errors.attempt(() -> situations.add(new Situations.NewSituation(code, name, concernsLower, retrospective)),
				"redirect:/accountability/situations", flash, locale);
	}

	@PostMapping("/accountability/situations/{id}/active")
	String setActive(@PathVariable long id, @RequestParam(required = false) boolean active, RedirectAttributes flash,
			Locale locale) {
		return errors.attempt(() -> situations.setActive(id, active), "redirect:/accountability/situations", flash, locale);
	}
}
