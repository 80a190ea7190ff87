package zeren.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import zeren.org.Org;
import zeren.org.OrgTree;
import zeren.org.OrgType;

/** Changing the tree through the forms: create, refuse bad input, move, rename, deactivate. */
class OrgFormsBrowserTest extends BrowserTest {

	@Autowired
	OrgTree tree;

	private Org create(String name, OrgType type, Org parent) {
		return tree.create(new OrgTree.NewOrg(unique("F"), name, type, parent == null ? null : parent.id(), null,
				null));
	}

	@Test
	void an_organisation_and_its_child_are_created_through_the_forms() {
		String code = unique("NEW");
		String name = "县委" + code;
		open("/orgs");
		page.locator(".new-org input[name=code]").fill(code);
		page.locator(".new-org input[name=name]").fill(name);
		page.locator(".new-org select[name=type]").selectOption("PARTY_COMMITTEE");
		page.locator(".new-org button[type=submit]").click();

		expect(page.locator("#org-name")).hasText(name);
		expect(page.locator(".org-facts")).containsText(code);
		expect(page.locator("h1")).containsText("党委");
		expect(page.locator(".org-facts dt:text-is('层级') + dd")).hasText("1");
		expect(page.locator("#subtree-size")).hasText("1");
		Org created = tree.findByCode(code).orElseThrow();
		assertThat(idInUrl()).isEqualTo(created.id());
		assertThat(created.parentId()).isNull();

		String childCode = unique("NEW");
		String childName = "县委办公室" + childCode;
		page.locator(".new-child input[name=code]").fill(childCode);
		page.locator(".new-child input[name=name]").fill(childName);
		page.locator(".new-child select[name=type]").selectOption("WORK_DEPARTMENT");
		page.locator(".new-child button[type=submit]").click();

		expect(page.locator("#org-name")).hasText(childName);
		expect(page.locator(".breadcrumb .breadcrumb-item")).hasText(new String[] { "组织机构", name, childName });
		expect(page.locator(".org-facts dt:text-is('层级') + dd")).hasText("2");
		Org child = tree.findByCode(childCode).orElseThrow();
		assertThat(child.parentId()).isEqualTo(created.id());
		assertThat(child.type()).isEqualTo(OrgType.WORK_DEPARTMENT);

		// The parent now lists it and counts it.
		page.locator(".breadcrumb").getByText(name).click();
		expect(page.locator("#subtree-size")).hasText("2");
		expect(page.locator("main ul.org-tree > li.org-node > a")).hasText(new String[] { childName });
	}

	@Test
	void the_new_organisation_form_also_creates_a_child_under_a_parent_given_by_code() {
		Org parent = create("镇党委" + unique("P"), OrgType.PARTY_COMMITTEE, null);
		String code = unique("NEW");
		open("/orgs");
		page.locator(".new-org input[name=code]").fill(code);
		page.locator(".new-org input[name=name]").fill("村党支部" + code);
		page.locator(".new-org select[name=type]").selectOption("BRANCH");
		page.locator(".new-org input[name=parentCode]").fill(parent.code());
		page.locator(".new-org button[type=submit]").click();

		expect(page.locator("#org-name")).hasText("村党支部" + code);
		expect(page.locator(".breadcrumb .breadcrumb-item"))
				.hasText(new String[] { "组织机构", parent.name(), "村党支部" + code });
		assertThat(tree.findByCode(code).orElseThrow().parentId()).isEqualTo(parent.id());
	}

	@Test
	void a_duplicate_code_is_refused_with_the_field_named_and_nothing_is_created() {
		Org existing = create("原有组织" + unique("D"), OrgType.PARTY_COMMITTEE, null);
		long before = tree.count();
		String otherName = "重复编码的组织" + unique("D");

		open("/orgs");
		page.locator(".new-org input[name=code]").fill(existing.code());
		page.locator(".new-org input[name=name]").fill(otherName);
		page.locator(".new-org button[type=submit]").click();

		expect(page.locator(".alert-danger .error-list li"))
				.hasText(new String[] { "编码：" + existing.code() + " 已被使用" });
		expect(page).hasURL(url("/orgs"));
		// what was typed comes back, to be corrected rather than typed again
		expect(page.locator(".new-org input[name=name]")).hasValue(otherName);
		expect(page.locator(".new-org input[name=code]")).hasValue(existing.code());
		screenshot("orgs-duplicate-code");
		assertThat(tree.count()).isEqualTo(before);
		assertThat(tree.findByCode(existing.code()).orElseThrow().name()).isEqualTo(existing.name());
		assertThat(tree.search(otherName, null, 10)).isEmpty();

		// The message goes away on the next visit: it was shown once.
		open("/orgs");
		expect(page.locator(".alert-danger")).hasCount(0);
	}

	@Test
	void a_duplicate_code_in_the_child_form_is_refused_on_the_parent_page() {
		Org existing = create("原有组织" + unique("D"), OrgType.PARTY_COMMITTEE, null);
		Org parent = create("上级组织" + unique("D"), OrgType.PARTY_COMMITTEE, null);

		open("/orgs/" + parent.id());
		page.locator(".new-child input[name=code]").fill(existing.code());
		page.locator(".new-child input[name=name]").fill("不会建成的下级");
		page.locator(".new-child button[type=submit]").click();

		expect(page.locator(".alert-danger .error-list li"))
				.hasText(new String[] { "编码：" + existing.code() + " 已被使用" });
		expect(page.locator("#org-name")).hasText(parent.name());
		expect(page.locator("#subtree-size")).hasText("1");
		assertThat(tree.childCount(parent.id())).isZero();
	}

