package zeren.report.web;

import java.time.LocalDate;
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

import zeren.platform.document.DocumentFormat;
import zeren.org.OrgChoice;
import zeren.org.OrgTree;
import zeren.platform.BusinessClock;
import zeren.platform.ConflictException;
import zeren.platform.InvalidInputException;
import zeren.platform.Paged;
import zeren.platform.web.ListQuery;
import zeren.platform.web.PageErrors;
import zeren.report.AnnualReport;
import zeren.report.AnnualReports;
import zeren.report.ReportReviews;
import zeren.report.ReportSettings;
import zeren.platform.web.Uploads;

/** Annual reports: an organisation's own reports and the overview below it; one report with its review. */
@Controller
class ReportPages {

	private final AnnualReports reports;
	private final ReportReviews reviews;
	private final ReportDocument pdf;
	private final OrgTree tree;
	private final BusinessClock clock;
	private final PageErrors errors;
	private final ReportSettings settings;

	private final zeren.report.ReportRecipients recipients;

	ReportPages(AnnualReports reports, ReportReviews reviews, ReportDocument pdf, OrgTree tree, BusinessClock clock,
			PageErrors errors, ReportSettings settings, zeren.report.ReportRecipients recipients) {
		this.recipients = recipients;
		this.settings = settings;
		this.reports = reports;
		this.reviews = reviews;
		this.pdf = pdf;
		this.tree = tree;
		this.clock = clock;
		this.errors = errors;
	}

	@GetMapping("/reports")
	String index(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) Integer page, Model model) {
		int y = year == null ? clock.today().getYear() - 1 : year;
		model.addAllAttributes(OrgChoice.of(tree, orgId, y).attributes());
		model.addAttribute("listQuery", new ListQuery(null, null, Map.of()).with("orgId", orgId).with("year", y));
		if (orgId != null) {
			List<AnnualReport> own = reports.of(orgId, y);
			model.addAttribute("committeeReport", own.stream().filter(r -> r.kind() == AnnualReport.Kind.COMMITTEE).findFirst().orElse(null));
			model.addAttribute("principalReport", own.stream().filter(r -> r.kind() == AnnualReport.Kind.PRINCIPAL).findFirst().orElse(null));
			// the counts over the whole subtree, one page of its organisations (paged in the database)
			int p = Paged.page(page);
			AnnualReports.Overview overview = reports.overview(orgId, y, p, AnnualReports.OVERVIEW_ROWS);
			model.addAttribute("overview", overview);
			model.addAttribute("overviewShown", new Paged<>(overview.rows(), p, AnnualReports.OVERVIEW_ROWS,
					overview.organisations()));
			if (tree.get(orgId).type().isDisciplineBody()) {
				model.addAttribute("sentTo", recipients.sentTo(orgId, y));
			}
		}
		return "report/index";
	}

	@PostMapping("/reports")
	String create(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) AnnualReport.Kind kind, @RequestParam(required = false) Boolean prefill,
			RedirectAttributes flash, Locale locale) {
		try {
			AnnualReport report = reports.create(new AnnualReports.NewReport(orgId, year, kind, prefill));
			return "redirect:/reports/" + report.id();
		}
		catch (InvalidInputException | ConflictException e) {
			flash.addFlashAttribute("errors", errors.of(e, locale));
			return orgId == null ? "redirect:/reports" : "redirect:/reports?orgId=" + orgId + (year == null ? "" : "&year=" + year);
		}
	}

	@GetMapping("/reports/{id}")
	String show(@PathVariable long id, Model model) {
		AnnualReport report = reports.get(id);
		model.addAttribute("report", report);
		model.addAttribute("paragraphs", AnnualReports.paragraphs(report.body()));
		model.addAttribute("canManage", tree.canManage(report.orgId()));
		model.addAttribute("canReview", recipients.canReview(report));
		model.addAttribute("reviewing", recipients.reviewing(report).stream()
				.filter(v -> v.status() == AnnualReport.Status.SUBMITTED || v.status() == AnnualReport.Status.QUERIED).toList());
		model.addAttribute("answerDeadline", clock.today().plusDays(settings.answerDays()));
		return "report/show";
	}

	@PostMapping("/reports/{id}")
	String edit(@PathVariable long id, @RequestParam(required = false) String title,
			@RequestParam(required = false) String body, RedirectAttributes flash, Locale locale) {
		return errors.attempt(() -> reports.edit(id, new AnnualReports.Draft(title, body)), "redirect:/reports/" + id,
				flash, locale);
	}

	@PostMapping("/reports/{id}/attachments")
	String attach(@PathVariable long id, @org.springframework.web.bind.annotation.RequestPart(name = "file", required = false)
			org.springframework.web.multipart.MultipartFile file, RedirectAttributes flash, Locale locale) {
		// scope first: a file aimed at another organisation's report is refused before it is read
		reports.requireManaged(id);
		return errors.attempt(() -> {
			Uploads.required(file);
			try (java.io.InputStream in = file.getInputStream()) {
				reports.attach(id, file.getOriginalFilename(), in);
			}
			catch (java.io.IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		}, "redirect:/reports/" + id, flash, locale);
	}

	@GetMapping("/reports/{id}/attachments/{evidenceId}")
	ResponseEntity<org.springframework.core.io.InputStreamResource> download(@PathVariable long id,
			@PathVariable long evidenceId) {
		return reports.download(id, evidenceId).toResponse();
	}

	@PostMapping("/reports/{id}/submit")
	String submit(@PathVariable long id, RedirectAttributes flash, Locale locale) {
		return errors.attempt(() -> reports.submit(id), "redirect:/reports/" + id, flash, locale);
	}

	@PostMapping("/reports/{id}/query")
	String query(@PathVariable long id, @RequestParam(required = false) String questions,
			@RequestParam(required = false) LocalDate deadline,
			@RequestParam(required = false) AnnualReport.Recipient recipient, RedirectAttributes flash, Locale locale) {
		List<String> lines = questions == null ? List.of()
				: questions.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
		return errors.attempt(() -> reviews.query(id, new ReportReviews.NewQuery(lines, deadline, recipient)),
				"redirect:/reports/" + id, flash, locale);
	}

	@PostMapping("/reports/{id}/accept")
	String accept(@PathVariable long id, @RequestParam(required = false) AnnualReport.Recipient recipient,
			RedirectAttributes flash, Locale locale) {
		return errors.attempt(() -> reviews.accept(id, recipient), "redirect:/reports/" + id, flash, locale);
	}

	@GetMapping("/reports/{id}/pdf")
	ResponseEntity<byte[]> pdf(@PathVariable long id, Locale locale) {
		return pdf.response(reports.get(id), locale, DocumentFormat.PDF);
	}

	@GetMapping("/reports/{id}/docx")
	ResponseEntity<byte[]> docx(@PathVariable long id, Locale locale) {
		return pdf.response(reports.get(id), locale, DocumentFormat.DOCX);
	}
}
