package zeren.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Download;

import zeren.org.Leadership;
import zeren.org.Org;
import zeren.org.OrgTree;
import zeren.org.OrgType;
import zeren.org.People;
import zeren.org.Person;
import zeren.org.Post;
import zeren.org.PostKind;
import zeren.platform.BusinessClock;
import zeren.report.AnnualReport;
import zeren.report.AnnualReports;

/** A report drafted, submitted, queried by the upper level, answered through its tracked item, and accepted. */
class ReportBrowserTest extends BrowserTest {

	@Autowired
	OrgTree tree;

	@Autowired
	Leadership leadership;

	@Autowired
	People people;

	@Autowired
	AnnualReports reports;

	@Autowired
	BusinessClock clock;

	@Test
	void a_report_is_submitted_queried_answered_and_accepted() {
		Org city = tree.create(new OrgTree.NewOrg(unique("RC"), "市委" + unique("R"), OrgType.PARTY_COMMITTEE, null, null, null));
		Org county = tree.create(new OrgTree.NewOrg(unique("RX"), "县委" + unique("R"), OrgType.PARTY_COMMITTEE, city.id(), null, null));
		Post secretary = leadership.addPost(county.id(), new Leadership.NewPost("县委书记", PostKind.SECRETARY, List.of(), 1));
		Person person = people.create(new People.NewPerson("赵" + unique("P"), null, null, null, null, county.id()));
		leadership.appoint(new Leadership.NewTenure(person.id(), secretary.id(), LocalDate.of(2020, 1, 1), null));
		int year = clock.today().getYear();

		open("/reports?orgId=" + county.id() + "&year=" + year);
		page.locator("#create-COMMITTEE").click();
		expect(page.locator("#report-status")).hasText("草稿");
		expect(page.locator("#body")).containsText("开展约谈 0 次");
		page.locator("#body").fill("一年来，县委认真履行主体责任。\n\n二是抓好约谈工作。");
		button("保存草稿").click();
		expect(page.locator("#body")).hasValue("一年来，县委认真履行主体责任。\n\n二是抓好约谈工作。");
		long id = idInUrl();
		page.locator("#report-attachment-file").setInputFiles(new com.microsoft.playwright.options.FilePayload(
				"约谈记录.txt", "text/plain", "约谈记录：全年 12 人次".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		page.locator("#report-attachment-upload").click();
		expect(page.locator("#report-attachments .report-attachment")).hasCount(1);
		expect(page.locator("#report-attachments")).containsText("约谈记录.txt");
		button("提交（提交后锁定）").click();
		confirm();
		// the attachment stays, its upload form is gone with the lock
		expect(page.locator("#report-attachments .report-attachment")).hasCount(1);
		assertThat(page.locator("#report-attachment-file").count()).isZero();
		expect(page.locator("#report-status")).hasText("已提交");
		expect(page.locator("#report-body p")).hasCount(2);
		expect(page.locator("#report-sha")).hasText(reports.get(id).sha256());
		assertThat(page.locator("#body").count()).isZero();

		// the upper level queries
		page.locator("#questions-COMMITTEE").fill("约谈工作的具体成效如何？");
		button("质询").click();
		expect(page.locator("#report-status")).hasText("质询中");
		expect(page.locator("#report-questions tbody tr")).hasCount(1);
		expect(page.locator("#report-questions tbody tr").nth(0)).containsText("待答复");
		// accepting before the answer is refused
		button("通过").click();
		confirm();
		expect(page.locator("#report-errors")).containsText("1 个质询问题未答复");

		// the county answers through the tracked item
		page.locator("#report-questions tbody tr a").click();
		page.locator("#entry-text").fill("全年约谈下级书记 12 人次，提出要求 30 条，均已落实。");
		page.locator("#entry-save").click();
		button("提交销号").click();
		expect(page.locator("#item-history")).containsText("提交销号");
		// another person reviews and accepts (who submitted an answer does not close it: separation of duties)
		String reviewer = unique("reviewer").toLowerCase();
		var account = users.create(new zeren.access.Users.NewUser(reviewer, "password-of-the-reviewer-1", null, true));
		users.addGrant(account.id(), new zeren.access.Users.NewGrant(zeren.access.Role.ADMIN, null, true));
		signIn(reviewer, "password-of-the-reviewer-1");
		open("/reports/" + id);
		expect(page.locator("#report-questions tbody tr").nth(0)).containsText("已答复");
		button("通过").click();
		confirm();
		expect(page.locator("#report-status")).hasText("已通过");
		expect(page.locator("#report-questions tbody tr").nth(0)).containsText("已办结");
		assertThat(reports.get(id).status()).isEqualTo(AnnualReport.Status.ACCEPTED);

		Download pdf = page.waitForDownload(() -> page.locator("#report-pdf").click());
		assertThat(pdf.suggestedFilename()).endsWith(".pdf");
		open("/reports?orgId=" + city.id() + "&year=" + year);
		expect(page.locator("#overview-totals")).containsText("已提交 1 份");
		expect(page.locator("#overview-totals")).containsText("已通过 1 份");
		screenshot("report-accepted");
	}
}
