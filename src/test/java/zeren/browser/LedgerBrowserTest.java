package zeren.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.options.FilePayload;

import zeren.duty.DutyList;
import zeren.duty.ResponsibilityLists;
import zeren.ledger.WorkLedger;
import zeren.org.Leadership;
import zeren.org.Org;
import zeren.org.OrgTree;
import zeren.org.OrgType;
import zeren.org.Post;
import zeren.org.PostKind;
import zeren.tracking.TrackedItem;
import zeren.tracking.TrackedItems;

/** A task of a published list: an entry with evidence recorded, submitted, returned, submitted again, closed; then reconciled. */
class LedgerBrowserTest extends BrowserTest {

	@Autowired
	OrgTree tree;

	@Autowired
	Leadership leadership;

	@Autowired
	ResponsibilityLists lists;

	@Autowired
	zeren.duty.DutyListManagement listManagement;

	@Autowired
	WorkLedger ledger;

	@Autowired
	TrackedItems items;

	@Test
	void an_entry_with_evidence_is_recorded_submitted_returned_and_the_task_closed() {
		int year = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
		Org city = tree.create(new OrgTree.NewOrg(unique("LC"), "市委" + unique("L"), OrgType.PARTY_COMMITTEE, null, null, null));
		Org county = tree.create(new OrgTree.NewOrg(unique("LX"), "县委" + unique("L"), OrgType.PARTY_COMMITTEE, city.id(), null, null));
		Post secretary = leadership.addPost(county.id(), new Leadership.NewPost("县委书记", PostKind.SECRETARY, List.of(), 1));
		DutyList list = listManagement.create(county.id(), year);
		DutyList.Item task = listManagement.addItem(list.id(), new zeren.duty.DutyListManagement.ItemInput(null, "教育", "开展警示教育", null,
				secretary.id(), "宣传部", null, null, LocalDate.of(year, 12, 31), List.of(), null));
		listManagement.publish(list.id());
		long id = ledger.itemOf(task.id()).orElseThrow().id();

		// from a phone
		page.setViewportSize(390, 844);
		open("/tracking/items/" + id);
		expect(page.locator("#item-title")).hasText("开展警示教育");
		expect(page.locator("#entries-none")).isVisible();
		assertThat(page.locator("#entry-photo").getAttribute("capture")).isEqualTo("environment");
		page.locator("#entry-text").fill("召开警示教育大会，观看警示片");
		page.locator("#entry-files").setInputFiles(new FilePayload("会议纪要.pdf", "application/pdf",
				"%PDF-1.4\n% 会议纪要\n%%EOF\n".getBytes(StandardCharsets.UTF_8)));
		button("保存记录").click();
		expect(page.locator("#item-done")).hasText("已记录");
		expect(page.locator(".tracking-entry")).hasCount(1);
		expect(page.locator("a.tracking-evidence")).hasText("会议纪要.pdf");
		expect(page.locator("#item-status")).hasText("进行中");
		screenshot("tracking-item-phone");

		// a renamed program is refused and nothing is recorded
		page.locator("#entry-text").fill("第二次");
		page.locator("#entry-files").setInputFiles(new FilePayload("照片.jpg", "image/jpeg",
				new byte[] { 'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0 }));
		button("保存记录").click();
		expect(page.locator("#item-errors")).containsText("可执行程序");
		expect(page.locator(".tracking-entry")).hasCount(1);

		page.setViewportSize(1280, 900);
		button("提交销号").click();
		expect(page.locator("#item-status")).hasText("待审核销号");
		page.locator("#return-reason").fill("缺少签到表");
		button("退回").click();
		expect(page.locator("#item-status")).hasText("进行中");
		expect(page.locator("#item-history")).containsText("缺少签到表");
		button("提交销号").click();
		expect(page.locator("#item-status")).hasText("待审核销号");
		// who submitted does not close it: another person of the verifying side does (separation of duties)
		String url = page.url();
		String verifier = unique("verifier").toLowerCase();
		var account = users.create(new zeren.access.Users.NewUser(verifier, "password-of-the-verifier-1", null, true));
		users.addGrant(account.id(), new zeren.access.Users.NewGrant(zeren.access.Role.ADMIN, null, true));
		signIn(verifier, "password-of-the-verifier-1");
		page.navigate(url);
		button("销号").click();
		confirm();
		expect(page.locator("#item-status")).hasText("已销号");
		expect(page.locator("#item-warning")).hasText("无");
		assertThat(items.get(id).status()).isEqualTo(TrackedItem.Status.CLOSED);
		assertThat(items.moves(id)).hasSize(6);

		// the reconciliation shows it closed, and drills down to it
		open("/ledger?orgId=" + city.id() + "&year=" + year + "&groupBy=LEADER");
		expect(page.locator("#ledger-table tbody tr")).hasCount(1);
		expect(page.locator("#ledger-table tbody tr").first()).containsText("县委书记");
		expect(page.locator("#ledger-total")).containsText("1");
		page.locator("#ledger-table tbody tr td:nth-child(6) a").click();
		expect(page.locator("#ledger-tasks tbody tr")).hasCount(1);
		page.locator("#ledger-tasks a").first().click();
		expect(page.locator("#item-title")).hasText("开展警示教育");
		screenshot("ledger-reconciliation");
	}
}
