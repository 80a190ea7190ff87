package zeren.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import zeren.duty.DutyList;
import zeren.duty.Requirements;
import zeren.duty.ResponsibilityLists;
import zeren.org.Leadership;
import zeren.org.Org;
import zeren.org.OrgTree;
import zeren.org.OrgType;
import zeren.org.People;
import zeren.org.Person;
import zeren.org.Post;
import zeren.org.PostKind;

/** The task detail table of an organisation: created, shown with its inherited items, published. */
class DutyBrowserTest extends BrowserTest {

	@Autowired
	OrgTree tree;

	@Autowired
	Leadership leadership;

	@Autowired
	People people;

	@Autowired
	ResponsibilityLists lists;

	@Autowired
	zeren.duty.DutyListManagement listManagement;

	@Autowired
	Requirements requirements;

	@Test
	void a_list_is_created_shown_with_what_came_from_above_and_published() {
		Org city = tree.create(new OrgTree.NewOrg(unique("DC"), "市委" + unique("D"), OrgType.PARTY_COMMITTEE, null, null, null));
		Org county = tree.create(new OrgTree.NewOrg(unique("DX"), "县委" + unique("D"), OrgType.PARTY_COMMITTEE, city.id(), null, null));
		Post secretary = leadership.addPost(county.id(), new Leadership.NewPost("县委书记", PostKind.SECRETARY, List.of(), 1));
		Person person = people.create(new People.NewPerson("张" + unique("P"), null, null, null, null, county.id()));
		leadership.appoint(new Leadership.NewTenure(person.id(), secretary.id(), LocalDate.of(2020, 1, 1), null));

		open("/duty?orgId=" + county.id() + "&year=2026");
		expect(page.locator("#duty-heading")).containsText(county.name());
		expect(page.locator("#duty-none")).isVisible();
		button("新建清单").click();
		expect(page.locator("#duty-status")).hasText("草稿");
		DutyList list = lists.find(county.id(), 2026).orElseThrow();

		requirements.publish(new Requirements.Publication(city.id(), 2026,
				List.of(new Requirements.Requirement(null, "1", "主体责任", "签订党风廉政建设责任书", "层层签订", null))));
		listManagement.addItem(list.id(), new zeren.duty.DutyListManagement.ItemInput("2", "教育", "开展警示教育", "全覆盖", secretary.id(),
				"县委办", "宣传部", "县纪委", LocalDate.of(2026, 10, 31),
				List.of(new DutyList.Milestone(LocalDate.of(2026, 6, 30), "半年小结")), null));
		page.reload();
		expect(page.locator(".duty-table tbody tr.duty-item-row")).hasCount(2);
		expect(page.locator(".duty-table tbody tr.duty-item-row").nth(0)).containsText("上级要求");
		expect(page.locator(".duty-table tbody tr.duty-item-row").nth(1)).containsText("县委书记");
		expect(page.locator(".duty-table tbody tr.duty-item-row").nth(1)).containsText("（" + person.name() + "）");
		expect(page.locator(".duty-table tbody tr.duty-item-row").nth(1)).containsText("2026-06-30 半年小结");

		button("发布").click();
		confirm();
		expect(page.locator("#duty-status")).hasText("已发布");
		expect(page.locator("#duty-version")).hasText("第 1 版");
		assertThat(lists.get(list.id()).status()).isEqualTo(DutyList.Status.PUBLISHED);
		assertThat(button("发布").count()).isZero();

		open("/duty?orgId=" + county.id() + "&year=2026&lang=en");
		expect(page.locator("#duty-status")).hasText("Published");
		expect(page.locator("#duty-heading")).containsText("for 2026");
		screenshot("duty-list");
	}

