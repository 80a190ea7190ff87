package zeren.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.options.LoadState;

import zeren.access.Role;
import zeren.access.UserAccount;
import zeren.access.Users;
import zeren.duty.LetterManagement;
import zeren.duty.Requirements;
import zeren.duty.ResponsibilityLetter;
import zeren.duty.ResponsibilityLetters;
import zeren.org.Leadership;
import zeren.org.Org;
import zeren.org.OrgTree;
import zeren.org.OrgType;
import zeren.org.People;
import zeren.org.Person;
import zeren.org.Post;
import zeren.org.PostKind;
import zeren.platform.BusinessClock;
import zeren.tracking.NewEntry;
import zeren.tracking.NewTrackedItem;
import zeren.tracking.TrackedItem;
import zeren.tracking.TrackedItemMoves;
import zeren.tracking.TrackedItems;
import zeren.tracking.Tracking;

/**
 * The lists of issue 14 as people use them: the users list searched, filtered, sorted and paged
 * with its query kept in the address and exported as the page shows it; the letters of a city
 * searched, then issued and signed several at once; the items waiting for a verifier closed
 * several at once; the people and login-lock exports opened with POI.
 */
class ListsBrowserTest extends BrowserTest {

	@Autowired
	OrgTree tree;

	@Autowired
	Leadership leadership;

	@Autowired
	People people;

	@Autowired
	Users users;

	@Autowired
	Requirements requirements;

	@Autowired
	LetterManagement letterManagement;

	@Autowired
	ResponsibilityLetters letters;

	@Autowired
	Tracking tracking;

	@Autowired
	TrackedItemMoves moves;

	@Autowired
	TrackedItems items;

	@Autowired
	BusinessClock clock;

	@Autowired
	JdbcClient jdbc;

	/** Signs in as another user in a browser session of their own, and makes it the current page. */
	BrowserContext sessionOf(String username, String password) {
		BrowserContext own = browser.newContext(new Browser.NewContextOptions().setLocale("en-US").setViewportSize(1280, 900));
		own.setDefaultTimeout(10_000);
		page = own.newPage();
		page.onPageError(error -> pageProblems.add("script error: " + error));
		signIn(username, password);
		return own;
	}

