package zeren.browser;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;

/** The language of the pages: Simplified Chinese by default, English on request, remembered. */
class LanguageBrowserTest extends BrowserTest {

	@Test
	void the_home_page_speaks_chinese_by_default_even_to_an_english_browser() {
		open("/");
		expect(page.locator("html")).hasAttribute("lang", "zh-CN");
		expect(page).hasTitle("责任 · 党风廉政建设主体责任管理系统");
		expect(page.locator("h1")).hasText("党风廉政建设主体责任");
		expect(page.locator("#side-menu")).containsText("组织机构");
		expect(page.locator(".cycle .card h2")).hasText(new String[] { "明责", "履责", "督责", "评责", "追责" });
		screenshot("home-zh");
	}

	@Test
	void the_home_page_speaks_english_with_lang_en_and_the_choice_sticks_on_the_next_page() {
		open("/?lang=en");
		expect(page.locator("html")).hasAttribute("lang", "en");
		expect(page.locator("h1")).hasText("Principal responsibility for Party conduct and clean government");
		expect(page.locator(".cycle .card h2"))
				.hasText(new String[] { "Set", "Perform", "Supervise", "Assess", "Pursue" });
		screenshot("home-en");

		// The next page, reached by a plain link without ?lang, is still in English.
		page.locator("#side-menu").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Organisations").setExact(true))
				.click();
		page.waitForURL(url("/orgs"));
		expect(page.locator("h1")).hasText("Organisation tree");
		expect(page.locator(".new-org button[type=submit]")).hasText("Create");

		open("/people");
		expect(page.locator("h1")).hasText("People");
	}

	@Test
	void the_chinese_link_switches_back_and_that_choice_sticks_too() {
		open("/?lang=en");
		expect(page.locator("h1")).hasText("Principal responsibility for Party conduct and clean government");

		page.locator(".navbar").getByText("中文").click();
		expect(page.locator("h1")).hasText("党风廉政建设主体责任");
		expect(page.locator("html")).hasAttribute("lang", "zh-CN");

		open("/orgs");
		expect(page.locator("h1")).hasText("组织树");
	}
}