	@Test
	void items_are_edited_on_the_page_a_table_is_uploaded_and_amendments_show_in_the_history() throws Exception {
		Org county = tree.create(new OrgTree.NewOrg(unique("DE"), "县委" + unique("E"), OrgType.PARTY_COMMITTEE, null, null, null));
		Post secretary = leadership.addPost(county.id(), new Leadership.NewPost("县委书记", PostKind.SECRETARY, List.of(), 1));
		DutyList list = listManagement.create(county.id(), 2026);

		open("/duty?orgId=" + county.id() + "&year=2026");
		page.locator("#duty-add summary").click();
		page.locator("#duty-add-form [name=task]").fill("压实主体责任");
		page.locator("#duty-add-form [name=leaderPostId]").selectOption(String.valueOf(secretary.id()));
		page.locator("#duty-add-form [name=deadline]").fill("2026-12-31");
		page.locator("#duty-add-form [name=milestones]").fill("2026-06-30 半年小结");
		page.locator("#duty-add-submit").click();
		expect(page.locator(".duty-table tbody tr.duty-item-row")).hasCount(1);
		expect(page.locator(".duty-table tbody tr.duty-item-row").first()).containsText("2026-06-30 半年小结");
		button("发布").click();
		confirm();
		expect(page.locator("#duty-status")).hasText("已发布");

		// a change to a published list without a reason is refused; with one it is version 2
		page.locator(".duty-item-actions .duty-edit-toggle").first().click();
		// the edit form is a row of its own across the table: its fields keep their width
		expect(page.locator(".duty-edit-row").first()).isVisible();
		assertThat(page.locator(".duty-item-edit .duty-item-form [name=task]").first().boundingBox().width).isGreaterThan(300);
		assertThat(page.locator(".duty-item-row td").nth(2).boundingBox().width).isGreaterThan(60);
		screenshot("duty-edit-row");
		page.locator(".duty-item-edit .duty-item-form [name=task]").first().fill("压实主体责任（调整）");
		page.locator(".duty-item-edit .duty-item-form [name=goal]").first().fill("全年无重大问题");
		page.locator(".duty-item-edit .duty-item-form button[type=submit]").first().click();
		expect(page.locator(".duty-item-edit .field-error[data-field=reason]").first()).isVisible();
		// the refused form is open again and keeps what was typed, the error beside the reason's field
		expect(page.locator(".duty-edit-row").first()).isVisible();
		expect(page.locator(".duty-item-edit .duty-item-form [name=task]").first()).hasValue("压实主体责任（调整）");
		expect(page.locator(".duty-item-edit .duty-item-form [name=goal]").first()).hasValue("全年无重大问题");
		expect(page.locator(".duty-item-edit .duty-item-form [name=reason] + .field-error").first()).isVisible();
		page.locator(".duty-item-edit .duty-item-form [name=reason]").first().fill("常委会调整分工");
		page.locator(".duty-item-edit .duty-item-form button[type=submit]").first().click();
		expect(page.locator("#duty-version")).hasText("第 2 版");
		expect(page.locator(".duty-table tbody tr.duty-item-row").first()).containsText("压实主体责任（调整）");
		expect(page.locator(".duty-table tbody tr.duty-item-row").first()).containsText("2026-06-30 半年小结");

		// upload a task detail table (the export of another list), with a reason: version 3
		DutyList other = listManagement.create(tree.create(new OrgTree.NewOrg(unique("DF"), "区委" + unique("F"),
				OrgType.PARTY_COMMITTEE, null, null, null)).id(), 2026);
		listManagement.addItem(other.id(), new zeren.duty.DutyListManagement.ItemInput("1", "教育", "开展警示教育", null, null, null, null, null,
				null, List.of(), null));
		byte[] xlsx = page.request().get(url("/duty/lists/" + other.id() + "/xlsx")).body();
		java.nio.file.Path file = java.nio.file.Files.createTempFile("duty", ".xlsx");
		java.nio.file.Files.write(file, xlsx);
		page.locator("#duty-import summary").click();
		page.locator("#duty-import-file").setInputFiles(file);
		page.locator("#duty-import [name=reason]").fill("按上级模板导入");
		page.locator("#duty-import-submit").click();
		expect(page.locator("#duty-version")).hasText("第 3 版");
		expect(page.locator(".duty-table tbody tr.duty-item-row")).hasCount(1);
		expect(page.locator(".duty-table tbody tr.duty-item-row").first()).containsText("开展警示教育");

		expect(page.locator(".duty-versions tbody tr")).hasCount(3);
		expect(page.locator(".duty-versions tbody tr").nth(1)).containsText("常委会调整分工");
		expect(page.locator(".duty-versions tbody tr").nth(2)).containsText("按上级模板导入");
		page.locator(".duty-versions tbody tr").nth(0).getByRole(com.microsoft.playwright.options.AriaRole.LINK).click();
		expect(page.locator("#duty-version-heading")).hasText("第 1 版的事项");
		expect(page.locator(".duty-version-items tbody tr").first()).containsText("压实主体责任");
		assertThat(lists.versions(list.id())).hasSize(3);
		screenshot("duty-versions");
	}

