package zeren.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.options.FilePayload;

import zeren.access.Role;
import zeren.access.UserAccount;
import zeren.access.Users;
import zeren.inspection.Finding;
import zeren.inspection.Findings;
import zeren.inspection.Notices;
import zeren.org.Leadership;
import zeren.org.Org;
import zeren.org.OrgTree;
import zeren.org.OrgType;
import zeren.org.People;
import zeren.org.Person;
import zeren.org.Post;
import zeren.org.PostKind;

/**
 * An annual check planned, a finding recorded, its rectification ordered, recorded with evidence by
 * the town, verified and closed by the city, a notice issued and seen where it was sent.
 */
class InspectionBrowserTest extends BrowserTest {

	@Autowired
	OrgTree tree;

	@Autowired
	Leadership leadership;

	@Autowired
	People people;

	@Autowired
	Findings findings;

	@Autowired
	Notices notices;

	@Autowired
	Users users;

	@Test
	void a_finding_is_recorded_and_a_notice_issued_to_the_county_is_received_below_it() {
		Org city = tree.create(new OrgTree.NewOrg(unique("IC"), "市委" + unique("I"), OrgType.PARTY_COMMITTEE, null, null, null));
		Org county = tree.create(new OrgTree.NewOrg(unique("IX"), "县委" + unique("I"), OrgType.PARTY_COMMITTEE, city.id(), null, null));
		Org town = tree.create(new OrgTree.NewOrg(unique("IT"), "镇党委" + unique("I"), OrgType.PARTY_COMMITTEE, county.id(), null, null));
		Post member = leadership.addPost(city.id(), new Leadership.NewPost("市委常委", PostKind.MEMBER, List.of(), 1));
		Person person = people.create(new People.NewPerson("李" + unique("P"), null, null, null, null, city.id()));
		leadership.appoint(new Leadership.NewTenure(person.id(), member.id(), LocalDate.of(2020, 1, 1), null));
		Post townSecretary = leadership.addPost(town.id(), new Leadership.NewPost("镇党委书记", PostKind.SECRETARY, List.of(), 1));
		UserAccount townUser = users.create(new Users.NewUser(unique("town").toLowerCase(), "town-password-1", null, true));
		users.addGrant(townUser.id(), new Users.NewGrant(Role.LEADER, town.id(), true));
		UserAccount cityUser = users.create(new Users.NewUser(unique("city").toLowerCase(), "city-password-1", null, true));
		users.addGrant(cityUser.id(), new Users.NewGrant(Role.DISCIPLINE, city.id(), true));

		open("/inspection?orgId=" + city.id());
		expect(page.locator("#inspection-none")).isVisible();
		page.locator("#kind").selectOption("ANNUAL_CHECK");
		page.locator("#title").fill("年度党风廉政建设责任制检查");
		page.locator("#endDate").fill(LocalDate.now().plusDays(30).toString());
		page.locator("#leaderPostId").selectOption(String.valueOf(member.id()));
		page.locator("#targetOrgIds").selectOption(String.valueOf(county.id()));
		page.locator("#includeSubtree").check();
		button("创建").click();
		expect(page.locator("#inspection-title")).hasText("年度党风廉政建设责任制检查");
		expect(page.locator("#inspection-team")).containsText(person.name());
		expect(page.locator("#inspection-focus li")).hasCount(5);
		expect(page.locator("#inspection-targets")).containsText(town.name());
		long inspectionId = idInUrl();

		page.locator("#finding-org").selectOption(String.valueOf(town.id()));
		// the responsible posts offered are the chosen organisation's (reloaded when it changes)
		expect(page.locator("#finding-posts option[value='" + townSecretary.id() + "']")).hasCount(1);
		page.locator("#finding-posts").selectOption(String.valueOf(townSecretary.id()));
		page.locator("#finding-focus").selectOption("3");
		page.locator("#finding-severity").selectOption("SERIOUS");
		page.locator("#finding-description").fill("惠民资金发放不规范");
		button("记录问题").click();
		expect(page.locator(".findings-table tbody tr")).hasCount(1);
		expect(page.locator(".findings-table tbody tr").first()).containsText("严重");
		var finding = findings.ofInspection(inspectionId).get(0);
		assertThat(finding.responsiblePosts()).extracting(Finding.ResponsiblePost::postId).containsExactly(townSecretary.id());

		// the inspecting organisation orders the rectification
		page.locator(".findings-table tbody tr a").first().click();
		expect(page.locator("#finding-ref")).containsText(finding.inspectionTitle());
		expect(page.locator("#finding-ref")).not().containsText("inspection.finding");
		page.locator("#rectification-measures").fill("规范惠民资金发放流程；逐户核查");
		page.locator("#rectification-deadline").fill(LocalDate.now().plusDays(20).toString());
		page.locator("#rectification-post").selectOption(String.valueOf(townSecretary.id()));
		button("下达整改").click();
		confirm();
		expect(page.locator("#flash-success")).isVisible();
		expect(page.locator("#rectification")).containsText("规范惠民资金发放流程");
		expect(page.locator("#rectification-status")).containsText("未开始");

		// the town records its progress with evidence and submits, as its own user
		context.clearCookies();
		signIn(townUser.username(), "town-password-1");
		open("/inspection/findings/" + finding.id());
		page.locator("#rectification-item").click();
		page.locator("#entry-text").fill("已逐户核查并补发");
		page.locator("#entry-files").setInputFiles(new FilePayload("核查记录.txt", "text/plain",
				"逐户核查记录".getBytes(StandardCharsets.UTF_8)));
		page.locator("#entry-save").click();
		expect(page.locator("#item-done")).isVisible();
		button("提交销号").click();
		expect(page.locator(".tracking-status").first()).containsText("待审核销号");
		assertThat(button("销号").count()).isZero();

		// the inspecting organisation verifies and closes (销号)
		context.clearCookies();
		signIn(cityUser.username(), "city-password-1");
		open("/inspection/findings/" + finding.id());
		page.locator("#rectification-item").click();
		button("销号").click();
		confirm();
		open("/inspection/findings/" + finding.id());
		expect(page.locator("#rectification-status")).containsText("已销号");
		open("/inspection/board?orgId=" + county.id());
		expect(page.locator("#board-CLOSED .board-card")).hasCount(1);
		expect(page.locator("#board-OVERDUE .board-card")).hasCount(0);

		context.clearCookies();
		signIn(ADMIN, ADMIN_PASSWORD);
		open("/inspection/inspections/" + inspectionId);

		page.locator("#notice-title").fill("关于惠民资金问题的通报");
		page.locator("#notice-body").fill("经检查发现如下问题。\n请各单位引以为戒。");
		page.locator("#notice-scope").selectOption("SUBTREE");
		page.locator("#notice-scope-org").selectOption(String.valueOf(county.id()));
		page.locator("#notice-finding-" + finding.id()).check();
		page.locator("#notice-criticise-" + town.id()).check();
		button("发出通报").click();
		confirm();
		expect(page.locator("#notice-heading")).hasText("关于惠民资金问题的通报");
		expect(page.locator("#notice-findings")).containsText("惠民资金发放不规范");
		expect(page.locator("#notice-criticised")).containsText(town.name());
		expect(page.locator("#notice-body p")).hasCount(2);

		open("/inspection/notices?orgId=" + town.id());
		expect(page.locator("#notices-received tbody tr")).hasCount(1);
		expect(page.locator("#criticisms")).containsText(town.name());
		open("/inspection/notices?orgId=" + city.id());
		expect(page.locator("#received-none")).isVisible();
		expect(page.locator("#notices-issued li")).hasCount(1);
		assertThat(notices.received(town.id())).hasSize(1);

		open("/inspection/findings?orgId=" + county.id() + "&lang=en");
		expect(page.locator(".findings-table tbody tr")).hasCount(1);
		expect(page.locator(".findings-table tbody tr").first()).containsText("Serious");
		screenshot("inspection-findings");
	}
}
