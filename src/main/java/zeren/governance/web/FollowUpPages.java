package zeren.governance.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import zeren.accountability.Cases;
import zeren.governance.FollowUp;
import zeren.governance.FollowUps;
import zeren.inspection.Findings;
import zeren.org.Leadership;
import zeren.org.Org;
import zeren.org.OrgChoice;
import zeren.org.OrgNode;
import zeren.org.OrgTree;
import zeren.org.Post;
import zeren.platform.BusinessClock;
import zeren.platform.ConflictException;
import zeren.platform.ForbiddenException;
import zeren.platform.InvalidInputException;
import zeren.platform.Paged;
import zeren.platform.web.PageErrors;
import zeren.platform.xlsx.TableExport;

/** 批示 / 督办: the year's follow-ups (or the register of major matters), the form to record one, one follow-up. */
@Controller
class FollowUpPages {

	private final FollowUps followUps;
	private final Cases cases;
	private final Findings findings;
	private final OrgTree tree;
	private final Leadership leadership;
	private final BusinessClock clock;
	private final PageErrors errors;
	private final FollowUpDocument document;

	FollowUpPages(FollowUps followUps, Cases cases, Findings findings, OrgTree tree, Leadership leadership,
			BusinessClock clock, PageErrors errors, FollowUpDocument document) {
		this.document = document;
		this.followUps = followUps;
		this.cases = cases;
		this.findings = findings;
		this.tree = tree;
		this.leadership = leadership;
		this.clock = clock;
		this.errors = errors;
	}

