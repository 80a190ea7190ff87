package zeren.inspection.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import zeren.platform.document.DocumentFormat;
import zeren.inspection.Finding;
import zeren.inspection.Findings;
import zeren.inspection.Inspection;
import zeren.inspection.Inspections;
import zeren.inspection.Notice;
import zeren.inspection.Notices;
import zeren.inspection.Rectifications;
import zeren.org.Leadership;
import zeren.org.OrgTree;
import zeren.platform.BusinessClock;
import zeren.platform.ConflictException;
import zeren.platform.InvalidInputException;
import zeren.platform.web.PageErrors;
import zeren.platform.web.Uploads;

/** The inspection plan, an inspection with its findings, the findings table, and notices received. */
@Controller
class InspectionPages {

	private final Inspections inspections;
	private final Findings findings;
	private final Notices notices;
	private final OrgTree tree;
	private final Leadership leadership;
	private final BusinessClock clock;
	private final PageErrors errors;
	private final NoticeDocument pdf;
	private final Rectifications rectifications;
	private final zeren.assessment.Rounds rounds;
	private final zeren.oversight.Oversight oversight;

	InspectionPages(Inspections inspections, Findings findings, Notices notices, OrgTree tree, Leadership leadership,
			BusinessClock clock, PageErrors errors, NoticeDocument pdf, Rectifications rectifications,
			zeren.assessment.Rounds rounds, zeren.oversight.Oversight oversight) {
		this.rounds = rounds;
		this.oversight = oversight;
		this.inspections = inspections;
		this.findings = findings;
		this.notices = notices;
		this.tree = tree;
		this.leadership = leadership;
		this.clock = clock;
		this.errors = errors;
		this.pdf = pdf;
		this.rectifications = rectifications;
	}

	/** The organisation chooser every page of the module shares. */
	private void chooser(Long orgId, Model model) {
		var roots = tree.roots();
		model.addAttribute("roots", roots);
		model.addAttribute("orgAmongRoots", roots.stream().anyMatch(r -> orgId != null && r.org().id() == orgId));
		if (orgId != null) {
			model.addAttribute("org", tree.get(orgId));
		}
	}

	/** A lower organisation the plan should look at first, and why (last year's grade, its overdue obligations). */
	record Focus(long orgId, String orgName, zeren.assessment.Grade grade, long red) {
	}

	/**
	 * 强化考核结果运用: the lower organisations whose last year ended with a grade of 一般 or 差 in the
	 * organisation's concluded assessment, or with obligations red on the dashboard — suggested
	 * (and preselected) as targets of this year's inspection, the reason beside each.
	 */
	private List<Focus> focus(long orgId, int lastYear) {
		java.util.Map<Long, zeren.assessment.Grade> grades = rounds.concludedGrades(orgId, lastYear);
		java.util.Map<Long, Long> red = new java.util.HashMap<>();
		oversight.dashboard(orgId, lastYear).children().forEach(l -> red.put(l.orgId(), l.all().red()));
		List<Focus> focus = new java.util.ArrayList<>();
		for (var child : tree.children(orgId)) {
			zeren.assessment.Grade g = grades.get(child.org().id());
			boolean bad = g == zeren.assessment.Grade.FAIR || g == zeren.assessment.Grade.POOR;
			long r = red.getOrDefault(child.org().id(), 0L);
			if (bad || r > 0) {
				focus.add(new Focus(child.org().id(), child.org().name(), bad ? g : null, r));
			}
		}
		return focus;
	}

	@GetMapping("/inspection")
	String plan(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer year, Model model) {
		int y = year == null ? clock.today().getYear() : year;
		model.addAttribute("year", y);
		chooser(orgId, model);
		if (orgId != null) {
			model.addAttribute("inspections", inspections.of(orgId, y));
			List<Inspection.Kind> kinds = inspections.plannable(orgId);
			model.addAttribute("canInspect", !kinds.isEmpty());
			if (!kinds.isEmpty()) {
				model.addAttribute("posts", leadership.posts(orgId));
				model.addAttribute("children", tree.children(orgId));
				model.addAttribute("kinds", kinds);
				model.addAttribute("today", clock.today());
				List<Focus> focus = focus(orgId, y - 1);
				model.addAttribute("focus", focus);
				model.addAttribute("focusOrgIds", focus.stream().map(Focus::orgId).toList());
			}
		}
		return "inspection/plan";
	}