	@Test
	void the_units_of_an_item_are_chosen_with_pickers_searching_the_county_and_below_and_kept_when_refused() {
		String u = unique("U");
		Org county = tree.create(new OrgTree.NewOrg(unique("DU"), "县委" + u, OrgType.PARTY_COMMITTEE, null, null, null));
		Org office = tree.create(new OrgTree.NewOrg(unique("DO"), "县委办" + u, OrgType.WORK_DEPARTMENT, county.id(), null, null));
		Org publicity = tree.create(new OrgTree.NewOrg(unique("DP"), "宣传部" + u, OrgType.WORK_DEPARTMENT, county.id(), null, null));
		Org education = tree.create(new OrgTree.NewOrg(unique("DJ"), "教育局" + u, OrgType.PARTY_GROUP, county.id(), null, null));
		Org discipline = tree.create(new OrgTree.NewOrg(unique("DD"), "县纪委" + u, OrgType.DISCIPLINE_COMMISSION, county.id(), null, null));
		Org neighbour = tree.create(new OrgTree.NewOrg(unique("DN"), "邻县纪委" + u, OrgType.DISCIPLINE_COMMISSION, null, null, null));
		DutyList list = listManagement.create(county.id(), 2026);

		open("/duty?orgId=" + county.id() + "&year=2026");
		page.locator("#duty-add summary").click();
		pickAt("duty-add-leadOrgId", "leadOrgId", "县委办" + u, office.id());
		pickAt("duty-add-participatingOrgIds", "participatingOrgIds", "宣传部" + u, publicity.id());
		pickAt("duty-add-participatingOrgIds", "participatingOrgIds", "教育局" + u, education.id());
		// the picker searches the county and below: the neighbouring county's commission is not offered
		pickAt("duty-add-supervisingOrgId", "supervisingOrgId", "纪委" + u, discipline.id());
		page.locator("#duty-add-supervisingOrgId-search").fill("邻县纪委" + u);
		expect(page.locator("#duty-add-supervisingOrgId .picker-none")).isVisible();
		expect(page.locator("#duty-add-supervisingOrgId [data-pick-id='" + neighbour.id() + "']")).hasCount(0);
		page.locator("#duty-add-supervisingOrgId-search").fill("");
		// without a task it is refused; the units chosen are kept
		page.locator("#duty-add-submit").click();
		expect(page.locator("#duty-add-form .field-error[data-field=task]")).containsText("工作任务");
		expect(page.locator("#duty-add-participatingOrgIds .picker-chip")).hasCount(2);
		expect(page.locator("#duty-add-leadOrgId .picker-chip")).hasText(office.name());
		expect(page.locator("#duty-add-supervisingOrgId .picker-chip")).hasText(discipline.name());
		assertThat(lists.get(list.id()).items()).isEmpty();

		page.locator("#duty-add-form [name=task]").fill("推进清廉机关建设");
		page.locator("#duty-add-submit").click();
		expect(page.locator(".duty-table tbody tr.duty-item-row")).hasCount(1);
		expect(page.locator(".duty-table tbody tr.duty-item-row").first()).containsText(office.name());
		expect(page.locator(".duty-table tbody tr.duty-item-row").first()).containsText(publicity.name() + "、" + education.name());
		expect(page.locator(".duty-table tbody tr.duty-item-row").first()).containsText(discipline.name());
		DutyList.Item item = lists.get(list.id()).items().get(0);
		assertThat(item.supervisingOrg().id()).isEqualTo(discipline.id());
		assertThat(item.participatingOrgs()).extracting(DutyList.Unit::id).containsExactly(publicity.id(), education.id());

		// the edit form shows the units chosen; one removed is gone after saving
		page.locator(".duty-item-actions .duty-edit-toggle").first().click();
		String at = "duty-item-" + item.id();
		expect(page.locator("#" + at + "-participatingOrgIds .picker-chip")).hasCount(2);
		page.locator("#" + at + "-participatingOrgIds .picker-remove").first().click();
		page.locator(".duty-item-edit .duty-item-form button[type=submit]").first().click();
		expect(page.locator(".duty-table tbody tr.duty-item-row").first()).not().containsText(publicity.name());
		assertThat(lists.get(list.id()).items().get(0).participatingOrgs()).extracting(DutyList.Unit::id)
				.containsExactly(education.id());
		screenshot("duty-units");
	}

