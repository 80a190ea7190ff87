package zeren.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.Page;

/**
 * Zeren tried as a new user would: started with the demo year on an empty database, three people
 * of the county sign in in turn and each does one real task through the pages only — no address
 * typed but the login page, no id typed anywhere. Screenshots of each page under
 * {@code target/screenshots/demo-*.png}.
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

	private Locator nav(String label) {
		return page.locator("nav").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(label).setExact(true)).first();
	}

	@Test
	void theCountySecretarySignsTheLetterToATownship() {
		signIn("yuanshi.shuji", PASSWORD);
		expect(page.locator("#demo-banner")).isVisible();
		expect(page.locator("#current-user")).hasText("yuanshi.shuji");
		shot("1-secretary-home");

		// switch to a township: find it in the organisation tree, open its responsibility list
		nav("组织机构").click();
		page.locator("input[name=q]").fill("槐阳镇");
		button("查找").click();
		page.locator(".search-results").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("槐阳镇").setExact(true)).click();
		expect(page.locator("h1, h2").first()).containsText("槐阳镇");
		shot("1-secretary-township");
		page.locator("#org-duty-list").click();
		page.locator("#year").fill(String.valueOf(DEMO_YEAR));
		button("查看").click();
		expect(page.locator("#duty-heading")).containsText("槐阳镇");
		expect(page.locator("body")).containsText("召开党委（党组）会议专题研究党风廉政建设");
		shot("1-secretary-township-list");

		nav("责任书").click();
		button("查看").click();
		Locator row = page.locator("tr").filter(new Locator.FilterOptions().setHasText("槐阳镇")).first();
		expect(row).isVisible();
		shot("1-secretary-letters");
		row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("查看")).click();
		expect(page.locator("h1, h2").first()).containsText("责任书");
		page.locator("button.letter-sign").first().click();
		page.waitForLoadState();
		expect(page.locator(".signature").first()).containsText("yuanshi.shuji");
		shot("1-secretary-letter-signed");
	}

	@Test
	void theDisciplineCommissionRegistersACaseAgainstATownship() {
		signIn("yuanshi.jiwei", PASSWORD);
		expect(page.locator("#demo-banner")).isVisible();
		nav("追责").click();
		button("查看").click();
		shot("2-discipline-cases");
		page.locator("#title").fill("槐阳镇村级“三资”管理问题问责案");
		page.locator("#origin").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("监督检查发现"));
		page.locator("#periodFrom").fill("2025-01-01");
		page.locator("#periodTo").fill("2025-12-31");
		page.locator("#facts").fill("村级“三资”账目连续两年未公开。");
		page.locator("input[name=situationIds]").first().check();
		button("登记").click();
		page.waitForLoadState();
		expect(page.locator("body")).containsText("槐阳镇村级“三资”管理问题问责案");
		shot("2-discipline-case-registered");
	}

	@Test
	void aTownshipOfficeAnswersTheCountysQuery() {
		signIn("huaiyang.ban", PASSWORD);
		expect(page.locator("#demo-banner")).isVisible();
		nav("年度报告").click();
		// the page opens on last year's reports; the demo's are this year's
		page.locator("#year").fill(String.valueOf(DEMO_YEAR));
		button("查看").click();
		shot("3-township-reports");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("槐阳镇").setExact(false)).first().click();
		page.waitForLoadState();
		shot("3-township-report");
		page.locator("a[href*='/tracking/items/']").first().click();
		page.waitForLoadState();
		page.locator("#entry-text").fill("全年党委会议专题研究党风廉政建设4次，会议纪要附后。");
		page.locator("#entry-files").setInputFiles(new com.microsoft.playwright.options.FilePayload("槐阳镇党委会议纪要.txt",
				"text/plain", "槐阳镇党委会议纪要：全年专题研究党风廉政建设4次。".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		page.locator("#entry-save").click();
		page.waitForLoadState();
		expect(page.locator("body")).containsText("全年党委会议专题研究党风廉政建设4次");
		button("提交销号").click();
		page.waitForLoadState();
		shot("3-township-query-answered");
		expect(page.locator("body")).containsText("待审核销号");
	}
}
