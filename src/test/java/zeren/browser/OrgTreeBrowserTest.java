package zeren.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Response;

import zeren.org.Org;
import zeren.org.OrgTree;
import zeren.org.OrgType;

/** Browsing the organisation tree: lazy expansion, an organisation's page, search. */
class OrgTreeBrowserTest extends BrowserTest {

	@Autowired
	OrgTree tree;

	/** 市委 > (市委组织部 > (干部科, 组织科), 市委宣传部) */
	Org root;
	Org department;
	Org leaf;
	Org office;
	Org section;
	String tag;

	@BeforeEach
	void smallTree() {
		tag = unique("树");
		root = create("市委" + tag, OrgType.PARTY_COMMITTEE, null);
		department = create("市委组织部" + tag, OrgType.WORK_DEPARTMENT, root);
		leaf = create("市委宣传部" + tag, OrgType.WORK_DEPARTMENT, root);
		office = create("干部科" + tag, OrgType.BRANCH, department);
		section = create("组织科" + tag, OrgType.BRANCH, department);
	}

	private Org create(String name, OrgType type, Org parent) {
		return tree.create(new OrgTree.NewOrg(unique("T"), name, type, parent == null ? null : parent.id(), null,
				null));
	}

	private Locator node(Org org) {
		return page.locator("li.org-node[data-org-id='" + org.id() + "']");
	}

	/** The names shown directly under a node (its own level only). */
	private Locator childNames(Org org) {
		return node(org).locator(":scope > ul.children > li.org-node > a");
	}

	@Test
	void the_tree_loads_children_lazily_without_a_page_load() {
		open("/orgs");
		expect(node(root)).isVisible();
		expect(node(root).locator(":scope > a")).hasText(root.name());
		expect(node(root).locator(":scope > .badge.rounded-pill")).hasText("2");
		// Nothing below the root is in the page yet.
		expect(node(department)).hasCount(0);

		// A page load would lose this marker.
		page.evaluate("window.__samePage = 'yes'");
		Response response = page.waitForResponse(r -> r.url().endsWith("/orgs/" + root.id() + "/children"),
				() -> node(root).locator(":scope > button.toggle").click());
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.request().headers()).containsEntry("hx-request", "true");

		expect(childNames(root)).hasText(new String[] { department.name(), leaf.name() });
		expect(node(leaf).locator(":scope > button.toggle")).hasCount(0);
		expect(node(leaf).locator(":scope > .leaf")).isVisible();
		expect(node(office)).hasCount(0);

		// Expand the next level.
		node(department).locator(":scope > button.toggle").click();
		expect(childNames(department)).hasText(new String[] { office.name(), section.name() });
		assertThat(page.evaluate("window.__samePage")).isEqualTo("yes");
		expect(page).hasURL(url("/orgs"));
		screenshot("orgs-tree-expanded");

		// A loaded level folds and unfolds without asking the server again.
		Locator toggle = node(department).locator(":scope > button.toggle");
		expect(toggle).hasText("−");
		int[] requests = { 0 };
		page.onRequest(r -> requests[0]++);
		toggle.click();
		expect(node(office)).isHidden();
		expect(toggle).hasText("+");
		toggle.click();
		expect(node(office)).isVisible();
		assertThat(requests[0]).isZero();

		// The node links to the organisation's page.
		node(office).locator(":scope > a").click();
		expect(page.locator("#org-name")).hasText(office.name());
	}

	@Test
	void the_organisation_page_shows_the_breadcrumb_of_ancestors_and_the_subtree_size() {
		open("/orgs/" + office.id());
		expect(page.locator("#org-name")).hasText(office.name());
		expect(page.locator(".breadcrumb .breadcrumb-item"))
				.hasText(new String[] { "组织机构", root.name(), department.name(), office.name() });
		expect(page.locator(".breadcrumb .breadcrumb-item.active")).hasAttribute("aria-current", "page");
		expect(page.locator("#subtree-size")).hasText("1");
		expect(page.locator(".org-facts")).containsText(office.code());

		// Up the breadcrumb to the root: five organisations in its subtree, two children.
		page.locator(".breadcrumb").getByText(root.name()).click();
		expect(page.locator("#org-name")).hasText(root.name());
		expect(page.locator("#subtree-size")).hasText("5");
		expect(page.locator(".breadcrumb .breadcrumb-item")).hasText(new String[] { "组织机构", root.name() });
		expect(page.locator("main ul.org-tree > li.org-node > a"))
				.hasText(new String[] { department.name(), leaf.name() });
		screenshot("org-page");

		open("/orgs/" + department.id());
		expect(page.locator("#subtree-size")).hasText("3");

		// from an organisation to its responsibility list of the year
		page.locator("#org-duty-list").click();
		expect(page).hasURL(url("/duty?orgId=" + department.id()));
	}

	@Test
	void search_by_name_finds_an_organisation() {
		open("/orgs");
		page.locator("input[name=q]").fill("组织部" + tag);
		page.locator("form[role=search] button").click();
		expect(page.locator(".search-results li")).hasCount(1);
		expect(page.locator(".search-results li a")).hasText(department.name());
		expect(page.locator(".search-results li")).containsText(department.code());

		page.locator(".search-results li a").click();
		expect(page.locator("#org-name")).hasText(department.name());
		assertThat(idInUrl()).isEqualTo(department.id());
	}

	@Test
	void a_search_that_matches_nothing_says_so() {
		open("/orgs?q=" + URLEncoder.encode("没有这个组织" + tag, StandardCharsets.UTF_8));
		expect(page.locator("main")).containsText("没有找到匹配的组织。");
		expect(page.locator(".search-results li")).hasCount(0);
	}

	@Test
	void an_unknown_organisation_shows_a_not_found_page() {
		var response = page.navigate(url("/orgs/987654321"));
		assertThat(response.status()).isEqualTo(404);
		expect(page.locator("h1")).hasText("未找到");
		// the shared error body (fragments/error :: problem): what it means and the way home
		expect(page.locator("main p").first()).not().isEmpty();
		expect(page.locator("#error-home")).hasText("首页");
		expect(page.locator("#bad-parameter")).hasCount(0);
	}
}
