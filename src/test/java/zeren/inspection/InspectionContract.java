package zeren.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;

import zeren.access.Role;
import zeren.access.UserAccount;
import zeren.access.Users;
import zeren.org.Leadership;
import zeren.org.Org;
import zeren.org.OrgTree;
import zeren.org.OrgType;
import zeren.org.People;
import zeren.org.Person;
import zeren.org.Post;
import zeren.org.PostKind;
import zeren.support.ApiTest;

/** Inspections, findings (entered and imported), notices and their visibility by scope. */
abstract class InspectionContract extends ApiTest {

	@Autowired
	OrgTree tree;

	@Autowired
	People people;

	@Autowired
	Leadership leadership;

	@Autowired
	Inspections inspections;

	@Autowired
	Findings findings;

	@Autowired
	Notices notices;

	/** A city with two counties; county A has a town with a village below it. */
	record Fixture(String p, Org city, Org countyA, Org town, Org village, Org countyB, Post member, Person memberPerson,
			Post townSecretary, Post townDeputy) {
	}

	Fixture fixture() {
		String p = unique();
		Org city = org(p, "市", null);
		Org countyA = org(p, "甲县", city.id());
		Org town = org(p, "甲镇", countyA.id());
		Org village = org(p, "甲村", town.id());
		Org countyB = org(p, "乙县", city.id());
		Post member = leadership.addPost(city.id(), new Leadership.NewPost("市委常委", PostKind.MEMBER, List.of("纪检"), 1));
		Person earlier = people.create(new People.NewPerson(p + "前任", null, null, null, null, city.id()));
		Person memberPerson = people.create(new People.NewPerson(p + "常委", null, null, null, null, city.id()));
		leadership.appoint(new Leadership.NewTenure(earlier.id(), member.id(), LocalDate.of(2020, 1, 1), LocalDate.of(2026, 2, 28)));
		leadership.appoint(new Leadership.NewTenure(memberPerson.id(), member.id(), LocalDate.of(2026, 3, 1), null));
		Post townSecretary = leadership.addPost(town.id(), new Leadership.NewPost("镇党委书记", PostKind.SECRETARY, List.of(), 1));
		Post townDeputy = leadership.addPost(town.id(), new Leadership.NewPost("镇党委副书记", PostKind.DEPUTY_SECRETARY, List.of(), 2));
		return new Fixture(p, city, countyA, town, village, countyB, member, memberPerson, townSecretary, townDeputy);
	}

	Org org(String p, String suffix, Long parent) {
		return tree.create(new OrgTree.NewOrg(p + suffix, p + suffix + "委", OrgType.PARTY_COMMITTEE, parent, null, null));
	}

	Inspection annualCheck(Fixture f) {
		return inspections.create(new Inspections.NewInspection(f.city().id(), Inspection.Kind.ANNUAL_CHECK,
				"2026 年度党风廉政建设责任制检查", LocalDate.of(2026, 3, 10), LocalDate.of(2026, 4, 30),
				List.of(new Inspections.TeamInput(f.member().id(), true)),
				List.of(new Inspections.TargetInput(f.countyA().id(), true)), null));
	}

	UserAccount user(String p, String name, Role role, Org org, boolean descendants) {
		UserAccount u = users.create(new Users.NewUser(p.toLowerCase() + name, "password-" + name + "-1", null, true));
		users.addGrant(u.id(), new Users.NewGrant(role, org.id(), descendants));
		return u;
	}

	@Autowired
	zeren.oversight.Sweep sweep;

	@Autowired
	zeren.oversight.Oversight oversight;

	@Autowired
	zeren.support.SettableClock clock;

	@org.junit.jupiter.api.AfterEach
	void resetClock() {
		clock.reset();
	}

	java.util.Map<Long, zeren.oversight.Obligation> annualChecks(Org root) {
		sweep.sweep(root.id(), 2026);
		return oversight.obligations(root.id(), 2026, "inspection.annual-checks", null, 1000).stream()
				.collect(java.util.stream.Collectors.toMap(zeren.oversight.Obligation::orgId, o -> o));
	}

