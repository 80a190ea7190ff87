package zeren.governance.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import zeren.governance.Analyses;
import zeren.governance.Analysis;
import zeren.governance.Analysis.Step;
import zeren.org.Leadership;
import zeren.org.Org;
import zeren.org.OrgChoice;
import zeren.org.OrgNode;
import zeren.org.OrgTree;
import zeren.platform.BusinessClock;
import zeren.platform.ConflictException;
import zeren.platform.ForbiddenException;
import zeren.platform.InvalidInputException;
import zeren.platform.web.PageErrors;
import zeren.platform.xlsx.TableExport;

/**
 * Situation analyses (形势研判): the list of a subtree and year with the organisation switcher,
 * the form for a new one, and an analysis with its facts and charts, its judgement and measures,
 * adoption and the PDF.
 */
@Controller
class AnalysisPages {

	private final Analyses analyses;
	private final AnalysisLabels labels;
	private final AnalysisDocument document;
	private final OrgTree tree;
	private final Leadership leadership;
	private final BusinessClock clock;
	private final PageErrors errors;

	AnalysisPages(Analyses analyses, AnalysisLabels labels, AnalysisDocument document, OrgTree tree,
			Leadership leadership, BusinessClock clock, PageErrors errors) {
		this.analyses = analyses;
		this.labels = labels;
		this.document = document;
		this.tree = tree;
		this.leadership = leadership;
		this.clock = clock;
		this.errors = errors;
	}

	@GetMapping("/governance/analyses")
	String index(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer year, Model model) {
		int y = year == null ? clock.today().getYear() : year;
		model.addAllAttributes(OrgChoice.of(tree, orgId, y).attributes());
		if (orgId != null) {
			model.addAttribute("analyses", analyses.inSubtree(orgId, y));
		}
		return "governance/analyses";
	}

	/** The list of analyses as XLSX, the rows the page shows. */
	@zeren.platform.ReadOnlyWork
	@GetMapping("/governance/analyses/export.xlsx")
	void export(@RequestParam long orgId, @RequestParam(required = false) Integer year, Locale locale,
			jakarta.servlet.http.HttpServletResponse response) {
		int y = year == null ? clock.today().getYear() : year;
		Org org = tree.get(orgId);
		List<Analysis> rows = analyses.inSubtree(orgId, y);
		TableExport.send(response, m(locale, "analysis.list.heading", org.name(), String.valueOf(y)), book -> {
			TableExport.Sheet sheet = book.sheet(m(locale, "analysis.title"), List.of(m(locale, "analysis.title-field"),
					m(locale, "analysis.org"), m(locale, "analysis.period"), m(locale, "analysis.status"),
					m(locale, "analysis.measures")));
			for (Analysis a : rows) {
				sheet.row(a.title(), a.orgName(), m(locale, "analysis.period.value", a.from().toString(), a.to().toString()),
						a.adoptedOn() == null ? m(locale, "analysis.status." + a.status().name())
								: m(locale, "analysis.status.adopted-on", a.adoptedOn().toString()),
						a.measures().size());
			}
		});
	}

	/** The tables of an analysis's figures (研判数据) as the page shows them, one sheet each: this period against the previous year's. */
	private static final Map<Analysis.Section, String> FACT_TABLES = new java.util.EnumMap<>(Map.of(
			Analysis.Section.SITUATION, "analysis.situation", Analysis.Section.LEVEL, "analysis.level",
			Analysis.Section.FORM, "analysis.form", Analysis.Section.FOCUS, "analysis.focus",
			Analysis.Section.RED, "analysis.red.kind", Analysis.Section.TRACKED, "analysis.tracked"));

	@zeren.platform.ReadOnlyWork
	@GetMapping("/governance/analyses/{id}/facts.xlsx")
	void exportFacts(@PathVariable long id, Locale locale, jakarta.servlet.http.HttpServletResponse response) {
		Analysis analysis = analyses.get(id);
		TableExport.send(response, analysis.title(), book -> {
			for (Map.Entry<Analysis.Section, String> table : FACT_TABLES.entrySet()) {
				boolean done = table.getKey() == Analysis.Section.FOCUS;
				String heading = m(locale, table.getValue());
				List<String> headers = new ArrayList<>(List.of(heading,
						m(locale, done ? "analysis.findings.current" : "analysis.current")));
				if (done) {
					headers.addAll(List.of(m(locale, "analysis.findings.rectified"), m(locale, "analysis.findings.rate")));
				}
				headers.addAll(List.of(m(locale, "analysis.previous"),
						m(locale, done ? "analysis.findings.previous-rate" : "analysis.change")));
				TableExport.Sheet sheet = book.sheet(heading, headers);
				for (Analysis.Fact f : analysis.facts(table.getKey())) {
					List<Object> row = new ArrayList<>(List.of(labels.label(f, locale), f.current()));
					if (done) {
						row.add(f.currentDone());
						row.add(f.currentRate() == null ? null : f.currentRate() + "%");
					}
					row.add(f.previous());
					row.add(done ? (f.previousRate() == null ? null : f.previousRate() + "%") : f.change());
					sheet.row(row);
				}
			}
		});
	}

	private String m(Locale locale, String code, Object... args) {
		return errors.message(code, locale, args);
	}

