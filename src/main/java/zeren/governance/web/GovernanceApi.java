package zeren.governance.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import zeren.governance.CoordinationGroup;
import zeren.governance.CoordinationGroups;
import zeren.governance.FollowUp;
import zeren.governance.FollowUps;
import zeren.governance.Meeting;
import zeren.governance.MeetingReads;
import zeren.governance.Meetings;
import zeren.org.OrgTree;
import zeren.platform.BusinessClock;
import zeren.platform.NotFoundException;
import zeren.platform.ReadOnlyWork;
import zeren.platform.web.Uploads;

/** The committee's own work over JSON: meetings, the coordination group and follow-ups (批示 / 督办). */
@RestController
@Tag(name = "Governance", description = "党委自身工作: meetings on Party conduct, the anti-corruption coordination group, "
		+ "the secretary's follow-ups (批示/督办)")
class GovernanceApi {

	private final Meetings meetings;
	private final MeetingReads reads;
	private final MeetingDocument minutes;
	private final CoordinationGroups groups;
	private final FollowUps followUps;
	private final OrgTree tree;
	private final BusinessClock clock;
	private final FollowUpDocument duban;

	GovernanceApi(Meetings meetings, MeetingReads reads, MeetingDocument minutes, CoordinationGroups groups,
			FollowUps followUps, OrgTree tree, BusinessClock clock, FollowUpDocument duban) {
		this.duban = duban;
		this.meetings = meetings;
		this.reads = reads;
		this.minutes = minutes;
		this.groups = groups;
		this.followUps = followUps;
		this.tree = tree;
		this.clock = clock;
	}

	@PostMapping("/api/v1/governance/meetings")
	@Operation(summary = "Record a meeting: the team is resolved through tenures on the date; name the absentees and why")
	ResponseEntity<Meeting> record(@RequestBody Meetings.NewMeeting request) {
		Meeting meeting = meetings.record(request);
		return ResponseEntity.created(URI.create("/api/v1/governance/meetings/" + meeting.id())).body(meeting);
	}

	@GetMapping("/api/v1/governance/meetings")
	@Operation(summary = "Meetings held in a year by the organisations of a subtree, newest first (at most 1000)")
	List<Meeting> list(@RequestParam long orgId, @RequestParam(required = false) Integer year) {
		return reads.inSubtree(orgId, year == null ? clock.today().getYear() : year);
	}

	/** A post of the team on the date and its holder (none when vacant). */
	record TeamMember(long postId, String postTitle, long orgId, Long personId, String personName) {
	}

	@ReadOnlyWork
	@GetMapping("/api/v1/governance/meetings/team")
	@Operation(summary = "Who sits in a meeting of this kind held by the committee on the date (through tenures)")
	List<TeamMember> team(@RequestParam long orgId, @RequestParam Meeting.Kind kind, @RequestParam LocalDate date,
			@RequestParam(required = false) Long chairPostId) {
		return meetings.team(tree.get(orgId), kind, date, chairPostId).stream()
				.map(h -> new TeamMember(h.post().id(), h.post().title(), h.post().orgId(),
						h.person() == null ? null : h.person().id(), h.person() == null ? null : h.person().name()))
				.toList();
	}

	@GetMapping("/api/v1/governance/meetings/{id}")
	@Operation(summary = "One meeting")
	Meeting get(@PathVariable long id) {
		return reads.get(id);
	}

	@PostMapping("/api/v1/governance/meetings/{id}/decisions/{no}/track")
	@Operation(summary = "Make decision no (from 1) a tracked item owned by a post of the committee or an organisation below")
	Meeting track(@PathVariable long id, @PathVariable int no, @RequestBody Meetings.TrackDecision request) {
		return meetings.track(id, no, request);
	}

	@PostMapping(path = "/api/v1/governance/meetings/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Attach a file to a meeting (kept as evidence of the committee, checked by content)")
	Meeting attach(@PathVariable long id, @RequestPart(name = "file", required = false) MultipartFile file)
			throws IOException {
		meetings.requireManaged(id);
		Uploads.required(file);
		try (InputStream in = file.getInputStream()) {
			return meetings.attach(id, file.getOriginalFilename(), in);
		}
	}