	@PostMapping("/inspection/inspections")
	String create(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Inspection.Kind kind,
			@RequestParam(required = false) String title,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate,
			@RequestParam(required = false) Long leaderPostId,
			@RequestParam(required = false) List<Long> teamPostIds,
			@RequestParam(required = false) List<Long> targetOrgIds,
			@RequestParam(required = false) boolean includeSubtree, RedirectAttributes flash, Locale locale) {
		List<Inspections.TeamInput> team = new ArrayList<>();
		if (leaderPostId != null) {
			team.add(new Inspections.TeamInput(leaderPostId, true));
		}
		for (Long postId : teamPostIds == null ? List.<Long>of() : teamPostIds) {
			if (!postId.equals(leaderPostId)) {
				team.add(new Inspections.TeamInput(postId, false));
			}
		}
		List<Inspections.TargetInput> targets = (targetOrgIds == null ? List.<Long>of() : targetOrgIds).stream()
				.map(id -> new Inspections.TargetInput(id, includeSubtree)).toList();
		try {
			Inspection inspection = inspections.create(new Inspections.NewInspection(orgId, kind, title, startDate,
					endDate, team, targets, null));
			return "redirect:/inspection/inspections/" + inspection.id();
		}
		catch (InvalidInputException | ConflictException e) {
			flash.addFlashAttribute("errors", errors.of(e, locale));
			return orgId == null ? "redirect:/inspection" : "redirect:/inspection?orgId=" + orgId;
		}
	}

	@GetMapping("/inspection/inspections/{id}")
	String show(@PathVariable long id, Model model) {
		Inspection inspection = inspections.get(id);
		model.addAttribute("inspection", inspection);
		model.addAttribute("findings", findings.ofInspection(id));
		List<Inspections.TargetOrg> targetOrgs = inspections.targetOrgs(id);
		model.addAttribute("targetOrgs", targetOrgs);
		// the posts of the organisation first in the choice (the page reloads them when it changes)
		model.addAttribute("targetPosts", targetOrgs.isEmpty() ? List.of() : leadership.posts(targetOrgs.get(0).orgId()));
		model.addAttribute("canInspect", inspections.mayChange(inspection));
		model.addAttribute("severities", Finding.Severity.values());
		model.addAttribute("scopeKinds", Notice.ScopeKind.values());
		return "inspection/inspection";
	}

	@PostMapping("/inspection/inspections/{id}/findings")
	String addFinding(@PathVariable long id, @RequestParam(required = false) Long orgId,
			@RequestParam(required = false) Integer focusNo, @RequestParam(required = false) String description,
			@RequestParam(required = false) String severity,
			@RequestParam(required = false) List<Long> responsiblePostIds, RedirectAttributes flash, Locale locale) {
		inspections.requireSupervised(id);
		return errors.attempt(
				() -> findings.add(id, new Findings.FindingInput(orgId, focusNo, description, severity, responsiblePostIds)),
				"redirect:/inspection/inspections/" + id, flash, locale);
	}

	@PostMapping("/inspection/inspections/{id}/findings/xlsx")
	String importFindings(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file,
			RedirectAttributes flash, Locale locale) {
		inspections.requireSupervised(id);
		try {
			Uploads.required(file);
			List<Finding> imported = findings.importRows(id, FindingSheet.read(file.getInputStream()));
			flash.addFlashAttribute("message", errors.message("inspection.import.done", locale, imported.size()));
		}
		catch (InvalidInputException | ConflictException e) {
			flash.addFlashAttribute("errors", errors.of(e, locale));
		}
		catch (IOException e) {
			flash.addFlashAttribute("errors", List.of(errors.message("error.import.xlsx-unreadable", locale)));
		}
		return "redirect:/inspection/inspections/" + id;
	}

	@GetMapping("/inspection/findings/template")
	ResponseEntity<byte[]> template() throws IOException {
		return InspectionApi.xlsx("inspection-findings-template.xlsx", FindingSheet.template(inspections.defaultFocus()));
	}

	static final int FINDINGS_PAGE = 50;

	@GetMapping("/inspection/findings")
	String findingsTable(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String q, @RequestParam(required = false) String severity,
			@RequestParam(required = false) String sort, @RequestParam(required = false) Integer page, Model model) {
		int y = year == null ? clock.today().getYear() : year;
		model.addAttribute("year", y);
		chooser(orgId, model);
		Findings.FindingSort order = Findings.FindingSort.of(sort);
		model.addAttribute("sorts", Findings.FindingSort.values());
		model.addAttribute("severities", Finding.Severity.values());
		model.addAttribute("listQuery", zeren.platform.web.ListQuery.of(q, order).with("orgId", orgId).with("year", y)
				.with("severity", severity));
		if (orgId != null) {
			model.addAttribute("findings", findings.page(orgId, y, new Findings.FindingFilter(q, severity), order,
					zeren.platform.Paged.page(page), FINDINGS_PAGE));
		}
		return "inspection/findings";
	}

	@GetMapping("/inspection/findings/{id}")
	String finding(@PathVariable long id, Model model) {
		Finding finding = findings.get(id);
		model.addAttribute("finding", finding);
		model.addAttribute("evidence", findings.evidence(id));
		model.addAttribute("canAttach", inspections.mayChange(finding.inspectionId()));
		var rectification = rectifications.find(id);
		rectification.ifPresent(r -> model.addAttribute("rectification", r));
		if (rectification.isEmpty() && inspections.supervises(finding.inspectingOrgId())) {
			model.addAttribute("canAssign", true);
			model.addAttribute("posts", leadership.posts(finding.orgId()));
			model.addAttribute("today", clock.today());
		}
		return "inspection/finding";
	}

