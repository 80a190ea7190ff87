package zeren.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import zeren.governance.CoordinationGroups;
import zeren.governance.FollowUp;
import zeren.governance.FollowUps;
import zeren.governance.Meeting;
import zeren.governance.MeetingReads;
import zeren.org.Leadership;
import zeren.org.Org;
import zeren.org.OrgTree;
import zeren.org.OrgType;
import zeren.org.People;
import zeren.org.Person;
import zeren.org.Post;
import zeren.org.PostKind;

/** The committee's own work through its pages: a meeting with its attendance, a 督办, the coordination group. */
class GovernanceBrowserTest extends BrowserTest {

	@Autowired
	OrgTree tree;

	@Autowired
	Leadership leadership;

	@Autowired
	People people;

	@Autowired
	MeetingReads meetings;

	@Autowired
	FollowUps followUps;

	@Autowired
	CoordinationGroups groups;

	Org county;
	Org town;
	Post secretary;
	Post deputy;
	Post townSecretary;
	Person s;
	Person d;

	void county() {
		county = tree.create(new OrgTree.NewOrg(unique("GX"), "县委" + unique("G"), OrgType.PARTY_COMMITTEE, null, null, null));
		town = tree.create(new OrgTree.NewOrg(unique("GT"), "镇党委" + unique("G"), OrgType.PARTY_COMMITTEE, county.id(), null, null));
		secretary = leadership.addPost(county.id(), new Leadership.NewPost("县委书记", PostKind.SECRETARY, List.of(), 1));
		deputy = leadership.addPost(county.id(), new Leadership.NewPost("县委副书记", PostKind.DEPUTY_SECRETARY, List.of(), 2));
		leadership.addPost(county.id(), new Leadership.NewPost("县委常委", PostKind.MEMBER, List.of(), 3));
		townSecretary = leadership.addPost(town.id(), new Leadership.NewPost("镇党委书记", PostKind.SECRETARY, List.of(), 1));
		s = people.create(new People.NewPerson("赵" + unique("P"), null, null, null, null, county.id()));
		d = people.create(new People.NewPerson("钱" + unique("P"), null, null, null, null, county.id()));
		Person t = people.create(new People.NewPerson("孙" + unique("P"), null, null, null, null, town.id()));
		leadership.appoint(new Leadership.NewTenure(s.id(), secretary.id(), LocalDate.of(2020, 1, 1), null));
		leadership.appoint(new Leadership.NewTenure(d.id(), deputy.id(), LocalDate.of(2020, 1, 1), null));
		leadership.appoint(new Leadership.NewTenure(t.id(), townSecretary.id(), LocalDate.of(2020, 1, 1), null));
	}

	@Test
	void a_topic_meeting_is_recorded_with_its_attendance_and_a_decision_becomes_a_tracked_item() {
		county();
		open("/governance/meetings?orgId=" + county.id() + "&year=2026");
		expect(page.locator("#meeting-progress tbody tr").first()).containsText("专题研究党风廉政建设");
		expect(page.locator("#meeting-progress tbody tr").first()).containsText("0");
		expect(page.locator("#meetings-none")).isVisible();
		page.locator("#new-TOPIC").click();
		page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
		expect(page.locator("#meeting-form-heading")).containsText("专题研究党风廉政建设");
		expect(page.locator("#title")).hasValue("专题研究党风廉政建设和反腐败工作");
		// the team on the date: the secretary, the deputy, the vacant member's post
		page.locator("#date").fill("2026-03-10");
		page.locator("#date").dispatchEvent("change");
		expect(page.locator("#team-table tbody tr")).hasCount(3);
		expect(page.locator("#team-table tbody tr").nth(2)).containsText("岗位空缺");
		page.locator("#absent-" + deputy.id() + "-" + d.id()).check();
		page.locator("[name='reason-" + deputy.id() + "-" + d.id() + "']").fill("外出学习");
		page.locator("#agenda").fill("传达上级部署\n研究年度责任清单");
		page.locator("#decisions").fill("镇党委开展警示教育");
		// no minutes: refused with the field named by its label, what was typed kept
		button("保存").click();
		expect(page.locator(".error-list")).containsText("会议纪要：不能为空");
		expect(page.locator("#agenda")).hasValue("传达上级部署\n研究年度责任清单");
		expect(page.locator("#date")).hasValue("2026-03-10");
		assertThat(meetings.inSubtree(county.id(), 2026)).isEmpty();
		if (!page.locator("#absent-" + deputy.id() + "-" + d.id()).isChecked()) {
			page.locator("#absent-" + deputy.id() + "-" + d.id()).check();
			page.locator("[name='reason-" + deputy.id() + "-" + d.id() + "']").fill("外出学习");
		}
		page.locator("#minutes").fill("会议研究部署了本年度党风廉政建设工作。");
		button("保存").click();

		expect(page.locator("#flash-success")).isVisible();
		expect(page.locator("#meeting-chair")).containsText(s.name());
		expect(page.locator("#meeting-attendance")).containsText("出席 1 人，缺席 1 人");
		expect(page.locator("#attendees")).containsText("缺席：外出学习");
		expect(page.locator("#attendees")).containsText("岗位空缺");
		long id = idInUrl();
		page.locator(".decision-track select[name=ownerPostId]").selectOption(String.valueOf(townSecretary.id()));
		button("转为跟踪事项").click();
		expect(page.locator("#flash-success")).isVisible();
		expect(page.locator(".decision-tracked")).hasCount(1);
		Meeting m = meetings.get(id);
		assertThat(m.decisions().get(0).trackedItemId()).isNotNull();
		var pdf = page.request().get(url("/governance/meetings/" + id + "/minutes.pdf"));
		assertThat(pdf.status()).isEqualTo(200);
		assertThat(pdf.headers().get("content-type")).startsWith("application/pdf");
		screenshot("governance-meeting");

		page.locator("a", new com.microsoft.playwright.Page.LocatorOptions().setHasText("返回")).last().click();
		expect(page.locator("#meetings tbody tr")).hasCount(1);
		expect(page.locator("#meeting-progress tbody tr").first().locator("td").nth(1)).hasText("1");
	}