	@GetMapping("/governance/follow-ups")
	String index(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) boolean register, Model model) {
		int y = year == null ? clock.today().getYear() : year;
		model.addAllAttributes(OrgChoice.of(tree, orgId, y).attributes());
		model.addAttribute("register", register);
		if (orgId != null) {
			model.addAttribute("followUps", followUps.inSubtree(orgId, y, register));
		}
		return "governance/follow-ups";
	}

	/** The list (or the register of major matters) as XLSX, the rows the page shows. */
	@zeren.platform.ReadOnlyWork
	@GetMapping("/governance/follow-ups/export.xlsx")
	void export(@RequestParam long orgId, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) boolean register, Locale locale,
			jakarta.servlet.http.HttpServletResponse response) {
		int y = year == null ? clock.today().getYear() : year;
		Org org = tree.get(orgId);
		List<FollowUp> rows = followUps.inSubtree(orgId, y, register);
		String title = m(locale, register ? "governance.register.title" : "governance.follow-ups.title");
		TableExport.send(response, org.name() + y + title, book -> {
			List<String> headers = new ArrayList<>(List.of(m(locale, "field.governance.instructedOn"),
					m(locale, "field.governance.instructorPostId"), m(locale, "field.governance.subject"),
					m(locale, "field.governance.category"), m(locale, "field.governance.answerOrgId"),
					m(locale, "field.governance.deadline"), m(locale, "governance.follow-up.status")));
			if (register) {
				headers.add(m(locale, "field.governance.decided"));
			}
			TableExport.Sheet sheet = book.sheet(title, headers);
			for (FollowUp f : rows) {
				List<Object> row = new ArrayList<>(java.util.Arrays.asList(f.instructedOn(),
						f.instructorName() + "（" + f.instructorPostTitle() + "）", f.subject(),
						f.category() == null ? null : m(locale, "governance.category." + f.category().name()),
						f.answerOrgName(), f.deadline(), f.closed()
								? m(locale, "governance.follow-up.closed", String.valueOf(f.closedOn()))
								: m(locale, "governance.follow-up.open")));
				if (register) {
					row.add(f.decided());
				}
				sheet.row(row);
			}
		});
	}

	private String m(Locale locale, String code, Object... args) {
		return errors.message(code, locale, args);
	}

	/** A choice on the form: an id and what is shown. */
	record Choice(long id, String label) {
	}

	@GetMapping("/governance/follow-ups/new")
	String form(@RequestParam long orgId, Model model) {
		Org org = tree.get(orgId);
		if (!tree.canManage(orgId)) {
			throw new ForbiddenException();
		}
		int year = clock.today().getYear();
		List<Choice> instructors = new ArrayList<>();
		List<Org> own = new ArrayList<>(List.of(org));
		if (org.disciplineBodyId() != null) {
			tree.find(org.disciplineBodyId()).ifPresent(own::add);
		}
		for (Org o : own) {
			leadership.posts(o.id()).stream().filter(Post::active)
					.forEach(p -> instructors.add(new Choice(p.id(), o.name() + " · " + p.title())));
		}
		List<Org> answering = new ArrayList<>(List.of(org));
		tree.children(orgId).stream().map(OrgNode::org).forEach(answering::add);
		List<Choice> caseChoices = new ArrayList<>();
		for (int y : new int[] { year, year - 1 }) {
			// the latest cases of each year, as many as a page of a list holds
			cases.page(orgId, y, null, null, Cases.CaseSort.RECENT, 1, Paged.MAX_SIZE).items()
					.forEach(c -> caseChoices.add(new Choice(c.id(), c.orgName() + "：" + c.title())));
		}
		List<Choice> findingChoices = new ArrayList<>();
		for (int y : new int[] { year, year - 1 }) {
			findings.page(orgId, y, null, Findings.FindingSort.ORG, 1, Paged.MAX_SIZE).items().forEach(f -> findingChoices.add(new Choice(f.id(),
					f.orgName() + "：" + (f.description().length() > 60 ? f.description().substring(0, 60) + "…" : f.description()))));
		}
		model.addAttribute("org", org);
		model.addAttribute("instructors", instructors);
		model.addAttribute("answering", answering);
		model.addAttribute("answerPosts", leadership.posts(orgId).stream().filter(Post::active).toList());
		model.addAttribute("cases", caseChoices);
		model.addAttribute("findings", findingChoices);
		model.addAttribute("sourceKinds", FollowUp.SourceKind.values());
		model.addAttribute("categories", FollowUp.Category.values());
		model.addAttribute("today", clock.today());
		model.addAttribute("deadline", clock.today().plusDays(30));
		return "governance/follow-up-new";
	}

	@PostMapping("/governance/follow-ups")
	String record(@RequestParam(required = false) Long orgId, @RequestParam(required = false) LocalDate instructedOn,
			@RequestParam(required = false) Long instructorPostId, @RequestParam(required = false) FollowUp.SourceKind sourceKind,
			@RequestParam(required = false) Long caseId, @RequestParam(required = false) Long findingId,
			@RequestParam(required = false) String subject, @RequestParam(required = false) String instruction,
			@RequestParam(required = false) FollowUp.Category category, @RequestParam(required = false) Long answerOrgId,
			@RequestParam(required = false) Long ownerPostId, @RequestParam(required = false) LocalDate deadline,
			RedirectAttributes flash, Locale locale) {
		Long sourceId = sourceKind == FollowUp.SourceKind.CASE ? caseId
				: sourceKind == FollowUp.SourceKind.FINDING ? findingId : null;
		try {
			FollowUp f = followUps.record(new FollowUps.NewFollowUp(orgId, instructedOn, instructorPostId, sourceKind,
					sourceId, subject, instruction, category, answerOrgId, ownerPostId, deadline));
			flash.addFlashAttribute("success", true);
			return "redirect:/governance/follow-ups/" + f.id();
		}
		catch (InvalidInputException | ConflictException e) {
			flash.addFlashAttribute("errors", errors.of(e, locale));
			return orgId == null ? "redirect:/governance/follow-ups" : "redirect:/governance/follow-ups/new?orgId=" + orgId;
		}
	}

	@GetMapping("/governance/follow-ups/{id}")
	String show(@PathVariable long id, Model model) {
		FollowUp f = followUps.get(id);
		model.addAttribute("followUp", f);
		model.addAttribute("canManage", tree.canManage(f.orgId()));
		return "governance/follow-up";
	}

	@zeren.platform.ReadOnlyWork
	@GetMapping("/governance/follow-ups/{id}/duban.pdf")
	org.springframework.http.ResponseEntity<byte[]> duban(@PathVariable long id) {
		return document.pdf(followUps.get(id));
	}

	@PostMapping("/governance/follow-ups/{id}/decided")
	String decided(@PathVariable long id, @RequestParam(required = false) String decided, RedirectAttributes flash,
			Locale locale) {
		return errors.attempt(() -> followUps.decide(id, new FollowUps.Decided(decided)), "redirect:/governance/follow-ups/" + id,
				flash, locale);
	}
}
