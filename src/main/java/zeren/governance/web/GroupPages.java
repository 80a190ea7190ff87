package zeren.governance.web;

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
import zeren.governance.CoordinationGroup;
import zeren.governance.CoordinationGroups;
import zeren.governance.Meeting;
import zeren.governance.MeetingReads;
import zeren.org.Leadership;
import zeren.org.Org;
import zeren.org.OrgChoice;
import zeren.org.OrgNode;
import zeren.org.OrgTree;
import zeren.org.Post;
import zeren.platform.BusinessClock;
import zeren.platform.Paged;
import zeren.platform.web.PageErrors;
import zeren.platform.xlsx.TableExport;

/** The committee's coordination group: set up, members and duties, rules of work, its meetings and register of major cases. */
@Controller
class GroupPages {

	private final CoordinationGroups groups;
	private final MeetingReads meetings;
	private final Cases cases;
	private final OrgTree tree;
	private final Leadership leadership;
	private final BusinessClock clock;
	private final PageErrors errors;

	GroupPages(CoordinationGroups groups, MeetingReads meetings, Cases cases, OrgTree tree, Leadership leadership,
			BusinessClock clock, PageErrors errors) {
		this.groups = groups;
		this.meetings = meetings;
		this.cases = cases;
		this.tree = tree;
		this.leadership = leadership;
		this.clock = clock;
		this.errors = errors;
	}

	record Choice(long id, String label) {
	}

	/** The group's two tables as XLSX: its members and member units, and the register of major cases it coordinates. */
	@zeren.platform.ReadOnlyWork
	@GetMapping("/governance/group/export.xlsx")
	void export(@RequestParam long orgId, Locale locale, jakarta.servlet.http.HttpServletResponse response) {
		Org org = tree.get(orgId);
		CoordinationGroup group = groups.of(orgId)
				.orElseThrow(() -> new zeren.platform.NotFoundException("gov-group", orgId));
		TableExport.send(response, org.name() + m(locale, "governance.group.title"), book -> {
			TableExport.Sheet members = book.sheet(m(locale, "governance.group.members"), List.of(
					m(locale, "field.governance.role"), m(locale, "governance.group.member"), m(locale, "field.governance.duties")));
			for (CoordinationGroup.Member mb : group.members()) {
				members.row(m(locale, "governance.role." + mb.role().name()), mb.role().byPost()
						? mb.postOrgName() + " · " + mb.postTitle() + "（"
								+ (mb.holderName() == null ? m(locale, "governance.attendee.vacant") : mb.holderName()) + "）"
						: mb.memberOrgName(), mb.duties());
			}
			TableExport.Sheet registered = book.sheet(m(locale, "governance.group.cases"), List.of(
					m(locale, "governance.group.case"), m(locale, "governance.meeting.org"), m(locale, "governance.group.case-status"),
					m(locale, "governance.group.added-on"), m(locale, "field.governance.note")));
			for (CoordinationGroup.GroupCase c : group.cases()) {
				registered.row(c.title(), c.caseOrgName(), m(locale, "accountability.status." + c.status().name()), c.addedOn(),
						c.note());
			}
		});
	}

	private String m(Locale locale, String code, Object... args) {
		return errors.message(code, locale, args);
	}

	@GetMapping("/governance/group")
	String index(@RequestParam(required = false) Long orgId, Model model) {
		int year = clock.today().getYear();
		model.addAllAttributes(OrgChoice.of(tree, orgId, year).attributes());
		if (orgId != null) {
			Org org = tree.get(orgId);
			model.addAttribute("committee", org.type().mayHaveDisciplineBody());
			CoordinationGroup group = groups.of(orgId).orElse(null);
			model.addAttribute("group", group);
			model.addAttribute("roles", CoordinationGroup.Role.values());
			if (group != null) {
				model.addAttribute("groupMeetings", meetings.inSubtree(orgId, year).stream()
						.filter(m -> m.orgId() == orgId && m.kind() == Meeting.Kind.GROUP).toList());
				if (tree.canManage(orgId)) {
					List<Choice> units = new ArrayList<>();
					List<Choice> posts = new ArrayList<>();
					List<Org> orgs = new ArrayList<>(List.of(org));
					for (OrgNode child : tree.children(orgId)) {
						orgs.add(child.org());
						units.add(new Choice(child.org().id(), child.org().name()));
					}
					for (Org o : orgs) {
						leadership.posts(o.id()).stream().filter(Post::active)
								.forEach(p -> posts.add(new Choice(p.id(), o.name() + " · " + p.title())));
					}
					List<Choice> caseChoices = new ArrayList<>();
					for (int y : new int[] { year, year - 1 }) {
						cases.page(orgId, y, null, null, Cases.CaseSort.RECENT, 1, Paged.MAX_SIZE).items().stream()
								.filter(c -> group.cases().stream().noneMatch(g -> g.caseId() == c.id()))
								.forEach(c -> caseChoices.add(new Choice(c.id(), c.orgName() + "：" + c.title())));
					}
					model.addAttribute("units", units);
					model.addAttribute("posts", posts);
					model.addAttribute("caseChoices", caseChoices);
				}
			}
		}
		return "governance/group";
	}

	@PostMapping("/governance/group/{orgId}")
	String save(@PathVariable long orgId, @RequestParam(required = false) String name,
			@RequestParam(required = false) String rules, RedirectAttributes flash, Locale locale) {
		return errors.attempt(() -> groups.save(orgId, new CoordinationGroups.GroupInput(name, rules)),
				"redirect:/governance/group?orgId=" + orgId, flash, locale);
	}

	@PostMapping("/governance/group/{orgId}/members")
	String addMember(@PathVariable long orgId, @RequestParam(required = false) String role,
			@RequestParam(required = false) Long memberOrgId, @RequestParam(required = false) Long postId,
			@RequestParam(required = false) String duties, RedirectAttributes flash, Locale locale) {
		boolean unit = CoordinationGroup.Role.parse(role).orElse(null) == CoordinationGroup.Role.UNIT;
		return errors.attempt(() -> groups.addMember(orgId, new CoordinationGroups.NewMember(role, unit ? memberOrgId : null,
				unit ? null : postId, duties)), "redirect:/governance/group?orgId=" + orgId, flash, locale);
	}

	@PostMapping("/governance/group/{orgId}/members/{memberId}/remove")
	String removeMember(@PathVariable long orgId, @PathVariable long memberId, RedirectAttributes flash, Locale locale) {
		return errors.attempt(() -> groups.removeMember(orgId, memberId), "redirect:/governance/group?orgId=" + orgId,
				flash, locale);
	}

	@PostMapping("/governance/group/{orgId}/cases")
	String addCase(@PathVariable long orgId, @RequestParam(required = false) Long caseId,
			@RequestParam(required = false) String note, RedirectAttributes flash, Locale locale) {
		return errors.attempt(() -> groups.addCase(orgId, new CoordinationGroups.CaseLink(caseId, note)),
				"redirect:/governance/group?orgId=" + orgId, flash, locale);
	}
}