	@Test
	void an_instruction_becomes_a_du_ban_of_the_township_and_the_group_is_set_up_with_a_member() {
		county();
		open("/governance/follow-ups?orgId=" + county.id());
		expect(page.locator("#follow-ups-none")).isVisible();
		page.locator("#follow-up-new").click();
		// the form's scripts (the post choice reloads with the unit) are running once it has loaded
		page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
		page.locator("#category").selectOption("MAJOR_MATTER");
		page.locator("#sourceKind").selectOption("LETTER");
		page.locator("#subject").fill("群众来信反映拆迁补偿问题");
		page.locator("#instruction").fill("请镇党委认真核查，一个月内报结果。");
		// choosing the township reloads its posts
		page.locator("#answerOrgId").selectOption(String.valueOf(town.id()));
		expect(page.locator("#ownerPostId option")).hasCount(1);
		expect(page.locator("#ownerPostId option")).hasText("镇党委书记");
		button("保存").click();
		expect(page.locator("#flash-success")).isVisible();
		expect(page.locator("#follow-up-instructor")).containsText(s.name());
		expect(page.locator("#follow-up-item")).containsText(town.name() + "承办");
		FollowUp f = followUps.get(idInUrl());
		assertThat(f.trackedItemId()).isNotNull();
		page.locator("#decided").fill("县委常委会研究，责成限期整改");
		button("保存").click();
		expect(page.locator("#follow-up-decided")).hasText("县委常委会研究，责成限期整改");
		open("/governance/follow-ups?orgId=" + county.id() + "&register=true");
		expect(page.locator("#follow-ups tbody tr")).hasCount(1);
		expect(page.locator("#follow-ups")).containsText("县委常委会研究，责成限期整改");

		open("/governance/group?orgId=" + county.id());
		expect(page.locator("#group-none")).isVisible();
		expect(page.locator("#name")).hasValue(county.name() + "反腐败工作协调领导小组");
		button("保存").click();
		expect(page.locator("#flash-success")).isVisible();
		expect(page.locator("#group-name")).hasText(county.name() + "反腐败工作协调领导小组");
		page.locator("#role").selectOption("LEADER");
		page.locator("#postId").selectOption(String.valueOf(secretary.id()));
		page.locator("#duties").fill("全面负责");
		button("添加成员").click();
		expect(page.locator("#group-members tbody tr")).hasCount(1);
		expect(page.locator("#group-members")).containsText("组长");
		expect(page.locator("#group-members")).containsText(s.name());
		page.locator("#role").selectOption("UNIT");
		page.locator("#memberOrgId").selectOption(String.valueOf(town.id()));
		page.locator("#duties").fill("配合查办");
		button("添加成员").click();
		expect(page.locator("#group-members tbody tr")).hasCount(2);
		button("移出").first().click();
		confirm();
		expect(page.locator("#group-members tbody tr")).hasCount(1);
		assertThat(groups.of(county.id()).orElseThrow().members()).hasSize(1);
		screenshot("governance-group");
	}
}
