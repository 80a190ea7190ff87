package zeren.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import zeren.access.Role;
import zeren.access.UserAccount;
import zeren.accountability.AccountabilityCase;
import zeren.accountability.CaseProcedure;
import zeren.accountability.Situations;
import zeren.org.Leadership;
import zeren.org.Org;
import zeren.org.OrgTree;
import zeren.org.OrgType;
import zeren.org.People;
import zeren.org.Person;
import zeren.org.Post;
import zeren.org.PostKind;
import zeren.oversight.Obligation;
import zeren.platform.InvalidInputException;
import zeren.support.ApiTest;

abstract class GovernanceContract extends ApiTest {

	@Autowired
	OrgTree tree;

	@Autowired
	People people;

	@Autowired
	Leadership leadership;

	@Autowired
	Meetings meetings;

	@Autowired
	MeetingReads reads;

	@Autowired
	CoordinationGroups groups;

	@Autowired
	FollowUps followUps;

	@Autowired
	CaseProcedure procedure;

	@Autowired
	Situations situations;

	@Autowired
	zeren.tracking.TrackedItems items;

	@Autowired
	zeren.oversight.Sweep sweep;

	@Autowired
	zeren.oversight.Oversight oversight;

	@Autowired
	zeren.support.SettableClock clock;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	Org org(String code, String name, OrgType type, Long parent) {
		return tree.create(new OrgTree.NewOrg(code, name, type, parent, null, null));
	}

	Post post(Org org, String title, PostKind kind) {
		return leadership.addPost(org.id(), new Leadership.NewPost(title, kind, List.of(), 1));
	}

	Person person(String name, Org home) {
		return people.create(new People.NewPerson(name, null, null, null, null, home.id()));
	}

	void appoint(Person person, Post post, LocalDate from, LocalDate to) {
		leadership.appoint(new Leadership.NewTenure(person.id(), post.id(), from, to));
	}

	/**
	 * A county committee with a secretary replaced on 2026-06-16, a deputy, a team member whose post
	 * is vacant, and a linked discipline commission whose 纪委书记 post sits on the commission's node;
	 * a township committee and a department below the county; a sibling county.
	 */
	class County {
		final String p = unique();
		final Org city = org(p + "c", p + "市委", OrgType.PARTY_COMMITTEE, null);
		final Org county = org(p + "x", p + "县委", OrgType.PARTY_COMMITTEE, city.id());
		final Org discipline = org(p + "xd", p + "县纪委", OrgType.DISCIPLINE_COMMISSION, county.id());
		final Org town = org(p + "t", p + "镇党委", OrgType.PARTY_COMMITTEE, county.id());
		final Org police = org(p + "g", p + "县公安局党委", OrgType.PARTY_COMMITTEE, county.id());
		final Org sibling = org(p + "y", p + "邻县委", OrgType.PARTY_COMMITTEE, city.id());
		final Post secretary = post(county, "县委书记", PostKind.SECRETARY);
		final Post deputy = post(county, "县委副书记", PostKind.DEPUTY_SECRETARY);
		final Post member = post(county, "县委常委、组织部长", PostKind.MEMBER);
		final Post liaison = post(county, "联络员", PostKind.LIAISON);
		final Post disciplineSecretary = post(discipline, "县纪委书记", PostKind.DISCIPLINE_SECRETARY);
		final Post townSecretary = post(town, "镇党委书记", PostKind.SECRETARY);
		final Post policeSecretary = post(police, "公安局党委书记", PostKind.SECRETARY);
		final Post siblingSecretary = post(sibling, "邻县委书记", PostKind.SECRETARY);
		final Person old = person(p + "原书记", county);
		final Person successor = person(p + "新书记", county);
		final Person d = person(p + "副书记", county);
		final Person j = person(p + "纪委书记", discipline);
		final Person t = person(p + "镇书记", town);
		final Person g = person(p + "局书记", police);
		final Person s = person(p + "邻县书记", sibling);

