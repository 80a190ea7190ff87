package zeren.governance.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import zeren.governance.Meeting;
import zeren.governance.Meeting.Kind;
import zeren.governance.MeetingReads;
import zeren.governance.MeetingRules;
import zeren.governance.Meetings;
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
import zeren.platform.ReadOnlyWork;
import zeren.platform.web.PageErrors;
import zeren.platform.web.Uploads;
import zeren.platform.xlsx.TableExport;

/** Meetings of a committee: the year's meetings against what is required, the form to record one, one meeting. */
@Controller
class MeetingPages {

	private final Meetings meetings;
	private final MeetingReads reads;
	private final MeetingRules rules;
	private final MeetingDocument minutes;
	private final OrgTree tree;
	private final Leadership leadership;
	private final BusinessClock clock;
	private final PageErrors errors;

	MeetingPages(Meetings meetings, MeetingReads reads, MeetingRules rules, MeetingDocument minutes, OrgTree tree,
			Leadership leadership, BusinessClock clock, PageErrors errors) {
		this.meetings = meetings;
		this.reads = reads;
		this.rules = rules;
		this.minutes = minutes;
		this.tree = tree;
		this.leadership = leadership;
		this.clock = clock;
		this.errors = errors;
	}

	/** How many meetings of a kind the committee held in the year, against how many it must. */
	record Progress(Kind kind, long held, int required) {
	}

