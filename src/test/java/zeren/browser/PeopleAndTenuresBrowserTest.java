package zeren.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.SelectOption;

import zeren.org.Leadership;
import zeren.org.Org;
import zeren.org.OrgTree;
import zeren.org.OrgType;
import zeren.org.People;
import zeren.org.Person;
import zeren.org.Post;
import zeren.org.PostKind;
import zeren.org.Tenure;

/** People, posts and tenures: register, appoint, end, look back, refuse overlaps, careers. */
class PeopleAndTenuresBrowserTest extends BrowserTest {

	private static final AtomicInteger PEOPLE = new AtomicInteger();

	@Autowired
	OrgTree tree;

	@Autowired
	People people;

	@Autowired
	Leadership leadership;

	Org org;

	@BeforeEach
	void anOrganisation() {
		String code = unique("L");
		org = tree.create(new OrgTree.NewOrg(code, "县委" + code, OrgType.PARTY_COMMITTEE, null, null, null));
	}

	/** A valid 18-character citizen ID number, different for each call; the birth date is digits 7-14. */
	static String idNumber(LocalDate birthDate) {
		int n = PEOPLE.incrementAndGet();
		String first17 = "110105" + birthDate.toString().replace("-", "") + String.format("%03d", n % 1000);
		int[] weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * weights[i];
		}
		return first17 + "10X98765432".charAt(sum % 11);
	}

	/** A birth date no other person of this run has, so that ID numbers never collide. */
	static LocalDate birthDate() {
		return LocalDate.of(1965, 1, 1).plusDays(PEOPLE.get() * 3L + 1);
	}

	private Person person(String name) {
		return people.create(new People.NewPerson(name + unique(""), Person.Gender.MALE, null, null, null));
	}

	private Post secretary() {
		return leadership.addPost(org.id(), new Leadership.NewPost("书记", PostKind.SECRETARY, List.of(), null));
	}

	private Locator leaders() {
		return page.locator("table.leaders tbody tr");
	}

	private Locator history() {
		return page.locator("table.history tbody tr");
	}

	@Test
	void a_person_is_registered_through_the_form_and_found_by_search() {
		LocalDate born = birthDate();
		String id = idNumber(born);
		String name = "张三" + unique("");
		open("/people");
		page.locator(".new-person input[name=name]").fill(name);
		page.locator(".new-person select[name=gender]").selectOption("MALE");
		page.locator(".new-person input[name=idNumber]").fill(id);
		page.locator(".new-person textarea[name=notes]").fill("从外县调入");
		page.locator(".new-person button[type=submit]").click();

		expect(page.locator("#person-name")).hasText(name);
		long personId = idInUrl();
		Locator facts = page.locator("main dl");
		expect(facts).containsText(String.valueOf(personId));
		expect(facts).containsText("男");
		expect(facts).containsText(born.toString()); // taken from the ID number
		expect(facts).containsText("从外县调入");
		expect(page.locator("main")).containsText("还没有任职记录。");
		assertThat(people.get(personId).idNumber()).isEqualTo(id);

		page.locator(".breadcrumb").getByText("人员").click();
		page.locator("#people-q").fill(name);
		page.locator("form[role=search] button").click();
		expect(page.locator("table.people tbody tr")).hasCount(1);
		expect(page.locator("table.people tbody tr")).containsText(name);
		page.locator("table.people tbody tr a").click();
		expect(page.locator("#person-name")).hasText(name);
	}

	@Test
	void an_invalid_id_number_is_refused_with_a_message_naming_the_field() {
		String valid = idNumber(birthDate());
		char wrongCheck = valid.charAt(17) == '0' ? '1' : '0';
		String name = "李四" + unique("");
		open("/people");
		page.locator(".new-person input[name=name]").fill(name);
		page.locator(".new-person input[name=idNumber]").fill(valid.substring(0, 17) + wrongCheck);
		page.locator(".new-person button[type=submit]").click();

		expect(page.locator(".alert-danger .error-list li"))
				.hasText(new String[] { "公民身份号码：不是有效的 18 位公民身份号码（校验位或出生日期不对）" });
		expect(page).hasURL(url("/people"));
		screenshot("people-invalid-id");
		assertThat(people.search(name, 10)).isEmpty();
	}

	@Test
	void a_secretary_is_appointed_shown_in_the_leadership_team_and_leaves() {
		Person zhang = person("张书记");

		open("/orgs/" + org.id());
		expect(page.locator("main")).containsText("还没有设置职务。");
		expect(page.locator("form.appoint")).hasCount(0); // nothing to appoint to yet
		page.locator(".add-post input[name=title]").fill("书记");
		page.locator(".add-post select[name=kind]").selectOption("SECRETARY");
		page.locator(".add-post textarea[name=areas]").fill("主持全面工作\n党风廉政建设第一责任人");
		page.locator(".add-post button[type=submit]").click();

		expect(leaders()).hasCount(1);
		expect(leaders().first().locator("td")).hasText(
				new String[] { "书记", "书记", "主持全面工作、党风廉政建设第一责任人", "空缺", "" });

		page.locator(".appoint select[name=postId]").selectOption(new SelectOption().setLabel("书记"));
		pick("personId", zhang.name(), zhang.id());
		page.locator(".appoint input[name=startDate]").fill("2020-01-01");
		page.locator(".appoint button[type=submit]").click();

		expect(leaders().first().locator("td").nth(3)).hasText(zhang.name());
		expect(leaders().first().locator("td").nth(4)).hasText("2020-01-01");
		expect(history()).hasCount(1);
		expect(history().first().locator("td").nth(1)).hasText(zhang.name());
		expect(history().first().locator("td").nth(3)).hasText("至今");
		screenshot("org-leadership");

		// End the tenure: the last day in office, and why.
		history().first().locator("input[name=endDate]").fill("2022-12-31");
		history().first().locator("select[name=reason]").selectOption("TRANSFER");
		history().first().locator(".end-tenure button[type=submit]").click();
		confirm();

		expect(history().first().locator("td").nth(3)).hasText("2022-12-31");
		expect(history().first().locator("td").nth(4)).hasText("调任");
		expect(history().first().locator("form.end-tenure")).hasCount(0);
		expect(leaders().first().locator("td").nth(3)).hasText("空缺");
		Tenure ended = leadership.history(org.id()).get(0).tenure();
		assertThat(ended.endDate()).isEqualTo(LocalDate.of(2022, 12, 31));
		assertThat(ended.endReason()).isEqualTo(Tenure.EndReason.TRANSFER);
	}

	@Test
	void the_leadership_view_at_a_past_date_shows_who_held_the_post_on_that_date() {
		Post post = secretary();
		Person first = person("王一");
		Person second = person("王二");
		Tenure tenure = leadership.appoint(new Leadership.NewTenure(first.id(), post.id(), LocalDate.of(2018, 3, 1), null));
		leadership.end(tenure.id(), LocalDate.of(2021, 6, 30), Tenure.EndReason.PROMOTION);
		leadership.appoint(new Leadership.NewTenure(second.id(), post.id(), LocalDate.of(2021, 7, 1), null));

		open("/orgs/" + org.id());
		expect(leaders().first().locator("td").nth(3)).hasText(second.name());

		page.locator("#at").fill("2021-06-30");
		button("查看").click();
		expect(page).hasURL(url("/orgs/" + org.id() + "?at=2021-06-30"));
		expect(page.locator("#at")).hasValue("2021-06-30");
		expect(leaders()).hasCount(1);
		expect(leaders().first().locator("td").nth(3)).hasText(first.name());
		expect(leaders().first().locator("td").nth(4)).hasText("2018-03-01");

		open("/orgs/" + org.id() + "?at=2021-07-01");
		expect(leaders().first().locator("td").nth(3)).hasText(second.name());
		open("/orgs/" + org.id() + "?at=2017-12-31");
		expect(leaders().first().locator("td").nth(3)).hasText("空缺");

		// The history lists both, earliest first.
		expect(history().locator("td:nth-child(2)")).hasText(new String[] { first.name(), second.name() });
		expect(history().first().locator("td").nth(4)).hasText("晋升");
	}

	@Test
	void appointing_a_second_secretary_for_overlapping_dates_is_refused() {
		Post post = secretary();
		Person holder = person("赵一");
		Person rival = person("赵二");
		Tenure tenure = leadership.appoint(new Leadership.NewTenure(holder.id(), post.id(), LocalDate.of(2020, 1, 1), null));
		leadership.end(tenure.id(), LocalDate.of(2022, 12, 31), Tenure.EndReason.TRANSFER);

		open("/orgs/" + org.id());
		pick("personId", rival.name(), rival.id());
		page.locator(".appoint input[name=startDate]").fill("2022-06-01");
		page.locator(".appoint button[type=submit]").click();

		expect(page.locator(".alert-danger .error-list li")).hasText(new String[] {
				"任职起始日：与 " + holder.name() + " 在“书记”上的任职（2020-01-01 至 2022-12-31）重叠" });
		screenshot("tenure-overlap-refused");
		expect(history()).hasCount(1);
		assertThat(leadership.history(org.id())).hasSize(1);

		// The refused form came back as typed: the person chosen, the date, the error beside the date.
		expect(page.locator("#picker-personId .picker-chip")).hasText(rival.name());
		expect(page.locator(".appoint input[name=startDate]")).hasValue("2022-06-01");
		expect(page.locator(".appoint .field-error[data-field=startDate]")).containsText("任职起始日");

		// From the day after the holder left, the appointment is accepted.
		page.locator(".appoint input[name=startDate]").fill("2023-01-01");
		page.locator(".appoint button[type=submit]").click();
		expect(history()).hasCount(2);
		expect(page.locator(".alert-danger")).hasCount(0);
	}

	@Test
	void the_career_page_lists_every_post_the_person_held() {
		Post post = secretary();
		Org other = tree.create(new OrgTree.NewOrg(unique("L"), "市委" + unique(""), OrgType.PARTY_COMMITTEE, null,
				null, null));
		Post deputy = leadership.addPost(other.id(),
				new Leadership.NewPost("副书记", PostKind.DEPUTY_SECRETARY, List.of(), null));
		Person person = person("钱一");
		Tenure first = leadership.appoint(new Leadership.NewTenure(person.id(), deputy.id(), LocalDate.of(2015, 5, 1), null));
		leadership.end(first.id(), LocalDate.of(2019, 12, 31), Tenure.EndReason.PROMOTION);
		leadership.appoint(new Leadership.NewTenure(person.id(), post.id(), LocalDate.of(2020, 1, 1), null));

		open("/orgs/" + org.id());
		history().first().locator("a").click();
		expect(page.locator("#person-name")).hasText(person.name());

		Locator rows = page.locator("table.career tbody tr");
		expect(rows).hasCount(2);
		expect(rows.nth(0).locator("td")).hasText(new String[] { "2015-05-01", "2019-12-31", other.name(), "副书记", "晋升" });
		expect(rows.nth(1).locator("td")).hasText(new String[] { "2020-01-01", "至今", org.name(), "书记", "" });
		screenshot("person-career");

		rows.nth(1).locator("a").click();
		expect(page.locator("#org-name")).hasText(org.name());
	}
}