		County() {
			tree.linkDisciplineBody(county.id(), discipline.id());
			appoint(old, secretary, LocalDate.of(2020, 1, 1), LocalDate.of(2026, 6, 15));
			appoint(successor, secretary, LocalDate.of(2026, 6, 16), null);
			appoint(d, deputy, LocalDate.of(2021, 1, 1), null);
			appoint(j, disciplineSecretary, LocalDate.of(2021, 1, 1), null);
			appoint(t, townSecretary, LocalDate.of(2021, 1, 1), null);
			appoint(g, policeSecretary, LocalDate.of(2021, 1, 1), null);
			appoint(s, siblingSecretary, LocalDate.of(2021, 1, 1), null);
		}
	}

	long count(String table) {
		return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
	}

	@Test
	void a_meeting_takes_its_team_from_the_tenures_on_the_date_with_the_absentees_and_the_vacant_post() throws Exception {
		County c = new County();
		// March: the outgoing secretary chairs; the deputy is away; the member's post is vacant;
		// the 纪委书记 (on the linked commission's node) sits in; the liaison does not
		mvc.perform(postJson("/api/v1/governance/meetings", """
				{"orgId":%d,"date":"2026-03-10","kind":"TOPIC","title":"专题研究党风廉政建设","chairPostId":%d,
				 "agenda":["传达上级部署","研究年度责任清单"],"absences":[{"postId":%d,"reason":"外出学习"}],
				 "minutes":"会议研究了本年度党风廉政建设工作。","decisions":["制定年度责任清单","开展警示教育"]}"""
				.formatted(c.county.id(), c.secretary.id(), c.deputy.id())))
				.andExpect(status().isCreated()).andExpect(jsonPath("$.chair.personName").value(c.old.name()))
				.andExpect(jsonPath("$.attendees", hasSize(4)))
				.andExpect(jsonPath("$.attendees[0].personName").value(c.old.name()))
				.andExpect(jsonPath("$.attendees[1].present").value(false))
				.andExpect(jsonPath("$.attendees[1].absenceReason").value("外出学习"))
				.andExpect(jsonPath("$.attendees[2].postTitle").value("县委常委、组织部长"))
				.andExpect(jsonPath("$.attendees[2].personId").doesNotExist())
				.andExpect(jsonPath("$.attendees[3].personName").value(c.j.name()))
				.andExpect(jsonPath("$.agenda[1]").value("研究年度责任清单"))
				.andExpect(jsonPath("$.decisions[1].text").value("开展警示教育"));
		Meeting march = reads.inSubtree(c.county.id(), 2026).get(0);
		assertThat(march.presentCount()).isEqualTo(2);
		assertThat(march.absentCount()).isEqualTo(1);
		// July: the successor chairs; the outgoing secretary no longer sits in
		Meeting july = meetings.record(new Meetings.NewMeeting(c.county.id(), LocalDate.of(2026, 7, 1),
				Meeting.Kind.DISCIPLINE_REPORT, "听取县纪委工作汇报", c.secretary.id(), List.of(), List.of(), "纪委书记汇报", List.of()));
		assertThat(july.chair().personName()).isEqualTo(c.successor.name());
		assertThat(july.attendees()).extracting(Meeting.Attendee::personName).contains(c.successor.name())
				.doesNotContain(c.old.name());

		// refused, each field named, nothing written: a chair marked absent, an absentee not in the
		// team, a future date, a blank minutes
		long before = count("gov_meeting") + count("gov_meeting_attendee");
		mvc.perform(postJson("/api/v1/governance/meetings", """
				{"orgId":%d,"date":"2026-03-11","kind":"TOPIC","title":"会议","chairPostId":%d,
				 "absences":[{"postId":%d,"reason":"请假"}],"minutes":"纪要"}""".formatted(c.county.id(), c.secretary.id(),
				c.secretary.id()))).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("chairPostId"))
				.andExpect(jsonPath("$.errors[0].message", containsString("不能主持会议")));
		mvc.perform(postJson("/api/v1/governance/meetings", """
				{"orgId":%d,"date":"2026-03-11","kind":"TOPIC","title":"会议","chairPostId":%d,
				 "absences":[{"postId":%d,"reason":"请假"}],"minutes":"纪要"}""".formatted(c.county.id(), c.secretary.id(),
				c.townSecretary.id()))).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("absences[0].postId"));
		clock.set(LocalDate.of(2026, 8, 1));
		mvc.perform(postJson("/api/v1/governance/meetings", """
				{"orgId":%d,"date":"2026-09-01","kind":"TOPIC","title":"会议","chairPostId":%d,"minutes":" "}"""
				.formatted(c.county.id(), c.secretary.id()))).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.containsInAnyOrder("date", "minutes")))
				.andExpect(jsonPath("$.errors[?(@.field == 'minutes')].message").value(org.hamcrest.Matchers.hasItem(containsString("会议纪要"))));
		// a branch or a department is no committee; a group meeting needs a group
		mvc.perform(postJson("/api/v1/governance/meetings", """
				{"orgId":%d,"date":"2026-03-11","kind":"GROUP","title":"会议","chairPostId":%d,"minutes":"纪要"}"""
				.formatted(c.county.id(), c.secretary.id()))).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("kind"));
		assertThat(count("gov_meeting") + count("gov_meeting_attendee")).isEqualTo(before);

		// the minutes as a PDF, with the attendance and the decisions
		byte[] pdf = mvc.perform(get("/governance/meetings/{id}/minutes.pdf", march.id())).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsByteArray();
		try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
			assertThat(text).contains("会议纪要", c.old.name(), "外出学习", "岗位空缺", "制定年度责任清单");
		}
		// and as Word, in the 公文 layout, with the same content
		byte[] docx = mvc.perform(get("/governance/meetings/{id}/minutes.docx", march.id())).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsByteArray();
		zeren.support.Docx.assertGbt9704(docx, zeren.support.Docx.open(docx).getParagraphs().get(0).getText());
		assertThat(zeren.support.Docx.text(docx)).contains("会议纪要", c.old.name(), "外出学习", "岗位空缺", "制定年度责任清单");
		mvc.perform(get("/api/v1/governance/meetings/{id}/minutes.docx", march.id())).andExpect(status().isOk());
		mvc.perform(get("/api/v1/audit").param("orgId", String.valueOf(c.county.id())).param("entity", "gov-meeting"))
				.andExpect(status().isOk()).andExpect(jsonPath("$[0].action").value("RECORD"));
	}

	@Test
	void decisions_become_tracked_items_and_the_year_s_meetings_are_obligations_of_the_committee() throws Exception {
		County c = new County();
		clock.set(LocalDate.of(2026, 7, 10));
		Meeting may = meetings.record(new Meetings.NewMeeting(c.county.id(), LocalDate.of(2026, 5, 20), Meeting.Kind.TOPIC,
				"专题研究", c.secretary.id(), List.of(), List.of(), "纪要", List.of("公安局开展警示教育")));
		// decision 1 carried by the police bureau's secretary: a tracked item of the bureau, verified by the county
		mvc.perform(postJson("/api/v1/governance/meetings/" + may.id() + "/decisions/1/track",
				"{\"ownerPostId\":%d,\"deadline\":\"2026-09-30\"}".formatted(c.policeSecretary.id())))
				.andExpect(status().isOk()).andExpect(jsonPath("$.decisions[0].trackedItemId").isNumber());
		long item = reads.get(may.id()).decisions().get(0).trackedItemId();
		var tracked = items.get(item);
		assertThat(tracked.orgId()).isEqualTo(c.police.id());
		assertThat(tracked.ownerPostId()).isEqualTo(c.policeSecretary.id());
		assertThat(tracked.verifierOrgId()).isEqualTo(c.county.id());
		assertThat(tracked.title()).isEqualTo("公安局开展警示教育");
		mvc.perform(postJson("/api/v1/governance/meetings/" + may.id() + "/decisions/1/track",
				"{\"ownerPostId\":%d,\"deadline\":\"2026-09-30\"}".formatted(c.policeSecretary.id())))
				.andExpect(status().isConflict());
		// a post of the sibling county cannot carry it; a deadline before the meeting is refused
		Meeting june = meetings.record(new Meetings.NewMeeting(c.county.id(), LocalDate.of(2026, 6, 1), Meeting.Kind.AREA_HEARING,
				"听取分管领域汇报", c.deputy.id(), List.of(), List.of(), "纪要", List.of("整改")));
		assertThat(june.attendees()).extracting(Meeting.Attendee::postId).containsExactly(c.deputy.id());
		mvc.perform(postJson("/api/v1/governance/meetings/" + june.id() + "/decisions/1/track",
				"{\"ownerPostId\":%d,\"deadline\":\"2026-05-01\"}".formatted(c.siblingSecretary.id())))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.containsInAnyOrder("ownerPostId", "deadline")));
		// an area hearing is heard by a team member, not by the liaison
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> meetings.record(new Meetings.NewMeeting(c.county.id(),
				LocalDate.of(2026, 6, 2), Meeting.Kind.AREA_HEARING, "听取汇报", c.liaison.id(), List.of(), List.of(), "纪要",
				List.of()))).isInstanceOf(InvalidInputException.class);

		sweep.sweep(c.city.id(), 2026);
		Map<String, Obligation> county = oversight.obligations(c.city.id(), 2026, null, null, 1000).stream()
				.filter(o -> o.orgId() == c.county.id() && o.kind().startsWith("governance."))
				.collect(Collectors.toMap(o -> o.kind() + "#" + o.subject(), o -> o));
		// two topic meetings a year: the first (due 06-30) done on 05-20, the second open until 12-31
		assertThat(county.get("governance.topic-meetings#1").doneOn()).isEqualTo(LocalDate.of(2026, 5, 20));
		assertThat(county.get("governance.topic-meetings#1").status()).isEqualTo(Obligation.Status.DONE_ON_TIME);
		assertThat(county.get("governance.topic-meetings#2").status()).isEqualTo(Obligation.Status.OPEN);
		assertThat(county.get("governance.topic-meetings#2").dueDate()).isEqualTo(LocalDate.of(2026, 12, 31));
		// the discipline commission's report not heard by 06-30: overdue, owed by the secretary's
		// post, whose holder on the due date is the successor
		Obligation report = county.get("governance.discipline-reports#1");
		assertThat(report.status()).isEqualTo(Obligation.Status.OVERDUE);
		assertThat(report.postId()).isEqualTo(c.secretary.id());
		assertThat(report.holderName()).isEqualTo(c.successor.name());
		// the deputy heard their areas in the first half; the member's post was vacant all year
		assertThat(county.get("governance.area-hearings#" + (c.deputy.id() * 2)).status())
				.isEqualTo(Obligation.Status.DONE_ON_TIME);
		assertThat(county.get("governance.area-hearings#" + (c.member.id() * 2)).status()).isEqualTo(Obligation.Status.VACANT);
		// the decision is owed by the bureau, by its deadline
		assertThat(oversight.obligations(c.city.id(), 2026, "governance.decisions", null, 100))
				.extracting(Obligation::orgId, Obligation::subject).containsExactly(org.assertj.core.groups.Tuple.tuple(c.police.id(), item));
		// no group: no group meetings owed
		assertThat(county).doesNotContainKey("governance.group-meetings#1");
		assertThat(oversight.obligations(c.city.id(), 2026, "governance.topic-meetings", null, 100))
				.extracting(Obligation::orgId).doesNotContain(c.discipline.id());
	}

	@Test
	void the_coordination_group_has_its_members_by_post_and_unit_its_meetings_and_its_register_of_major_cases()
			throws Exception {
		County c = new County();
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.put("/api/v1/governance/groups/" + c.county.id()).contentType("application/json")
				.content("{\"name\":\"县反腐败工作协调领导小组\",\"rules\":\"每半年召开一次会议\"}"))
				.andExpect(status().isOk()).andExpect(jsonPath("$.members", hasSize(0)));
		groups.addMember(c.county.id(), new CoordinationGroups.NewMember(CoordinationGroup.Role.LEADER, null, c.secretary.id(), "全面负责"));
		groups.addMember(c.county.id(), new CoordinationGroups.NewMember(CoordinationGroup.Role.DEPUTY, null,
				c.disciplineSecretary.id(), "协调案件查办"));
		mvc.perform(postJson("/api/v1/governance/groups/" + c.county.id() + "/members",
				"{\"role\":\"UNIT\",\"memberOrgId\":%d,\"duties\":\"查办职务犯罪线索移送\"}".formatted(c.police.id())))
				.andExpect(status().isOk()).andExpect(jsonPath("$.members", hasSize(3)))
				.andExpect(jsonPath("$.members[0].holderName").value(c.successor.name()))
				.andExpect(jsonPath("$.members[2].memberOrgName").value(c.police.name()));
		// the sibling county is no member unit of this county's group; a member once only
		mvc.perform(postJson("/api/v1/governance/groups/" + c.county.id() + "/members",
				"{\"role\":\"UNIT\",\"memberOrgId\":%d,\"duties\":\"x\"}".formatted(c.sibling.id())))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("memberOrgId"));
		mvc.perform(postJson("/api/v1/governance/groups/" + c.county.id() + "/members",
				"{\"role\":\"MEMBER\",\"postId\":%d,\"duties\":\"x\"}".formatted(c.secretary.id())))
				.andExpect(status().isConflict());
		// a group meeting: the group's people sit in (the secretary and the 纪委书记), not the deputy
		Meeting m = meetings.record(new Meetings.NewMeeting(c.county.id(), LocalDate.of(2026, 7, 1), Meeting.Kind.GROUP,
				"协调小组会议", c.secretary.id(), List.of("分析研判形势"), List.of(), "纪要", List.of()));
		assertThat(m.attendees()).extracting(Meeting.Attendee::postId).containsExactly(c.secretary.id(), c.disciplineSecretary.id());
		// a case of the police bureau in the register
		long s02 = situations.list(true).stream().filter(x -> x.code().equals("S02")).findFirst().orElseThrow().id();
		AccountabilityCase acase = procedure.create(new CaseProcedure.NewCase(c.police.id(), AccountabilityCase.Origin.REPORT,
				null, c.p + "公安局问责案", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), "事实", List.of(s02), null,
				List.of(c.g.id()), null));
		mvc.perform(postJson("/api/v1/governance/groups/" + c.county.id() + "/cases",
				"{\"caseId\":%d,\"note\":\"小组督办，限期查结\"}".formatted(acase.id()))).andExpect(status().isOk())
				.andExpect(jsonPath("$.cases[0].title").value(c.p + "公安局问责案"))
				.andExpect(jsonPath("$.cases[0].status").value("REGISTERED"));
		mvc.perform(postJson("/api/v1/governance/groups/" + c.county.id() + "/cases",
				"{\"caseId\":%d,\"note\":\"再次\"}".formatted(acase.id()))).andExpect(status().isConflict());
		// with a group, its meetings are owed: one held by 06-30? no — the first is due 06-30 and was held 07-01
		clock.set(LocalDate.of(2026, 7, 10));
		sweep.sweep(c.county.id(), 2026);
		Obligation first = oversight.obligations(c.county.id(), 2026, "governance.group-meetings", null, 10).stream()
				.filter(o -> o.subject() == 1).findFirst().orElseThrow();
		assertThat(first.status()).isEqualTo(Obligation.Status.DONE_LATE);
		// removing a member
		long deputyMember = groups.of(c.county.id()).orElseThrow().members().get(1).id();
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.delete("/api/v1/governance/groups/" + c.county.id() + "/members/" + deputyMember))
				.andExpect(status().isOk()).andExpect(jsonPath("$.members", hasSize(2)));
	}

	@Test
	void a_follow_up_is_a_du_ban_of_the_answering_unit_and_major_matters_form_the_register() throws Exception {
		County c = new County();
		// on a letter from the public, to the township; its 书记 carries it when no post is named
		mvc.perform(postJson("/api/v1/governance/follow-ups", """
				{"orgId":%d,"instructedOn":"2026-03-05","instructorPostId":%d,"sourceKind":"LETTER","subject":"群众来信反映镇拆迁补偿问题",
				 "instruction":"请镇党委认真核查，一个月内报结果。","category":"MAJOR_MATTER","answerOrgId":%d,"deadline":"2026-04-05"}"""
				.formatted(c.county.id(), c.secretary.id(), c.town.id())))
				.andExpect(status().isCreated()).andExpect(jsonPath("$.instructorName").value(c.old.name()))
				.andExpect(jsonPath("$.answerOrgName").value(c.town.name()))
				.andExpect(jsonPath("$.itemStatus").value("OPEN")).andExpect(jsonPath("$.deadline").value("2026-04-05"));
		FollowUp letter = followUps.inSubtree(c.county.id(), 2026, false).get(0);
		var item = items.get(letter.trackedItemId());
		assertThat(item.orgId()).isEqualTo(c.town.id());
		assertThat(item.ownerPostId()).isEqualTo(c.townSecretary.id());
		assertThat(item.verifierPostId()).isEqualTo(c.secretary.id());
		// on a case of the bureau: the case's title is the subject; an ordinary matter
		long s02 = situations.list(true).stream().filter(x -> x.code().equals("S02")).findFirst().orElseThrow().id();
		AccountabilityCase acase = procedure.create(new CaseProcedure.NewCase(c.police.id(), AccountabilityCase.Origin.REPORT,
				null, c.p + "公安局案", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), "事实", List.of(s02), null,
				List.of(c.g.id()), null));
		FollowUp onCase = followUps.record(new FollowUps.NewFollowUp(c.county.id(), LocalDate.of(2026, 3, 6),
				c.disciplineSecretary.id(), FollowUp.SourceKind.CASE, acase.id(), null, "从严查处", null, c.police.id(), null,
				LocalDate.of(2026, 5, 1)));
		assertThat(onCase.subject()).isEqualTo(c.p + "公安局案");
		assertThat(onCase.instructorName()).isEqualTo(c.j.name());
		// the register holds the major matters only
		mvc.perform(get("/api/v1/governance/follow-ups").param("orgId", String.valueOf(c.county.id())).param("year", "2026")
				.param("register", "true")).andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(1)))
				.andExpect(jsonPath("$[0].category").value("MAJOR_MATTER"));
		assertThat(followUps.inSubtree(c.county.id(), 2026, false)).hasSize(2);
		// the 督办单: the matter, the instruction, the township and its secretary's post, the deadline
		byte[] sheet = mvc.perform(get("/governance/follow-ups/{id}/duban.pdf", letter.id())).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsByteArray();
		try (var document = org.apache.pdfbox.Loader.loadPDF(sheet)) {
			String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
			assertThat(text).contains("督办单", "群众来信反映镇拆迁补偿问题", c.town.name(), "镇党委书记", "2026年4月5日");
		}
		mvc.perform(postJson("/api/v1/governance/follow-ups/" + letter.id() + "/decided",
				"{\"decided\":\"县委常委会研究，责成镇党委限期整改\"}")).andExpect(status().isOk())
				.andExpect(jsonPath("$.decided").value("县委常委会研究，责成镇党委限期整改"));

		// refused, each field named, nothing written: the sibling county as the answering unit, no
		// subject and no record, a deadline before the instruction, a vacant instructing post
		long before = count("gov_follow_up");
		mvc.perform(postJson("/api/v1/governance/follow-ups", """
				{"orgId":%d,"instructedOn":"2026-03-05","instructorPostId":%d,"sourceKind":"OTHER",
				 "instruction":"请办理","answerOrgId":%d,"deadline":"2026-03-01"}"""
				.formatted(c.county.id(), c.member.id(), c.sibling.id()))).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.containsInAnyOrder("instructorPostId", "subject",
						"answerOrgId", "deadline")));
		mvc.perform(postJson("/api/v1/governance/follow-ups", """
				{"orgId":%d,"instructedOn":"2026-03-05","instructorPostId":%d,"sourceKind":"CASE","sourceId":987654321,
				 "instruction":"请办理","answerOrgId":%d,"deadline":"2026-04-01"}"""
				.formatted(c.county.id(), c.secretary.id(), c.town.id()))).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("sourceId"));
		assertThat(count("gov_follow_up")).isEqualTo(before);
		// the follow-up obligation: the 督办 closed by its deadline
		clock.set(LocalDate.of(2026, 4, 10));
		sweep.sweep(c.county.id(), 2026);
		assertThat(oversight.obligations(c.county.id(), 2026, "governance.follow-ups", null, 10))
				.filteredOn(o -> o.subject() == letter.trackedItemId()).extracting(Obligation::status)
				.containsExactly(Obligation.Status.OVERDUE);
	}

	static zeren.support.Xlsx.Table sheet(List<zeren.support.Xlsx.Table> book, String name) {
		return book.stream().filter(t -> t.name().equals(name)).findFirst()
				.orElseThrow(() -> new AssertionError("no sheet " + name + " in " + book.stream().map(zeren.support.Xlsx.Table::name).toList()));
	}

	List<zeren.support.Xlsx.Table> xlsx(String url, String... params) throws Exception {
		var request = get(url);
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return zeren.support.Xlsx.sheets(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsByteArray());
	}

	@Test
	void the_meetings_the_follow_ups_and_the_coordination_group_export_their_tables_to_xlsx() throws Exception {
		County c = new County();
		clock.set(LocalDate.of(2026, 7, 10));
		meetings.record(new Meetings.NewMeeting(c.county.id(), LocalDate.of(2026, 5, 20), Meeting.Kind.TOPIC,
				"专题研究一", c.secretary.id(), List.of(), List.of(), "纪要", List.of("警示教育", "建立台账")));
		String county = String.valueOf(c.county.id());
		var meetingBook = xlsx("/governance/meetings/export.xlsx", "orgId", county, "year", "2026");
		// the committee's progress: one topic meeting held of two
		assertThat(sheet(meetingBook, "2026年度会议").body()).anySatisfy(r -> assertThat(r).containsExactly("专题研究党风廉政建设", "1", "2"));
		assertThat(sheet(meetingBook, "2026年度会议记录").body()).singleElement().satisfies(r -> {
			assertThat(r).startsWith("2026-05-20", c.county.name(), "专题研究党风廉政建设", "专题研究一");
			assertThat(r.get(5)).matches("出席 \\d+ 人，缺席 \\d+ 人");
			assertThat(r.get(6)).isEqualTo("2");
		});
		// of one kind, as the page filtered: none of the group's
		assertThat(sheet(xlsx("/governance/meetings/export.xlsx", "orgId", county, "year", "2026", "kind", "GROUP"),
				"2026年度会议记录").body()).isEmpty();

		followUps.record(new FollowUps.NewFollowUp(c.county.id(), LocalDate.of(2026, 3, 5), c.secretary.id(),
				FollowUp.SourceKind.OTHER, null, "拆迁补偿问题", "请核查", FollowUp.Category.MAJOR_MATTER, c.town.id(), null,
				LocalDate.of(2026, 4, 5)));
		followUps.record(new FollowUps.NewFollowUp(c.county.id(), LocalDate.of(2026, 3, 6), c.secretary.id(),
				FollowUp.SourceKind.OTHER, null, "一般事项", "请办理", null, c.town.id(), null, LocalDate.of(2026, 4, 6)));
		var all = sheet(xlsx("/governance/follow-ups/export.xlsx", "orgId", county, "year", "2026"), "批示督办");
		assertThat(all.body()).extracting(r -> r.get(2)).containsExactlyInAnyOrder("拆迁补偿问题", "一般事项");
		var register = xlsx("/governance/follow-ups/export.xlsx", "orgId", county, "year", "2026", "register", "true").get(0);
		assertThat(register.header()).last().isEqualTo("研究决定");
		assertThat(register.body()).singleElement().satisfies(r -> assertThat(r).startsWith("2026-03-05",
				c.old.name() + "（县委书记）", "拆迁补偿问题", "重大事项", c.town.name(), "2026-04-05", "办理中"));

		groups.save(c.county.id(), new CoordinationGroups.GroupInput("县反腐败工作协调领导小组", "每半年召开一次会议"));
		groups.addMember(c.county.id(), new CoordinationGroups.NewMember(CoordinationGroup.Role.LEADER, null, c.secretary.id(), "全面负责"));
		var groupBook = xlsx("/governance/group/export.xlsx", "orgId", county);
		assertThat(sheet(groupBook, "组成人员和成员单位").body()).singleElement().satisfies(r -> {
			assertThat(r.get(0)).isEqualTo("组长");
			assertThat(r.get(1)).startsWith(c.county.name() + " · 县委书记（");
			assertThat(r.get(2)).isEqualTo("全面负责");
		});
		assertThat(sheet(groupBook, "协调督办的重大案件").body()).isEmpty();
		// a county without a group has nothing to export; the sibling's user gets none of this county's tables
		mvc.perform(get("/governance/group/export.xlsx").param("orgId", String.valueOf(c.sibling.id())))
				.andExpect(status().isNotFound());
		UserAccount stranger = users.create(new zeren.access.Users.NewUser(unique().toLowerCase() + "x", "password-x-1", null, true));
		users.addGrant(stranger.id(), new zeren.access.Users.NewGrant(Role.ORG_ADMIN, c.sibling.id(), true));
		for (String url : List.of("/governance/meetings/export.xlsx", "/governance/follow-ups/export.xlsx",
				"/governance/group/export.xlsx")) {
			mvc.perform(get(url).param("orgId", county).param("year", "2026").with(as(stranger.id(), stranger.username())))
					.andExpect(status().isNotFound());
		}
	}

	@Test
	void an_organisation_admin_of_one_county_can_neither_record_for_nor_read_the_other() throws Exception {
		County c = new County();
		Meeting m = meetings.record(new Meetings.NewMeeting(c.county.id(), LocalDate.of(2026, 3, 1), Meeting.Kind.TOPIC, "会议",
				c.secretary.id(), List.of(), List.of(), "纪要", List.of("决定")));
		UserAccount user = users.create(new zeren.access.Users.NewUser(c.p.toLowerCase() + "u", "password-of-the-user-1", null, true));
		users.addGrant(user.id(), new zeren.access.Users.NewGrant(Role.ORG_ADMIN, c.sibling.id(), true));
		long before = count("gov_meeting");
		mvc.perform(postJson("/api/v1/governance/meetings", """
				{"orgId":%d,"date":"2026-03-11","kind":"TOPIC","title":"会议","chairPostId":%d,"minutes":"纪要"}"""
				.formatted(c.county.id(), c.secretary.id())).with(as(user.id(), user.username())))
				.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/governance/meetings/" + m.id()).with(as(user.id(), user.username())))
				.andExpect(status().isNotFound());
		mvc.perform(postJson("/api/v1/governance/meetings/" + m.id() + "/decisions/1/track",
				"{\"ownerPostId\":%d,\"deadline\":\"2026-09-30\"}".formatted(c.siblingSecretary.id()))
				.with(as(user.id(), user.username()))).andExpect(status().isNotFound());
		assertThat(count("gov_meeting")).isEqualTo(before);
		assertThat(reads.get(m.id()).decisions().get(0).trackedItemId()).isNull();
		// in their own county they record, with their own secretary
		mvc.perform(postJson("/api/v1/governance/meetings", """
				{"orgId":%d,"date":"2026-03-11","kind":"TOPIC","title":"会议","chairPostId":%d,"minutes":"纪要"}"""
				.formatted(c.sibling.id(), c.siblingSecretary.id())).with(as(user.id(), user.username())))
				.andExpect(status().isCreated());
	}
}