	/** The rows of the first sheet named {@code sheet} of a downloaded workbook, as text, without the header. */
	static List<List<String>> rows(APIResponse download, String sheet) throws Exception {
		assertThat(download.status()).isEqualTo(200);
		assertThat(download.headers().get("content-type")).contains("spreadsheetml");
		List<List<String>> rows = new ArrayList<>();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(download.body()))) {
			Sheet s = book.getSheet(sheet);
			assertThat(s).as("sheet " + sheet).isNotNull();
			var format = new org.apache.poi.ss.usermodel.DataFormatter();
			for (Row row : s) {
				if (row.getRowNum() == 0) {
					continue;
				}
				List<String> cells = new ArrayList<>();
				for (int c = 0; c < row.getLastCellNum(); c++) {
					var cell = row.getCell(c);
					cells.add(cell == null ? "" : format.formatCellValue(cell));
				}
				rows.add(cells);
			}
		}
		return rows;
	}

	@Test
	void the_users_list_is_searched_filtered_sorted_and_paged_and_exported_as_shown() throws Exception {
		String prefix = unique("lst").toLowerCase() + "-";
		for (int i = 0; i < 53; i++) {
			UserAccount u = users.create(new Users.NewUser(prefix + String.format("%02d", i), "list-password-1", null, true));
			if (i % 10 == 0) {
				users.setEnabled(u.id(), false);
			}
		}
		open("/admin/users");
		page.locator("#users-q").fill(prefix);
		page.locator("#users-sort").selectOption("RECENT");
		page.locator("#users-find").click();
		page.waitForLoadState(LoadState.LOAD);
		expect(page.locator(".paging-total")).hasText("共 53 条，第 1/2 页");
		expect(page.locator("table.users tbody tr")).hasCount(50);
		expect(page.locator("table.users tbody tr").first()).containsText(prefix + "52");
		page.locator(".paging-next").click();
		page.waitForLoadState(LoadState.LOAD);
		// the address keeps the search and the sort: the second page is a link to share
		assertThat(page.url()).contains("sort=RECENT").contains("page=2");
		expect(page.locator(".paging-total")).hasText("共 53 条，第 2/2 页");
		expect(page.locator("table.users tbody tr").last()).containsText(prefix + "00");
		expect(page.locator("#users-sort")).hasValue("RECENT");

		page.locator("#users-state").selectOption("DISABLED");
		page.locator("#users-find").click();
		page.waitForLoadState(LoadState.LOAD);
		expect(page.locator(".paging-total")).hasText("共 6 条，第 1/1 页");
		screenshot("users-list-filtered");
		// the export carries the rows the page shows, in its order
		List<List<String>> exported = rows(page.request().get(url(page.locator("#users-export").getAttribute("href"))), "用户");
		assertThat(exported).extracting(r -> r.get(0)).containsExactly(prefix + "50", prefix + "40", prefix + "30",
				prefix + "20", prefix + "10", prefix + "00");
		assertThat(exported.get(0).get(2)).isEqualTo("已停用");
	}

	@Test
	void the_people_register_and_the_login_locks_are_exported_with_their_rows() throws Exception {
		String prefix = "导出" + unique("P");
		for (int i = 0; i < 3; i++) {
			people.create(new People.NewPerson(prefix + i, Person.Gender.FEMALE, LocalDate.of(1980, 1, 1 + i), null, null, null));
		}
		open("/people?q=" + prefix + "&sort=NAME");
		expect(page.locator("table.people tbody tr")).hasCount(3);
		List<List<String>> exported = rows(page.request().get(url(page.locator("#people-export").getAttribute("href"))), "人员");
		assertThat(exported).extracting(r -> r.get(1)).containsExactly(prefix + "0", prefix + "1", prefix + "2");
		assertThat(exported.get(2)).contains("女", "1980-01-03");

		// a user name locked from a documentation address, and that address locked as a whole
		String name = unique("locked").toLowerCase();
		String address = "203.0.113." + (1 + Math.abs(name.hashCode()) % 250);
		try {
			jdbc.sql("""
					INSERT INTO login_throttle (username, client_address, failures, lockouts, permanent, refused)
					VALUES (:u, :a, 9, 3, TRUE, 0)""").param("u", name).param("a", address).update();
			jdbc.sql("""
					INSERT INTO login_source (client_address, failures, lockouts, permanent, refused)
					VALUES (:a, 40, 2, TRUE, 0)""").param("a", address).update();
			open("/admin/login-locks");
			expect(page.locator("table.user-locks")).containsText(name);
			expect(page.locator("table.login-locks")).containsText(address);
			APIResponse locks = page.request().get(url(page.locator("#login-locks-export").getAttribute("href")));
			assertThat(rows(locks, "被锁定的用户名")).anySatisfy(r -> assertThat(r).containsExactly(name, address, "9",
					"永久（须管理员解除）"));
			APIResponse again = page.request().get(url("/admin/login-locks/export.xlsx"));
			assertThat(rows(again, "被锁定的来源地址")).anySatisfy(r -> assertThat(r).containsExactly(address, "40",
					"永久（须管理员解除）"));
		}
		finally {
			jdbc.sql("DELETE FROM login_throttle WHERE client_address = :a").param("a", address).update();
			jdbc.sql("DELETE FROM login_source WHERE client_address = :a").param("a", address).update();
		}
	}

	@Test
	void the_letters_of_a_city_are_searched_then_issued_and_signed_several_at_once() {
		int year = clock.today().getYear();
		Org city = tree.create(new OrgTree.NewOrg(unique("BC"), "市委" + unique("B"), OrgType.PARTY_COMMITTEE, null, null, null));
		Post secretary = leadership.addPost(city.id(), new Leadership.NewPost("市委书记", PostKind.SECRETARY, List.of(), 1));
		for (String county : List.of("东县委", "西县委", "南县委")) {
			Org c = tree.create(new OrgTree.NewOrg(unique("BX"), county + unique("B"), OrgType.PARTY_COMMITTEE, city.id(), null, null));
			leadership.addPost(c.id(), new Leadership.NewPost(county + "书记", PostKind.SECRETARY, List.of(), 1));
		}
		Person boss = people.create(new People.NewPerson("赵" + unique("P"), null, null, null, null, city.id()));
		leadership.appoint(new Leadership.NewTenure(boss.id(), secretary.id(), LocalDate.of(2020, 1, 1), null));
		requirements.publish(new Requirements.Publication(city.id(), year,
				List.of(new Requirements.Requirement(null, "1", "主体责任", "逐级签订责任书", null, null))));
		letterManagement.generate(city.id(), year);
		String bossName = unique("boss").toLowerCase();
		UserAccount bossUser = users.create(new Users.NewUser(bossName, "boss-password-1", boss.id(), true));
		users.addGrant(bossUser.id(), new Users.NewGrant(Role.ORG_ADMIN, city.id(), true));

		String list = "/duty/letters?orgId=" + city.id() + "&year=" + year;
		open(list);
		expect(page.locator(".letters-table tbody tr")).hasCount(3);
		page.locator("#letters-q").fill("西县");
		page.locator("#letters-find").click();
		page.waitForLoadState(LoadState.LOAD);
		expect(page.locator(".letters-table tbody tr")).hasCount(1);
		expect(page.locator(".letters-table tbody tr")).containsText("西县委书记");
		assertThat(page.url()).contains("q=");

		// the whole list, every letter chosen, issued at once after the confirmation
		page.locator("#letters-q").fill("");
		page.locator("#letters-sort").selectOption("STATUS");
		page.locator("#letters-find").click();
		page.waitForLoadState(LoadState.LOAD);
		page.locator(".letters-table .batch-all").check();
		expect(page.locator(".letters-table .batch-row:checked")).hasCount(3);
		page.locator("#letters-batch-issue").click();
		confirm();
		page.waitForLoadState(LoadState.LOAD);
		expect(page.locator("#flash-success")).containsText("已下达 3 份责任书");
		expect(page.locator(".letters-table .letter-status")).hasText(new String[] { "已下达", "已下达", "已下达" });
		expect(page.locator("#letters-sort")).hasValue("STATUS");

		// the city secretary signs two of them at once, in their own session
		BrowserContext bossSession = sessionOf(bossName, "boss-password-1");
		open(list);
		page.locator(".letters-table .batch-row").nth(0).check();
		page.locator(".letters-table .batch-row").nth(1).check();
		page.locator("#letters-batch-sign").click();
		expect(page.locator("#confirm-text")).containsText("签署后不能撤回");
		confirm();
		page.waitForLoadState(LoadState.LOAD);
		expect(page.locator("#flash-success")).containsText("已签署 2 份责任书");
		screenshot("letters-batch-signed");
		long signedByBoss = letters.page(city.id(), year, null, null, 1, 50).items().stream()
				.filter(l -> l.signedBy(ResponsibilityLetter.Side.ISSUER)).count();
		assertThat(signedByBoss).isEqualTo(2);

		// the same two again: the first is named, nothing is signed
		page.locator(".letters-table .batch-all").check();
		page.locator("#letters-batch-sign").click();
		confirm();
		page.waitForLoadState(LoadState.LOAD);
		expect(page.locator(".error-list li")).containsText("该方已签署（整批均未办理，请处理后重试）");
		bossSession.close();
	}

	@Test
	void a_verifier_closes_several_submitted_items_at_once() {
		Org city = tree.create(new OrgTree.NewOrg(unique("TC"), "市委" + unique("T"), OrgType.PARTY_COMMITTEE, null, null, null));
		Org county = tree.create(new OrgTree.NewOrg(unique("TX"), "县委" + unique("T"), OrgType.PARTY_COMMITTEE, city.id(), null, null));
		Post owner = leadership.addPost(county.id(), new Leadership.NewPost("县委书记", PostKind.SECRETARY, List.of(), 1));
		LocalDate today = clock.today();
		List<TrackedItem> submitted = new ArrayList<>();
		for (String title : List.of("整改甲：建立台账", "整改乙：完善制度", "整改丙：警示教育")) {
			TrackedItem item = tracking.open(new NewTrackedItem("test.item", unique("ref"), county.id(), title,
					owner.id(), null, city.id(), today.withMonth(12).withDayOfMonth(31)));
			moves.addEntry(item.id(), new NewEntry(today, "已办结", List.of()));
			moves.submit(item.id(), "请销号");
			submitted.add(item);
		}
		String verifierName = unique("verifier").toLowerCase();
		UserAccount verifier = users.create(new Users.NewUser(verifierName, "verifier-password-1", null, true));
		users.addGrant(verifier.id(), new Users.NewGrant(Role.DISCIPLINE, city.id(), false));

		BrowserContext session = sessionOf(verifierName, "verifier-password-1");
		open("/tracking");
		var rows = page.locator("#tracking-to-verify tbody tr");
		expect(rows).hasCount(3);
		page.locator("#tracking-to-verify .batch-row").nth(0).check();
		page.locator("#tracking-to-verify .batch-row").nth(2).check();
		page.locator("#tracking-batch-note").fill("材料齐全，同意销号");
		page.locator("#tracking-batch-close").click();
		confirm();
		page.waitForLoadState(LoadState.LOAD);
		expect(page.locator("#flash-success")).containsText("已销号 2 项");
		expect(rows).hasCount(1);
		screenshot("tracking-batch-closed");
		assertThat(submitted).extracting(i -> items.get(i.id()).status()).filteredOn(s -> s == TrackedItem.Status.CLOSED)
				.hasSize(2);
		session.close();
	}

	@Test
	void my_items_are_searched_sorted_and_paged_each_list_on_its_own_and_exported_as_shown() throws Exception {
		Org city = tree.create(new OrgTree.NewOrg(unique("TP"), "市委" + unique("P"), OrgType.PARTY_COMMITTEE, null, null, null));
		Org county = tree.create(new OrgTree.NewOrg(unique("TQ"), "县委" + unique("P"), OrgType.PARTY_COMMITTEE, city.id(), null, null));
		Post owner = leadership.addPost(county.id(), new Leadership.NewPost("县委书记", PostKind.SECRETARY, List.of(), 1));
		LocalDate today = clock.today();
		String mark = unique("页");
		for (int i = 0; i < 53; i++) {
			TrackedItem item = tracking.open(new NewTrackedItem("test.item", unique("ref"), county.id(),
					mark + String.format("%02d", i), owner.id(), null, city.id(), today.withMonth(12).withDayOfMonth(31)));
			moves.addEntry(item.id(), new NewEntry(today, "已办结", List.of()));
			moves.submit(item.id(), "请销号");
		}
		String verifierName = unique("pager").toLowerCase();
		UserAccount verifier = users.create(new Users.NewUser(verifierName, "verifier-password-1", null, true));
		users.addGrant(verifier.id(), new Users.NewGrant(Role.DISCIPLINE, city.id(), false));

		BrowserContext session = sessionOf(verifierName, "verifier-password-1");
		open("/tracking");
		page.locator("#tracking-q").fill(mark);
		page.locator("#tracking-sort").selectOption("RECENT");
		page.locator("#tracking-find").click();
		page.waitForLoadState(LoadState.LOAD);
		var rows = page.locator("#tracking-to-verify tbody tr");
		expect(rows).hasCount(50);
		expect(rows.first()).containsText(mark + "52");
		expect(page.locator(".paging-total")).hasText("共 53 条，第 1/2 页");
		page.locator(".paging-next").click();
		page.waitForLoadState(LoadState.LOAD);
		assertThat(page.url()).contains("verifyPage=2").contains("sort=RECENT");
		expect(rows).hasCount(3);
		expect(rows.last()).containsText(mark + "00");
		expect(page.locator("#tracking-q")).hasValue(mark);

		// the batch on the second page comes back to the second page
		page.locator("#tracking-to-verify .batch-row").nth(0).check();
		page.locator("#tracking-batch-close").click();
		confirm();
		page.waitForLoadState(LoadState.LOAD);
		expect(page.locator("#flash-success")).containsText("已销号 1 项");
		assertThat(page.url()).contains("verifyPage=2");
		expect(rows).hasCount(2);
		screenshot("tracking-paged");

		// the export carries what the list shows: searched, in its order, every page
		page.locator("#tracking-q").fill(mark + "5");
		page.locator("#tracking-find").click();
		page.waitForLoadState(LoadState.LOAD);
		expect(rows).hasCount(3);
		List<List<String>> exported = rows(page.request().get(url(page.locator("#tracking-export").getAttribute("href"))),
				"待我所在单位审核的事项");
		assertThat(exported).extracting(r -> r.get(0)).containsExactly(mark + "52", mark + "51", mark + "50");
		session.close();
	}
}