	@Test
	void the_committee_office_plans_an_annual_check_but_no_other_supervisory_work() throws Exception {
		Fixture f = fixture();
		UserAccount office = user(f.p(), "office", Role.ORG_ADMIN, f.city(), true);
		String annual = """
				{"orgId":%d,"kind":"%s","title":"年度检查","startDate":"2026-03-10","endDate":"2026-04-30",
				 "team":[{"postId":%d,"leader":true}],"targets":[{"orgId":%d,"includeSubtree":true}]}""";
		mvc.perform(postJson("/api/v1/inspection/inspections", annual.formatted(f.city().id(), "ANNUAL_CHECK", f.member().id(),
				f.countyA().id())).with(as(office.id(), office.username()))).andExpect(status().isCreated());
		// a special supervision remains the discipline body's
		mvc.perform(postJson("/api/v1/inspection/inspections", annual.formatted(f.city().id(), "SPECIAL_SUPERVISION", f.member().id(),
				f.countyA().id())).with(as(office.id(), office.username()))).andExpect(status().isForbidden());
		assertThat(inspections.of(f.city().id(), 2026)).extracting(Inspection::kind).containsExactly(Inspection.Kind.ANNUAL_CHECK);
		// the office of county B plans nothing for the city
		UserAccount sibling = user(f.p(), "officeb", Role.ORG_ADMIN, f.countyB(), true);
		mvc.perform(postJson("/api/v1/inspection/inspections", annual.formatted(f.city().id(), "ANNUAL_CHECK", f.member().id(),
				f.countyA().id())).with(as(sibling.id(), sibling.username()))).andExpect(status().isForbidden());
		assertThat(inspections.of(f.city().id(), 2026)).hasSize(1);
	}

