package zeren.browser;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import zeren.org.Org;
import zeren.org.OrgTree;
import zeren.org.OrgType;

/**
 * A county office reaches a township from its own organisation on every per-organisation page:
 * through the switcher's tree or its search, without typing an id into the address bar.
 */
class OrgSwitcherBrowserTest extends BrowserTest {

	@Autowired
	OrgTree tree;

	@Test
	void a_township_is_reached_through_the_switchers_tree_and_its_search() {
		Org county = tree.create(new OrgTree.NewOrg(unique("SW"), "某县委" + unique("S"), OrgType.PARTY_COMMITTEE, null, null, null));
		Org town = tree.create(new OrgTree.NewOrg(unique("SWT"), "青山镇党委" + unique("S"), OrgType.PARTY_COMMITTEE, county.id(), null, null));

		// the tree: open the switcher on the accountability page, unfold the county, choose the township
		open("/accountability?orgId=" + county.id() + "&year=2026");
		expect(page.locator("#org-switcher-toggle")).hasText(county.name());
		page.locator("#org-switcher-toggle").click();
		page.locator("#org-switcher li.org-node[data-org-id='" + county.id() + "'] > button.toggle").click();
		page.locator("#org-switcher li.org-node[data-org-id='" + town.id() + "'] > a").click();
		page.waitForURL(url -> url.contains("/accountability?orgId=" + town.id()) && url.contains("year=2026"));
		expect(page.locator("#org-switcher-toggle")).hasText(town.name());

		// the search: on the ledger, find the township by part of its name
		open("/ledger?orgId=" + county.id());
		page.locator("#org-switcher-toggle").click();
		page.locator("#org-switcher-q").fill(town.name().substring(0, 6));
		page.locator("#org-switcher-found a", new com.microsoft.playwright.Page.LocatorOptions().setHasText(town.name())).click();
		page.waitForURL(url -> url.contains("/ledger?orgId=" + town.id()));
		expect(page.locator("#org-switcher-toggle")).hasText(town.name());

		// the organisation's page opens it in every module
		open("/orgs/" + town.id());
		page.locator("#org-modules a", new com.microsoft.playwright.Page.LocatorOptions().setHasText("追责")).click();
		page.waitForURL(url -> url.contains("/accountability?orgId=" + town.id()));
		expect(page.locator("#org-switcher-toggle")).hasText(town.name());
	}
}