	@PostMapping("/inspection/findings/{id}/rectification")
	String assign(@PathVariable long id, @RequestParam(required = false) String problems,
			@RequestParam(required = false) String measures,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline,
			@RequestParam(required = false) Long responsiblePostId, RedirectAttributes flash, Locale locale) {
		rectifications.requireAssignable(id);
		return errors.attempt(() -> rectifications.assign(id,
				new Rectifications.RectificationInput(problems, measures, deadline, responsiblePostId)),
				"redirect:/inspection/findings/" + id, flash, locale);
	}

	@PostMapping("/inspection/findings/{id}/evidence")
	String attach(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file,
			RedirectAttributes flash, Locale locale) {
		findings.requireSupervised(id);
		try {
			Uploads.required(file);
			findings.attach(id, file.getOriginalFilename(), file.getInputStream());
		}
		catch (InvalidInputException | ConflictException e) {
			flash.addFlashAttribute("errors", errors.of(e, locale));
		}
		catch (IOException e) {
			flash.addFlashAttribute("errors", List.of(errors.message("error.import.file-missing", locale)));
		}
		return "redirect:/inspection/findings/" + id;
	}

	@GetMapping("/inspection/findings/{id}/evidence/{evidenceId}")
	ResponseEntity<org.springframework.core.io.InputStreamResource> download(@PathVariable long id,
			@PathVariable long evidenceId) {
		return findings.download(id, evidenceId).toResponse();
	}

	/** The rows of a page of one board column read in full. */
	static final int BOARD_PAGE = 50;

	/** The board (each column its most urgent rows and its count), or one column in full, a page at a time. */
	@GetMapping("/inspection/board")
	String board(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String column, @RequestParam(required = false) Integer page, Model model) {
		int y = year == null ? clock.today().getYear() : year;
		model.addAttribute("year", y);
		chooser(orgId, model);
		if (orgId != null) {
			Rectifications.Column chosen = column == null || column.isBlank() ? null
					: zeren.platform.Paged.choice(Rectifications.Column.class, column, Rectifications.Column.OPEN);
			if (chosen == null) {
				model.addAttribute("board", rectifications.board(orgId, y, clock.today()));
				model.addAttribute("columns", Rectifications.Column.values());
			}
			else {
				model.addAttribute("column", chosen);
				model.addAttribute("rows", rectifications.column(orgId, y, chosen, clock.today(),
						zeren.platform.Paged.page(page), BOARD_PAGE));
				model.addAttribute("listQuery", new zeren.platform.web.ListQuery(null, null, java.util.Map.of())
						.with("orgId", orgId).with("year", y).with("column", chosen.name()));
			}
		}
		return "inspection/board";
	}

	@PostMapping("/inspection/notices")
	String issue(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Long inspectionId,
			@RequestParam(required = false) String title, @RequestParam(required = false) String body,
			@RequestParam(required = false) Notice.ScopeKind scopeKind, @RequestParam(required = false) Long scopeOrgId,
			@RequestParam(required = false) List<Long> findingIds,
			@RequestParam(required = false) List<Long> criticisedOrgIds, RedirectAttributes flash, Locale locale) {
		try {
			Notice notice = notices.issue(new Notices.NewNotice(orgId, title, body, scopeKind, scopeOrgId, findingIds,
					criticisedOrgIds));
			return "redirect:/inspection/notices/" + notice.id();
		}
		catch (InvalidInputException | ConflictException e) {
			flash.addFlashAttribute("errors", errors.of(e, locale));
			return inspectionId == null ? "redirect:/inspection/notices" : "redirect:/inspection/inspections/" + inspectionId;
		}
	}

	@GetMapping("/inspection/notices")
	String notices(@RequestParam(required = false) Long orgId, Model model) {
		chooser(orgId, model);
		if (orgId != null) {
			model.addAttribute("received", notices.received(orgId));
			model.addAttribute("issued", notices.issued(orgId));
			model.addAttribute("criticisms", notices.criticisms(orgId));
		}
		return "inspection/notices";
	}

	@GetMapping("/inspection/notices/{id}")
	String notice(@PathVariable long id, Model model) {
		model.addAttribute("shownNotice", notices.get(id));
		return "inspection/notice";
	}

	@GetMapping("/inspection/notices/{id}/pdf")
	ResponseEntity<byte[]> noticePdf(@PathVariable long id) {
		return pdf.response(notices.get(id), DocumentFormat.PDF);
	}

	@GetMapping("/inspection/notices/{id}/docx")
	ResponseEntity<byte[]> noticeDocx(@PathVariable long id) {
		return pdf.response(notices.get(id), DocumentFormat.DOCX);
	}
}
