package zeren.interview.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import zeren.interview.Interview;
import zeren.interview.InterviewCoverage;
import zeren.interview.InterviewRecords;
import zeren.org.Leadership;
import zeren.org.Org;
import zeren.org.OrgNode;
import zeren.org.OrgChoice;
import zeren.org.OrgTree;
import zeren.platform.BusinessClock;
import zeren.platform.ConflictException;
import zeren.platform.ForbiddenException;
import zeren.platform.InvalidInputException;
import zeren.platform.Paged;
import zeren.platform.web.ListQuery;
import zeren.platform.web.PageErrors;
import zeren.platform.web.Uploads;

/** Interviews of a subtree and a year: coverage per level, missing pairs, the records, and the form to record one. */
@Controller
class InterviewPages {

	/** Interview records a page shows. */
	static final int RECORDS_SHOWN = 50;

	private final InterviewRecords records;
	private final InterviewCoverage coverage;
	private final OrgTree tree;
	private final Leadership leadership;
	private final BusinessClock clock;
	private final PageErrors errors;

	InterviewPages(InterviewRecords records, InterviewCoverage coverage, OrgTree tree, Leadership leadership,
			BusinessClock clock, PageErrors errors) {
		this.records = records;
		this.coverage = coverage;
		this.tree = tree;
		this.leadership = leadership;
		this.clock = clock;
		this.errors = errors;
	}

	@GetMapping("/interviews")
	String index(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) Integer missingPage, @RequestParam(required = false) Integer page,
			Model model) {
		int y = year == null ? clock.today().getYear() : year;
		model.addAllAttributes(OrgChoice.of(tree, orgId, y).attributes());
		// two paged lists (missing pairs by missingPage, the records by page): each pager keeps the other's page
		int m = Paged.page(missingPage);
		int p = Paged.page(page);
		ListQuery query = new ListQuery(null, null, Map.of()).with("orgId", orgId).with("year", y);
		model.addAttribute("listQuery", query.with("missingPage", m > 1 ? m : null));
		model.addAttribute("missingQuery", query.with("page", p > 1 ? p : null));
		if (orgId != null) {
			// the figures in full, one page of the missing pairs (paged in the database)
			InterviewCoverage.Coverage c = coverage.coverage(orgId, y, m, InterviewCoverage.MISSING_SHOWN);
			model.addAttribute("coverage", c);
			model.addAttribute("missingShown", new Paged<>(c.missing(), m, InterviewCoverage.MISSING_SHOWN, c.missingCount()));
			model.addAttribute("interviews", records.pageInSubtree(orgId, y, p, RECORDS_SHOWN));
		}
		return "interview/index";
	}

	/** A post offered on the form, with its organisation. */
	record PostChoice(long id, String label) {
	}

	@GetMapping("/interviews/new")
	String form(@RequestParam long orgId, Model model) {
		Org org = tree.get(orgId);
		if (!tree.canManage(orgId)) {
			throw new ForbiddenException();
		}
		List<PostChoice> own = new ArrayList<>();
		List<Org> ownOrgs = new ArrayList<>(List.of(org));
		List<PostChoice> lower = new ArrayList<>();
		for (OrgNode child : tree.children(orgId)) {
			if (org.disciplineBodyId() != null && child.org().id() == org.disciplineBodyId()) {
				ownOrgs.add(child.org());
				continue;
			}
			leadership.posts(child.org().id()).stream().filter(p -> p.active())
					.forEach(p -> lower.add(new PostChoice(p.id(), child.org().name() + " · " + p.title())));
		}
		for (Org o : ownOrgs) {
			leadership.posts(o.id()).stream().filter(p -> p.active())
					.forEach(p -> own.add(new PostChoice(p.id(), o.name() + " · " + p.title())));
		}
		model.addAttribute("org", org);
		model.addAttribute("ownPosts", own);
		model.addAttribute("lowerPosts", lower);
		model.addAttribute("kinds", Interview.Kind.values());
		model.addAttribute("today", clock.today());
		return "interview/new";
	}

	@PostMapping("/interviews")
	String record(@RequestParam(required = false) Long orgId, @RequestParam(required = false) LocalDate date,
			@RequestParam(required = false) Interview.Kind kind, @RequestParam(required = false) Long interviewerPostId,
			@RequestParam(required = false) List<Long> intervieweePostIds,
			@RequestParam(required = false) String content, @RequestParam(required = false) String requirements,
			RedirectAttributes flash, Locale locale) {
		List<InterviewRecords.Attendee> interviewees = intervieweePostIds == null ? List.of()
				: intervieweePostIds.stream().map(id -> new InterviewRecords.Attendee(id, null)).toList();
		List<String> lines = requirements == null ? List.of()
				: requirements.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
		try {
			Interview interview = records.record(new InterviewRecords.NewInterview(orgId, date, kind,
					interviewerPostId == null ? null : new InterviewRecords.Attendee(interviewerPostId, null), interviewees,
					content, lines));
			return "redirect:/interviews/" + interview.id();
		}
		catch (InvalidInputException | ConflictException e) {
			flash.addFlashAttribute("errors", errors.of(e, locale));
			return orgId == null ? "redirect:/interviews" : "redirect:/interviews/new?orgId=" + orgId;
		}
	}

	@GetMapping("/interviews/{id}")
	String show(@PathVariable long id, Model model) {
		Interview interview = records.get(id);
		model.addAttribute("interview", interview);
		model.addAttribute("canManage", tree.canManage(interview.orgId()));
		model.addAttribute("trackDeadline", clock.today().plusDays(30));
		return "interview/show";
	}

	@PostMapping("/interviews/{id}/attachments")
	String attach(@PathVariable long id, @org.springframework.web.bind.annotation.RequestPart(name = "file", required = false)
			org.springframework.web.multipart.MultipartFile file, RedirectAttributes flash, Locale locale) {
		records.requireManaged(id);
		return errors.attempt(() -> {
			Uploads.required(file);
			try (java.io.InputStream in = file.getInputStream()) {
				records.attach(id, file.getOriginalFilename(), in);
			}
			catch (java.io.IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		}, "redirect:/interviews/" + id, flash, locale);
	}

	@GetMapping("/interviews/{id}/attachments/{evidenceId}")
	org.springframework.http.ResponseEntity<org.springframework.core.io.InputStreamResource> download(@PathVariable long id,
			@PathVariable long evidenceId) {
		return records.download(id, evidenceId).toResponse();
	}

	@PostMapping("/interviews/{id}/requirements/{no}/track")
	String track(@PathVariable long id, @PathVariable int no, @RequestParam(required = false) Long intervieweePostId,
			@RequestParam(required = false) LocalDate deadline, RedirectAttributes flash, Locale locale) {
		return errors.attempt(() -> records.track(id, no, new InterviewRecords.TrackRequirement(intervieweePostId, deadline)),
				"redirect:/interviews/" + id, flash, locale);
	}
}
