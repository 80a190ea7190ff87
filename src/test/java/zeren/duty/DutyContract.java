package zeren.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
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

abstract class DutyContract extends ApiTest {

	@Autowired
	OrgTree tree;

	@Autowired
	People people;

	@Autowired
	Leadership leadership;

	@Autowired
	ResponsibilityLists lists;

	@Autowired
	DutyListManagement listManagement;

	@Autowired
	Requirements requirements;

	Org org(String p, String suffix, Long parent) {
		return tree.create(new OrgTree.NewOrg(p + suffix, p + suffix + "委", OrgType.PARTY_COMMITTEE, parent, null, null));
	}

	DutyListManagement.ItemInput item(String task, Long leaderPostId, String reason) {
		return new DutyListManagement.ItemInput(null, "党风廉政建设", task, "全年无重大问题", leaderPostId, "县委办",
				"组织部、宣传部", "县纪委", LocalDate.of(2026, 12, 31),
				List.of(new DutyList.Milestone(LocalDate.of(2026, 6, 30), "半年小结")), reason);
	}

	@Test
	void a_published_list_is_locked_and_each_amendment_needs_a_reason_and_makes_a_version() throws Exception {
		String p = unique();
		Org county = org(p, "县", null);
		DutyList list = listManagement.create(county.id(), 2026);
		assertThat(list.status()).isEqualTo(DutyList.Status.DRAFT);
		mvc.perform(postJson("/api/v1/duty/lists/" + list.id() + "/items", """
				{"category":"教育","task":"开展廉政教育","goal":"覆盖全体党员","deadline":"2026-11-30",
				 "milestones":[{"dueDate":"2026-05-31","description":"制定方案"}]}"""))
				.andExpect(status().isCreated()).andExpect(jsonPath("$.itemNo").value("1"))
				.andExpect(jsonPath("$.milestones[0].description").value("制定方案"));
		DutyList.Item second = listManagement.addItem(list.id(), item("落实一岗双责", null, null));
		mvc.perform(post("/api/v1/duty/lists/" + list.id() + "/publish")).andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("PUBLISHED")).andExpect(jsonPath("$.version").value(1));
		mvc.perform(post("/api/v1/duty/lists/" + list.id() + "/publish")).andExpect(status().isConflict());