	@GetMapping("/api/v1/governance/meetings/{id}/attachments/{evidenceId}")
	@Operation(summary = "Download a file attached to a meeting, under its original name")
	ResponseEntity<InputStreamResource> download(@PathVariable long id, @PathVariable long evidenceId) {
		return meetings.download(id, evidenceId).toResponse();
	}

	@ReadOnlyWork
	@GetMapping("/api/v1/governance/meetings/{id}/minutes.pdf")
	@Operation(summary = "The minutes as PDF: attendance, agenda, minutes, decisions and their follow-up")
	ResponseEntity<byte[]> minutes(@PathVariable long id) {
		return minutes.document(reads.get(id), zeren.platform.document.DocumentFormat.PDF);
	}

	@ReadOnlyWork
	@GetMapping("/api/v1/governance/meetings/{id}/minutes.docx")
	@Operation(summary = "The minutes as Word (DOCX) in the 党政机关公文 layout, with the same content as the PDF")
	ResponseEntity<byte[]> minutesDocx(@PathVariable long id) {
		return minutes.document(reads.get(id), zeren.platform.document.DocumentFormat.DOCX);
	}

	@GetMapping("/api/v1/governance/groups/{orgId}")
	@Operation(summary = "The committee's coordination group: members, duties, rules of work, register of major cases")
	CoordinationGroup group(@PathVariable long orgId) {
		return groups.of(orgId).orElseThrow(() -> new NotFoundException("gov-group", orgId));
	}

	@PutMapping("/api/v1/governance/groups/{orgId}")
	@Operation(summary = "Set up the committee's coordination group, or change its name and rules of work")
	CoordinationGroup saveGroup(@PathVariable long orgId, @RequestBody CoordinationGroups.GroupInput request) {
		return groups.save(orgId, request);
	}

	@PostMapping("/api/v1/governance/groups/{orgId}/members")
	@Operation(summary = "Add a member: a unit of the committee's subtree (UNIT) or a post (LEADER, DEPUTY, MEMBER), with its duties")
	CoordinationGroup addMember(@PathVariable long orgId, @RequestBody CoordinationGroups.NewMember request) {
		return groups.addMember(orgId, request);
	}

	@DeleteMapping("/api/v1/governance/groups/{orgId}/members/{memberId}")
	@Operation(summary = "Remove a member")
	CoordinationGroup removeMember(@PathVariable long orgId, @PathVariable long memberId) {
		return groups.removeMember(orgId, memberId);
	}

	@PostMapping("/api/v1/governance/groups/{orgId}/cases")
	@Operation(summary = "Put an accountability case of the subtree in the group's register of major cases")
	CoordinationGroup addCase(@PathVariable long orgId, @RequestBody CoordinationGroups.CaseLink request) {
		return groups.addCase(orgId, request);
	}

	@PostMapping("/api/v1/governance/follow-ups")
	@Operation(summary = "Record the secretary's instruction on a matter; it becomes a 督办 (tracked item) of the answering unit")
	ResponseEntity<FollowUp> recordFollowUp(@RequestBody FollowUps.NewFollowUp request) {
		FollowUp f = followUps.record(request);
		return ResponseEntity.created(URI.create("/api/v1/governance/follow-ups/" + f.id())).body(f);
	}

	@GetMapping("/api/v1/governance/follow-ups")
	@Operation(summary = "Follow-ups given in a year in a subtree, newest first; register=true: the register of major matters only")
	List<FollowUp> followUps(@RequestParam long orgId, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) boolean register) {
		return followUps.inSubtree(orgId, year == null ? clock.today().getYear() : year, register);
	}

	@GetMapping("/api/v1/governance/follow-ups/{id}")
	@Operation(summary = "One follow-up, with its 督办's status")
	FollowUp followUp(@PathVariable long id) {
		return followUps.get(id);
	}

	@ReadOnlyWork
	@GetMapping("/api/v1/governance/follow-ups/{id}/duban.pdf")
	@Operation(summary = "The 督办单 as PDF: the matter, the instruction, the answering unit and post, the deadline, its state")
	ResponseEntity<byte[]> duban(@PathVariable long id) {
		return duban.pdf(followUps.get(id));
	}

	@PostMapping("/api/v1/governance/follow-ups/{id}/decided")
	@Operation(summary = "Record what was decided on the matter (the register's column)")
	FollowUp decided(@PathVariable long id, @RequestBody FollowUps.Decided request) {
		return followUps.decide(id, request);
	}
}