	@Test
	void every_lower_committee_owes_an_annual_check_of_its_upper_committee_in_the_year() {
		Fixture f = fixture();
		annualCheck(f);
		clock.set(LocalDate.of(2027, 1, 10));
		// county A was checked (with everything below it), county B was not: the city's obligation is overdue
		var before = annualChecks(f.city());
		assertThat(before.get(f.city().id()).status()).isEqualTo(zeren.oversight.Obligation.Status.OVERDUE);
		assertThat(before.get(f.city().id()).link()).isEqualTo("/inspection?orgId=" + f.city().id() + "&year=2026");
		// county A owes its town one; the town its village; county B and the village have nobody below
		assertThat(before.get(f.countyA().id()).status()).isEqualTo(zeren.oversight.Obligation.Status.OVERDUE);
		assertThat(before.get(f.town().id()).status()).isEqualTo(zeren.oversight.Obligation.Status.OVERDUE);
		assertThat(before).doesNotContainKeys(f.countyB().id(), f.village().id());
		// a check of county B in November: done on time, on the day the last lower committee's check began
		clock.set(LocalDate.of(2026, 11, 20));
		inspections.create(new Inspections.NewInspection(f.city().id(), Inspection.Kind.ANNUAL_CHECK, "乙县年度检查",
				LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 6), List.of(new Inspections.TeamInput(f.member().id(), true)),
				List.of(new Inspections.TargetInput(f.countyB().id(), false)), null));
		clock.set(LocalDate.of(2027, 1, 10));
		var after = annualChecks(f.city());
		assertThat(after.get(f.city().id()).status()).isEqualTo(zeren.oversight.Obligation.Status.DONE_ON_TIME);
		assertThat(after.get(f.city().id()).doneOn()).isEqualTo(LocalDate.of(2026, 11, 2));
		// a special supervision is no annual check; a check of 2025 counts for 2025 only
		clock.set(LocalDate.of(2026, 6, 1));
		inspections.create(new Inspections.NewInspection(f.countyA().id(), Inspection.Kind.SPECIAL_SUPERVISION, "专项督导",
				LocalDate.of(2026, 5, 2), LocalDate.of(2026, 5, 6), List.of(),
				List.of(new Inspections.TargetInput(f.town().id(), false)), null));
		clock.set(LocalDate.of(2027, 1, 10));
		assertThat(annualChecks(f.city()).get(f.countyA().id()).status()).isEqualTo(zeren.oversight.Obligation.Status.OVERDUE);
	}

	@Test
	void an_annual_check_is_led_by_a_team_member_as_held_on_the_start_date_with_the_five_focus_points() throws Exception {
		Fixture f = fixture();
		mvc.perform(postJson("/api/v1/inspection/inspections", """
				{"orgId":%d,"kind":"ANNUAL_CHECK","title":"年度检查","startDate":"2026-03-10","endDate":"2026-04-30",
				 "team":[{"postId":%d,"leader":true}],"targets":[{"orgId":%d,"includeSubtree":true},{"orgId":%d}]}
				""".formatted(f.city().id(), f.member().id(), f.countyA().id(), f.countyB().id())))
				.andExpect(status().isCreated())
				.andExpect(jsonPath("$.team[0].personName").value(f.p() + "常委"))
				.andExpect(jsonPath("$.team[0].leader").value(true))
				.andExpect(jsonPath("$.focusItems", hasSize(5)))
				.andExpect(jsonPath("$.focusItems[2]").value("坚决纠正损害群众利益行为的情况"))
				.andExpect(jsonPath("$.targets", hasSize(2)));
		// the same post on an earlier date: its holder then
		mvc.perform(postJson("/api/v1/inspection/inspections", """
				{"orgId":%d,"kind":"ANNUAL_CHECK","title":"上年检查","startDate":"2026-01-10","endDate":"2026-01-30",
				 "team":[{"postId":%d,"leader":true}],"targets":[{"orgId":%d}],"focusItems":["落实一岗双责"]}
				""".formatted(f.city().id(), f.member().id(), f.countyA().id())))
				.andExpect(status().isCreated()).andExpect(jsonPath("$.team[0].personName").value(f.p() + "前任"))
				.andExpect(jsonPath("$.focusItems", contains("落实一岗双责")));
		// an annual check without a leader, a target outside, an end before the start: nothing written
		mvc.perform(postJson("/api/v1/inspection/inspections", """
				{"orgId":%d,"kind":"ANNUAL_CHECK","title":"x","startDate":"2026-03-10","endDate":"2026-03-01",
				 "targets":[{"orgId":%d}]}""".formatted(f.countyA().id(), f.countyB().id())))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("endDate", "targets[0].orgId", "team")));
		// a post of a lower level cannot lead an annual check
		mvc.perform(postJson("/api/v1/inspection/inspections", """
				{"orgId":%d,"kind":"ANNUAL_CHECK","title":"x","startDate":"2026-03-10","endDate":"2026-04-01",
				 "team":[{"postId":%d,"leader":true}],"targets":[{"orgId":%d}]}"""
				.formatted(f.city().id(), f.townSecretary().id(), f.countyA().id())))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("team[0].postId"));
		mvc.perform(get("/api/v1/inspection/inspections").param("orgId", String.valueOf(f.town().id())).param("year", "2026"))
				.andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(1)))
				.andExpect(jsonPath("$[0].title").value("年度检查"));
		mvc.perform(get("/api/v1/inspection/inspections").param("orgId", String.valueOf(f.city().id())).param("year", "2026"))
				.andExpect(jsonPath("$", hasSize(2)));
	}

	@Test
	void each_error_names_its_field_by_the_label_of_inspection_not_by_its_code_nor_another_module_s_label()
			throws Exception {
		Fixture f = fixture();
		// an empty title is the inspection's title, not a post's (职务名称); list entries are numbered
		mvc.perform(postJson("/api/v1/inspection/inspections", """
				{"orgId":%d,"kind":"SPECIAL_SUPERVISION","title":" ","startDate":"2026-03-10","endDate":"2026-03-20",
				 "targets":[{}],"focusItems":[""]}""".formatted(f.city().id())))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[?(@.field == 'title')].message").value(contains("标题：不能为空")))
				.andExpect(jsonPath("$.errors[?(@.field == 'targets[0].orgId')].message")
						.value(contains("检查对象（第 1 项）：不能为空")))
				.andExpect(jsonPath("$.errors[?(@.field == 'focusItems')].message")
						.value(contains("检查重点：检查重点不能为空，且不超过 500 个字")));
		mvc.perform(postJson("/api/v1/inspection/notices", """
				{"orgId":%d,"title":"通报","body":"","scopeKind":"SUBTREE","findingIds":[]}""".formatted(f.city().id())))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[?(@.field == 'body')].message").value(contains("通报内容：不能为空")))
				.andExpect(jsonPath("$.errors[?(@.field == 'scopeOrgId')].message")
						.value(contains("范围组织：通报范围为单位或下级时须指定范围组织")))
				.andExpect(jsonPath("$.errors[?(@.field == 'findingIds')].message").value(contains("所涉问题：不能为空")));
	}

	@Test
	void a_subtree_target_is_a_rule_resolved_when_read() throws Exception {
		Fixture f = fixture();
		Inspection check = annualCheck(f);
		mvc.perform(get("/api/v1/inspection/inspections/" + check.id() + "/targets")).andExpect(status().isOk())
				.andExpect(jsonPath("$[*].orgId", contains((int) f.countyA().id(), (int) f.town().id(), (int) f.village().id())));
		Org newTown = org(f.p(), "新镇", f.countyA().id());
		mvc.perform(get("/api/v1/inspection/inspections/" + check.id() + "/targets")).andExpect(jsonPath("$", hasSize(4)));
		// a finding is recorded only at an organisation the inspection covers
		mvc.perform(postJson("/api/v1/inspection/inspections/" + check.id() + "/findings",
				"{\"orgId\":%d,\"description\":\"新镇问题\",\"severity\":\"一般\"}".formatted(newTown.id())))
				.andExpect(status().isCreated());
		mvc.perform(postJson("/api/v1/inspection/inspections/" + check.id() + "/findings",
				"{\"orgId\":%d,\"description\":\"乙县问题\",\"severity\":\"一般\"}".formatted(f.countyB().id())))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("orgId"));
	}

	@Test
	void the_findings_api_is_paged_in_the_database_and_refuses_a_sibling() throws Exception {
		Fixture f = fixture();
		Inspection check = annualCheck(f);
		List<Long> ids = new java.util.ArrayList<>();
		for (int i = 1; i <= 5; i++) {
			ids.add(findings.add(check.id(), new Findings.FindingInput(i % 2 == 0 ? f.village().id() : f.town().id(), 1,
					"问题" + i, i == 5 ? "重大" : "一般", List.of())).id());
		}
		// the latest first, two a page: page 2 has the next rows; the total and the pages in the headers
		String list = "/api/v1/inspection/findings?orgId=" + f.countyA().id() + "&year=2026&sort=RECENT";
		var first = mvc.perform(get(list + "&size=2")).andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(2)))
				.andExpect(jsonPath("$[0].id").value(ids.get(4))).andExpect(jsonPath("$[1].id").value(ids.get(3)))
				.andExpect(header().string("X-Total-Count", "5")).andReturn().getResponse();
		assertThat(first.getHeader("Link")).contains("<" + list + "&page=2&size=2>; rel=\"next\"")
				.contains("<" + list + "&page=3&size=2>; rel=\"last\"");
		mvc.perform(get(list + "&page=2&size=2")).andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(2)))
				.andExpect(jsonPath("$[0].id").value(ids.get(2))).andExpect(jsonPath("$[1].id").value(ids.get(1)))
				.andExpect(header().string("X-Total-Count", "5"));
		mvc.perform(get(list + "&page=3&size=2")).andExpect(jsonPath("$", hasSize(1)))
				.andExpect(jsonPath("$[0].id").value(ids.get(0)));
		// without paging parameters: the first page of the default size, still a JSON array
		mvc.perform(get("/api/v1/inspection/findings?orgId=" + f.countyA().id() + "&year=2026"))
				.andExpect(jsonPath("$", hasSize(5))).andExpect(header().string("X-Total-Count", "5"));
		// filtered and searched as the page is; a subtree below narrows
		mvc.perform(get(list + "&severity=GRAVE")).andExpect(jsonPath("$", hasSize(1)))
				.andExpect(jsonPath("$[0].id").value(ids.get(4)));
		mvc.perform(get("/api/v1/inspection/findings?orgId=" + f.village().id() + "&year=2026"))
				.andExpect(header().string("X-Total-Count", "2"));
		// the sibling county's viewer is refused the county's findings, and its own county has none of them
		UserAccount otherViewer = user(f.p(), "otherv", Role.VIEWER, f.countyB(), true);
		mvc.perform(get(list).with(as(otherViewer.id(), otherViewer.username()))).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/inspection/findings?orgId=" + f.countyB().id() + "&year=2026")
				.with(as(otherViewer.id(), otherViewer.username()))).andExpect(status().isOk())
				.andExpect(jsonPath("$", hasSize(0))).andExpect(header().string("X-Total-Count", "0"));
	}

	@Test
	void a_finding_names_its_org_focus_severity_and_posts_and_has_a_stable_reference() throws Exception {
		Fixture f = fixture();
		Inspection check = annualCheck(f);
		String body = mvc.perform(postJson("/api/v1/inspection/inspections/" + check.id() + "/findings", """
				{"orgId":%d,"focusNo":2,"description":"违规提拔干部","severity":"SERIOUS","responsiblePostIds":[%d]}
				""".formatted(f.town().id(), f.townSecretary().id())))
				.andExpect(status().isCreated())
				.andExpect(jsonPath("$.focusItem").value("加强领导，选好用好干部，防止出现选人用人上的不正之风和腐败问题的情况"))
				.andExpect(jsonPath("$.severity").value("SERIOUS"))
				.andExpect(jsonPath("$.responsiblePosts[0].title").value("镇党委书记"))
				.andExpect(jsonPath("$.ref.type").value("inspection.finding"))
				.andReturn().getResponse().getContentAsString();
		long id = Long.parseLong(body.replaceAll("^\\{\"id\":(\\d+),.*$", "$1").strip());
		mvc.perform(get("/api/v1/inspection/findings/" + id)).andExpect(status().isOk())
				.andExpect(jsonPath("$.ref.api").value("/api/v1/inspection/findings/" + id))
				.andExpect(jsonPath("$.ref.page").value("/inspection/findings/" + id));
		mvc.perform(get("/inspection/findings/" + id)).andExpect(status().isOk());
		// each wrong field named; nothing written
		mvc.perform(postJson("/api/v1/inspection/inspections/" + check.id() + "/findings", """
				{"orgId":%d,"focusNo":9,"description":" ","severity":"很严重","responsiblePostIds":[%d]}
				""".formatted(f.town().id(), f.member().id())))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("focusNo", "description", "severity")));
		mvc.perform(postJson("/api/v1/inspection/inspections/" + check.id() + "/findings", """
				{"orgId":%d,"description":"x","severity":"一般","responsiblePostIds":[%d]}
				""".formatted(f.town().id(), f.member().id())))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("responsiblePostIds"));
		assertThat(findings.ofInspection(check.id())).hasSize(1);
		mvc.perform(get("/api/v1/inspection/findings").param("orgId", String.valueOf(f.countyA().id())).param("year", "2026"))
				.andExpect(jsonPath("$", hasSize(1)));
		var table = zeren.support.Xlsx.sheets(mvc.perform(get("/inspection/findings/export.xlsx")
				.param("orgId", String.valueOf(f.countyA().id())).param("year", "2026")).andExpect(status().isOk()).andReturn()
				.getResponse().getContentAsByteArray()).get(0);
		assertThat(table.body()).singleElement().satisfies(row -> assertThat(row).contains(String.valueOf(id), f.town().name()));
		// the export carries what the list shows: a search that finds nothing exports no row
		assertThat(zeren.support.Xlsx.sheets(mvc.perform(get("/inspection/findings/export.xlsx")
				.param("orgId", String.valueOf(f.countyA().id())).param("year", "2026").param("q", "无此问题"))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray()).get(0).body()).isEmpty();
		assertThat(zeren.support.Xlsx.sheets(mvc.perform(get("/inspection/findings/export.xlsx")
				.param("orgId", String.valueOf(f.countyA().id())).param("year", "2026").param("severity", "SERIOUS"))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray()).get(0).body()).hasSize(1);
		// the plan's table: the inspection with its kind, period and targets
		var plan = zeren.support.Xlsx.sheets(mvc.perform(get("/inspection/export.xlsx")
				.param("orgId", String.valueOf(check.orgId())).param("year", "2026")).andExpect(status().isOk()).andReturn()
				.getResponse().getContentAsByteArray()).get(0);
		assertThat(plan.body()).anySatisfy(row -> assertThat(row).startsWith(check.title()));
		// the paged list: searched, filtered by severity, counted in the database
		assertThat(findings.page(f.countyA().id(), 2026, new Findings.FindingFilter("违规提拔", null), null, 1, 50).items())
				.extracting(Finding::id).containsExactly(id);
		assertThat(findings.page(f.countyA().id(), 2026, new Findings.FindingFilter(null, "SERIOUS"),
				Findings.FindingSort.SEVERITY, 1, 50).total()).isEqualTo(1);
		assertThat(findings.page(f.countyA().id(), 2026, new Findings.FindingFilter(null, "GRAVE"), null, 1, 50).total()).isZero();
		assertThat(findings.page(f.countyA().id(), 2026, new Findings.FindingFilter("%", null), null, 1, 50).total()).isZero();
		assertThat(findings.page(f.countyB().id(), 2026, new Findings.FindingFilter("违规提拔", null), null, 1, 50).total()).isZero();

		// the town's own viewer reads it; a viewer of the sibling county does not; a town admin cannot record
		UserAccount townViewer = user(f.p(), "townv", Role.VIEWER, f.town(), false);
		UserAccount otherViewer = user(f.p(), "otherv", Role.VIEWER, f.countyB(), true);
		UserAccount townAdmin = user(f.p(), "towna", Role.ORG_ADMIN, f.countyA(), true);
		mvc.perform(get("/api/v1/inspection/findings/" + id).with(as(townViewer.id(), townViewer.username())))
				.andExpect(status().isOk());
		mvc.perform(get("/api/v1/inspection/findings/" + id).with(as(otherViewer.id(), otherViewer.username())))
				.andExpect(status().isNotFound());
		mvc.perform(get("/inspection/findings").param("orgId", String.valueOf(f.countyA().id())).param("q", "违规")
				.with(as(otherViewer.id(), otherViewer.username()))).andExpect(status().isNotFound());
		String townPage = mvc.perform(get("/inspection/findings").param("orgId", String.valueOf(f.town().id()))
				.param("year", "2026").param("q", "违规").param("sort", "RECENT").with(as(townViewer.id(), townViewer.username())))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(townPage).contains("违规提拔干部").contains("共 1 条，第 1/1 页");
		mvc.perform(postJson("/api/v1/inspection/inspections/" + check.id() + "/findings",
				"{\"orgId\":%d,\"description\":\"x\",\"severity\":\"一般\"}".formatted(f.town().id()))
				.with(as(townAdmin.id(), townAdmin.username()))).andExpect(status().isForbidden());
		mvc.perform(postJson("/api/v1/inspection/inspections", """
				{"orgId":%d,"kind":"TOUR","title":"x","startDate":"2026-03-10","endDate":"2026-04-01","targets":[{"orgId":%d}]}
				""".formatted(f.countyA().id(), f.town().id())).with(as(townAdmin.id(), townAdmin.username())))
				.andExpect(status().isForbidden());
		assertThat(findings.ofInspection(check.id())).hasSize(1);

		// evidence: attached by the inspecting side, read where the finding is read
		String ev = "/api/v1/inspection/findings/" + id + "/evidence";
		MockMultipartFile note = new MockMultipartFile("file", "谈话记录.txt", "text/plain",
				"谈话记录：违规提拔".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		mvc.perform(multipart(ev).file(note).with(as(townAdmin.id(), townAdmin.username()))).andExpect(status().isForbidden());
		String stored = mvc.perform(multipart(ev).file(note)).andExpect(status().isCreated())
				.andExpect(jsonPath("$.originalName").value("谈话记录.txt")).andExpect(jsonPath("$.orgId").value(f.city().id()))
				.andReturn().getResponse().getContentAsString();
		long evidenceId = Long.parseLong(stored.replaceAll("^\\{\"id\":(\\d+),.*$", "$1").strip());
		mvc.perform(get(ev).with(as(townViewer.id(), townViewer.username()))).andExpect(jsonPath("$", hasSize(1)));
		byte[] content = mvc.perform(get(ev + "/" + evidenceId).with(as(townViewer.id(), townViewer.username())))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		assertThat(new String(content, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("谈话记录：违规提拔");
		mvc.perform(get(ev + "/" + evidenceId).with(as(otherViewer.id(), otherViewer.username())))
				.andExpect(status().isNotFound());
		mvc.perform(get(ev + "/" + (evidenceId + 100000))).andExpect(status().isNotFound());
	}

	static byte[] sheet(String[]... rows) throws Exception {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.createSheet("发现问题");
			sheet.createRow(0).createCell(0).setCellValue("巡察发现问题");
			Row head = sheet.createRow(1);
			for (int c = 0; c < Findings.COLUMNS.size(); c++) {
				head.createCell(c).setCellValue(Findings.COLUMNS.get(c));
			}
			for (int r = 0; r < rows.length; r++) {
				Row row = sheet.createRow(r + 2);
				for (int c = 0; c < rows[r].length; c++) {
					row.createCell(c).setCellValue(rows[r][c]);
				}
			}
			book.write(out);
			return out.toByteArray();
		}
	}

	@Test
	void tour_findings_are_imported_all_or_nothing_with_errors_by_line_and_column() throws Exception {
		Fixture f = fixture();
		Inspection tour = inspections.create(new Inspections.NewInspection(f.city().id(), Inspection.Kind.TOUR, "市委第一轮巡察",
				LocalDate.of(2026, 5, 1), LocalDate.of(2026, 6, 30), List.of(),
				List.of(new Inspections.TargetInput(f.countyA().id(), true)), null));
		byte[] template = mvc.perform(get("/api/v1/inspection/findings/template")).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsByteArray();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template))) {
			Row head = book.getSheetAt(0).getRow(1);
			for (int c = 0; c < Findings.COLUMNS.size(); c++) {
				assertThat(head.getCell(c).getStringCellValue()).isEqualTo(Findings.COLUMNS.get(c));
			}
			assertThat(book.getSheetAt(1).getRow(3).getCell(1).getStringCellValue()).isEqualTo("坚决纠正损害群众利益行为的情况");
		}
		String url = "/api/v1/inspection/inspections/" + tour.id() + "/findings/xlsx";
		byte[] bad = sheet(new String[] { f.town().code(), "", "1", "班子议事不规范", "一般", "镇党委书记" },
				new String[] { f.p() + "无此单位", "", "2", "干部选任问题", "严重", "" },
				new String[] { f.village().code(), "", "7", "侵害群众利益", "非常严重", "" },
				new String[] { f.town().code(), "", "坚决纠正损害群众利益行为的情况", "", "重大", "镇长" },
				new String[] { f.countyB().code(), "", "", "乙县问题", "一般", "" });
		mvc.perform(multipart(url).file(new MockMultipartFile("file", "tour.xlsx", "application/octet-stream", bad)))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errorCount").value(6))
				.andExpect(jsonPath("$.errors[0].line").value(4)).andExpect(jsonPath("$.errors[0].field").value("单位编码"))
				.andExpect(jsonPath("$.errors[1].line").value(5)).andExpect(jsonPath("$.errors[1].field").value("检查重点"))
				.andExpect(jsonPath("$.errors[2].line").value(5)).andExpect(jsonPath("$.errors[2].field").value("问题等级"))
				.andExpect(jsonPath("$.errors[3].line").value(6)).andExpect(jsonPath("$.errors[3].field").value("责任岗位"))
				.andExpect(jsonPath("$.errors[4].line").value(6)).andExpect(jsonPath("$.errors[4].field").value("问题描述"))
				.andExpect(jsonPath("$.errors[5].line").value(7)).andExpect(jsonPath("$.errors[5].field").value("单位编码"));
		assertThat(findings.ofInspection(tour.id())).isEmpty();

		byte[] good = sheet(new String[] { f.town().code(), "", "1", "班子议事不规范", "一般", "镇党委书记、镇党委副书记" },
				new String[] { f.village().code(), "", "坚决纠正损害群众利益行为的情况", "侵害群众利益", "重大", "" });
		mvc.perform(multipart(url).file(new MockMultipartFile("file", "tour.xlsx", "application/octet-stream", good)))
				.andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(2)))
				.andExpect(jsonPath("$[0].responsiblePosts[*].title", contains("镇党委书记", "镇党委副书记")))
				.andExpect(jsonPath("$[1].focusNo").value(3)).andExpect(jsonPath("$[1].severity").value("GRAVE"));
		mvc.perform(multipart(url).file(new MockMultipartFile("file", "x.xlsx", "application/octet-stream", "not xlsx".getBytes())))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"));
		assertThat(findings.ofInspection(tour.id())).hasSize(2);
	}

	@Test
	void a_notice_reaches_exactly_the_organisations_in_its_scope() throws Exception {
		Fixture f = fixture();
		Inspection check = annualCheck(f);
		Finding finding = findings.add(check.id(), new Findings.FindingInput(f.town().id(), 1, "镇党委主体责任落实不力", "严重", List.of()));
		String subtree = mvc.perform(postJson("/api/v1/inspection/notices", """
				{"orgId":%d,"title":"关于甲镇问题的通报","body":"第一段\\n第二段","scopeKind":"SUBTREE","scopeOrgId":%d,
				 "findingIds":[%d],"criticisedOrgIds":[%d]}""".formatted(f.city().id(), f.countyA().id(), finding.id(), f.town().id())))
				.andExpect(status().isCreated()).andExpect(jsonPath("$.findings[0].orgName").value(f.town().name()))
				.andExpect(jsonPath("$.criticised[0].orgId").value(f.town().id()))
				.andReturn().getResponse().getContentAsString();
		long subtreeId = Long.parseLong(subtree.replaceAll("^\\{\"id\":(\\d+),.*$", "$1").strip());
		Notice toCounty = notices.issue(new Notices.NewNotice(f.city().id(), "只发甲县", "正文", Notice.ScopeKind.ORG,
				f.countyA().id(), List.of(finding.id()), List.of()));
		Notice everywhere = notices.issue(new Notices.NewNotice(f.city().id(), "全市通报", "正文", Notice.ScopeKind.JURISDICTION,
				null, List.of(finding.id()), List.of()));

		assertThat(notices.received(f.village().id())).extracting(Notice::id).containsExactly(everywhere.id(), subtreeId);
		assertThat(notices.received(f.countyA().id())).extracting(Notice::id)
				.containsExactly(everywhere.id(), toCounty.id(), subtreeId);
		assertThat(notices.received(f.countyB().id())).extracting(Notice::id).containsExactly(everywhere.id());
		assertThat(notices.received(f.city().id())).extracting(Notice::id).containsExactly(everywhere.id());
		assertThat(notices.issued(f.city().id())).hasSize(3);

		// a village user (grant on the village only) reads the subtree notice, not the one to the county
		UserAccount villager = user(f.p(), "village", Role.VIEWER, f.village(), false);
		UserAccount countyB = user(f.p(), "countyb", Role.VIEWER, f.countyB(), true);
		mvc.perform(get("/api/v1/inspection/notices/" + subtreeId).with(as(villager.id(), villager.username())))
				.andExpect(status().isOk()).andExpect(jsonPath("$.title").value("关于甲镇问题的通报"));
		mvc.perform(get("/api/v1/inspection/notices/" + toCounty.id()).with(as(villager.id(), villager.username())))
				.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/inspection/notices/" + subtreeId).with(as(countyB.id(), countyB.username())))
				.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/inspection/notices/" + everywhere.id()).with(as(countyB.id(), countyB.username())))
				.andExpect(status().isOk());
		mvc.perform(get("/api/v1/inspection/notices/received").param("orgId", String.valueOf(f.village().id()))
				.with(as(villager.id(), villager.username()))).andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(2)));
		mvc.perform(get("/api/v1/inspection/notices/received").param("orgId", String.valueOf(f.town().id()))
				.with(as(villager.id(), villager.username()))).andExpect(status().isNotFound());
		mvc.perform(get("/inspection/notices").param("orgId", String.valueOf(f.village().id()))
				.with(as(villager.id(), villager.username()))).andExpect(status().isOk());

		// the notice as a PDF, Chinese text extractable, for a recipient below
		byte[] pdf = mvc.perform(get("/api/v1/inspection/notices/" + subtreeId + "/pdf").with(as(villager.id(), villager.username())))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
			assertThat(text).contains("关于甲镇问题的通报", "第二段", "镇党委主体责任落实不力", f.town().name(), "严肃批评");
		}
		byte[] docx = mvc.perform(get("/api/v1/inspection/notices/" + subtreeId + "/docx").with(as(villager.id(), villager.username())))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		zeren.support.Docx.assertGbt9704(docx, "关于甲镇问题的通报");
		assertThat(zeren.support.Docx.text(docx)).contains("第二段", "镇党委主体责任落实不力", f.town().name(), "严肃批评");
		mvc.perform(get("/api/v1/inspection/notices/" + toCounty.id() + "/docx").with(as(villager.id(), villager.username())))
				.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/inspection/notices/" + toCounty.id() + "/pdf").with(as(villager.id(), villager.username())))
				.andExpect(status().isNotFound());

		// serious criticism is recorded against the town
		mvc.perform(get("/api/v1/inspection/criticisms").param("orgId", String.valueOf(f.countyA().id())))
				.andExpect(jsonPath("$", hasSize(1))).andExpect(jsonPath("$[0].orgId").value(f.town().id()))
				.andExpect(jsonPath("$[0].noticeId").value(subtreeId));

		// a scope outside the issuer, a finding of another issuer, criticism of an organisation not concerned
		mvc.perform(postJson("/api/v1/inspection/notices", """
				{"orgId":%d,"title":"x","body":"x","scopeKind":"SUBTREE","scopeOrgId":%d,"findingIds":[%d],"criticisedOrgIds":[%d]}
				""".formatted(f.countyA().id(), f.countyB().id(), finding.id(), f.countyB().id())))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("scopeOrgId", "findingIds", "criticisedOrgIds")));
		assertThat(notices.issued(f.countyA().id())).isEmpty();
	}
}