		// locked: a change without a reason is refused and changes nothing
		mvc.perform(put("/api/v1/duty/lists/" + list.id() + "/items/" + second.id()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"task\":\"改过的任务\"}"))
				.andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].field").value("reason"));
		mvc.perform(delete("/api/v1/duty/lists/" + list.id() + "/items/" + second.id()))
				.andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].field").value("reason"));
		assertThat(lists.get(list.id()).items()).hasSize(2);

		// amendments with reasons: versions 2 and 3, history kept
		mvc.perform(put("/api/v1/duty/lists/" + list.id() + "/items/" + second.id()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"task\":\"落实一岗双责（调整）\",\"reason\":\"县委常委会调整分工\"}"))
				.andExpect(status().isOk()).andExpect(jsonPath("$.task").value("落实一岗双责（调整）"));
		mvc.perform(delete("/api/v1/duty/lists/" + list.id() + "/items/" + second.id()).param("reason", "任务合并"))
				.andExpect(status().isNoContent());
		mvc.perform(get("/api/v1/duty/lists/" + list.id())).andExpect(jsonPath("$.version").value(3))
				.andExpect(jsonPath("$.items", hasSize(1)));
		mvc.perform(get("/api/v1/duty/lists/" + list.id() + "/versions")).andExpect(jsonPath("$", hasSize(3)))
				.andExpect(jsonPath("$[0].action").value("PUBLISH"))
				.andExpect(jsonPath("$[1].reason").value("县委常委会调整分工"))
				.andExpect(jsonPath("$[2].reason").value("任务合并"));
		mvc.perform(get("/api/v1/duty/lists/" + list.id() + "/versions/1")).andExpect(jsonPath("$", hasSize(2)))
				.andExpect(jsonPath("$[1].task").value("落实一岗双责"));
		mvc.perform(get("/api/v1/duty/lists/" + list.id() + "/versions/2"))
				.andExpect(jsonPath("$[1].task").value("落实一岗双责（调整）"));
		mvc.perform(get("/api/v1/duty/lists/" + list.id() + "/versions/9")).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/audit").param("orgId", String.valueOf(county.id())).param("entity", "duty-list"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$[*].action").value(org.hamcrest.Matchers.contains("AMEND", "AMEND", "PUBLISH", "CREATE")))
				.andExpect(jsonPath("$[0].summary").value(org.hamcrest.Matchers.containsString("任务合并")));
	}

	@Test
	void errors_name_the_fields_at_fault() throws Exception {
		String p = unique();
		Org county = org(p, "县", null);
		mvc.perform(postJson("/api/v1/duty/lists", "{\"orgId\":%d,\"year\":1800}".formatted(county.id())))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("year"));
		mvc.perform(postJson("/api/v1/duty/lists", "{\"year\":2026}"))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("orgId"));
		DutyList list = listManagement.create(county.id(), 2026);
		mvc.perform(postJson("/api/v1/duty/lists/" + list.id() + "/items",
				"{\"task\":\" \",\"deadline\":\"2027-01-01\",\"leaderPostId\":999999999,\"milestones\":[{\"description\":\"x\"}]}"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("task",
						"leaderPostId", "deadline", "milestones")))
				// each field is named by its label, never by its code
				.andExpect(jsonPath("$.errors[?(@.field == 'task')].message").value(org.hamcrest.Matchers.hasItem(
						"工作任务：不能为空")))
				.andExpect(jsonPath("$.errors[?(@.field == 'leaderPostId')].message").value(org.hamcrest.Matchers
						.hasItem(org.hamcrest.Matchers.startsWith("责任领导："))));
		mvc.perform(get("/api/v1/duty/lists").param("orgId", String.valueOf(county.id())).param("year", "2025"))
				.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/duty/lists").param("orgId", String.valueOf(county.id())).param("year", "2026"))
				.andExpect(status().isOk()).andExpect(jsonPath("$.id").value(list.id()));
	}

	@Test
	void requirements_published_for_all_levels_reach_every_committee_list_below_as_inherited_items() throws Exception {
		String p = unique();
		Org city = org(p, "市", null);
		Org county = org(p, "县", city.id());
		Org town = org(p, "镇", county.id());
		Org other = org(p, "区", city.id());
		DutyList existing = listManagement.create(county.id(), 2026);
		DutyList.Item own = listManagement.addItem(existing.id(), item("本县自定任务", null, null));
		mvc.perform(postJson("/api/v1/duty/requirements", """
				{"orgId":%d,"year":2026,"targeting":{"reach":"ALL_LEVELS"},"items":[
				  {"category":"主体责任","task":"%s 签订责任书","goal":"层层签订","deadline":"2026-03-31"},
				  {"category":"主体责任","task":"%s 逐级约谈","goal":"每年至少一次"}]}""".formatted(city.id(), p, p)))
				.andExpect(status().isOk()).andExpect(jsonPath("$.listsCreated").value(2))
				.andExpect(jsonPath("$.itemsInherited").value(6));
		assertThat(lists.find(city.id(), 2026)).isEmpty();
		for (Org o : List.of(county, town, other)) {
			DutyList list = lists.find(o.id(), 2026).orElseThrow();
			assertThat(list.items()).filteredOn(DutyList.Item::inherited).extracting(DutyList.Item::task)
					.containsExactly(p + " 签订责任书", p + " 逐级约谈");
			assertThat(list.items()).filteredOn(DutyList.Item::inherited)
					.allSatisfy(i -> assertThat(i.inheritedFromOrgId()).isEqualTo(city.id()));
		}
		DutyList countyList = lists.get(existing.id());
		assertThat(countyList.items()).extracting(DutyList.Item::task).containsExactly(p + " 签订责任书",
				p + " 逐级约谈", "本县自定任务");
		DutyList.Item inherited = countyList.items().get(0);

		// not editable in substance, not removable; leader and units are the county's to set
		Post secretary = leadership.addPost(county.id(), new Leadership.NewPost("县委书记", PostKind.SECRETARY, List.of(), 1));
		mvc.perform(put("/api/v1/duty/lists/" + existing.id() + "/items/" + inherited.id())
				.contentType(MediaType.APPLICATION_JSON).content("{\"task\":\"改掉上级要求\"}"))
				.andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].field").value("task"));
		mvc.perform(delete("/api/v1/duty/lists/" + existing.id() + "/items/" + inherited.id()))
				.andExpect(status().isConflict());
		mvc.perform(put("/api/v1/duty/lists/" + existing.id() + "/items/" + inherited.id())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"leaderPostId\":%d,\"leadUnit\":\"县委办\"}".formatted(secretary.id())))
				.andExpect(status().isOk()).andExpect(jsonPath("$.task").value(p + " 签订责任书"))
				.andExpect(jsonPath("$.goal").value("层层签订")).andExpect(jsonPath("$.deadline").value("2026-03-31"))
				.andExpect(jsonPath("$.leaderPostTitle").value("县委书记")).andExpect(jsonPath("$.inherited").value(true));
		mvc.perform(get("/api/v1/duty/requirements").param("orgId", String.valueOf(city.id())).param("year", "2026"))
				.andExpect(jsonPath("$", hasSize(2)));
		assertThat(own.inherited()).isFalse();
	}

	Org org(String p, String suffix, OrgType type, Long parent) {
		return tree.create(new OrgTree.NewOrg(p + suffix, p + suffix, type, parent, null, null));
	}

	@Test
	void the_units_of_an_item_are_chosen_from_the_list_organisation_and_below_and_refused_outside_it() throws Exception {
		String p = unique();
		Org county = org(p, "县委", OrgType.PARTY_COMMITTEE, null);
		Org office = org(p, "县委办", OrgType.WORK_DEPARTMENT, county.id());
		Org publicity = org(p, "宣传部", OrgType.WORK_DEPARTMENT, county.id());
		Org discipline = org(p, "县纪委", OrgType.DISCIPLINE_COMMISSION, county.id());
		Org neighbour = org(p, "邻县委", OrgType.PARTY_COMMITTEE, null);
		DutyList list = listManagement.create(county.id(), 2026);
		mvc.perform(postJson("/api/v1/duty/lists/" + list.id() + "/items", """
				{"task":"开展廉政教育","leadOrgId":%d,"participatingOrgIds":[%d,%d],"participatingUnits":"县融媒体中心",
				 "supervisingOrgId":%d}""".formatted(office.id(), publicity.id(), county.id(), discipline.id())))
				.andExpect(status().isCreated()).andExpect(jsonPath("$.leadOrg.name").value(office.name()))
				.andExpect(jsonPath("$.participatingOrgs[*].id").value(org.hamcrest.Matchers.contains(
						(int) publicity.id(), (int) county.id())))
				.andExpect(jsonPath("$.supervisingOrg.id").value(discipline.id()));
		DutyList.Item item = lists.get(list.id()).items().get(0);
		assertThat(item.participatingShown()).isEqualTo(publicity.name() + "、" + county.name() + "、县融媒体中心");
		assertThat(item.leadShown()).isEqualTo(office.name());

		// outside the county: refused, each error named by its field's label, nothing changed
		mvc.perform(put("/api/v1/duty/lists/" + list.id() + "/items/" + item.id()).contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"task":"开展廉政教育","leadOrgId":%d,"participatingOrgIds":[%d],"supervisingOrgId":%d}"""
						.formatted(neighbour.id(), neighbour.id(), 999_999_999L)))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("leadOrgId",
						"participatingOrgIds", "supervisingOrgId")))
				.andExpect(jsonPath("$.errors[?(@.field == 'leadOrgId')].message").value(org.hamcrest.Matchers.hasItem(
						org.hamcrest.Matchers.startsWith("牵头单位："))))
				.andExpect(jsonPath("$.errors[?(@.field == 'participatingOrgIds')].message").value(org.hamcrest.Matchers
						.hasItem(org.hamcrest.Matchers.startsWith("参与单位："))));
		assertThat(lists.get(list.id()).items().get(0).leadOrg().id()).isEqualTo(office.id());
		// the pickers of the item forms search the county and below only
		mvc.perform(get("/pick/orgs").param("q", p).param("within", String.valueOf(county.id())))
				.andExpect(status().isOk()).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
						.content().string(org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString(discipline.name()),
								org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(neighbour.name())))));

		// a change of units is kept, the participants replaced in the order chosen
		mvc.perform(put("/api/v1/duty/lists/" + list.id() + "/items/" + item.id()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"task\":\"开展廉政教育\",\"participatingOrgIds\":[%d]}".formatted(office.id())))
				.andExpect(status().isOk()).andExpect(jsonPath("$.leadOrg").doesNotExist())
				.andExpect(jsonPath("$.participatingOrgs[*].id").value(org.hamcrest.Matchers.contains((int) office.id())));
		mvc.perform(get("/api/v1/audit").param("orgId", String.valueOf(county.id())).param("entity", "duty-item"))
				.andExpect(jsonPath("$[*].action").value(org.hamcrest.Matchers.contains("EDIT", "ADD")));
	}

	@Test
	void a_requirement_reaches_the_committees_of_the_next_level_by_default_or_the_types_chosen() throws Exception {
		String p = unique();
		Org city = org(p, "市委", OrgType.PARTY_COMMITTEE, null);
		Org county = org(p, "县委", OrgType.PARTY_COMMITTEE, city.id());
		Org bureau = org(p, "局党组", OrgType.PARTY_GROUP, city.id());
		Org commission = org(p, "市纪委", OrgType.DISCIPLINE_COMMISSION, city.id());
		Org branch = org(p, "机关支部", OrgType.BRANCH, city.id());
		Org town = org(p, "镇党委", OrgType.PARTY_COMMITTEE, county.id());
		Org village = org(p, "村支部", OrgType.BRANCH, county.id());
		mvc.perform(postJson("/api/v1/duty/requirements", """
				{"orgId":%d,"year":2026,"items":[{"task":"签订责任书"}]}""".formatted(city.id())))
				.andExpect(status().isOk()).andExpect(jsonPath("$.listsCreated").value(2))
				.andExpect(jsonPath("$.itemsInherited").value(2));
		assertThat(lists.find(county.id(), 2026)).isPresent();
		assertThat(lists.find(bureau.id(), 2026)).isPresent();
		for (Org none : List.of(commission, branch, town, village)) {
			assertThat(lists.find(none.id(), 2026)).as(none.name()).isEmpty();
		}

		// chosen types, on every level below
		mvc.perform(postJson("/api/v1/duty/requirements", """
				{"orgId":%d,"year":2026,"targeting":{"reach":"ALL_LEVELS","types":["BRANCH"]},
				 "items":[{"task":"支部落实三会一课"}]}""".formatted(city.id())))
				.andExpect(status().isOk()).andExpect(jsonPath("$.itemsInherited").value(2));
		assertThat(lists.find(village.id(), 2026).orElseThrow().items()).extracting(DutyList.Item::task)
				.containsExactly("支部落实三会一课");
		assertThat(lists.find(branch.id(), 2026).orElseThrow().items()).extracting(DutyList.Item::task)
				.containsExactly("支部落实三会一课");
		assertThat(lists.find(county.id(), 2026).orElseThrow().items()).extracting(DutyList.Item::task)
				.containsExactly("签订责任书");

		// the page of its own lists them with whom each reaches and how many lists hold it
		mvc.perform(get("/api/v1/duty/requirements").param("orgId", String.valueOf(city.id())).param("year", "2026"))
				.andExpect(jsonPath("$[0].reach").value("NEXT_LEVEL"))
				.andExpect(jsonPath("$[0].types").value(org.hamcrest.Matchers.contains("PARTY_COMMITTEE", "PARTY_GROUP",
						"WORKING_COMMITTEE")))
				.andExpect(jsonPath("$[0].reached").value(2)).andExpect(jsonPath("$[1].types[0]").value("BRANCH"))
				.andExpect(jsonPath("$[1].reached").value(2));
		mvc.perform(get("/duty/requirements").param("orgId", String.valueOf(city.id())).param("year", "2026"))
				.andExpect(status().isOk()).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
						.content().string(org.hamcrest.Matchers.containsString("下级清单 2 份")));

		// revised while no list holding it is published: to every committee below; the bureau is no longer reached
		long first = requirements.of(city.id(), 2026).get(0).id();
		mvc.perform(put("/api/v1/duty/requirements/" + first).contentType(MediaType.APPLICATION_JSON).content("""
				{"task":"逐级签订责任书","deadline":"2026-03-31","targeting":{"reach":"ALL_LEVELS","types":["PARTY_COMMITTEE"]}}"""))
				.andExpect(status().isOk()).andExpect(jsonPath("$.reached").value(2))
				.andExpect(jsonPath("$.task").value("逐级签订责任书"));
		assertThat(lists.find(town.id(), 2026).orElseThrow().items()).extracting(DutyList.Item::task)
				.containsExactly("逐级签订责任书");
		assertThat(lists.find(county.id(), 2026).orElseThrow().items().get(0).deadline()).isEqualTo(LocalDate.of(2026, 3, 31));
		assertThat(lists.find(bureau.id(), 2026).orElseThrow().items()).isEmpty();
		mvc.perform(get("/api/v1/audit").param("orgId", String.valueOf(city.id())).param("entity", "duty-requirement"))
				.andExpect(jsonPath("$[0].action").value("REVISE"));

		// once a list holding it is published, it is locked
		assertThat(requirements.of(city.id(), 2026).get(0).locked()).isFalse();
		listManagement.publish(lists.find(county.id(), 2026).orElseThrow().id());
		assertThat(requirements.of(city.id(), 2026).get(0).locked()).isTrue();
		mvc.perform(put("/api/v1/duty/requirements/" + first).contentType(MediaType.APPLICATION_JSON)
				.content("{\"task\":\"再改\"}"))
				.andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].field").value("id"));
		mvc.perform(put("/api/v1/duty/requirements/" + first).contentType(MediaType.APPLICATION_JSON)
				.content("{\"task\":\" \"}"))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("task"));
		assertThat(requirements.of(city.id(), 2026).get(0).task()).isEqualTo("逐级签订责任书");
	}

	@Test
	void a_leader_sees_the_tasks_of_every_post_they_hold() throws Exception {
		String p = unique();
		Org county = org(p, "县", null);
		Org bureau = org(p, "局", county.id());
		Person leader = people.create(new People.NewPerson(p + "甲", Person.Gender.MALE, null, null, null, county.id()));
		Post member = leadership.addPost(county.id(), new Leadership.NewPost("常委", PostKind.MEMBER, List.of("组织"), 1));
		Post head = leadership.addPost(bureau.id(), new Leadership.NewPost("党组书记", PostKind.SECRETARY, List.of(), 1));
		Post other = leadership.addPost(county.id(), new Leadership.NewPost("副书记", PostKind.DEPUTY_SECRETARY, List.of(), 2));
		leadership.appoint(new Leadership.NewTenure(leader.id(), member.id(), LocalDate.of(2020, 1, 1), null));
		leadership.appoint(new Leadership.NewTenure(leader.id(), head.id(), LocalDate.of(2021, 1, 1), null));
		DutyList countyList = listManagement.create(county.id(), 2026);
		DutyList bureauList = listManagement.create(bureau.id(), 2026);
		listManagement.addItem(countyList.id(), item("组织条线廉政", member.id(), null));
		listManagement.addItem(countyList.id(), item("不归他", other.id(), null));
		listManagement.addItem(bureauList.id(), item("本局党风", head.id(), null));
		mvc.perform(get("/api/v1/duty/tasks").param("personId", String.valueOf(leader.id())).param("year", "2026")
				.param("at", "2026-05-01"))
				.andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(2)))
				.andExpect(jsonPath("$[*].item.task").value(org.hamcrest.Matchers.containsInAnyOrder("组织条线廉政", "本局党风")))
				.andExpect(jsonPath("$[0].item.leaders[0]").value(p + "甲"));
		// before the second appointment, only the first post's tasks
		mvc.perform(get("/api/v1/duty/tasks").param("personId", String.valueOf(leader.id())).param("year", "2026")
				.param("at", "2020-06-01"))
				.andExpect(jsonPath("$", hasSize(1))).andExpect(jsonPath("$[0].item.task").value("组织条线廉政"));
		mvc.perform(get("/api/v1/duty/tasks")).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("personId"));
	}

	@Test
	void a_sibling_can_neither_see_nor_change_a_list() throws Exception {
		String p = unique();
		Org city = org(p, "市", null);
		Org a = org(p, "甲县", city.id());
		Org b = org(p, "乙县", city.id());
		DutyList listB = listManagement.create(b.id(), 2026);
		DutyList.Item itemB = listManagement.addItem(listB.id(), item("乙县机密任务", null, null));
		UserAccount userA = users.create(new Users.NewUser(p.toLowerCase() + "a", "password-of-a-1", null, true));
		users.addGrant(userA.id(), new Users.NewGrant(Role.ORG_ADMIN, a.id(), true));
		var asA = as(userA.id(), userA.username());
		mvc.perform(get("/api/v1/duty/lists/" + listB.id()).with(asA)).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/duty/lists").param("orgId", String.valueOf(b.id())).with(asA))
				.andExpect(status().isNotFound());
		// a write to a list out of view answers as for a list that does not exist
		mvc.perform(postJson("/api/v1/duty/lists/" + listB.id() + "/items", "{\"task\":\"x\"}").with(asA))
				.andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/duty/lists/" + listB.id() + "/publish").with(asA)).andExpect(status().isNotFound());
		mvc.perform(postJson("/api/v1/duty/lists", "{\"orgId\":%d,\"year\":2027}".formatted(b.id())).with(asA))
				.andExpect(status().isForbidden());
		mvc.perform(postJson("/api/v1/duty/requirements",
				"{\"orgId\":%d,\"year\":2026,\"items\":[{\"task\":\"x\"}]}".formatted(b.id())).with(asA))
				.andExpect(status().isForbidden());
		Person personB = people.create(new People.NewPerson(p + "乙县某人", null, null, null, null, b.id()));
		mvc.perform(get("/api/v1/duty/tasks").param("personId", String.valueOf(personB.id())).with(asA))
				.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/duty/requirements").param("orgId", String.valueOf(b.id())).with(asA))
				.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/duty/lists/" + listB.id() + "/xlsx").with(asA)).andExpect(status().isNotFound());
		mvc.perform(multipart("/api/v1/duty/lists/" + listB.id() + "/xlsx")
				.file(new MockMultipartFile("file", "t.xlsx", "application/octet-stream", new byte[] { 1 })).with(asA))
				.andExpect(status().isNotFound());
		// A's own list works
		mvc.perform(postJson("/api/v1/duty/lists", "{\"orgId\":%d,\"year\":2026}".formatted(a.id())).with(asA))
				.andExpect(status().isCreated());
		assertThat(lists.get(listB.id()).items()).extracting(DutyList.Item::id).containsExactly(itemB.id());
		assertThat(lists.get(listB.id()).status()).isEqualTo(DutyList.Status.DRAFT);
	}

	@Test
	void a_task_detail_table_survives_a_round_trip_through_xlsx() throws Exception {
		String p = unique();
		Org county = org(p, "县", null);
		Org other = org(p, "区", null);
		Post secretary = leadership.addPost(county.id(), new Leadership.NewPost("书记", PostKind.SECRETARY, List.of(), 1));
		leadership.addPost(other.id(), new Leadership.NewPost("书记", PostKind.SECRETARY, List.of(), 1));
		DutyList list = listManagement.create(county.id(), 2026);
		listManagement.addItem(list.id(), item("第一项任务", secretary.id(), null));
		listManagement.addItem(list.id(), new DutyListManagement.ItemInput("2.1", null, "第二项\n两行", null, null, null, null,
				null, null, List.of(), null));
		byte[] first = mvc.perform(get("/api/v1/duty/lists/" + list.id() + "/xlsx")).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsByteArray();

		DutyList target = listManagement.create(other.id(), 2026);
		mvc.perform(multipart("/api/v1/duty/lists/" + target.id() + "/xlsx")
				.file(new MockMultipartFile("file", "t.xlsx", "application/octet-stream", first)))
				.andExpect(status().isOk()).andExpect(jsonPath("$.items", hasSize(2)));
		byte[] second = mvc.perform(get("/api/v1/duty/lists/" + target.id() + "/xlsx")).andReturn().getResponse()
				.getContentAsByteArray();
		assertThat(cells(second)).isEqualTo(cells(first));
		assertThat(cells(first).get(0)).containsExactly("序号", "类别", "工作任务", "目标要求", "责任领导", "牵头单位",
				"参与单位", "监督单位", "完成时限", "阶段节点");
		assertThat(cells(first).get(1)).containsExactly("1", "党风廉政建设", "第一项任务", "全年无重大问题", "书记", "县委办",
				"组织部、宣传部", "县纪委", "2026-12-31", "2026-06-30 半年小结");
	}

	@Test
	void an_imported_table_naming_organisations_below_the_list_chooses_them_as_units() throws Exception {
		String p = unique();
		Org county = org(p, "县委", OrgType.PARTY_COMMITTEE, null);
		Org publicity = org(p, "宣传部", OrgType.WORK_DEPARTMENT, county.id());
		Org discipline = org(p, "县纪委", OrgType.DISCIPLINE_COMMISSION, county.id());
		Org elsewhere = org(p, "县委办", OrgType.WORK_DEPARTMENT, null);
		DutyList source = listManagement.create(org(p, "模板", OrgType.PARTY_COMMITTEE, null).id(), 2026);
		listManagement.addItem(source.id(), new DutyListManagement.ItemInput(null, null, "廉政教育", null, null,
				elsewhere.name(), publicity.name() + "、县融媒体中心", discipline.name(), null, List.of(), null));
		byte[] xlsx = mvc.perform(get("/api/v1/duty/lists/" + source.id() + "/xlsx")).andReturn().getResponse()
				.getContentAsByteArray();
		DutyList list = listManagement.create(county.id(), 2026);
		mvc.perform(multipart("/api/v1/duty/lists/" + list.id() + "/xlsx")
				.file(new MockMultipartFile("file", "t.xlsx", "application/octet-stream", xlsx))).andExpect(status().isOk());
		DutyList.Item item = lists.get(list.id()).items().get(0);
		// the county's own departments and commission are chosen; a name outside it stays text
		assertThat(item.participatingOrgs()).extracting(DutyList.Unit::id).containsExactly(publicity.id());
		assertThat(item.participatingUnits()).isEqualTo("县融媒体中心");
		assertThat(item.supervisingOrg().id()).isEqualTo(discipline.id());
		assertThat(item.leadOrg()).isNull();
		assertThat(item.leadUnit()).isEqualTo(elsewhere.name());
	}

	@Test
	void an_import_with_errors_writes_nothing_and_names_each_line() throws Exception {
		String p = unique();
		Org county = org(p, "县", null);
		DutyList list = listManagement.create(county.id(), 2026);
		listManagement.addItem(list.id(), item("原有任务", null, null));
		try (XSSFWorkbook book = new XSSFWorkbook()) {
			Sheet sheet = book.createSheet();
			String[] header = { "序号", "类别", "工作任务", "目标要求", "责任领导", "牵头单位", "参与单位", "监督单位", "完成时限", "阶段节点" };
			String[][] rows = { { "1", "a", "好的任务", "", "", "", "", "", "2026-05-01", "" },
					{ "2", "b", "", "", "没有的职务", "", "", "", "明年", "2026-13-01 坏日期" } };
			Row h = sheet.createRow(0);
			for (int c = 0; c < header.length; c++) {
				h.createCell(c).setCellValue(header[c]);
			}
			for (int r = 0; r < rows.length; r++) {
				Row row = sheet.createRow(r + 1);
				for (int c = 0; c < header.length; c++) {
					row.createCell(c).setCellValue(rows[r][c]);
				}
			}
			var out = new java.io.ByteArrayOutputStream();
			book.write(out);
			mvc.perform(multipart("/api/v1/duty/lists/" + list.id() + "/xlsx")
					.file(new MockMultipartFile("file", "t.xlsx", "application/octet-stream", out.toByteArray())))
					.andExpect(status().isBadRequest())
					.andExpect(jsonPath("$.errors[*].line").value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is(3))))
					.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("leaderPostId",
							"deadline", "milestones", "task")));
		}
		mvc.perform(multipart("/api/v1/duty/lists/" + list.id() + "/xlsx")
				.file(new MockMultipartFile("file", "t.xlsx", "application/octet-stream", "not a workbook".getBytes())))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"));
		assertThat(lists.get(list.id()).items()).extracting(DutyList.Item::task).containsExactly("原有任务");
	}

	/** Size of the subtree of the "1+X" test; {@code -Dduty.subtree=40000} for the full-size run. */
	static final int SUBTREE = Integer.getInteger("duty.subtree", 2_000);

	@Autowired
	zeren.org.OrgImport orgImport;

	@Test
	void requirements_reach_a_large_subtree_in_two_set_based_statements() {
		String p = unique();
		List<zeren.org.importing.ImportRow> rows = new ArrayList<>();
		rows.add(new zeren.org.importing.ImportRow(2, p + "R", p + "省委", null, "PARTY_COMMITTEE"));
		for (int i = 0; i < SUBTREE - 1; i++) {
			String parent = i < 40 ? p + "R" : p + (i % 40);
			rows.add(new zeren.org.importing.ImportRow(i + 3, p + i, p + "组织" + i, parent, "BRANCH"));
		}
		orgImport.run(handler -> rows.forEach(handler));
		Org root = tree.findByCode(p + "R").orElseThrow();
		Org some = tree.findByCode(p + (SUBTREE - 2)).orElseThrow();
		DutyList kept = listManagement.create(some.id(), 2026);
		listManagement.addItem(kept.id(), item("自有任务", null, null));

		long started = System.nanoTime();
		Requirements.Published published = requirements.publish(new Requirements.Publication(root.id(), 2026, List.of(
				new Requirements.Requirement(null, "1", "主体责任", "签订责任书", null, null),
				new Requirements.Requirement(null, "2", "主体责任", "逐级约谈", null, null),
				new Requirements.Requirement(null, "3", "主体责任", "年度报告", null, null)),
				new Requirements.Targeting(Requirements.Reach.ALL_LEVELS, List.of(OrgType.BRANCH))));
		long millis = (System.nanoTime() - started) / 1_000_000;
		org.slf4j.LoggerFactory.getLogger(DutyContract.class)
				.info("1+X: published 3 requirements to {} organisations in {} ms", SUBTREE - 1, millis);

		assertThat(published.listsCreated()).isEqualTo(SUBTREE - 2);
		assertThat(published.itemsInherited()).isEqualTo(3L * (SUBTREE - 1));
		assertThat(lists.get(kept.id()).items()).extracting(DutyList.Item::task).containsExactly("签订责任书", "逐级约谈",
				"年度报告", "自有任务");
	}

	static List<List<String>> cells(byte[] xlsx) throws Exception {
		List<List<String>> rows = new ArrayList<>();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			DataFormatter f = new DataFormatter();
			Sheet sheet = book.getSheetAt(0);
			for (int r = 1; r <= sheet.getLastRowNum(); r++) {
				List<String> cells = new ArrayList<>();
				for (int c = 0; c < 10; c++) {
					cells.add(sheet.getRow(r).getCell(c) == null ? "" : f.formatCellValue(sheet.getRow(r).getCell(c)));
				}
				rows.add(cells);
			}
		}
		return rows;
	}
}
