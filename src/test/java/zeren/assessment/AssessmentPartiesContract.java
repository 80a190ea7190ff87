package zeren.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;

import tools.jackson.databind.json.JsonMapper;
import zeren.access.Role;
import zeren.access.UserAccount;
import zeren.access.Users;
import zeren.duty.DutyListManagement;
import zeren.org.Leadership;
import zeren.org.Org;
import zeren.org.OrgTree;
import zeren.org.OrgType;
import zeren.org.People;
import zeren.org.Person;
import zeren.org.Post;
import zeren.org.PostKind;
import zeren.support.ApiTest;
import zeren.support.SettableClock;

/**
 * Rounds per kind of assessed party (a secretary's: the holder on the year end, a vacant post; a
 * team member's; a discipline body's), the special supervisors' visits and the deduction that
 * reads them, and one indicator of a draft scheme edited in place.
 */
abstract class AssessmentPartiesContract extends ApiTest {

	static final int YEAR = 2033;

	@Autowired
	OrgTree tree;

	@Autowired
	People people;

	@Autowired
	Leadership leadership;

	@Autowired
	DutyListManagement lists;

	@Autowired
	Schemes schemes;

	@Autowired
	Rounds rounds;

	@Autowired
	RoundSheets sheets;

	@Autowired
	Users users;

	@Autowired
	SettableClock clock;

	@Autowired
	JdbcClient jdbc;

	final JsonMapper json = new JsonMapper();

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	/**
	 * A city with two counties. County A: its secretary changed on 1 July (the new one holds the
	 * post on the year end), a team member, a discipline commission linked; it publishes its list.
	 * County B: its secretary left in March (the post is vacant on the year end), no list.
	 */
	record Fixture(String p, Org city, Org countyA, Org countyB, Post secretaryA, Post secretaryB, Post memberA, Person oldA,
			Person newA, Person memberPerson, Org bodyA) {
	}

	Fixture fixture() {
		String p = unique();
		Org city = org(p, "市", null, OrgType.PARTY_COMMITTEE);
		Org countyA = org(p, "甲县", city.id(), OrgType.PARTY_COMMITTEE);
		Org countyB = org(p, "乙县", city.id(), OrgType.PARTY_COMMITTEE);
		Post secA = leadership.addPost(countyA.id(), new Leadership.NewPost("书记", PostKind.SECRETARY, List.of(), 1));
		Post secB = leadership.addPost(countyB.id(), new Leadership.NewPost("书记", PostKind.SECRETARY, List.of(), 1));
		Post memA = leadership.addPost(countyA.id(), new Leadership.NewPost("常委", PostKind.MEMBER, List.of("宣传"), 2));
		Person oldA = person(p + "甲原书记", countyA);
		Person newA = person(p + "甲书记", countyA);
		Person member = person(p + "甲常委", countyA);
		Person leftB = person(p + "乙原书记", countyB);
		leadership.appoint(new Leadership.NewTenure(oldA.id(), secA.id(), LocalDate.of(2030, 1, 1), LocalDate.of(YEAR, 6, 30)));
		leadership.appoint(new Leadership.NewTenure(newA.id(), secA.id(), LocalDate.of(YEAR, 7, 1), null));
		leadership.appoint(new Leadership.NewTenure(member.id(), memA.id(), LocalDate.of(2030, 1, 1), null));
		leadership.appoint(new Leadership.NewTenure(leftB.id(), secB.id(), LocalDate.of(2030, 1, 1), LocalDate.of(YEAR, 3, 31)));
		Org bodyA = org(p, "甲县纪委", countyA.id(), OrgType.DISCIPLINE_COMMISSION);
		tree.linkDisciplineBody(countyA.id(), bodyA.id());
		clock.set(LocalDate.of(YEAR, 3, 10));
		long list = lists.create(countyA.id(), YEAR).id();
		lists.addItem(list, new DutyListManagement.ItemInput(null, "主体责任", "研究部署党风廉政建设", null, null, null, null, null,
				null, List.of(), null));
		lists.publish(list);
		clock.set(LocalDate.of(YEAR + 1, 1, 20));
		return new Fixture(p, city, countyA, countyB, secA, secB, memA, oldA, newA, member, bodyA);
	}

