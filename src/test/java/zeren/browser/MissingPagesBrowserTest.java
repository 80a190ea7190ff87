package zeren.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import zeren.duty.DutyList;
import zeren.duty.Requirements;
import zeren.duty.ResponsibilityLists;
import zeren.org.Org;
import zeren.org.OrgTree;
import zeren.org.OrgType;

/** Actions that had no page: publishing "1+X" requirements, linking a committee to its discipline body. */
class MissingPagesBrowserTest extends BrowserTest {

	@Autowired
	OrgTree tree;

	@Autowired
	Requirements requirements;

	@Autowired
	ResponsibilityLists lists;

	@Test
	void a_city_publishes_a_requirement_on_its_page_and_it_reaches_the_county_list() {
		Org city = tree.create(new OrgTree.NewOrg(unique("RC"), "市委" + unique("R"), OrgType.PARTY_COMMITTEE, null, null, null));
		Org county = tree.create(new OrgTree.NewOrg(unique("RX"), "县委" + unique("R"), OrgType.PARTY_COMMITTEE, city.id(), null, null));

		open("/duty?orgId=" + city.id() + "&year=2026");
		page.locator("#duty-requirements").click();
		expect(page.locator("#requirements-heading")).containsText(city.name());
		expect(page.locator("#requirements-none")).isVisible();

		// without a task it is refused beside the field, and what was typed stays
		page.locator("#req-category").fill("主体责任");
		page.locator("#req-goal").fill("层层签订");
		page.locator("#req-deadline").fill("2026-03-31");
		page.locator("#requirement-publish").click();
		confirm();
		expect(page.locator("#requirement-form .field-error")).containsText("工作任务");
		expect(page.locator("#req-category")).hasValue("主体责任");
		expect(page.locator("#req-goal")).hasValue("层层签订");
		expect(page.locator("#req-deadline")).hasValue("2026-03-31");
		assertThat(requirements.of(city.id(), 2026)).isEmpty();

		page.locator("#req-task").fill("签订党风廉政建设责任书");
		page.locator("#requirement-publish").click();
		confirm();
		expect(page.locator("#requirements-table tbody tr")).hasCount(1);
		expect(page.locator("#requirements-table")).containsText("签订党风廉政建设责任书");
		expect(page.locator("#requirements-table")).containsText("2026-03-31");
		screenshot("requirements-published");
		assertThat(requirements.of(city.id(), 2026)).extracting(Requirements.Issued::task)
				.containsExactly("签订党风廉政建设责任书");
		assertThat(lists.find(county.id(), 2026).orElseThrow().items()).extracting(DutyList.Item::task)
				.containsExactly("签订党风廉政建设责任书");
	}

	@Test
	void a_committee_is_linked_to_its_discipline_body_on_its_page() {
		Org county = tree.create(new OrgTree.NewOrg(unique("LX"), "县委" + unique("L"), OrgType.PARTY_COMMITTEE, null, null, null));
		Org commission = tree.create(new OrgTree.NewOrg(unique("LJ"), "县纪委" + unique("L"), OrgType.DISCIPLINE_COMMISSION,
				county.id(), null, null));

		open("/orgs/" + county.id());
		pick("disciplineBodyId", commission.name(), commission.id());
		page.locator("#discipline-link-submit").click();
		expect(page.locator(".org-facts")).containsText(commission.name());
		screenshot("discipline-body-linked");
		assertThat(tree.get(county.id()).disciplineBodyId()).isEqualTo(commission.id());
	}
}