	@GetMapping("/governance/analyses/new")
	String form(@RequestParam long orgId, @RequestParam(required = false) Integer year, Model model) {
		Org org = tree.get(orgId);
		if (!tree.canManage(orgId)) {
			throw new ForbiddenException();
		}
		int y = year == null ? clock.today().getYear() : year;
		model.addAttribute("org", org);
		model.addAttribute("year", y);
		return "governance/analysis-new";
	}

	@PostMapping("/governance/analyses")
	String create(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
			@RequestParam(required = false) String title, RedirectAttributes flash, Locale locale) {
		try {
			Analysis analysis = analyses.create(new Analyses.NewAnalysis(orgId, year, from, to, title));
			flash.addFlashAttribute("success", true);
			return "redirect:/governance/analyses/" + analysis.id();
		}
		catch (InvalidInputException | ConflictException e) {
			flash.addFlashAttribute("errors", errors.of(e, locale));
			return orgId == null ? "redirect:/governance/analyses"
					: "redirect:/governance/analyses/new?orgId=" + orgId + (year == null ? "" : "&year=" + year);
		}
	}

	/** A post offered as a measure's owner: the analysing organisation's own (and its discipline body's), and those of the level below. */
	record PostChoice(long id, String label) {
	}

	@GetMapping("/governance/analyses/{id}")
	String show(@PathVariable long id, Model model, Locale locale) {
		Analysis analysis = analyses.get(id);
		boolean canManage = tree.canManage(analysis.orgId());
		model.addAttribute("analysis", analysis);
		model.addAttribute("labels", labels.of(analysis, locale));
		Map<String, List<Analysis.Fact>> sections = new LinkedHashMap<>();
		for (Analysis.Section section : Analysis.Section.values()) {
			sections.put(section.name(), analysis.facts(section));
		}
		model.addAttribute("sections", sections);
		model.addAttribute("canManage", canManage);
		model.addAttribute("canEdit", canManage && analysis.status().allows(Step.EDIT));
		model.addAttribute("canTrack", canManage && analysis.status().allows(Step.TRACK));
		model.addAttribute("today", clock.today());
		if (canManage && analysis.status().allows(Step.EDIT)) {
			model.addAttribute("posts", posts(analysis.orgId()));
			model.addAttribute("measureDeadline", clock.today().plusMonths(3));
		}
		return "governance/analysis";
	}

	private List<PostChoice> posts(long orgId) {
		Org org = tree.get(orgId);
		List<PostChoice> posts = new ArrayList<>();
		leadership.posts(orgId).stream().filter(p -> p.active())
				.forEach(p -> posts.add(new PostChoice(p.id(), org.name() + " · " + p.title())));
		for (OrgNode child : tree.children(orgId)) {
			leadership.posts(child.org().id()).stream().filter(p -> p.active())
					.forEach(p -> posts.add(new PostChoice(p.id(), child.org().name() + " · " + p.title())));
		}
		return posts;
	}

	@GetMapping("/governance/analyses/{id}/analysis.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable long id) {
		return document.pdf(analyses.get(id));
	}

	@PostMapping("/governance/analyses/{id}/judgement")
	String judge(@PathVariable long id, @RequestParam(required = false) String judgement, RedirectAttributes flash,
			Locale locale) {
		return errors.attempt(() -> analyses.judge(id, new Analyses.Judgement(judgement)), back(id), flash, locale);
	}

	@PostMapping("/governance/analyses/{id}/refresh")
	String refresh(@PathVariable long id, RedirectAttributes flash, Locale locale) {
		return errors.attempt(() -> analyses.refresh(id), back(id), flash, locale);
	}

	@PostMapping("/governance/analyses/{id}/measures")
	String addMeasure(@PathVariable long id, @RequestParam(required = false) String text,
			@RequestParam(required = false) Long ownerPostId, @RequestParam(required = false) LocalDate deadline,
			RedirectAttributes flash, Locale locale) {
		return errors.attempt(() -> analyses.addMeasure(id, new Analyses.MeasureInput(text, ownerPostId, deadline)), back(id),
				flash, locale);
	}

	@PostMapping("/governance/analyses/{id}/measures/{measureId}")
	String updateMeasure(@PathVariable long id, @PathVariable long measureId, @RequestParam(required = false) String text,
			@RequestParam(required = false) Long ownerPostId, @RequestParam(required = false) LocalDate deadline,
			RedirectAttributes flash, Locale locale) {
		return errors.attempt(() -> analyses.updateMeasure(id, measureId, new Analyses.MeasureInput(text, ownerPostId, deadline)),
				back(id), flash, locale);
	}

	@PostMapping("/governance/analyses/{id}/measures/{measureId}/delete")
	String removeMeasure(@PathVariable long id, @PathVariable long measureId, RedirectAttributes flash, Locale locale) {
		return errors.attempt(() -> analyses.removeMeasure(id, measureId), back(id), flash, locale);
	}

	@PostMapping("/governance/analyses/{id}/measures/{measureId}/track")
	String track(@PathVariable long id, @PathVariable long measureId, RedirectAttributes flash, Locale locale) {
		return errors.attempt(() -> analyses.track(id, measureId), back(id), flash, locale);
	}

	@PostMapping("/governance/analyses/{id}/adopt")
	String adopt(@PathVariable long id, @RequestParam(required = false) LocalDate adoptedOn, RedirectAttributes flash,
			Locale locale) {
		return errors.attempt(() -> analyses.adopt(id, new Analyses.Adoption(adoptedOn)), back(id), flash, locale);
	}

	private static String back(long id) {
		return "redirect:/governance/analyses/" + id;
	}
}