	Org org(String p, String suffix, Long parent, OrgType type) {
		return tree.create(new OrgTree.NewOrg(p + suffix, p + suffix + (type == OrgType.PARTY_COMMITTEE ? "委" : ""), type, parent, null,
				null));
	}

	Person person(String name, Org org) {
		return people.create(new People.NewPerson(name, null, null, null, null, org.id()));
	}

	UserAccount user(String p, String name, Role role, Org org, Long personId) {
		UserAccount u = users.create(new Users.NewUser(p.toLowerCase() + name, "password-" + name + "-1", personId, true));
		users.addGrant(u.id(), new Users.NewGrant(role, org.id(), true));
		return u;
	}

	long createRound(String body) throws Exception {
		String answer = mvc.perform(postJson("/api/v1/assessment/rounds", body)).andExpect(status().isCreated()).andReturn().getResponse()
				.getContentAsString();
		return json.readTree(answer).get("id").asLong();
	}

	@Test
	void a_secretary_round_assesses_the_holder_on_the_year_end_lists_a_vacant_post_and_gives_the_person_their_own_grade()
			throws Exception {
		Fixture f = fixture();
		long round = createRound("{\"orgId\":%d,\"year\":%d,\"party\":\"SECRETARY\"}".formatted(f.city().id(), YEAR));
		Round r = rounds.get(round);
		assertThat(r.party()).isEqualTo(Scheme.Party.SECRETARY);
		assertThat(schemes.get(r.schemeId()).sourceNote()).contains("第一责任人");
		assertThat(r.units()).extracting(Round.Unit::unitId, Round.Unit::orgId, Round.Unit::personId).containsExactlyInAnyOrder(
				org.assertj.core.groups.Tuple.tuple(f.secretaryA().id(), f.countyA().id(), f.newA().id()),
				org.assertj.core.groups.Tuple.tuple(f.secretaryB().id(), f.countyB().id(), null));
		assertThat(r.units()).filteredOn(u -> u.unitId() == f.secretaryB().id()).singleElement()
				.satisfies(u -> {
					// listed, scored, but nobody graded or ranked
					assertThat(u.vacant()).isTrue();
					assertThat(u.total()).isNotNull();
					assertThat(u.grade()).isNull();
					assertThat(u.rank()).isNull();
				});
		assertThat(r.units()).filteredOn(u -> u.unitId() == f.secretaryA().id()).singleElement()
				.satisfies(u -> assertThat(u.rank()).isEqualTo(1));
		// reproducible from the stored lines, the vacant post ungraded there too
		Map<Long, Scoring.UnitScore> again = sheets.recompute(round);
		for (Round.Unit u : r.units()) {
			assertThat(again.get(u.unitId()).total()).isEqualByComparingTo(u.total());
			assertThat(again.get(u.unitId()).grade()).isEqualTo(u.grade());
		}
		// the obligations read are those whose responsible post is the secretary's: county B's list was never published
		Round.Sheet b = sheets.sheet(round, f.secretaryB().id());
		assertThat(b.lines()).filteredOn(l -> l.column() == Scoring.Column.AUTO).extracting(Round.Line::inputs)
				.anySatisfy(i -> assertThat(i).contains("kind=duty.list"));
		Round.Sheet a = sheets.sheet(round, f.secretaryA().id());
		assertThat(a.lines()).filteredOn(l -> l.column() == Scoring.Column.AUTO).extracting(Round.Line::inputs)
				.noneSatisfy(i -> assertThat(i).contains("kind=duty.list"));
		mvc.perform(get("/api/v1/assessment/rounds/%d/units/%d".formatted(round, f.secretaryA().id()))).andExpect(status().isOk())
				.andExpect(jsonPath("$.unit.personName").value(f.newA().name()))
				.andExpect(jsonPath("$.unit.postId").value(f.secretaryA().id()));
		mvc.perform(get("/api/v1/assessment/rounds/%d/results".formatted(round))).andExpect(status().isOk())
				.andExpect(jsonPath("$", hasSize(2)));
		// the board names the holder, and the vacant post as vacant
		mvc.perform(get("/assessment/rounds/" + round)).andExpect(status().isOk())
				.andExpect(content().string(containsString(f.newA().name()))).andExpect(content().string(containsString("空缺")));
		// the team's line on a post, then conclusion: the holder's own grade in their history and integrity file
		Scheme scheme = schemes.get(r.schemeId());
		long manual = scheme.indicators().stream().filter(i -> i.code().equals("2.2")).findFirst().orElseThrow().id();
		mvc.perform(postJson("/api/v1/assessment/rounds/%d/units/%d/team".formatted(round, f.secretaryA().id()),
				"{\"indicatorId\":%d,\"points\":-3,\"reason\":\"个人有关事项报告不及时\"}".formatted(manual))).andExpect(status().isOk())
				.andExpect(jsonPath("$.unit.unitId").value(f.secretaryA().id()));
		mvc.perform(post("/api/v1/assessment/rounds/%d/conclude".formatted(round))).andExpect(status().isOk());
		Round.Unit unitA = rounds.unit(round, f.secretaryA().id());
		mvc.perform(get("/api/v1/assessment/people/" + f.newA().id())).andExpect(status().isOk())
				.andExpect(jsonPath("$[0].own").value(true)).andExpect(jsonPath("$[0].party").value("SECRETARY"))
				.andExpect(jsonPath("$[0].unitId").value(f.secretaryA().id()))
				.andExpect(jsonPath("$[0].grade").value(unitA.grade().name()));
		// the secretary who left in June holds no post on the year end: no grade of their own
		mvc.perform(get("/api/v1/assessment/people/" + f.oldA().id())).andExpect(status().isOk())
				.andExpect(jsonPath("$[?(@.own == true)]", hasSize(0)));
		mvc.perform(get("/accountability/people/" + f.newA().id())).andExpect(status().isOk())
				.andExpect(content().string(containsString("本人（书记）")));
		// a party named wrongly, or not the scheme's, is refused by its field
		mvc.perform(postJson("/api/v1/assessment/rounds", "{\"orgId\":%d,\"year\":%d,\"party\":\"MEMBER\"}".formatted(f.city().id(), YEAR)))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("party"));
		mvc.perform(postJson("/api/v1/assessment/rounds", "{\"orgId\":%d,\"year\":%d,\"party\":\"SECRETARY\",\"schemeId\":%d}"
				.formatted(f.city().id(), YEAR, schemes.defaultFor(YEAR).id()))).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("party"));
	}

	@Test
	void a_team_member_round_assesses_the_other_posts_and_a_discipline_body_round_the_linked_bodies() throws Exception {
		Fixture f = fixture();
		long team = createRound("{\"orgId\":%d,\"year\":%d,\"party\":\"TEAM_MEMBER\"}".formatted(f.city().id(), YEAR));
		assertThat(rounds.get(team).units()).singleElement().satisfies(u -> {
			assertThat(u.unitId()).isEqualTo(f.memberA().id());
			assertThat(u.personId()).isEqualTo(f.memberPerson().id());
		});
		assertThat(schemes.get(rounds.get(team).schemeId()).sourceNote()).contains("一岗双责");
		long body = createRound("{\"orgId\":%d,\"year\":%d,\"party\":\"DISCIPLINE_BODY\"}".formatted(f.city().id(), YEAR));
		Round r = rounds.get(body);
		assertThat(r.units()).singleElement().satisfies(u -> {
			assertThat(u.orgId()).isEqualTo(f.bodyA().id());
			assertThat(u.unitId()).isEqualTo(f.bodyA().id());
			assertThat(u.post()).isFalse();
		});
		assertThat(schemes.get(r.schemeId()).sourceNote()).contains("监督责任");
		mvc.perform(get("/api/v1/assessment/rounds/%d/units/%d".formatted(body, f.bodyA().id()))).andExpect(status().isOk())
				.andExpect(jsonPath("$.unit.orgName").value(f.bodyA().name()));
		// the default schemes of each party, by the API
		mvc.perform(get("/api/v1/assessment/schemes/default").param("year", String.valueOf(YEAR)).param("party", "DISCIPLINE_BODY"))
				.andExpect(status().isOk()).andExpect(jsonPath("$.party").value("DISCIPLINE_BODY"));
		mvc.perform(get("/api/v1/assessment/schemes/default").param("year", String.valueOf(YEAR)).param("party", "kind"))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("party"));
		// committees without a body have no unit in a discipline body round
		mvc.perform(postJson("/api/v1/assessment/rounds", "{\"orgId\":%d,\"year\":%d,\"party\":\"DISCIPLINE_BODY\",\"unitOrgIds\":[%d]}"
				.formatted(f.city().id(), YEAR, f.countyB().id()))).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("unitOrgIds"));
	}

	@Test
	void a_special_supervisor_records_visits_whose_confirmed_findings_are_deducted_and_others_are_refused() throws Exception {
		Fixture f = fixture();
		Person s = person(f.p() + "监督员", f.city());
		mvc.perform(postJson("/api/v1/assessment/orgs/%d/supervisors".formatted(f.city().id()), "{\"personId\":%d}".formatted(s.id())))
				.andExpect(status().isCreated()).andExpect(jsonPath("$.personName").value(s.name()));
		mvc.perform(postJson("/api/v1/assessment/orgs/%d/supervisors".formatted(f.city().id()), "{\"personId\":%d}".formatted(s.id())))
				.andExpect(status().isConflict());
		long supervisorId = jdbc.sql("SELECT id FROM assessment_supervisor WHERE person_id = :p").param("p", s.id()).query(Long.class)
				.single();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE entity_type = 'assessment-supervisor' AND action = 'DESIGNATE'"
				+ " AND entity_id = :id").param("id", String.valueOf(supervisorId)).query(Long.class).single()).isEqualTo(1);
		// a working grant at the city (the files of a visit are kept for it), not one that runs its assessments
		UserAccount supervisor = user(f.p(), "sup", Role.LEADER, f.city(), s.id());
		UserAccount other = user(f.p(), "other", Role.LEADER, f.city(), null);
		UserAccount sibling = user(f.p(), "sib", Role.ORG_ADMIN, f.countyB(), null);
		clock.set(LocalDate.of(YEAR, 9, 15));
		String visit = """
				{"supervisorId":%d,"unitOrgId":%d,"visitedOn":"%d-09-12","summary":"暗访县政务服务中心",
				 "findings":[{"text":"窗口工作人员上班时间玩手机","confirmed":true},{"text":"公车私用","confirmed":true},
				             {"text":"接待群众态度生硬","confirmed":false}]}""".formatted(supervisorId, f.countyA().id(), YEAR);
		// a person who is not the supervisor, and a sibling, are refused; nothing is kept
		mvc.perform(postJson("/api/v1/assessment/orgs/%d/visits".formatted(f.city().id()), visit).with(as(other.id(), other.username())))
				.andExpect(status().isForbidden());
		mvc.perform(postJson("/api/v1/assessment/orgs/%d/visits".formatted(f.city().id()), visit)
				.with(as(sibling.id(), sibling.username()))).andExpect(status().isNotFound());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM assessment_visit WHERE supervisor_id = :s").param("s", supervisorId)
				.query(Long.class).single()).isZero();
		// bad input is named by its field
		mvc.perform(postJson("/api/v1/assessment/orgs/%d/visits".formatted(f.city().id()), """
				{"supervisorId":%d,"unitOrgId":%d,"visitedOn":"明天","findings":[]}""".formatted(supervisorId, f.city().id()))
				.with(as(supervisor.id(), supervisor.username()))).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.hasItems("unitOrgId", "visitedOn", "summary")));
		// the supervisor records it, as themselves
		String body = mvc.perform(postJson("/api/v1/assessment/orgs/%d/visits".formatted(f.city().id()), visit)
				.with(as(supervisor.id(), supervisor.username()))).andExpect(status().isCreated())
				.andExpect(jsonPath("$.findings", hasSize(3))).andReturn().getResponse().getContentAsString();
		long visitId = json.readTree(body).get("id").asLong();
		mvc.perform(multipart("/api/v1/assessment/visits/%d/files".formatted(visitId))
				.file(new MockMultipartFile("file", "暗访照片.txt", "text/plain", "照片".getBytes()))
				.with(as(supervisor.id(), supervisor.username()))).andExpect(status().isCreated());
		mvc.perform(multipart("/api/v1/assessment/visits/%d/files".formatted(visitId))
				.file(new MockMultipartFile("file", "x.txt", "text/plain", "x".getBytes())).with(as(other.id(), other.username())))
				.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/assessment/visits/%d/files".formatted(visitId))).andExpect(status().isOk())
				.andExpect(jsonPath("$", hasSize(1)));
		mvc.perform(get("/api/v1/assessment/visits/" + visitId).with(as(sibling.id(), sibling.username())))
				.andExpect(status().isNotFound());
		// the page's table of the year's visits as XLSX: the visit, its findings and how many are confirmed
		var visits = zeren.support.Xlsx.sheets(mvc.perform(get("/assessment/supervisors/export.xlsx")
				.param("orgId", String.valueOf(f.city().id())).param("year", String.valueOf(YEAR))).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsByteArray()).get(0);
		assertThat(visits.body()).singleElement().satisfies(r -> assertThat(String.join(" ", r))
				.isEqualTo(YEAR + "-09-12 " + f.countyA().name() + " " + s.name() + " 3 2"));
		mvc.perform(get("/assessment/supervisors/export.xlsx").param("orgId", String.valueOf(f.city().id()))
				.param("year", String.valueOf(YEAR)).with(as(sibling.id(), sibling.username()))).andExpect(status().isNotFound());
		// a scheme deducting 2 per confirmed finding, capped at the indicator's 3 points
		clock.set(LocalDate.of(YEAR + 1, 1, 20));
		body = mvc.perform(postJson("/api/v1/assessment/schemes", """
				{"orgId":%d,"year":%d,"name":"市委考核方案（明察暗访）","indicators":[
				 {"code":"1","title":"明察暗访发现问题","points":3,"rule":"AUTO","obligationKind":"assessment.visit-findings","perMissed":2},
				 {"code":"2","title":"其他工作","points":97,"rule":"MANUAL"}]}""".formatted(f.city().id(), YEAR)))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		long schemeId = json.readTree(body).get("id").asLong();
		mvc.perform(post("/api/v1/assessment/schemes/" + schemeId + "/publish")).andExpect(status().isOk());
		long round = createRound("{\"orgId\":%d,\"year\":%d,\"schemeId\":%d}".formatted(f.city().id(), YEAR, schemeId));
		Round.Sheet a = sheets.sheet(round, f.countyA().id());
		assertThat(a.lines()).filteredOn(l -> l.column() == Scoring.Column.AUTO).hasSize(2).allSatisfy(l -> {
			assertThat(l.points()).isEqualByComparingTo("-2");
			assertThat(l.link()).isEqualTo("/assessment/visits/" + visitId);
			assertThat(l.reason()).contains("特约监督员" + s.name()).contains(YEAR + "-09-12");
		});
		assertThat(a.lines()).extracting(Round.Line::reason).anySatisfy(r -> assertThat(r).contains("公车私用"))
				.noneSatisfy(r -> assertThat(r).contains("态度生硬"));
		assertThat(a.indicators()).filteredOn(i -> i.code().equals("1")).singleElement()
				.satisfies(i -> assertThat(i.team()).isEqualByComparingTo("0"));
		assertThat(sheets.sheet(round, f.countyB().id()).lines()).filteredOn(l -> l.column() == Scoring.Column.AUTO).isEmpty();
	}

	@Test
	void one_indicator_of_a_draft_is_edited_in_place_and_a_published_scheme_is_locked() throws Exception {
		Fixture f = fixture();
		Scheme draft = schemes.create(new Schemes.NewScheme(f.city().id(), YEAR, null, schemes.defaultFor(YEAR).id(), null, null));
		Scheme.Indicator item = draft.indicators().stream().filter(i -> i.code().equals("4.1")).findFirst().orElseThrow();
		String url = "/assessment/schemes/%d/indicators/%d".formatted(draft.id(), item.id());
		mvc.perform(get(url + "/edit")).andExpect(status().isOk()).andExpect(content().string(containsString("indicator-form")));
		mvc.perform(post(url).header("HX-Request", "true").with(csrf()).param("title", "管好班子、带好队伍").param("points", "6").param("rule", "MANUAL")
				.param("guidance", "据实扣分")).andExpect(status().isOk())
				.andExpect(content().string(containsString("考核指标已保存")));
		Scheme after = schemes.get(draft.id());
		assertThat(after.indicators()).filteredOn(i -> i.id() == item.id()).singleElement().satisfies(i -> {
			assertThat(i.title()).isEqualTo("管好班子、带好队伍");
			assertThat(i.points()).isEqualByComparingTo("6");
			assertThat(i.guidance()).isEqualTo("据实扣分");
		});
		// the heading follows its items
		assertThat(after.indicators()).filteredOn(i -> i.code().equals("4")).singleElement()
				.satisfies(i -> assertThat(i.points()).isEqualByComparingTo("22"));
		// an error keeps what was typed and names the field by its label
		mvc.perform(post(url).header("HX-Request", "true").with(csrf()).param("title", "新标题").param("points", "六分").param("rule", "AUTO")
				.param("obligationKind", "")).andExpect(status().isOk())
				.andExpect(content().string(containsString("分数：格式不正确")))
				.andExpect(content().string(containsString("自动计分依据：不能为空")))
				.andExpect(content().string(containsString("value=\"六分\"")))
				.andExpect(content().string(containsString("value=\"新标题\"")));
		assertThat(schemes.get(draft.id()).indicators()).filteredOn(i -> i.id() == item.id()).singleElement()
				.satisfies(i -> assertThat(i.title()).isEqualTo("管好班子、带好队伍"));
		// an AUTO indicator's parameters
		mvc.perform(post(url).header("HX-Request", "true").with(csrf()).param("title", "约谈").param("points", "6").param("rule", "AUTO")
				.param("obligationKind", "interview.coverage").param("perMissed", "3").param("perLate", "1")).andExpect(status().isOk());
		assertThat(schemes.get(draft.id()).indicators()).filteredOn(i -> i.id() == item.id()).singleElement().satisfies(i -> {
			assertThat(i.rule()).isEqualTo(Scheme.Rule.AUTO);
			assertThat(i.obligationKind()).isEqualTo("interview.coverage");
			assertThat(i.perMissed()).isEqualByComparingTo("3");
		});
		// a child added to a heading, and removed
		Scheme.Indicator heading = draft.indicators().stream().filter(i -> i.code().equals("4")).findFirst().orElseThrow();
		mvc.perform(post("/assessment/schemes/%d/indicators/%d/children".formatted(draft.id(), heading.id())).header("HX-Request", "true").with(csrf()))
				.andExpect(status().isOk()).andExpect(content().string(containsString("indicator-form")));
		Scheme.Indicator added = schemes.get(draft.id()).indicators().stream().filter(i -> i.code().equals("4.6")).findFirst().orElseThrow();
		assertThat(added.parentId()).isEqualTo(heading.id());
		mvc.perform(post("/assessment/schemes/%d/indicators/%d/delete".formatted(draft.id(), added.id())).header("HX-Request", "true").with(csrf()))
				.andExpect(status().isOk()).andExpect(content().string(containsString("考核指标已删除")));
		assertThat(schemes.get(draft.id()).indicators()).noneMatch(i -> i.code().equals("4.6"));
		// without htmx, a redirect to the page
		mvc.perform(post(url).with(csrf()).param("title", "约谈").param("points", "6").param("rule", "MANUAL"))
				.andExpect(status().is3xxRedirection());
		// published: locked, with a clear sentence, nothing changed
		schemes.publish(draft.id());
		mvc.perform(post(url).header("HX-Request", "true").with(csrf()).param("title", "改不了").param("points", "6").param("rule", "MANUAL"))
				.andExpect(status().isOk()).andExpect(content().string(containsString("方案已发布")));
		assertThat(schemes.get(draft.id()).indicators()).filteredOn(i -> i.id() == item.id()).singleElement()
				.satisfies(i -> assertThat(i.title()).isEqualTo("约谈"));
		mvc.perform(get("/assessment/schemes/" + draft.id())).andExpect(status().isOk())
				.andExpect(content().string(containsString("不能修改"))).andExpect(content().string(org.hamcrest.Matchers.not(
						containsString("indicator-edit"))));
		// a county's user edits none of the city's schemes
		Scheme other = schemes.create(new Schemes.NewScheme(f.city().id(), YEAR, "另一方案", null, null, null));
		long otherItem = other.indicators().get(1).id();
		UserAccount b = user(f.p(), "b", Role.ORG_ADMIN, f.countyB(), null);
		mvc.perform(post("/assessment/schemes/%d/indicators/%d".formatted(other.id(), otherItem)).header("HX-Request", "true").with(csrf())
				.param("title", "x").param("points", "1").param("rule", "MANUAL").with(as(b.id(), b.username())))
				.andExpect(status().isNotFound());
	}
}
