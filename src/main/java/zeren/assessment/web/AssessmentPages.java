package zeren.assessment.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import zeren.assessment.Grade;
import zeren.assessment.Round;
import zeren.assessment.RoundEntries;
import zeren.assessment.RoundSheets;
import zeren.assessment.Rounds;
import zeren.assessment.Scheme;
import zeren.assessment.Schemes;
import zeren.assessment.Scoring;
import zeren.org.OrgChoice;
import zeren.org.OrgTree;
import zeren.platform.BusinessClock;
import zeren.platform.ConflictException;
import zeren.platform.InvalidInputException;
import zeren.platform.web.PageErrors;

/**
 * 评责's pages: the rounds of an organisation (as assessing organisation and as unit), a round's
 * board (units side by side: self and team, grade, rank; the ranking and the grades as charts),
 * and a unit's score sheet with its lines and the forms of the team and of the unit.
 */
@Controller
class AssessmentPages {

	private final Rounds rounds;
	private final RoundSheets sheets;
	private final RoundEntries entries;
	private final Schemes schemes;
	private final OrgTree tree;
	private final BusinessClock clock;
	private final PageErrors errors;

	AssessmentPages(Rounds rounds, RoundSheets sheets, RoundEntries entries, Schemes schemes, OrgTree tree, BusinessClock clock,
			PageErrors errors) {
		this.rounds = rounds;
		this.sheets = sheets;
		this.entries = entries;
		this.schemes = schemes;
		this.tree = tree;
		this.clock = clock;
		this.errors = errors;
	}

	@GetMapping("/assessment")
	String index(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer year, Model model) {
		// the assessment of a year is held early in the next: last year by default
		int y = year == null ? clock.today().getYear() - (clock.today().getMonthValue() <= 6 ? 1 : 0) : year;
		model.addAllAttributes(OrgChoice.of(tree, orgId, y).attributes());
		if (orgId != null) {
			model.addAttribute("rounds", rounds.of(orgId, y));
			model.addAttribute("asUnit", rounds.asUnit(orgId, y));
			boolean assess = rounds.mayAssess(orgId);
			model.addAttribute("canAssess", assess);
			if (assess) {
				// the year's default first, then the organisation's own published schemes
				List<Schemes.Summary> published = new java.util.ArrayList<>(schemes.list(y).stream()
						.filter(s -> s.status() == Scheme.Status.PUBLISHED && (s.orgId() == null || s.orgId() == orgId.longValue()))
						.toList());
				if (published.stream().noneMatch(s -> s.orgId() == null)) {
					Scheme d = schemes.defaultFor(y);
					published.add(0, new Schemes.Summary(d.id(), null, null, y, d.name(), d.version(), d.status(), d.party()));
				}
				// the defaults of the other parties (a secretary's, a team member's, a discipline body's), stored on first use
				for (Scheme.Party party : Scheme.Party.values()) {
					if (party != Scheme.Party.COMMITTEE && published.stream().noneMatch(s -> s.orgId() == null && s.party() == party)) {
						Scheme d = schemes.defaultFor(y, party);
						published.add(new Schemes.Summary(d.id(), null, null, y, d.name(), d.version(), d.status(), d.party()));
					}
				}
				model.addAttribute("publishedSchemes", published);
			}
		}
		return "assessment/index";
	}

