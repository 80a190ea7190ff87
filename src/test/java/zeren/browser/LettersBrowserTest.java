package zeren.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import zeren.access.Role;
import zeren.access.UserAccount;
import zeren.access.Users;
import zeren.duty.ResponsibilityLetter;
import zeren.duty.ResponsibilityLetters;
import zeren.duty.ResponsibilityLists;
import zeren.org.Leadership;
import zeren.org.Org;
import zeren.org.OrgTree;
import zeren.org.OrgType;
import zeren.org.People;
import zeren.org.Person;
import zeren.org.Post;
import zeren.org.PostKind;
import zeren.platform.BusinessClock;

/**
 * A responsibility letter from a city to a county: the administrator links the two secretaries'
 * accounts to their persons, generates, completes and issues the letter; each secretary signs in
 * their own browser session; the city's overview then shows it signed.
 */
class LettersBrowserTest extends BrowserTest {

	@Autowired
	OrgTree tree;

	@Autowired
	Leadership leadership;

	@Autowired
	People people;

	@Autowired
	Users users;

	@Autowired
	ResponsibilityLetters letters;

	@Autowired
	BusinessClock clock;

	@Autowired
	zeren.duty.ResponsibilityLists lists;

	@Autowired
	zeren.duty.DutyListManagement listManagement;

	/** Signs in as another user in a browser session of their own, and makes it the current page. */
	BrowserContext sessionOf(String username, String password) {
		BrowserContext own = browser.newContext(new Browser.NewContextOptions().setLocale("en-US").setViewportSize(1280, 900));
		own.setDefaultTimeout(10_000);
		page = own.newPage();
		page.onPageError(error -> pageProblems.add("script error: " + error));
		signIn(username, password);
		return own;
	}