	@Test
	void requirements_are_published_on_their_page_for_chosen_types_and_revised_while_no_list_below_is_published() {
		String u = unique("Q");
		Org city = tree.create(new OrgTree.NewOrg(unique("QC"), "市委" + u, OrgType.PARTY_COMMITTEE, null, null, null));
		Org county = tree.create(new OrgTree.NewOrg(unique("QX"), "县委" + u, OrgType.PARTY_COMMITTEE, city.id(), null, null));
		Org commission = tree.create(new OrgTree.NewOrg(unique("QD"), "市纪委" + u, OrgType.DISCIPLINE_COMMISSION, city.id(), null, null));
		Org village = tree.create(new OrgTree.NewOrg(unique("QV"), "村支部" + u, OrgType.BRANCH, county.id(), null, null));

		open("/duty/requirements?orgId=" + city.id() + "&year=2026");
		// the default: the committees of the next level
		expect(page.locator("#req-reach")).hasValue("NEXT_LEVEL");
		expect(page.locator("#req-type-PARTY_COMMITTEE")).isChecked();
		expect(page.locator("#req-type-BRANCH")).not().isChecked();
		expect(page.locator("#req-type-DISCIPLINE_COMMISSION")).not().isChecked();
		page.locator("#req-task").fill("签订党风廉政建设责任书");
		page.locator("#requirement-publish").click();
		confirm();
		expect(page.locator("#requirements-table tbody tr")).hasCount(1);
		expect(page.locator("#requirements-table tbody tr").first().locator(".requirement-targeting")).containsText("下一级");
		expect(page.locator("#requirements-table tbody tr").first().locator(".requirement-reached")).hasText("下级清单 1 份");
		assertThat(lists.find(commission.id(), 2026)).isEmpty();

		// chosen types on all levels: the village branch
		page.locator("#req-task").fill("支部落实“三会一课”");
		page.locator("#req-reach").selectOption("ALL_LEVELS");
		page.locator("#req-type-PARTY_COMMITTEE").uncheck();
		page.locator("#req-type-PARTY_GROUP").uncheck();
		page.locator("#req-type-WORKING_COMMITTEE").uncheck();
		page.locator("#req-type-BRANCH").check();
		page.locator("#requirement-publish").click();
		confirm();
		expect(page.locator("#requirements-table tbody tr")).hasCount(2);
		expect(page.locator("#requirements-table tbody tr").nth(1).locator(".requirement-targeting")).containsText("所有下级：党支部");
		assertThat(lists.find(village.id(), 2026).orElseThrow().items()).extracting(DutyList.Item::task)
				.containsExactly("支部落实“三会一课”");

		// revised: the first now also reaches the discipline commission
		long first = requirements.of(city.id(), 2026).get(0).id();
		page.locator("#requirements-table tbody tr").first().locator("summary").click();
		page.locator("#req-" + first + "-type-DISCIPLINE_COMMISSION").check();
		page.locator("#requirements-table tbody tr").first().locator(".requirement-edit button[type=submit]").click();
		confirm();
		expect(page.locator("#requirements-table tbody tr").first().locator(".requirement-reached")).hasText("下级清单 2 份");
		expect(page.locator("#requirements-table tbody tr").first().locator(".requirement-targeting")).containsText("纪委");
		assertThat(lists.find(commission.id(), 2026).orElseThrow().items()).extracting(DutyList.Item::task)
				.containsExactly("签订党风廉政建设责任书");
		screenshot("duty-requirements");
	}
}
