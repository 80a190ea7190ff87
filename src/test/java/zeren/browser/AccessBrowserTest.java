package zeren.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Response;

import zeren.access.Role;
import zeren.access.Users;
import zeren.org.Org;
import zeren.org.OrgTree;
import zeren.org.OrgType;

/** Sign-in, lockout, and what a user scoped to one subtree sees. */
class AccessBrowserTest extends BrowserTest {

	@Autowired
	Users users;

	@Autowired
	OrgTree tree;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Override
	boolean signInAsAdministrator() {
		return false;
	}

	String newUser(String password) {
		String username = unique("u").toLowerCase();
		users.create(new Users.NewUser(username, password, null, true));
		return username;
	}

	@Test
	void pages_ask_for_a_login_in_chinese_and_a_wrong_password_is_refused() {
		open("/orgs");
		expect(page).hasURL(url("/login"));
		expect(page.locator("h1")).hasText("登录");
		String username = newUser("correct-horse-battery");
		page.locator("#username").fill(username);
		page.locator("#password").fill("wrong-password-1");
		page.locator("form.login button[type=submit]").click();
		expect(page.locator("#login-error")).hasText("用户名或密码错误。多次失败后须等待一段时间才能再试。");

		signIn(username, "correct-horse-battery");
		expect(page.locator("#current-user")).hasText(username);
		// the session lives in the database, so any node can serve the next request
		assertThat(jdbc.sql("SELECT COUNT(*) FROM spring_session WHERE principal_name = :u").param("u", username)
				.query(Long.class).single()).isEqualTo(1);
		page.locator("#logout").click();
		expect(page).hasURL(url("/login?logout"));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM spring_session WHERE principal_name = :u").param("u", username)
				.query(Long.class).single()).isZero();
		open("/people");
		expect(page).hasURL(url("/login"));
	}

	@Test
	void five_failed_logins_lock_this_address_out_with_the_same_answer_until_an_administrator_unlocks() {
		String username = newUser("the-right-password");
		for (int i = 0; i < 5; i++) {
			signIn(username, "a-wrong-password-" + i);
			expect(page.locator("#login-error")).isVisible();
		}
		String wrongAnswer = page.locator("main").textContent();
		signIn(username, "the-right-password");
		// locked: the same page as for a wrong password, nothing says the password was right
		expect(page.locator("#login-error")).isVisible();
		assertThat(page.locator("main").textContent()).isEqualTo(wrongAnswer);
		long id = users.findByUsername(username).orElseThrow().id();
		assertThat(users.get(id).lockedUntil()).isNotNull();

		signIn(ADMIN, ADMIN_PASSWORD);
		open("/admin/users/" + id);
		expect(page.locator("table.lockouts tbody tr")).hasCount(1);
		screenshot("user-lockout");
		page.locator("#unlock").click();
		expect(page.locator("#no-lockouts")).isVisible();
		expect(page.locator(".alert-success")).containsText("已解除 1 个来源地址的锁定");
		page.locator("#logout").click();
		signIn(username, "the-right-password");
		expect(page.locator("#current-user")).hasText(username);
	}

	@Test
	void a_new_password_signs_out_the_other_browser_and_keeps_this_one() {
		String username = newUser("first-horse-battery-9");
		var elsewhere = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setLocale("zh-CN"));
		try {
			var other = elsewhere.newPage();
			other.navigate(url("/login"));
			other.locator("#username").fill(username);
			other.locator("#password").fill("first-horse-battery-9");
			other.locator("form.login button[type=submit]").click();
			expect(other.locator("#current-user")).hasText(username);

			signIn(username, "first-horse-battery-9");
			page.locator("#current-user").click();
			page.locator(".change-password input[name=oldPassword]").fill("first-horse-battery-9");
			page.locator(".change-password input[name=newPassword]").fill("second-horse-battery-9");
			page.locator(".change-password button[type=submit]").click();
			expect(page.locator(".alert-success")).hasText("密码已修改。");
			open("/account");
			expect(page.locator("#current-user")).hasText(username);

			other.navigate(url("/account"));
			expect(other).hasURL(url("/login"));
		}
		finally {
			elsewhere.close();
		}
	}

	@Test
	void a_user_scoped_to_one_county_sees_it_and_nothing_of_its_sibling() {
		String p = unique("S");
		Org city = tree.create(new OrgTree.NewOrg(p + "-city", p + "市委", OrgType.PARTY_COMMITTEE, null, null, null));
		Org mine = tree.create(new OrgTree.NewOrg(p + "-a", p + "甲县委", OrgType.PARTY_COMMITTEE, city.id(), null, null));
		tree.create(new OrgTree.NewOrg(p + "-a1", p + "甲县一村", OrgType.BRANCH, mine.id(), null, null));
		Org sibling = tree.create(new OrgTree.NewOrg(p + "-b", p + "乙县委", OrgType.PARTY_COMMITTEE, city.id(), null, null));
		String username = newUser("county-password-1");
		long userId = users.findByUsername(username).orElseThrow().id();
		users.addGrant(userId, new Users.NewGrant(Role.ORG_ADMIN, mine.id(), true));

		signIn(username, "county-password-1");
		open("/orgs");
		expect(page.locator("#org-tree")).containsText(p + "甲县委");
		assertThat(page.locator("#org-tree").textContent()).doesNotContain(p + "乙县委").doesNotContain(p + "市委");
		page.locator("#org-tree li.org-node").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(p + "甲县委"))
				.locator("button.toggle").first().click();
		expect(page.locator("#org-tree")).containsText(p + "甲县一村");

		open("/orgs/" + mine.id());
		// the breadcrumb does not reveal the city above the grant
		assertThat(page.locator(".breadcrumb").textContent()).doesNotContain(p + "市委");
		Response response = page.navigate(url("/orgs/" + sibling.id()));
		assertThat(response.status()).isEqualTo(404);
		open("/orgs?q=" + p);
		assertThat(page.locator(".search-results").textContent()).contains(p + "甲县委").doesNotContain(p + "乙县委");
		screenshot("scoped-tree");
		assertThat(List.of(page.locator("nav").textContent())).noneMatch(t -> t.contains("审计"));
	}

	@Test
	void the_administrator_reads_the_audit_trail_and_exports_it_to_excel() throws Exception {
		String p = unique("A");
		tree.create(new OrgTree.NewOrg(p, p + "审计县委", OrgType.PARTY_COMMITTEE, null, null, null));
		signIn(ADMIN, ADMIN_PASSWORD);
		page.locator("nav a[href='/audit']").click();
		expect(page.locator("h1")).hasText("审计记录");
		expect(page.locator("table.audit-events")).containsText(p + "审计县委");
		screenshot("audit");
		var download = page.waitForDownload(() -> page.locator("#audit-export").click());
		try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(download.createReadStream())) {
			assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("序号");
			assertThat(workbook.getSheetAt(0).getLastRowNum()).isGreaterThan(0);
		}
		page.locator("nav a[href='/admin/users']").click();
		expect(page.locator("table.users")).containsText("admin");
		screenshot("users");
	}

	@Test
	void the_api_documentation_page_shows_the_api_under_the_content_security_policy() {
		signIn(ADMIN, ADMIN_PASSWORD);
		page.locator("nav a[href='/docs/api']").click();
		// the documentation's script bundle is large: give it time on a busy machine
		expect(page.locator(".swagger-ui .info .title"))
				.containsText("Zeren", new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
		expect(page.locator("section.swagger-container")).containsText("/api/v1/orgs/import");
		screenshot("api-docs");
	}

	@Test
	void an_administrator_creates_a_user_grants_a_county_and_the_user_sees_only_that_county() {
		String p = unique("G");
		Org city = tree.create(new OrgTree.NewOrg(p + "-city", p + "市委", OrgType.PARTY_COMMITTEE, null, null, null));
		Org county = tree.create(new OrgTree.NewOrg(p + "-cnty", p + "县委", OrgType.PARTY_COMMITTEE, city.id(), null, null));
		String username = unique("new").toLowerCase();
		signIn(ADMIN, ADMIN_PASSWORD);
		open("/admin/users");
		page.locator(".new-user input[name=username]").fill(username);
		page.locator(".new-user input[name=password]").fill("short");
		page.locator(".new-user button[type=submit]").click();
		expect(page.locator(".alert-danger .error-list li")).hasText(new String[] { "密码：至少 10 个字符" });
		assertThat(users.findByUsername(username)).isEmpty();

		page.locator(".new-user input[name=username]").fill(username);
		page.locator(".new-user input[name=password]").fill("county-user-pw-1");
		page.locator(".new-user button[type=submit]").click();
		expect(page.locator("h1")).hasText(username);
		page.locator(".add-grant select[name=role]").selectOption("ORG_ADMIN");
		page.locator(".add-grant input[name=orgCode]").fill(county.code());
		page.locator(".add-grant button[type=submit]").click();
		expect(page.locator("table.grants tbody tr")).hasCount(1);
		expect(page.locator("table.grants")).containsText(county.name());
		screenshot("user-grants");

		page.locator("#logout").click();
		signIn(username, "county-user-pw-1");
		open("/orgs");
		expect(page.locator("#org-tree")).containsText(county.name());
		assertThat(page.locator("#org-tree").textContent()).doesNotContain(city.name());
		page.locator("#logout").click();

		signIn(ADMIN, ADMIN_PASSWORD);
		open("/admin/users/" + users.findByUsername(username).orElseThrow().id());
		page.locator("table.grants button[type=submit]").click();
		confirm();
		expect(page.locator("table.grants tbody tr")).hasCount(0);
		assertThat(users.grants(users.findByUsername(username).orElseThrow().id())).isEmpty();
	}

	@Test
	void a_user_changes_their_password_and_creates_and_revokes_a_token() {
		String username = newUser("first-password-1");
		signIn(username, "first-password-1");
		page.locator("#current-user").click();
		page.locator(".change-password input[name=oldPassword]").fill("not-my-password");
		page.locator(".change-password input[name=newPassword]").fill("second-password-2");
		page.locator(".change-password button[type=submit]").click();
		expect(page.locator(".alert-danger .error-list li")).hasText(new String[] { "原密码：原密码不正确" });
		page.locator(".change-password input[name=oldPassword]").fill("first-password-1");
		page.locator(".change-password input[name=newPassword]").fill("second-password-2");
		page.locator(".change-password button[type=submit]").click();
		expect(page.locator(".alert-success")).hasText("密码已修改。");

		page.locator(".new-token input[name=name]").fill("导入脚本");
		page.locator(".new-token button[type=submit]").click();
		expect(page.locator("#new-token code")).containsText("zrn_");
		expect(page.locator("table.tokens")).containsText("导入脚本");
		page.locator("table.tokens button[type=submit]").click();
		confirm();
		expect(page.locator("table.tokens")).containsText("已撤销");
		expect(page.locator("#new-token")).hasCount(0);
		long id = users.findByUsername(username).orElseThrow().id();
		assertThat(users.tokens(id)).singleElement().satisfies(t -> assertThat(t.revokedAt()).isNotNull());

		page.locator("#logout").click();
		signIn(username, "second-password-2");
		expect(page.locator("#current-user")).hasText(username);
	}
}
