package zeren.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SelectOption;

/**
 * Zeren tried as a new user would: started with the demo year ({@code zeren.demo=true}) on an empty
 * database, three people of the county sign in in turn and each does one real task through the
 * pages only — no address typed but the login page, no id typed anywhere: the county secretary
 * switches to a township and signs the county's letter to it, the county discipline commission
 * switches to a township and registers a case against it, the township's office answers the
 * county's query on its annual report. Screenshots of each page: {@code target/screenshots/demo-*.png}.
 */
@TestPropertySource(properties = { "zeren.demo=true", "zeren.demo-password=" + DemoNewUserBrowserTest.PASSWORD,
		"spring.datasource.url=jdbc:h2:mem:zeren-demo-browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1" })
class DemoNewUserBrowserTest extends BrowserTest {

	static final String PASSWORD = "demo-browser-password-3";

	/** The year of the demo's work (see DemoCalendar): the year of thirty days ago. */
	static final int DEMO_YEAR = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(30).getYear();

	@Override
	boolean signInAsAdministrator() {
		return false;
	}

	private void shot(String name) {
		assertThat(Files.exists(screenshot("demo-" + name))).isTrue();
	}

	/** The side menu's entry {@code label}. */
	private void menu(String label) {
		page.locator("a.side-link:text-is('" + label + "')").first().click();
		page.waitForLoadState();
	}

	/** Switches the page's organisation to {@code name} with the switcher's search, as a user would. */
	private void switchTo(String name) {
		page.locator("#org-switch-button").click();
		page.locator(".org-switch-search").fill(name);
		page.locator(".org-switch-results button.org-pick:text-is('" + name + "')").click();
		page.waitForLoadState();
		expect(page.locator("#org-switch-button")).hasText(name);
	}

	private void signInAs(String username) {
		signIn(username, PASSWORD);
		expect(page.locator("#demo-banner")).isVisible();
		expect(page.locator("#current-user")).hasText(username);
	}

	@Test
	void theCountySecretarySwitchesToATownshipAndSignsTheLetterToIt() {
		signInAs("yuanshi.shuji");
		shot("1-secretary-home");

		menu("责任清单");
		switchTo("槐阳镇");
		page.locator("#year").fill(String.valueOf(DEMO_YEAR));
		button("查看").click();
		expect(page.locator("#duty-heading")).containsText("槐阳镇");
		expect(page.locator("body")).containsText("召开党委（党组）会议专题研究党风廉政建设");
		shot("1-secretary-township-list");

		menu("责任书");
		switchTo("元氏县");
		Locator row = page.locator("tr").filter(new Locator.FilterOptions().setHasText("槐阳镇")).first();
		expect(row).isVisible();
		shot("1-secretary-letters");
		row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("查看")).click();
		page.waitForLoadState();
		page.locator("button.letter-sign").first().click();
		confirm();
		page.waitForLoadState();
		expect(page.locator(".signature").first()).containsText("yuanshi.shuji");
		shot("1-secretary-letter-signed");
	}

	@Test
	void theDisciplineCommissionSwitchesToATownshipAndRegistersACaseAgainstIt() {
		signInAs("yuanshi.jiwei");
		menu("问责案件");
		switchTo("槐阳镇");
		shot("2-discipline-cases");
		page.locator("#title").fill("槐阳镇村级“三资”管理问题问责案");
		page.locator("#origin").selectOption(new SelectOption().setLabel("信访举报"));
		page.locator("#periodFrom").fill((DEMO_YEAR - 1) + "-01-01");
		page.locator("#periodTo").fill((DEMO_YEAR - 1) + "-12-31");
		page.locator("#facts").fill("群众反映村级“三资”账目连续两年未公开。");
		page.locator("input[name=situationIds]").first().check();
		button("登记").click();
		page.waitForLoadState();
		expect(page.locator("body")).containsText("槐阳镇村级“三资”管理问题问责案");
		expect(page.locator("body")).containsText("槐阳镇");
		shot("2-discipline-case-registered");
	}

	@Test
	void aTownshipOfficeAnswersTheCountysQueryOnItsReport() {
		signInAs("huaiyang.ban");
		menu("年度报告");
		// the page opens on last year's reports; the demo's are this year's
		page.locator("#year").fill(String.valueOf(DEMO_YEAR));
		switchTo("槐阳镇");
		shot("3-township-reports");
		page.locator("a[href*='/reports/']").filter(new Locator.FilterOptions().setHasText("槐阳镇")).first().click();
		page.waitForLoadState();
		shot("3-township-report");
		page.locator("a[href*='/tracking/items/']").first().click();
		page.waitForLoadState();
		page.locator("#entry-text").fill("全年党委会议专题研究党风廉政建设4次，会议纪要附后。");
		page.locator("#entry-files").setInputFiles(new FilePayload("槐阳镇党委会议纪要.txt", "text/plain",
				"槐阳镇党委会议纪要：全年专题研究党风廉政建设4次。".getBytes(StandardCharsets.UTF_8)));
		page.locator("#entry-save").click();
		page.waitForLoadState();
		expect(page.locator("body")).containsText("全年党委会议专题研究党风廉政建设4次");
		button("提交销号").click();
		page.waitForLoadState();
		expect(page.locator("body")).containsText("待审核销号");
		shot("3-township-query-answered");
	}
}