	@Test
	void an_unknown_parent_code_is_refused_with_the_field_named() {
		String code = unique("NEW");
		open("/orgs?lang=en");
		page.locator(".new-org input[name=code]").fill(code);
		page.locator(".new-org input[name=name]").fill("Orphan " + code);
		page.locator(".new-org input[name=parentCode]").fill("NO-SUCH-" + code);
		page.locator(".new-org button[type=submit]").click();

		expect(page.locator(".alert-danger .error-list li"))
				.hasText(new String[] { "parent: NO-SUCH-" + code + " does not exist" });
		assertThat(tree.findByCode(code)).isEmpty();
	}

	@Test
	void moving_an_organisation_under_its_own_descendant_is_refused_with_a_clear_message() {
		Org root = create("区委" + unique("M"), OrgType.PARTY_COMMITTEE, null);
		Org middle = create("区委办" + unique("M"), OrgType.WORK_DEPARTMENT, root);
		Org bottom = create("区委办支部" + unique("M"), OrgType.BRANCH, middle);

		open("/orgs/" + root.id());
		page.locator(".move input[name=parentCode]").fill(bottom.code());
		page.locator(".move button[type=submit]").click();

		expect(page.locator(".alert-danger .error-list li")).hasText(new String[] {
				"上级组织：不能把 " + root.code() + " 移到它自己或它的下级 " + bottom.code() + " 之下" });
		expect(page.locator(".breadcrumb .breadcrumb-item")).hasText(new String[] { "组织机构", root.name() });
		screenshot("org-move-refused");
		assertThat(tree.get(root.id()).parentId()).isNull();
		assertThat(tree.get(bottom.id()).parentId()).isEqualTo(middle.id());

		// Under itself: refused as well.
		page.locator(".move input[name=parentCode]").fill(root.code());
		page.locator(".move button[type=submit]").click();
		expect(page.locator(".alert-danger .error-list li")).hasText(new String[] {
				"上级组织：不能把 " + root.code() + " 移到它自己或它的下级 " + root.code() + " 之下" });
		assertThat(tree.get(root.id()).parentId()).isNull();
	}

	@Test
	void moving_an_organisation_elsewhere_takes_its_subtree_along() {
		Org root = create("区委" + unique("M"), OrgType.PARTY_COMMITTEE, null);
		Org from = create("甲部门" + unique("M"), OrgType.WORK_DEPARTMENT, root);
		Org to = create("乙部门" + unique("M"), OrgType.WORK_DEPARTMENT, root);
		Org moved = create("科室" + unique("M"), OrgType.BRANCH, from);
		Org below = create("小组" + unique("M"), OrgType.BRANCH, moved);

		open("/orgs/" + moved.id());
		page.locator(".move input[name=parentCode]").fill(to.code());
		page.locator(".move button[type=submit]").click();

		expect(page.locator(".breadcrumb .breadcrumb-item"))
				.hasText(new String[] { "组织机构", root.name(), to.name(), moved.name() });
		expect(page.locator(".alert-danger")).hasCount(0);
		open("/orgs/" + below.id());
		expect(page.locator(".breadcrumb .breadcrumb-item"))
				.hasText(new String[] { "组织机构", root.name(), to.name(), moved.name(), below.name() });
		open("/orgs/" + from.id());
		expect(page.locator("#subtree-size")).hasText("1");
		open("/orgs/" + to.id());
		expect(page.locator("#subtree-size")).hasText("3");
	}

	@Test
	void an_organisation_is_renamed_and_deactivated_only_when_its_children_are() {
		Org parent = create("旧名称" + unique("R"), OrgType.PARTY_COMMITTEE, null);
		Org child = create("下级" + unique("R"), OrgType.BRANCH, parent);
		String newName = "新名称" + unique("R");

		open("/orgs/" + parent.id());
		page.locator(".rename input[name=name]").fill(newName);
		page.locator(".rename button[type=submit]").click();
		expect(page.locator("#org-name")).hasText(newName);
		expect(page.locator(".breadcrumb-item.active")).hasText(newName);
		assertThat(tree.get(parent.id()).name()).isEqualTo(newName);

		// An active child blocks deactivation.
		button("停用").click();
		confirm();
		expect(page.locator(".alert-danger .error-list li"))
				.hasText(new String[] { "状态：还有 1 个有效的下级组织，不能停用" });
		expect(page.locator("h1 .badge.text-bg-success")).hasText("有效");
		assertThat(tree.get(parent.id()).active()).isTrue();

		open("/orgs/" + child.id());
		button("停用").click();
		confirm();
		expect(page.locator("h1 .badge.text-bg-secondary")).hasText("已停用");
		assertThat(tree.get(child.id()).active()).isFalse();

		open("/orgs/" + parent.id());
		button("停用").click();
		confirm();
		expect(page.locator("h1 .badge.text-bg-secondary")).hasText("已停用");

		// The child cannot come back while its parent is deactivated; the parent can.
		open("/orgs/" + child.id());
		button("恢复").click();
		confirm();
		expect(page.locator(".alert-danger .error-list li")).hasText(new String[] { "状态：上级组织已停用，不能恢复" });
		open("/orgs/" + parent.id());
		button("恢复").click();
		confirm();
		expect(page.locator("h1 .badge.text-bg-success")).hasText("有效");
		assertThat(tree.get(parent.id()).active()).isTrue();
	}
}