	@GetMapping("/governance/meetings")
	String index(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) Kind kind, Model model) {
		int y = year == null ? clock.today().getYear() : year;
		model.addAllAttributes(OrgChoice.of(tree, orgId, y).attributes());
		if (orgId != null) {
			Org org = tree.get(orgId);
			List<Meeting> all = reads.inSubtree(orgId, y);
			model.addAttribute("committee", isCommittee(org));
			model.addAttribute("progress", progress(org, all));
			model.addAttribute("meetings", kind == null ? all : all.stream().filter(m -> m.kind() == kind).toList());
			model.addAttribute("kindFilter", kind);
		}
		model.addAttribute("kinds", Kind.values());
		return "governance/meetings";
	}

	/**
	 * The page's two tables as XLSX: the committee's meetings of the year against what the rules ask
	 * (when it is a committee), and the meetings of its subtree (of one kind when the page chose one).
	 */
	@zeren.platform.ReadOnlyWork
	@GetMapping("/governance/meetings/export.xlsx")
	void export(@RequestParam long orgId, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) Kind kind, Locale locale, jakarta.servlet.http.HttpServletResponse response) {
		int y = year == null ? clock.today().getYear() : year;
		Org org = tree.get(orgId);
		List<Meeting> all = reads.inSubtree(orgId, y);
		List<Progress> progress = isCommittee(org) ? progress(org, all) : List.of();
		List<Meeting> listed = kind == null ? all : all.stream().filter(m -> m.kind() == kind).toList();
		TableExport.send(response, m(locale, "governance.meetings.list", org.name() + y), book -> {
			if (!progress.isEmpty()) {
				TableExport.Sheet counts = book.sheet(m(locale, "governance.meetings.progress", "", String.valueOf(y)),
						List.of(m(locale, "governance.meeting.kind"), m(locale, "governance.progress.held"),
								m(locale, "governance.progress.required")));
				progress.forEach(p -> counts.row(m(locale, "governance.kind." + p.kind().name()), p.held(), p.required()));
			}
			TableExport.Sheet sheet = book.sheet(m(locale, "governance.meetings.list", String.valueOf(y)),
					List.of(m(locale, "governance.meeting.date"), m(locale, "governance.meeting.org"),
							m(locale, "governance.meeting.kind"), m(locale, "governance.meeting.title"),
							m(locale, "governance.meeting.chair"), m(locale, "governance.meeting.attendance"),
							m(locale, "governance.meeting.decisions")));
			for (Meeting mt : listed) {
				sheet.row(mt.date(), mt.orgName(), m(locale, "governance.kind." + mt.kind().name()), mt.title(),
						mt.chair().personName(), m(locale, "governance.meeting.attendance-short",
								String.valueOf(mt.presentCount()), String.valueOf(mt.absentCount())),
						mt.decisions().size());
			}
		});
	}

	private String m(Locale locale, String code, Object... args) {
		return errors.message(code, locale, args);
	}

	/** The committee's meetings of the year by kind against what the rules ask (the page's 本年度会议 table). */
	List<Progress> progress(Org org, List<Meeting> all) {
		Map<Kind, Long> held = new EnumMap<>(Kind.class);
		all.stream().filter(m -> m.orgId() == org.id()).forEach(m -> held.merge(m.kind(), 1L, Long::sum));
		List<Progress> progress = new ArrayList<>();
		for (Kind k : Kind.values()) {
			int required = k == Kind.AREA_HEARING
					? rules.perYear(k) * meetings.chairPosts(org, Kind.AREA_HEARING).size()
					: rules.perYear(k);
			progress.add(new Progress(k, held.getOrDefault(k, 0L), required));
		}
		return progress;
	}

	static boolean isCommittee(Org org) {
		return org.type().mayHaveDisciplineBody();
	}

	@GetMapping("/governance/meetings/new")
	String form(@RequestParam long orgId, @RequestParam(required = false) Kind kind,
			@RequestParam(required = false) LocalDate date, Model model) {
		Org org = tree.get(orgId);
		if (!tree.canManage(orgId)) {
			throw new ForbiddenException();
		}
		Kind k = kind == null ? Kind.TOPIC : kind;
		LocalDate d = date == null || date.isAfter(clock.today()) ? clock.today() : date;
		model.addAttribute("org", org);
		model.addAttribute("kind", k);
		model.addAttribute("date", d);
		model.addAttribute("today", clock.today());
		model.addAttribute("chairPosts", meetings.chairPosts(org, k));
		model.addAttribute("team", meetings.team(org, k, d, null));
		return "governance/meeting-new";
	}

	/** The team on a date, as the rows of the form (reloaded when the date changes). */
	@ReadOnlyWork
	@GetMapping("/governance/meetings/team")
	String team(@RequestParam long orgId, @RequestParam Kind kind, @RequestParam(required = false) LocalDate date,
			Model model) {
		Org org = tree.get(orgId);
		model.addAttribute("kind", kind);
		model.addAttribute("team", meetings.team(org, kind, date == null ? clock.today() : date, null));
		return "governance/meeting-new :: team";
	}

	@PostMapping("/governance/meetings")
	String record(@RequestParam(required = false) Long orgId, @RequestParam(required = false) LocalDate date,
			@RequestParam(required = false) Kind kind, @RequestParam(required = false) String title,
			@RequestParam(required = false) Long chairPostId, @RequestParam(required = false) List<String> absent,
			@RequestParam(required = false) String agenda, @RequestParam(name = "minutes", required = false) String minutesText,
			@RequestParam(required = false) String decisions, @RequestParam MultiValueMap<String, String> all,
			RedirectAttributes flash, Locale locale) {
		List<Meetings.Absence> absences = new ArrayList<>();
		for (String holder : absent == null ? List.<String>of() : absent) {
			String[] ids = holder.split("-");
			if (ids.length == 2 && ids[0].matches("\\d{1,18}") && ids[1].matches("\\d{1,18}")) {
				absences.add(new Meetings.Absence(Long.valueOf(ids[0]), Long.valueOf(ids[1]), all.getFirst("reason-" + holder)));
			}
		}
		try {
			Meeting m = meetings.record(new Meetings.NewMeeting(orgId, date, kind, title, chairPostId, lines(agenda),
					absences, minutesText, lines(decisions)));
			flash.addFlashAttribute("success", true);
			return "redirect:/governance/meetings/" + m.id();
		}
		catch (InvalidInputException | ConflictException e) {
			flash.addFlashAttribute("errors", errors.of(e, locale));
			if (orgId == null) {
				return "redirect:/governance/meetings";
			}
			return "redirect:/governance/meetings/new?orgId=" + orgId + (kind == null ? "" : "&kind=" + kind)
					+ (date == null ? "" : "&date=" + date);
		}
	}

	static List<String> lines(String text) {
		return text == null ? List.of() : text.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	@GetMapping("/governance/meetings/{id}")
	String show(@PathVariable long id, Model model) {
		Meeting meeting = reads.get(id);
		boolean canManage = tree.canManage(meeting.orgId());
		model.addAttribute("meeting", meeting);
		model.addAttribute("canManage", canManage);
		if (canManage && meeting.decisions().stream().anyMatch(d -> d.trackedItemId() == null)) {
			model.addAttribute("ownerPosts", ownerPosts(meeting.orgId()));
		}
		model.addAttribute("trackDeadline", clock.today().plusDays(30));
		return "governance/meeting";
	}

	/** A post that may carry a decision: the committee's and those of the organisations right below it. */
	record PostChoice(long id, String label) {
	}

	private List<PostChoice> ownerPosts(long orgId) {
		List<PostChoice> posts = new ArrayList<>();
		List<Org> orgs = new ArrayList<>(List.of(tree.get(orgId)));
		tree.children(orgId).stream().map(OrgNode::org).forEach(orgs::add);
		for (Org o : orgs) {
			for (Post p : leadership.posts(o.id())) {
				if (p.active()) {
					posts.add(new PostChoice(p.id(), o.name() + " · " + p.title()));
				}
			}
		}
		return posts;
	}

	@PostMapping("/governance/meetings/{id}/decisions/{no}/track")
	String track(@PathVariable long id, @PathVariable int no, @RequestParam(required = false) Long ownerPostId,
			@RequestParam(required = false) LocalDate deadline, RedirectAttributes flash, Locale locale) {
		return errors.attempt(() -> meetings.track(id, no, new Meetings.TrackDecision(ownerPostId, deadline)),
				"redirect:/governance/meetings/" + id, flash, locale);
	}

	@PostMapping("/governance/meetings/{id}/attachments")
	String attach(@PathVariable long id, @RequestPart(name = "file", required = false) MultipartFile file,
			RedirectAttributes flash, Locale locale) {
		meetings.requireManaged(id);
		return errors.attempt(() -> {
			Uploads.required(file);
			try (java.io.InputStream in = file.getInputStream()) {
				meetings.attach(id, file.getOriginalFilename(), in);
			}
			catch (java.io.IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		}, "redirect:/governance/meetings/" + id, flash, locale);
	}

	@GetMapping("/governance/meetings/{id}/attachments/{evidenceId}")
	ResponseEntity<org.springframework.core.io.InputStreamResource> download(@PathVariable long id,
			@PathVariable long evidenceId) {
		return meetings.download(id, evidenceId).toResponse();
	}

	@ReadOnlyWork
	@GetMapping("/governance/meetings/{id}/minutes.pdf")
	ResponseEntity<byte[]> minutes(@PathVariable long id) {
		return minutes.document(reads.get(id), zeren.platform.document.DocumentFormat.PDF);
	}

	@ReadOnlyWork
	@GetMapping("/governance/meetings/{id}/minutes.docx")
	ResponseEntity<byte[]> minutesDocx(@PathVariable long id) {
		return minutes.document(reads.get(id), zeren.platform.document.DocumentFormat.DOCX);
	}
}
