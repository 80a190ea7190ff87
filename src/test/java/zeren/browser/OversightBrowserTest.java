package zeren.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import zeren.org.Org;
import zeren.org.OrgTree;
import zeren.org.OrgType;
import zeren.oversight.Sweep;

/** The dashboard: the heat map of the children with its chart, drill-down into a child, the red list, the export, a sweep. */
class OversightBrowserTest extends BrowserTest {

	@Autowired
	OrgTree tree;

	@Autowired
	Sweep sweep;

	@Test
	void the_dashboard_drills_down_into_a_child_and_exports_every_table() throws Exception {
		int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
		String p = unique("OV");
		Org city = tree.create(new OrgTree.NewOrg(p + "C", p + "市委", OrgType.PARTY_COMMITTEE, null, null, null));
		Org county = tree.create(new OrgTree.NewOrg(p + "X", p + "县委", OrgType.PARTY_COMMITTEE, city.id(), null, null));
		tree.create(new OrgTree.NewOrg(p + "T", p + "镇党委", OrgType.PARTY_COMMITTEE, county.id(), null, null));
		sweep.sweep(city.id(), year);

		open("/oversight?orgId=" + city.id() + "&year=" + year);
		expect(page.locator("h1")).hasText("督责驾驶舱");
		expect(page.locator("#oversight-heat tr.oversight-child")).hasCount(1);
		expect(page.locator("#oversight-heat thead")).containsText("责任清单发布");
		// the list was due on 03-31 and nobody published one
		expect(page.locator("#oversight-red")).containsText(p + "县委");
		// the charts are drawn by ECharts under the CSP (a script error or a CSP violation fails the test)
		expect(page.locator("#oversight-heat-chart canvas")).hasCount(1);
		expect(page.locator("#oversight-trend-chart canvas")).hasCount(1);
		screenshot("oversight-dashboard");

		page.locator("a.oversight-drill", new com.microsoft.playwright.Page.LocatorOptions().setHasText(p + "县委")).click();
		expect(page.locator("#oversight-heading")).containsText(p + "县委");
		expect(page.locator("#oversight-heat tr.oversight-child")).hasText(java.util.regex.Pattern.compile(p + "镇党委"));
		expect(page.locator("#oversight-up")).containsText(p + "市委");

		var download = page.waitForDownload(() -> page.locator("#oversight-export").click());
		try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(download.createReadStream())) {
			assertThat(workbook.getNumberOfSheets()).isEqualTo(3);
			assertThat(workbook.getSheetAt(0).getSheetName()).isEqualTo("下级完成情况");
			assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("组织");
			assertThat(workbook.getSheetAt(0).getRow(2).getCell(0).getStringCellValue()).isEqualTo(p + "镇党委");
			assertThat(workbook.getSheetAt(1).getLastRowNum()).isEqualTo(12);
			assertThat(workbook.getSheetAt(2).getRow(1).getCell(0).getStringCellValue()).startsWith(p);
		}

		// from a phone, and a sweep asks first and says what it did
		page.setViewportSize(390, 844);
		page.locator("#oversight-sweep").click();
		confirm();
		expect(page.locator(".alert-success")).containsText("统计完成");
		screenshot("oversight-phone");
	}
}