	@PostMapping("/assessment/rounds")
	String create(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) Long schemeId, RedirectAttributes flash, Locale locale) {
		try {
			Round r = rounds.create(new Rounds.NewRound(orgId, year, schemeId, null, null));
			flash.addFlashAttribute("notice", errors.message("assessment.round.created", locale));
			return "redirect:/assessment/rounds/" + r.id();
		}
		catch (InvalidInputException | ConflictException e) {
			flash.addFlashAttribute("errors", errors.of(e, locale));
			return "redirect:/assessment" + (orgId == null ? "" : "?orgId=" + orgId + (year == null ? "" : "&year=" + year));
		}
	}

	@GetMapping("/assessment/rounds/{id}")
	String round(@PathVariable long id, Model model) {
		Round round = rounds.get(id);
		model.addAttribute("round", round);
		boolean assess = rounds.mayAssess(round.orgId());
		model.addAttribute("canAssess", assess);
		if (assess) {
			model.addAttribute("sources", schemes.ofRound(round).indicators().stream()
					.filter(i -> i.rule() == Scheme.Rule.SOURCE).toList());
		}
		Map<Grade, Long> grades = new LinkedHashMap<>();
		for (Grade g : Grade.values()) {
			grades.put(g, round.units().stream().filter(u -> u.grade() == g).count());
		}
		model.addAttribute("grades", grades);
		return "assessment/round";
	}

	@PostMapping("/assessment/rounds/{id}/compute")
	String compute(@PathVariable long id, RedirectAttributes flash, Locale locale) {
		return notice(errors.attempt(() -> rounds.compute(id), "redirect:/assessment/rounds/" + id, flash, locale), flash,
				"assessment.round.computed", locale);
	}

	@PostMapping("/assessment/rounds/{id}/conclude")
	String conclude(@PathVariable long id, RedirectAttributes flash, Locale locale) {
		return notice(errors.attempt(() -> rounds.conclude(id), "redirect:/assessment/rounds/" + id, flash, locale), flash,
				"assessment.round.concluded", locale);
	}

	@PostMapping("/assessment/rounds/{id}/sources/{indicatorId}")
	String importPoll(@PathVariable long id, @PathVariable long indicatorId,
			@RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes flash, Locale locale)
			throws IOException {
		try {
			RoundEntries.Imported imported = entries.importPoll(id, indicatorId, file == null ? null : file.getOriginalFilename(),
					file == null ? null : file.getBytes());
			flash.addFlashAttribute("notice", errors.message("assessment.poll.imported", locale, imported.units()));
		}
		catch (InvalidInputException | ConflictException e) {
			flash.addFlashAttribute("errors", errors.of(e, locale));
		}
		return "redirect:/assessment/rounds/" + id;
	}

	@PostMapping("/assessment/rounds/{id}/sources/{indicatorId}/scores")
	String importScores(@PathVariable long id, @PathVariable long indicatorId,
			@RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes flash, Locale locale)
			throws IOException {
		try {
			RoundEntries.Imported imported = entries.importScores(id, indicatorId, file == null ? null : file.getOriginalFilename(),
					file == null ? null : file.getBytes());
			flash.addFlashAttribute("notice", errors.message("assessment.scores.imported", locale, imported.units()));
		}
		catch (InvalidInputException | ConflictException e) {
			flash.addFlashAttribute("errors", errors.of(e, locale));
		}
		return "redirect:/assessment/rounds/" + id;
	}

	@GetMapping("/assessment/rounds/{id}/units/{unitId}")
	String sheet(@PathVariable long id, @PathVariable long unitId, Model model) {
		Round.Sheet sheet = sheets.sheet(id, unitId);
		model.addAttribute("sheet", sheet);
		boolean open = sheet.status() == Round.Status.OPEN;
		boolean team = rounds.mayAssess(sheet.assessingOrgId());
		model.addAttribute("canTeam", team);
		model.addAttribute("canSelf", open && rounds.mayAct(sheet.unit().orgId()));
		model.addAttribute("teamIndicators", sheet.indicators().stream()
				.filter(i -> i.rule() != Scheme.Rule.GROUP && i.rule() != Scheme.Rule.SOURCE).toList());
		model.addAttribute("selfIndicators", sheet.indicators().stream()
				.filter(i -> i.rule() != Scheme.Rule.GROUP && i.rule() != Scheme.Rule.SOURCE && i.rule() != Scheme.Rule.VETO).toList());
		return "assessment/sheet";
	}

	@PostMapping("/assessment/rounds/{id}/units/{unitId}/lines")
	String line(@PathVariable long id, @PathVariable long unitId, @RequestParam(required = false) Scoring.Column column,
			@RequestParam(required = false) Long indicatorId, @RequestParam(required = false) BigDecimal points,
			@RequestParam(required = false) String reason, RedirectAttributes flash, Locale locale) {
		String target = "redirect:/assessment/rounds/%d/units/%d".formatted(id, unitId);
		return notice(errors.attempt(() -> entries.addLine(id, unitId, new RoundEntries.NewLine(column, indicatorId, points, reason),
				sheets), target, flash, locale), flash, "assessment.line.saved", locale);
	}

	@PostMapping("/assessment/rounds/{id}/units/{unitId}/self/submit")
	String submitSelf(@PathVariable long id, @PathVariable long unitId, RedirectAttributes flash, Locale locale) {
		String target = "redirect:/assessment/rounds/%d/units/%d".formatted(id, unitId);
		return notice(errors.attempt(() -> entries.submitSelf(id, unitId), target, flash, locale), flash,
				"assessment.self.submitted", locale);
	}

	/** The page's own success sentence in place of the general one. */
	private String notice(String target, RedirectAttributes flash, String code, Locale locale) {
		if (flash.getFlashAttributes().containsKey("success")) {
			flash.addFlashAttribute("notice", errors.message(code, locale));
		}
		return target;
	}
}
