package zeren.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import zeren.access.Role;
import zeren.access.UserAccount;
import zeren.duty.DutyList;
import zeren.duty.Requirements;
import zeren.duty.ResponsibilityLists;
import zeren.org.Leadership;
import zeren.org.Org;
import zeren.org.OrgTree;
import zeren.org.OrgType;
import zeren.org.Post;
import zeren.org.PostKind;
import zeren.platform.BusinessClock;
import zeren.platform.Paged;
import zeren.support.ApiTest;
import zeren.tracking.NewEntry;
import zeren.tracking.TrackedItem;
import zeren.tracking.TrackedItems;

abstract class LedgerContract extends ApiTest {

	@Autowired
	OrgTree tree;

	@Autowired
	Leadership leadership;

	@Autowired
	ResponsibilityLists lists;

	@Autowired
	zeren.duty.DutyListManagement listManagement;

	@Autowired
	Requirements requirements;

	@Autowired
	WorkLedger ledger;

	@Autowired
	TrackedItems items;

	@Autowired
	zeren.tracking.TrackedItemMoves moves;

	@Autowired
	BusinessClock clock;

	zeren.duty.DutyListManagement.ItemInput task(String category, String task, Long leader, String lead, LocalDate deadline,
			String reason) {
		return new zeren.duty.DutyListManagement.ItemInput(null, category, task, null, leader, lead, null, null, deadline,
				List.of(), reason);
	}

	@Test
	void publishing_a_list_tracks_every_task_amendments_follow_and_requirements_reach_every_published_list_below() {
		String p = unique();
		int year = clock.today().getYear();
		Org city = tree.create(new OrgTree.NewOrg(p + "c", p + "市委", OrgType.PARTY_COMMITTEE, null, null, null));
		Org county = tree.create(new OrgTree.NewOrg(p + "x", p + "县委", OrgType.PARTY_COMMITTEE, city.id(), null, null));
		Post secretary = leadership.addPost(county.id(), new Leadership.NewPost("县委书记", PostKind.SECRETARY, List.of(), 1));
		DutyList list = listManagement.create(county.id(), year);
		DutyList.Item education = listManagement.addItem(list.id(), task("教育", "廉政教育", secretary.id(), "宣传部", LocalDate.of(year, 12, 31), null));
		listManagement.addItem(list.id(), task("制度", "完善制度", null, null, null, null));
		assertThat(ledger.itemOf(education.id())).isEmpty();

		listManagement.publish(list.id());
		TrackedItem tracked = ledger.itemOf(education.id()).orElseThrow();
		assertThat(tracked.kind()).isEqualTo(WorkLedger.KIND);
		assertThat(tracked.ownerPostId()).isEqualTo(secretary.id());
		assertThat(tracked.verifierOrgId()).isEqualTo(city.id());
		assertThat(tracked.title()).isEqualTo("廉政教育");
		assertThat(ledger.reconcile(county.id(), year, Reconciliation.GroupBy.ORG, Locale.CHINA).total().tasks()).isEqualTo(2);

		// an amendment changes the tracked item; a removed task leaves the reconciliation
		listManagement.editItem(list.id(), education.id(), task("教育", "廉政教育（扩大）", secretary.id(), "宣传部", LocalDate.of(year, 11, 30), "调整"));
		assertThat(ledger.itemOf(education.id()).orElseThrow()).satisfies(t -> {
			assertThat(t.title()).isEqualTo("廉政教育（扩大）");
			assertThat(t.deadline()).isEqualTo(LocalDate.of(year, 11, 30));
			assertThat(t.id()).isEqualTo(tracked.id());
		});
		DutyList.Item other = lists.get(list.id()).items().get(1);
		listManagement.removeItem(list.id(), other.id(), "合并");
		assertThat(ledger.reconcile(county.id(), year, Reconciliation.GroupBy.ORG, Locale.CHINA).total().tasks()).isEqualTo(1);

		// requirements from the city reach the published county list; the city verifies them
		requirements.publish(new Requirements.Publication(city.id(), year,
				List.of(new Requirements.Requirement(null, null, "主体责任", "签订责任书", null, null))));
		Reconciliation byCategory = ledger.reconcile(city.id(), year, Reconciliation.GroupBy.CATEGORY, Locale.CHINA);
		assertThat(byCategory.rows()).extracting(Reconciliation.Row::label).containsExactly("主体责任", "教育");
		LedgerTask required = ledger.tasks(city.id(), year, Reconciliation.GroupBy.CATEGORY, "主体责任",
				Reconciliation.Column.ALL).get(0);
		assertThat(required.item().verifierOrgId()).isEqualTo(city.id());
		assertThat(required.item().ownerPostId()).isNull();
	}