	@Test
	void both_secretaries_sign_the_letter_in_their_own_sessions_and_the_overview_shows_it_signed() throws Exception {
		int year = clock.today().getYear();
		Org city = tree.create(new OrgTree.NewOrg(unique("LC"), "市委" + unique("L"), OrgType.PARTY_COMMITTEE, null, null, null));
		Org county = tree.create(new OrgTree.NewOrg(unique("LX"), "县委" + unique("L"), OrgType.PARTY_COMMITTEE, city.id(), null, null));
		Post citySecretary = leadership.addPost(city.id(), new Leadership.NewPost("市委书记", PostKind.SECRETARY, List.of(), 1));
		Post countySecretary = leadership.addPost(county.id(), new Leadership.NewPost("县委书记", PostKind.SECRETARY, List.of(), 1));
		Person cityBoss = people.create(new People.NewPerson("王" + unique("P"), null, null, null, null, city.id()));
		Person countyBoss = people.create(new People.NewPerson("李" + unique("P"), null, null, null, null, county.id()));
		leadership.appoint(new Leadership.NewTenure(cityBoss.id(), citySecretary.id(), LocalDate.of(2020, 1, 1), null));
		leadership.appoint(new Leadership.NewTenure(countyBoss.id(), countySecretary.id(), LocalDate.of(2021, 1, 1), null));
		String cityName = unique("city").toLowerCase();
		String countyName = unique("county").toLowerCase();
		UserAccount cityUser = users.create(new Users.NewUser(cityName, "city-password-1", null, true));
		UserAccount countyUser = users.create(new Users.NewUser(countyName, "county-password-1", null, true));
		users.addGrant(cityUser.id(), new Users.NewGrant(Role.ORG_ADMIN, city.id(), true));
		users.addGrant(countyUser.id(), new Users.NewGrant(Role.ORG_ADMIN, county.id(), true));

		// the administrator links each account to its person
		for (var link : List.of(new Object[] { cityUser, cityBoss }, new Object[] { countyUser, countyBoss })) {
			UserAccount user = (UserAccount) link[0];
			Person person = (Person) link[1];
			open("/admin/users/" + user.id());
			expect(page.locator("#linked-person")).containsText("未关联人员");
			pick("personId", person.name(), person.id());
			button("关联").click();
			expect(page.locator("#linked-person")).containsText(person.name());
		}
		assertThat(users.get(countyUser.id()).personId()).isEqualTo(countyBoss.id());

		// generates, completes and issues the letter
		open("/duty/letters?orgId=" + city.id() + "&year=" + year);
		button("生成本年度责任书").click();
		expect(page.locator(".letters-table tbody tr")).hasCount(1);
		expect(page.locator(".letters-table tbody tr")).containsText("县委书记");
		page.locator(".letters-table tbody tr a").first().click();
		expect(page.locator("#letter-status")).hasText("草稿");
		page.locator("#new-item-task").fill("落实全面从严治党主体责任");
		button("添加事项").click();
		expect(page.locator(".letter-item-edit")).hasCount(1);
		button("下达").click();
		confirm();
		expect(page.locator("#letter-status")).hasText("已下达");
		expect(page.locator("#letter-hash")).hasText(java.util.regex.Pattern.compile("[0-9a-f]{64}"));
		long letterId = idInUrl();

		// the county secretary signs in their own session, from their tasks page (一岗双责)
		var countyList = listManagement.create(county.id(), year);
		listManagement.addItem(countyList.id(), new zeren.duty.DutyListManagement.ItemInput(null, null, "召开党风廉政建设工作会议", null,
				countySecretary.id(), null, null, null, null, List.of(), null));
		BrowserContext countySession = sessionOf(countyName, "county-password-1");
		open("/duty/tasks");
		expect(page.locator(".tasks-table tbody tr")).hasCount(1);
		expect(page.locator(".tasks-table tbody tr")).containsText("召开党风廉政建设工作会议");
		expect(page.locator(".tasks-letters li")).hasCount(1);
		page.locator(".tasks-letters a").click();
		expect(page.locator(".letter-sign")).hasCount(1);
		page.locator(".letter-sign").click();
		confirm();
		expect(page.locator("[data-side=RECIPIENT] .signature")).containsText(countyBoss.name());
		expect(page.locator("#letter-status")).hasText("已下达");
		countySession.close();

		// then the city secretary, in theirs
		BrowserContext citySession = sessionOf(cityName, "city-password-1");
		open("/duty/letters/" + letterId);
		page.locator(".letter-sign").click();
		confirm();
		expect(page.locator("#letter-status")).hasText("已签署");
		expect(page.locator("[data-side=ISSUER] .signature")).containsText(cityBoss.name());
		expect(page.locator("#letter-verification")).hasText("校验通过：内容与下达时一致，签名摘要相符");
		APIResponse pdf = page.request().get(url("/duty/letters/" + letterId + "/pdf"));
		assertThat(pdf.status()).isEqualTo(200);
		assertThat(pdf.headers().get("content-type")).isEqualTo("application/pdf");
		assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		// the Word version beside it, downloaded through the page's link
		expect(page.locator("#letter-docx")).hasText("下载 Word 版");
		APIResponse docx = page.request().get(url(page.locator("#letter-docx").getAttribute("href")));
		assertThat(docx.status()).isEqualTo(200);
		assertThat(docx.headers().get("content-disposition")).contains(".docx");
		try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(docx.body()))) {
			assertThat(doc.getParagraphs().get(0).getText()).isNotBlank();
		}
		screenshot("letter-signed");
		citySession.close();

		// the issuing organisation's overview: everything signed
		page = context.newPage();
		open("/duty/letters?orgId=" + city.id() + "&year=" + year);
		expect(page.locator("#letters-overview-counts")).containsText("已签署 1");
		expect(page.locator("#letters-all-signed")).isVisible();
		assertThat(letters.get(letterId).status()).isEqualTo(ResponsibilityLetter.Status.SIGNED);
		screenshot("letters-overview");
	}
}
