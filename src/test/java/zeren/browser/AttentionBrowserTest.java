package zeren.browser;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import zeren.access.Role;
import zeren.access.UserAccount;
import zeren.notification.Reminders;
import zeren.org.Leadership;
import zeren.org.Org;
import zeren.org.OrgTree;
import zeren.org.OrgType;
import zeren.org.People;
import zeren.org.Person;
import zeren.org.Post;
import zeren.org.PostKind;
import zeren.platform.BusinessClock;
import zeren.tracking.NewTrackedItem;
import zeren.tracking.TrackedItem;
import zeren.tracking.Tracking;

/**
 * A town's discipline secretary signs in: the home page lists their overdue item with a link to
 * it; after the daily reminders the header counts one unread message, the inbox shows it, and
 * marking it read clears the count.
 */
class AttentionBrowserTest extends BrowserTest {

	@Autowired
	OrgTree tree;

	@Autowired
	Leadership leadership;

	@Autowired
	People people;

	@Autowired
	Tracking tracking;

	@Autowired
	Reminders reminders;

	@Autowired
	BusinessClock clock;

	@Override
	boolean signInAsAdministrator() {
		return false;
	}

	@Test
	void the_home_page_lists_my_overdue_item_and_the_inbox_counts_and_marks_the_reminder() {
		LocalDate today = clock.today();
		Org town = tree.create(new OrgTree.NewOrg(unique("AT"), "镇委" + unique("A"), OrgType.PARTY_COMMITTEE, null, null, null));
		Post post = leadership.addPost(town.id(), new Leadership.NewPost("镇纪委书记", PostKind.DISCIPLINE_SECRETARY, List.of(), 1));
		Person person = people.create(new People.NewPerson("李" + unique("P"), null, null, null, null, town.id()));
		leadership.appoint(new Leadership.NewTenure(person.id(), post.id(), LocalDate.of(2020, 1, 1), null));
		String username = unique("att").toLowerCase();
		UserAccount user = users.create(new zeren.access.Users.NewUser(username, "password-att-1", person.id(), true));
		users.addGrant(user.id(), new zeren.access.Users.NewGrant(Role.LEADER, town.id(), true));
		String title = "补开专题会议" + unique("T");
		TrackedItem item = tracking.open(new NewTrackedItem("ledger.task", unique("ref"), town.id(), title, post.id(), null,
				town.id(), today.minusDays(2)));
		reminders.run(today);

		signIn(username, "password-att-1");
		open("/");
		expect(page.locator("#attention [data-group='home.attention.ledger'] .attention-item")).hasText(title + " · " + town.name());
		expect(page.locator("#attention [data-group='home.attention.ledger']")).containsText("已逾期");
		expect(page.locator("#nav-inbox-count")).hasText("1");
		screenshot("attention-home");

		page.locator("#nav-inbox").click();
		expect(page.locator("#inbox .inbox-row")).hasCount(1);
		expect(page.locator("#inbox .inbox-row")).containsText(title);
		expect(page.locator("#inbox .inbox-state")).hasText("未读");
		button("标为已读").click();
		expect(page.locator(".alert-success")).hasText("已标为已读。");
		expect(page.locator("#inbox .inbox-state")).hasText("已读");
		expect(page.locator("#nav-inbox-count")).hasText("0");
		screenshot("inbox");

		page.locator("#inbox a", new com.microsoft.playwright.Page.LocatorOptions().setHasText("去办理")).click();
		expect(page).hasURL(java.util.regex.Pattern.compile(".*/tracking/items/" + item.id() + "$"));
	}

	@Autowired
	zeren.report.AnnualReports reports;

	@Autowired
	zeren.oversight.Sweep sweep;

	@Test
	void a_secretary_sees_the_interviews_still_owed_and_the_reports_of_the_level_below_to_review() {
		LocalDate today = clock.today();
		Org city = tree.create(new OrgTree.NewOrg(unique("AC"), "市委" + unique("A"), OrgType.PARTY_COMMITTEE, null, null, null));
		Org county = tree.create(new OrgTree.NewOrg(unique("AX"), "县委" + unique("A"), OrgType.PARTY_COMMITTEE, city.id(), null, null));
		Post citySecretary = leadership.addPost(city.id(), new Leadership.NewPost("市委书记", PostKind.SECRETARY, List.of(), 1));
		Post countySecretary = leadership.addPost(county.id(), new Leadership.NewPost("县委书记", PostKind.SECRETARY, List.of(), 1));
		Person person = people.create(new People.NewPerson("周" + unique("P"), null, null, null, null, city.id()));
		Person other = people.create(new People.NewPerson("吴" + unique("P"), null, null, null, null, county.id()));
		leadership.appoint(new Leadership.NewTenure(person.id(), citySecretary.id(), LocalDate.of(2020, 1, 1), null));
		leadership.appoint(new Leadership.NewTenure(other.id(), countySecretary.id(), LocalDate.of(2020, 1, 1), null));
		var report = reports.create(new zeren.report.AnnualReports.NewReport(county.id(), today.getYear() - 1,
				zeren.report.AnnualReport.Kind.COMMITTEE, false));
		reports.edit(report.id(), new zeren.report.AnnualReports.Draft("县委履行主体责任情况报告", "一年来的工作"));
		reports.submit(report.id());
		sweep.sweep(city.id(), today.getYear());
		String username = unique("sec").toLowerCase();
		UserAccount user = users.create(new zeren.access.Users.NewUser(username, "password-sec-1", person.id(), true));
		users.addGrant(user.id(), new zeren.access.Users.NewGrant(Role.LEADER, city.id(), true));

		signIn(username, "password-sec-1");
		open("/");
		// the city secretary has not interviewed the county secretary this year
		expect(page.locator("#attention [data-group='home.attention.interviews'] .attention-item"))
				.hasText("逐级约谈覆盖 · " + city.name());
		expect(page.locator("#attention [data-group='home.attention.reports-to-review'] .attention-item"))
				.hasText("县委履行主体责任情况报告 · " + county.name());
		page.locator("#attention [data-group='home.attention.reports-to-review'] a").click();
		expect(page).hasURL(java.util.regex.Pattern.compile(".*/reports/" + report.id() + "$"));
		open("/");
		page.locator("#attention [data-group='home.attention.interviews'] a").click();
		expect(page.locator("#coverage-heading")).containsText(city.name());
	}
}
