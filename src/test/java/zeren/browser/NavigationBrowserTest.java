package zeren.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import zeren.org.Org;
import zeren.org.OrgTree;
import zeren.org.OrgType;

/** The admin layout's organisation switcher and its confirmation dialog, as a user clicks them. */
class NavigationBrowserTest extends BrowserTest {

	@Autowired
	OrgTree tree;

	@Test
	void a_township_is_reached_from_the_top_organisation_in_two_modules_through_the_switcher() {
		Org city = tree.create(new OrgTree.NewOrg(unique("NC"), "市委" + unique("N"), OrgType.PARTY_COMMITTEE, null, null, null));
		Org county = tree.create(new OrgTree.NewOrg(unique("NX"), "县委" + unique("N"), OrgType.PARTY_COMMITTEE, city.id(), null, null));
		Org town = tree.create(new OrgTree.NewOrg(unique("NT"), "镇党委" + unique("N"), OrgType.PARTY_COMMITTEE, county.id(), null, null));

		// 清单: down the tree, a level at a time
		open("/duty?orgId=" + city.id() + "&year=2026");
		expect(page.locator("#org-switch-button")).hasText(city.name());
		page.locator("#org-switch-button").click();
		page.locator(".org-switch-tree li[data-org-id='" + city.id() + "'] > button.toggle").click();
		page.locator(".org-switch-tree li[data-org-id='" + county.id() + "'] > button.toggle").click();
		page.locator(".org-switch-tree button.org-pick[data-org-id='" + town.id() + "']").click();
		expect(page).hasURL(Pattern.compile(".*/duty\\?orgId=" + town.id() + "&year=2026"));
		expect(page.locator("#nav-org")).hasText(town.name());
		screenshot("switcher-duty-town");

		// 追责: by searching its name
		open("/accountability?orgId=" + city.id());
		page.locator("#org-switch-button").click();
		page.locator(".org-switch-search").fill(town.name());
		page.locator(".org-switch-results button.org-pick[data-org-id='" + town.id() + "']").click();
		expect(page).hasURL(Pattern.compile(".*/accountability\\?orgId=" + town.id() + ".*"));
		expect(page.locator("#org-switch-button")).hasText(town.name());
	}

	@Test
	void deactivating_asks_first_cancel_does_nothing_confirm_acts_and_says_so() {
		Org org = tree.create(new OrgTree.NewOrg(unique("ND"), "停用测试" + unique("N"), OrgType.PARTY_COMMITTEE, null, null, null));
		open("/orgs/" + org.id());
		button("停用").click();
		expect(page.locator("#confirm-dialog")).isVisible();
		expect(page.locator("#confirm-text")).hasText("确定更改该组织的启用状态？");
		page.locator("#confirm-cancel").click();
		expect(page.locator("#confirm-dialog")).isHidden();
		assertThat(tree.get(org.id()).active()).isTrue();

		button("停用").click();
		confirm();
		expect(page.locator("h1 .badge.text-bg-secondary")).hasText("已停用");
		expect(page.locator("#flash-success")).hasText("操作已完成。");
		assertThat(tree.get(org.id()).active()).isFalse();
	}
}