	@Test
	void the_reconciliation_counts_tasks_without_entry_overdue_submitted_and_closed_by_leader_with_drill_down() throws Exception {
		String p = unique();
		int year = clock.today().getYear();
		Org city = tree.create(new OrgTree.NewOrg(p + "c", p + "市委", OrgType.PARTY_COMMITTEE, null, null, null));
		Org county = tree.create(new OrgTree.NewOrg(p + "x", p + "县委", OrgType.PARTY_COMMITTEE, city.id(), null, null));
		Post secretary = leadership.addPost(county.id(), new Leadership.NewPost("县委书记", PostKind.SECRETARY, List.of(), 1));
		Post deputy = leadership.addPost(county.id(), new Leadership.NewPost("县委副书记", PostKind.DEPUTY_SECRETARY, List.of(), 2));
		DutyList list = listManagement.create(county.id(), year);
		LocalDate later = LocalDate.of(year, 12, 31);
		var a = listManagement.addItem(list.id(), task("教育", "甲", secretary.id(), "宣传部", later, null));
		var b = listManagement.addItem(list.id(), task("教育", "乙", secretary.id(), "宣传部", later, null));
		var c = listManagement.addItem(list.id(), task("监督", "丙", deputy.id(), "纪委", later, null));
		var d = listManagement.addItem(list.id(), task("监督", "丁", deputy.id(), "纪委", LocalDate.of(year, 1, 1), null));
		listManagement.publish(list.id());
		long ia = ledger.itemOf(a.id()).orElseThrow().id();
		long ib = ledger.itemOf(b.id()).orElseThrow().id();
		long ic = ledger.itemOf(c.id()).orElseThrow().id();
		moves.addEntry(ia, new NewEntry(clock.today(), "甲已办", List.of()));
		moves.submit(ia, null);
		moves.addEntry(ib, new NewEntry(clock.today(), "乙已办", List.of()));
		moves.addEntry(ib, new NewEntry(clock.today(), "乙又办", List.of()));
		moves.submit(ib, null);
		asAnotherAdministrator(() -> moves.close(ib, "合格"));
		moves.addEntry(ic, new NewEntry(clock.today(), "丙在办", List.of()));

		Reconciliation byLeader = ledger.reconcile(city.id(), year, Reconciliation.GroupBy.LEADER, Locale.CHINA);
		assertThat(byLeader.rows()).hasSize(2);
		Reconciliation.Row sec = byLeader.rows().stream().filter(r -> r.label().startsWith("县委书记")).findFirst().orElseThrow();
		assertThat(sec).extracting(Reconciliation.Row::tasks, Reconciliation.Row::noEntry, Reconciliation.Row::submitted,
				Reconciliation.Row::closed).containsExactly(2L, 0L, 1L, 1L);
		Reconciliation.Row dep = byLeader.rows().stream().filter(r -> r.label().startsWith("县委副书记")).findFirst().orElseThrow();
		boolean dOverdue = LocalDate.of(year, 1, 1).isBefore(clock.today());
		assertThat(dep).extracting(Reconciliation.Row::tasks, Reconciliation.Row::noEntry, Reconciliation.Row::overdue)
				.containsExactly(2L, 1L, dOverdue ? 1L : 0L);
		assertThat(byLeader.total().tasks()).isEqualTo(4);

		assertThat(ledger.tasks(city.id(), year, Reconciliation.GroupBy.LEADER, dep.key(), Reconciliation.Column.NO_ENTRY))
				.extracting(LedgerTask::dutyItemId).containsExactly(d.id());
		mvc.perform(get("/api/v1/ledger/reconciliation").param("orgId", String.valueOf(county.id()))
				.param("year", String.valueOf(year)).param("groupBy", "UNIT"))
				.andExpect(status().isOk()).andExpect(jsonPath("$.rows[0].label").value("宣传部"))
				.andExpect(jsonPath("$.rows[0].closed").value(1)).andExpect(jsonPath("$.total.tasks").value(4));
		mvc.perform(get("/api/v1/ledger/tasks").param("orgId", String.valueOf(county.id())).param("year", String.valueOf(year))
				.param("groupBy", "CATEGORY").param("key", "教育").param("column", "SUBMITTED"))
				.andExpect(jsonPath("$[0].item.id").value(ia));
		mvc.perform(get("/ledger/tasks").param("orgId", String.valueOf(county.id())).param("year", String.valueOf(year))
				.param("groupBy", "CATEGORY").param("key", "监督").param("column", "ALL")).andExpect(status().isOk())
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
						.string(org.hamcrest.Matchers.containsString("丙")));

