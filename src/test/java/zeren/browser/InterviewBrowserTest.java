package zeren.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import com.microsoft.playwright.options.LoadState;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import zeren.interview.Interview;
import zeren.interview.InterviewCoverage;
import zeren.interview.InterviewRecords;
import zeren.org.Leadership;
import zeren.org.Org;
import zeren.org.OrgTree;
import zeren.org.OrgType;
import zeren.org.People;
import zeren.org.Person;
import zeren.org.Post;
import zeren.org.PostKind;

/** An interview recorded through the form: people found through tenures, coverage updated. */
class InterviewBrowserTest extends BrowserTest {

	@Autowired
	OrgTree tree;

	@Autowired
	Leadership leadership;

	@Autowired
	People people;

	@Autowired
	InterviewRecords records;

	@Autowired
	InterviewCoverage coverage;

	@Test
	void an_interview_is_recorded_with_people_found_by_tenure_and_the_pair_becomes_covered() {
		Org city = tree.create(new OrgTree.NewOrg(unique("IC"), "市委" + unique("I"), OrgType.PARTY_COMMITTEE, null, null, null));
		Org county = tree.create(new OrgTree.NewOrg(unique("IX"), "县委" + unique("I"), OrgType.PARTY_COMMITTEE, city.id(), null, null));
		Post citySecretary = leadership.addPost(city.id(), new Leadership.NewPost("市委书记", PostKind.SECRETARY, List.of(), 1));
		Post countySecretary = leadership.addPost(county.id(), new Leadership.NewPost("县委书记", PostKind.SECRETARY, List.of(), 1));
		Person a = people.create(new People.NewPerson("王" + unique("P"), null, null, null, null, city.id()));
		Person b = people.create(new People.NewPerson("李" + unique("P"), null, null, null, null, county.id()));
		leadership.appoint(new Leadership.NewTenure(a.id(), citySecretary.id(), LocalDate.of(2020, 1, 1), null));
		leadership.appoint(new Leadership.NewTenure(b.id(), countySecretary.id(), LocalDate.of(2020, 1, 1), null));

		open("/interviews?orgId=" + city.id() + "&year=2026");
		expect(page.locator("#coverage-totals")).hasText("应约谈 1 对，已约谈 0 对，未约谈 1 对；另有岗位空缺 0 对、未设置岗位 2 对。");
		// neither committee has a 纪委书记 post: the discipline rule's two pairs are listed as not set up
		expect(page.locator("#coverage-missing tbody tr")).hasCount(3);
		expect(page.locator("#coverage-missing tbody tr").nth(1)).containsText("（未设置纪委书记职务）");
		expect(page.locator("#coverage-missing tbody tr").nth(1)).containsText("未设置岗位");
		expect(page.locator("#coverage-missing tbody tr").nth(0)).containsText(county.name() + " · 县委书记");
		page.locator("#interview-new").click();

		// an empty content is refused with the field named by its label, and nothing is recorded
		page.locator("#date").fill("2026-04-15");
		page.locator("#kind").selectOption("ADMONISHMENT");
		page.getByLabel(county.name() + " · 县委书记").check();
		button("保存").click();
		expect(page.locator("#interview-errors")).containsText("约谈内容：不能为空");
		assertThat(records.heldBy(city.id(), 2026)).isEmpty();

		// the refused form came back as a page: its scripts (the kept values, the errors) run on load
		page.waitForLoadState(LoadState.LOAD);
		page.locator("#date").fill("2026-04-15");
		page.locator("#kind").selectOption("ADMONISHMENT");
		page.locator("#interviewerPostId").selectOption(String.valueOf(citySecretary.id()));
		page.getByLabel(county.name() + " · 县委书记").check();
		page.locator("#content").fill("就落实主体责任不力进行诫勉谈话");
		page.locator("#requirements").fill("一个月内报送整改报告\n召开专题民主生活会");
		button("保存").click();
		expect(page.locator("#interview-heading")).containsText("2026-04-15");
		expect(page.locator("#interview-kind")).hasText("诫勉谈话");
		expect(page.locator("#interview-interviewer")).containsText(a.name() + "（" + city.name() + " · 市委书记）");
		expect(page.locator("#interview-interviewees")).containsText(b.name() + "（" + county.name() + " · 县委书记）");
		expect(page.locator("#interview-requirements li")).hasCount(2);
		Interview recorded = records.get(idInUrl());
		assertThat(recorded.kind()).isEqualTo(Interview.Kind.ADMONISHMENT);
		assertThat(recorded.interviewees()).extracting(Interview.Party::personId).containsExactly(b.id());
		assertThat(coverage.coverage(city.id(), 2026).covered()).isEqualTo(1);

		page.getByText("返回约谈列表").click();
		expect(page.locator("#coverage-totals")).hasText("应约谈 1 对，已约谈 1 对，未约谈 0 对；另有岗位空缺 0 对、未设置岗位 2 对。");
		expect(page.locator("#interviews tbody tr")).hasCount(1);
		screenshot("interview-recorded");
		open("/interviews?orgId=" + city.id() + "&year=2026&lang=en");
		expect(page.locator("#coverage-totals")).hasText("1 pairs required, 1 covered, 0 missing; besides, 0 pairs vacant and 2 not set up.");
	}
}
