package zeren.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.options.FilePayload;

import zeren.org.Leadership;
import zeren.org.Org;
import zeren.org.OrgTree;
import zeren.org.OrgType;
import zeren.org.Post;
import zeren.org.PostKind;
import zeren.tracking.EntryCorrections;
import zeren.tracking.NewTrackedItem;
import zeren.tracking.Tracking;

/**
 * 更正 through the pages: an entry recorded with a file (the file field reads in Chinese), then
 * corrected — a correction without a reason comes back as typed with the error beside the reason —
 * and the item shows the versions, the original first.
 */
class EntryCorrectionBrowserTest extends BrowserTest {

	@Autowired
	OrgTree tree;

	@Autowired
	Leadership leadership;

	@Autowired
	Tracking tracking;

	@Autowired
	EntryCorrections corrections;

	@Test
	void an_entry_is_corrected_with_a_reason_and_its_versions_shown() {
		LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
		Org city = tree.create(new OrgTree.NewOrg(unique("EC"), "市委" + unique("E"), OrgType.PARTY_COMMITTEE, null, null, null));
		Org county = tree.create(new OrgTree.NewOrg(unique("EX"), "县委" + unique("E"), OrgType.PARTY_COMMITTEE, city.id(), null, null));
		Post secretary = leadership.addPost(county.id(), new Leadership.NewPost("县委书记", PostKind.SECRETARY, List.of(), 1));
		long id = tracking.open(new NewTrackedItem("test.browser", unique("ref"), county.id(), "落实主体责任", secretary.id(),
				null, city.id(), today.plusDays(30))).id();

		open("/tracking/items/" + id);
		// the file field speaks Chinese: a labelled button and the chosen file's name, not the browser's "Choose File"
		var control = page.locator("#entry-form [data-upload]").first();
		expect(control.locator(".upload-button")).hasText("选择文件");
		expect(control.locator(".upload-name")).hasText("未选择文件");
		assertThat(page.locator("#entry-files").boundingBox().width).isLessThanOrEqualTo(1.0);
		expect(page.locator("label[for=entry-photo]").last()).hasText("打开相机");
		page.locator("#entry-text").fill("召开专题会");
		page.locator("#entry-files").setInputFiles(new FilePayload("签到表.txt", "text/plain",
				"张三 李四".getBytes(StandardCharsets.UTF_8)));
		expect(control.locator(".upload-name")).hasText("签到表.txt");
		button("保存记录").click();
		expect(page.locator("#item-done")).hasText("已记录");

		page.locator(".entry-correct").click();
		page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
		expect(page.locator("h1")).hasText("更正工作记录");
		expect(page.locator("#correct-text")).hasValue("召开专题会");
		expect(page.locator("#correct-form .upload-name")).hasText("未选择文件");
		// without a reason: refused, what was typed kept, the error beside the reason
		page.locator("#correct-text").fill("召开专题会议，传达上级精神");
		page.locator("#correct-reason").fill("");
		page.locator("#correct-reason").evaluate("e => e.removeAttribute('required')");
		button("保存更正").click();
		page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
		expect(page.locator("#correct-errors")).containsText("理由");
		expect(page.locator("#correct-text")).hasValue("召开专题会议，传达上级精神");
		expect(page.locator(".field-error[data-field=reason]")).isVisible();
		screenshot("entry-correction-refused");

		page.locator("#correct-reason").fill("内容记录不全");
		button("保存更正").click();
		page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
		expect(page.locator("#item-done")).hasText("已更正，原记录已保留");
		expect(page.locator(".tracking-entry-text")).hasText("召开专题会议，传达上级精神");
		expect(page.locator(".entry-corrected")).hasText("已更正（第 2 版）");
		page.locator(".entry-versions summary").click();
		expect(page.locator(".entry-version")).hasCount(2);
		expect(page.locator(".entry-version").first()).containsText("原始记录");
		expect(page.locator(".entry-version").first()).containsText("召开专题会");
		expect(page.locator(".entry-version").first()).containsText("签到表.txt");
		expect(page.locator(".entry-version").last()).containsText("内容记录不全");
		screenshot("entry-correction-versions");
		assertThat(corrections.versionsOf(id)).hasSize(1);
	}

	@Test
	void every_kind_of_upload_form_reads_in_chinese() {
		open("/orgs/import");
		expect(page.locator(".import-form .upload-button")).hasText("选择文件");
		page.locator("#file").setInputFiles(new FilePayload("单位.csv", "text/csv", "a".getBytes(StandardCharsets.UTF_8)));
		expect(page.locator(".import-form .upload-name")).hasText("单位.csv");
	}
}
