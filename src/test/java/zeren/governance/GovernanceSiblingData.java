package zeren.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import zeren.support.Sibling;
import zeren.support.SiblingData;

/** The governance module's part of the scope walk: a meeting, a coordination group and a follow-up of the sibling county. */
@Component
class GovernanceSiblingData implements SiblingData {

	private final Meetings meetings;
	private final MeetingReads reads;
	private final CoordinationGroups groups;
	private final FollowUps followUps;
	private final JdbcClient jdbc;

	private Sibling sibling;
	private Meeting meeting;
	private CoordinationGroup group;
	private FollowUp followUp;
	private long attachment;
	private long rows;

	GovernanceSiblingData(Meetings meetings, MeetingReads reads, CoordinationGroups groups, FollowUps followUps,
			JdbcClient jdbc) {
		this.meetings = meetings;
		this.reads = reads;
		this.groups = groups;
		this.followUps = followUps;
		this.jdbc = jdbc;
	}

	@Override
	public void create(Sibling s) {
		sibling = s;
		long b = s.b().id();
		group = groups.save(b, new CoordinationGroups.GroupInput(s.secretOrg() + "协调小组", s.secretOrg() + "工作规则"));
		group = groups.addMember(b, new CoordinationGroups.NewMember(CoordinationGroup.Role.LEADER, null, s.postB().id(),
				s.secretOrg() + "组长职责"));
		meeting = meetings.record(new Meetings.NewMeeting(b, LocalDate.of(2026, 3, 1), Meeting.Kind.TOPIC,
				s.secretOrg() + "专题会议", s.postB().id(), List.of(s.secretOrg() + "议题"), List.of(),
				s.secretOrg() + "会议纪要", List.of(s.secretOrg() + "决定")));
		attachment = meetings.attach(meeting.id(), s.secretOrg() + ".txt",
				new java.io.ByteArrayInputStream((s.secretOrg() + "会议附件").getBytes(java.nio.charset.StandardCharsets.UTF_8)))
				.attachments().get(0).evidenceId();
		followUp = followUps.record(new FollowUps.NewFollowUp(b, LocalDate.of(2026, 3, 2), s.postB().id(),
				FollowUp.SourceKind.LETTER, null, s.secretOrg() + "来信", s.secretOrg() + "批示内容",
				FollowUp.Category.MAJOR_MATTER, b, s.postB().id(), LocalDate.of(2026, 4, 2)));
		rows = count();
	}

	private long count() {
		return jdbc.sql("""
				SELECT (SELECT COUNT(*) FROM gov_meeting m JOIN org o ON o.id = m.org_id WHERE o.parent_id = :city)
				     + (SELECT COUNT(*) FROM gov_follow_up f JOIN org o ON o.id = f.org_id WHERE o.parent_id = :city)
				     + (SELECT COUNT(*) FROM gov_group_member gm JOIN gov_group g ON g.id = gm.group_id
				        JOIN org o ON o.id = g.org_id WHERE o.parent_id = :city)
				     + (SELECT COUNT(*) FROM gov_group_case gc JOIN gov_group g ON g.id = gc.group_id
				        JOIN org o ON o.id = g.org_id WHERE o.parent_id = :city)
				""").param("city", sibling.city().id()).query(Long.class).single();
	}

	@Override
	public Object value(String name, String pattern) {
		boolean meetingPath = pattern.startsWith("/api/v1/governance/meetings") || pattern.startsWith("/governance/meetings");
		boolean groupPath = pattern.startsWith("/api/v1/governance/groups") || pattern.startsWith("/governance/group");
		boolean followUpPath = pattern.startsWith("/api/v1/governance/follow-ups") || pattern.startsWith("/governance/follow-ups");
		if (!meetingPath && !groupPath && !followUpPath) {
			return null;
		}
		return switch (name) {
			case "id" -> meetingPath ? meeting.id() : followUpPath ? followUp.id() : null;
			case "no" -> 1;
			case "evidenceId" -> attachment;
			case "orgId" -> sibling.b().id();
			case "memberId" -> group.members().get(0).id();
			default -> null;
		};
	}

	@Override
	public Map<String, Object> hostileFields() {
		return Map.of("chairPostId", sibling.postB().id(), "ownerPostId", sibling.postB().id(), "answerOrgId",
				sibling.b().id(), "instructorPostId", sibling.postB().id(), "memberOrgId", sibling.bChild().id());
	}

	@Override
	public void assertUnchanged() {
		assertThat(count()).isEqualTo(rows);
		Meeting after = reads.get(meeting.id());
		assertThat(after.minutes()).isEqualTo(sibling.secretOrg() + "会议纪要");
		assertThat(after.decisions()).extracting(Meeting.Decision::trackedItemId).containsOnlyNulls();
		assertThat(after.attachments()).extracting(Meeting.Attachment::evidenceId).containsExactly(attachment);
		FollowUp f = followUps.get(followUp.id());
		assertThat(f.decided()).isNull();
		CoordinationGroup g = groups.of(sibling.b().id()).orElseThrow();
		assertThat(g.name()).isEqualTo(sibling.secretOrg() + "协调小组");
		assertThat(g.rules()).isEqualTo(sibling.secretOrg() + "工作规则");
	}
}