		// the export: one row per entry with its task
		byte[] xlsx = mvc.perform(get("/api/v1/ledger/export").param("orgId", String.valueOf(city.id()))
				.param("year", String.valueOf(year))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = book.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).isEqualTo(4);
			assertThat(sheet.getRow(0).getCell(9).getStringCellValue()).isEqualTo("工作记录");
			List<String> texts = new java.util.ArrayList<>();
			for (int r = 1; r <= 4; r++) {
				texts.add(sheet.getRow(r).getCell(9).getStringCellValue());
			}
			assertThat(texts).containsExactlyInAnyOrder("甲已办", "乙已办", "乙又办", "丙在办");
		}

		// the reconciliation table as XLSX: the rows of the page and the total
		var reconciliationBook = zeren.support.Xlsx.sheets(mvc.perform(get("/ledger/reconciliation.xlsx")
				.param("orgId", String.valueOf(county.id())).param("year", String.valueOf(year)).param("groupBy", "UNIT"))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
		var reconciliation = reconciliationBook.get(0);
		// and the unit's part of the lists, as the page's second table
		assertThat(reconciliationBook.get(1).name()).endsWith("承担的清单任务");
		assertThat(reconciliationBook.get(1).header()).containsExactly("所属清单", "序号", "工作任务", "本单位", "牵头单位",
				"完成时限", "状态", "预警", "工作记录数");
		assertThat(reconciliation.header()).containsExactly("牵头单位", "任务数", "无记录", "已逾期", "待审核销号", "已销号");
		assertThat(reconciliation.body()).extracting(r -> String.join(" ", r)).containsExactly(
				"宣传部 2 0 0 1 1", "纪委 2 1 " + (dOverdue ? 1 : 0) + " 0 0", "合计 4 1 " + (dOverdue ? 1 : 0) + " 1 1");

		// the drill-down searched, filtered by status, sorted, paged; its export carries the same rows
		Paged<LedgerTask> searched = ledger.tasks(county.id(), year, Reconciliation.GroupBy.ORG, null, Reconciliation.Column.ALL,
				new LedgerTask.Filter("纪委", null), LedgerTask.Sort.DEADLINE, 1, 1);
		assertThat(searched.total()).isEqualTo(2);
		assertThat(searched.items()).extracting(LedgerTask::dutyItemId).containsExactly(d.id());
		assertThat(ledger.tasks(county.id(), year, null, null, null, new LedgerTask.Filter(null, "SUBMITTED"),
				LedgerTask.Sort.ENTRIES, 1, 50).items()).extracting(LedgerTask::dutyItemId).containsExactly(a.id());
		String tasksPage = mvc.perform(get("/ledger/tasks").param("orgId", String.valueOf(county.id()))
				.param("year", String.valueOf(year)).param("q", "宣传部").param("sort", "ENTRIES")).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(tasksPage).contains("共 2 条，第 1/1 页").contains("ledger-tasks-export");
		var exported = zeren.support.Xlsx.sheets(mvc.perform(get("/ledger/tasks/export.xlsx")
				.param("orgId", String.valueOf(county.id())).param("year", String.valueOf(year)).param("q", "宣传部")
				.param("sort", "ENTRIES")).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray()).get(0);
		assertThat(exported.body()).extracting(r -> r.get(8)).containsExactly("1", "2");
	}

	@Test
	void by_organisation_a_province_sees_its_own_row_and_a_row_per_city_counting_the_citys_whole_subtree() throws Exception {
		String p = unique();
		int year = clock.today().getYear();
		Org province = tree.create(new OrgTree.NewOrg(p + "p", p + "省委", OrgType.PARTY_COMMITTEE, null, null, null));
		Org city = tree.create(new OrgTree.NewOrg(p + "c", p + "市委", OrgType.PARTY_COMMITTEE, province.id(), null, null));
		Org county = tree.create(new OrgTree.NewOrg(p + "x", p + "县委", OrgType.PARTY_COMMITTEE, city.id(), null, null));
		Org sibling = tree.create(new OrgTree.NewOrg(p + "s", p + "邻市委", OrgType.PARTY_COMMITTEE, province.id(), null, null));
		Org quiet = tree.create(new OrgTree.NewOrg(p + "q", p + "无清单市委", OrgType.PARTY_COMMITTEE, province.id(), null, null));
		LocalDate later = LocalDate.of(year, 12, 31);
		java.util.Map<Org, List<DutyList.Item>> published = new java.util.LinkedHashMap<>();
		for (Org org : List.of(province, city, county, sibling)) {
			DutyList list = listManagement.create(org.id(), year);
			int n = org == county ? 3 : org == city ? 2 : 1;
			List<DutyList.Item> added = new java.util.ArrayList<>();
			for (int i = 0; i < n; i++) {
				added.add(listManagement.addItem(list.id(), task("教育", org.name() + "任务" + i, null, null, later, null)));
			}
			listManagement.publish(list.id());
			published.put(org, added);
		}
		// one of the county's tasks (the grandchild's) has an entry and is submitted
		long countyItem = ledger.itemOf(published.get(county).get(0).id()).orElseThrow().id();
		moves.addEntry(countyItem, new NewEntry(clock.today(), "县已办", List.of()));
		moves.submit(countyItem, null);

		Reconciliation byOrg = ledger.reconcile(province.id(), year, Reconciliation.GroupBy.ORG, Locale.CHINA);
		assertThat(byOrg.rows()).extracting(Reconciliation.Row::label, Reconciliation.Row::orgId, Reconciliation.Row::tasks,
				Reconciliation.Row::noEntry, Reconciliation.Row::submitted).containsExactly(
						org.assertj.core.groups.Tuple.tuple(province.name() + "（本级）", null, 1L, 1L, 0L),
						org.assertj.core.groups.Tuple.tuple(city.name(), city.id(), 5L, 4L, 1L),
						org.assertj.core.groups.Tuple.tuple(sibling.name(), sibling.id(), 1L, 1L, 0L));
		assertThat(byOrg.total()).extracting(Reconciliation.Row::tasks, Reconciliation.Row::noEntry,
				Reconciliation.Row::submitted).containsExactly(7L, 6L, 1L);
		// the city's row drills into the city's and the county's tasks; the province's own row into its own only
		Reconciliation.Row cityRow = byOrg.rows().get(1);
		assertThat(ledger.tasks(province.id(), year, Reconciliation.GroupBy.ORG, cityRow.key(), Reconciliation.Column.ALL))
				.extracting(t -> t.item().orgId()).containsExactly(city.id(), city.id(), county.id(), county.id(), county.id());
		assertThat(ledger.tasks(province.id(), year, Reconciliation.GroupBy.ORG, cityRow.key(), Reconciliation.Column.SUBMITTED))
				.extracting(t -> t.item().id()).containsExactly(countyItem);
		assertThat(ledger.tasks(province.id(), year, Reconciliation.GroupBy.ORG, byOrg.rows().get(0).key(),
				Reconciliation.Column.ALL)).extracting(t -> t.item().orgId()).containsExactly(province.id());
		// drill-down by level: the city's own page has its own row and the county's
		assertThat(ledger.reconcile(city.id(), year, Reconciliation.GroupBy.ORG, Locale.CHINA).rows())
				.extracting(Reconciliation.Row::label, Reconciliation.Row::tasks)
				.containsExactly(org.assertj.core.groups.Tuple.tuple(city.name() + "（本级）", 2L),
						org.assertj.core.groups.Tuple.tuple(county.name(), 3L));
		// the other groupings still count every task of the subtree
		assertThat(ledger.reconcile(province.id(), year, Reconciliation.GroupBy.CATEGORY, Locale.CHINA).rows())
				.extracting(Reconciliation.Row::label, Reconciliation.Row::tasks)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("教育", 7L));
		assertThat(ledger.reconcile(province.id(), year, Reconciliation.GroupBy.LEADER, Locale.CHINA).rows())
				.extracting(Reconciliation.Row::tasks).containsExactlyInAnyOrder(1L, 2L, 3L, 1L);

		// the page links each child's row to the child's own reconciliation
		String page = mvc.perform(get("/ledger").param("orgId", String.valueOf(province.id())).param("year", String.valueOf(year)))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(page).contains("/ledger?orgId=" + city.id() + "&amp;year=" + year + "&amp;groupBy=ORG")
				.contains(province.name() + "（本级）").doesNotContain(county.name()).doesNotContain(quiet.name());
		// the API's drill-down is paged: the rows of the page, the count and the links
		mvc.perform(get("/api/v1/ledger/tasks").param("orgId", String.valueOf(province.id())).param("year", String.valueOf(year))
				.param("groupBy", "ORG").param("key", cityRow.key()).param("size", "2").param("page", "2"))
				.andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(2))
				.andExpect(jsonPath("$[0].item.orgId").value(county.id()))
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string("X-Total-Count", "5"))
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string("Link",
						org.hamcrest.Matchers.containsString("rel=\"next\"")));
		// the reconciliation's XLSX is the page's table; the drill-down's XLSX every row of the city's subtree
		var table = zeren.support.Xlsx.sheets(mvc.perform(get("/ledger/reconciliation.xlsx")
				.param("orgId", String.valueOf(province.id())).param("year", String.valueOf(year)))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray()).get(0);
		assertThat(table.body()).extracting(r -> String.join(" ", r.subList(0, 3))).containsExactly(
				province.name() + "（本级） 1 1", city.name() + " 5 4", sibling.name() + " 1 1", "合计 7 6");
		var exported = zeren.support.Xlsx.sheets(mvc.perform(get("/ledger/tasks/export.xlsx")
				.param("orgId", String.valueOf(province.id())).param("year", String.valueOf(year)).param("groupBy", "ORG")
				.param("key", cityRow.key()).param("sort", "DEADLINE")).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsByteArray()).get(0);
		assertThat(exported.body()).hasSize(5).extracting(r -> r.get(0)).containsOnly(city.name(), county.name());

		// the sibling city's user sees neither the province's reconciliation nor the city's drill-down
		UserAccount neighbour = users.create(new zeren.access.Users.NewUser(p.toLowerCase() + "n", "password-neighbour-1", null, true));
		users.addGrant(neighbour.id(), new zeren.access.Users.NewGrant(Role.ORG_ADMIN, sibling.id(), true));
		var asNeighbour = as(neighbour.id(), neighbour.username());
		for (String url : List.of("/ledger", "/ledger/tasks", "/ledger/reconciliation.xlsx", "/ledger/tasks/export.xlsx",
				"/api/v1/ledger/tasks", "/api/v1/ledger/reconciliation")) {
			for (Org target : List.of(province, city)) {
				mvc.perform(get(url).param("orgId", String.valueOf(target.id())).param("year", String.valueOf(year))
						.param("groupBy", "ORG").param("key", String.valueOf(county.id())).with(asNeighbour))
						.andExpect(status().isNotFound());
			}
		}
		// from its own organisation, a key naming an organisation outside it finds nothing
		mvc.perform(get("/api/v1/ledger/tasks").param("orgId", String.valueOf(sibling.id())).param("year", String.valueOf(year))
				.param("groupBy", "ORG").param("key", String.valueOf(city.id())).with(asNeighbour)).andExpect(status().isOk())
				.andExpect(jsonPath("$.length()").value(0))
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string("X-Total-Count", "0"));
		mvc.perform(get("/api/v1/ledger/reconciliation").param("orgId", String.valueOf(sibling.id()))
				.param("year", String.valueOf(year)).with(asNeighbour)).andExpect(status().isOk())
				.andExpect(jsonPath("$.rows.length()").value(1)).andExpect(jsonPath("$.total.tasks").value(1));
	}

	@Test
	void the_group_of_tasks_without_a_lead_unit_has_a_key_the_drill_downs_address_keeps() throws Exception {
		String p = unique();
		int year = clock.today().getYear();
		Org county = tree.create(new OrgTree.NewOrg(p + "x", p + "县委", OrgType.PARTY_COMMITTEE, null, null, null));
		DutyList list = listManagement.create(county.id(), year);
		listManagement.addItem(list.id(), task("教育", "无牵头单位的任务", null, null, null, null));
		listManagement.addItem(list.id(), task("教育", "宣传部的任务", null, "宣传部", null, null));
		listManagement.publish(list.id());
		Reconciliation byUnit = ledger.reconcile(county.id(), year, Reconciliation.GroupBy.UNIT, Locale.CHINA);
		Reconciliation.Row none = byUnit.rows().stream().filter(r -> r.label().equals("未指定")).findFirst().orElseThrow();
		assertThat(none.key()).isNotBlank();
		assertThat(ledger.tasks(county.id(), year, Reconciliation.GroupBy.UNIT, none.key(), Reconciliation.Column.ALL))
				.extracting(t -> t.item().title()).containsExactly("无牵头单位的任务");
		// the search form and the export of that drill-down keep the group
		String page = mvc.perform(get("/ledger/tasks").param("orgId", String.valueOf(county.id()))
				.param("year", String.valueOf(year)).param("groupBy", "UNIT").param("key", none.key()).param("column", "ALL"))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(page).contains("无牵头单位的任务").doesNotContain("宣传部的任务")
				.contains("name=\"key\" value=\"" + none.key() + "\"").contains("key=" + none.key());
	}

	@Test
	void the_supervising_unit_verifies_the_task_by_default_else_the_upper_organisation() {
		String p = unique();
		int year = clock.today().getYear();
		Org city = tree.create(new OrgTree.NewOrg(p + "c", p + "市委", OrgType.PARTY_COMMITTEE, null, null, null));
		Org county = tree.create(new OrgTree.NewOrg(p + "x", p + "县委", OrgType.PARTY_COMMITTEE, city.id(), null, null));
		Org discipline = tree.create(new OrgTree.NewOrg(p + "d", p + "县纪委", OrgType.DISCIPLINE_COMMISSION, county.id(), null, null));
		DutyList list = listManagement.create(county.id(), year);
		DutyList.Item supervised = listManagement.addItem(list.id(), new zeren.duty.DutyListManagement.ItemInput(null, "监督",
				"整治群众身边腐败", null, null, null, null, null, null, List.of(), null, null, null, discipline.id()));
		DutyList.Item plain = listManagement.addItem(list.id(), task("教育", "廉政教育", null, "宣传部", null, null));
		listManagement.publish(list.id());
		assertThat(ledger.itemOf(supervised.id()).orElseThrow().verifierOrgId()).isEqualTo(discipline.id());
		assertThat(ledger.itemOf(plain.id()).orElseThrow().verifierOrgId()).isEqualTo(city.id());

		// an amendment naming the supervising unit makes it the verifier of the open task
		listManagement.editItem(list.id(), plain.id(), new zeren.duty.DutyListManagement.ItemInput(null, "教育", "廉政教育",
				null, null, "宣传部", null, null, null, List.of(), "明确监督单位", null, null, discipline.id()));
		assertThat(ledger.itemOf(plain.id()).orElseThrow().verifierOrgId()).isEqualTo(discipline.id());
		assertThat(ledger.itemOf(plain.id()).orElseThrow().verifierOrgName()).isEqualTo(discipline.name());
	}

	@Test
	void a_participating_unit_sees_its_part_of_an_upper_list_in_its_own_ledger_and_nobody_else_sees_it() throws Exception {
		String p = unique();
		int year = clock.today().getYear();
		Org county = tree.create(new OrgTree.NewOrg(p + "x", p + "县委", OrgType.PARTY_COMMITTEE, null, null, null));
		Org bureau = tree.create(new OrgTree.NewOrg(p + "b", p + "县教育局党组", OrgType.PARTY_GROUP, county.id(), null, null));
		Org town = tree.create(new OrgTree.NewOrg(p + "t", p + "镇党委", OrgType.PARTY_COMMITTEE, county.id(), null, null));
		Org other = tree.create(new OrgTree.NewOrg(p + "o", p + "另一镇党委", OrgType.PARTY_COMMITTEE, county.id(), null, null));
		DutyList list = listManagement.create(county.id(), year);
		DutyList.Item shared = listManagement.addItem(list.id(), new zeren.duty.DutyListManagement.ItemInput(null, "教育",
				p + "清廉学校建设", "全覆盖", null, null, null, null, null, List.of(), null, bureau.id(), List.of(town.id()), null));
		listManagement.addItem(list.id(), task("制度", p + "县委自办", null, null, null, null));
		listManagement.publish(list.id());
		TrackedItem tracked = ledger.itemOf(shared.id()).orElseThrow();
		moves.addEntry(tracked.id(), new NewEntry(clock.today(), "已制定方案", List.of()));

		UserAccount townUser = users.create(new zeren.access.Users.NewUser(p.toLowerCase() + "t", "password-of-town-1", null, true));
		users.addGrant(townUser.id(), new zeren.access.Users.NewGrant(Role.ORG_ADMIN, town.id(), true));
		var asTown = as(townUser.id(), townUser.username());
		// the town cannot see the county's list, but sees its part of it, where it stands
		mvc.perform(get("/api/v1/duty/lists/" + list.id()).with(asTown)).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/ledger/part").param("orgId", String.valueOf(town.id())).param("year", String.valueOf(year))
				.with(asTown)).andExpect(status().isOk())
				.andExpect(jsonPath("$[*].task.task").value(org.hamcrest.Matchers.contains(p + "清廉学校建设")))
				.andExpect(jsonPath("$[0].task.role").value("PARTICIPATING"))
				.andExpect(jsonPath("$[0].task.listOrgName").value(county.name()))
				.andExpect(jsonPath("$[0].task.leadUnit").value(bureau.name()))
				.andExpect(jsonPath("$[0].item.status").value("IN_PROGRESS"))
				.andExpect(jsonPath("$[0].item.entryCount").value(1));
		mvc.perform(get("/ledger").param("orgId", String.valueOf(town.id())).param("year", String.valueOf(year)).with(asTown))
				.andExpect(status().isOk()).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
						.content().string(org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString(p + "清廉学校建设"),
								org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(p + "县委自办")))));
		// the lead unit sees it as lead; an organisation not named sees nothing of it, one out of view is 404
		assertThat(ledger.partOf(bureau.id(), year)).extracting(u -> u.task().role())
				.containsExactly(ResponsibilityLists.UnitRole.LEAD);
		// the page shows the first rows with the number of all; only those are looked up in the ledger
		listManagement.addItem(list.id(), new zeren.duty.DutyListManagement.ItemInput(null, "教育", p + "第二项", null, null,
				null, null, null, null, List.of(), "补充", bureau.id(), List.of(), null));
		WorkLedger.Part first = ledger.partOf(bureau.id(), year, 1);
		assertThat(first.total()).isEqualTo(2);
		assertThat(first.more()).isTrue();
		assertThat(first.rows()).extracting(u -> u.task().task()).containsExactly(p + "清廉学校建设");
		assertThat(first.rows().get(0).item().entryCount()).isEqualTo(1);
		assertThat(ledger.partOf(bureau.id(), year, 50).more()).isFalse();
		assertThat(ledger.partOf(other.id(), year)).isEmpty();
		mvc.perform(get("/api/v1/ledger/part").param("orgId", String.valueOf(other.id())).param("year", String.valueOf(year))
				.with(asTown)).andExpect(status().isNotFound());
		// its part is read-only: the town can move nothing on the task
		mvc.perform(get("/api/v1/tracked-items/" + tracked.id()).with(asTown)).andExpect(status().isNotFound());
	}

	@Test
	void another_county_sees_neither_the_reconciliation_nor_the_export() throws Exception {
		String p = unique();
		int year = clock.today().getYear();
		Org county = tree.create(new OrgTree.NewOrg(p + "x", p + "县委", OrgType.PARTY_COMMITTEE, null, null, null));
		Org other = tree.create(new OrgTree.NewOrg(p + "o", p + "邻县委", OrgType.PARTY_COMMITTEE, null, null, null));
		UserAccount stranger = users.create(new zeren.access.Users.NewUser(p.toLowerCase() + "s", "password-stranger-1", null, true));
		users.addGrant(stranger.id(), new zeren.access.Users.NewGrant(Role.ORG_ADMIN, other.id(), true));
		DutyList list = listManagement.create(county.id(), year);
		listManagement.addItem(list.id(), task("教育", p + "机密任务", null, null, null, null));
		listManagement.publish(list.id());
		for (String url : List.of("/api/v1/ledger/reconciliation", "/api/v1/ledger/tasks", "/api/v1/ledger/export",
				"/api/v1/ledger/part", "/ledger/tasks", "/ledger/export")) {
			mvc.perform(get(url).param("orgId", String.valueOf(county.id())).param("year", String.valueOf(year))
					.with(as(stranger.id(), stranger.username()))).andExpect(status().isNotFound());
		}
		mvc.perform(get("/api/v1/ledger/reconciliation").param("orgId", String.valueOf(other.id()))
				.param("year", String.valueOf(year)).with(as(stranger.id(), stranger.username())))
				.andExpect(jsonPath("$.total.tasks").value(0));
	}
}
