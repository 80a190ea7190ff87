package zeren.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import zeren.access.Role;
import zeren.access.UserAccount;
import zeren.access.Users;
import zeren.duty.ResponsibilityLetter.Side;
import zeren.duty.ResponsibilityLetter.Status;
import zeren.duty.ResponsibilityLetters.LetterFilter;
import zeren.duty.ResponsibilityLetters.LetterSort;
import zeren.org.Leadership;
import zeren.org.Org;
import zeren.org.OrgTree;
import zeren.org.OrgType;
import zeren.org.People;
import zeren.org.Person;
import zeren.org.PostKind;
import zeren.platform.BusinessClock;
import zeren.platform.Paged;
import zeren.support.ApiTest;

/**
 * The letters of an organisation as a list: searched, filtered, sorted and paged in the database
 * within the caller's scope (a sibling city's letters never appear); several letters issued or
 * signed at once, all or nothing, the refused letter named, each letter audited.
 */
abstract class LetterListsContract extends ApiTest {

	@Autowired
	OrgTree tree;

	@Autowired
	People people;

	@Autowired
	Leadership leadership;

	@Autowired
	Requirements requirements;

	@Autowired
	ResponsibilityLetters letters;

	@Autowired
	LetterManagement management;

	@Autowired
	BusinessClock clock;

	String p;
	int year;
	Org city;
	Org sibling;
	Person boss;
	RequestPostProcessor asBoss;
	RequestPostProcessor asSibling;

	Org org(String name, Long parent) {
		return tree.create(new OrgTree.NewOrg(p + name, p + name, OrgType.PARTY_COMMITTEE, parent, null, null));
	}

	void secretary(Org org, String title) {
		leadership.addPost(org.id(), new Leadership.NewPost(title, PostKind.SECRETARY, List.of(), 1));
	}

	RequestPostProcessor user(Org org, Person person) {
		UserAccount user = users.create(new Users.NewUser(unique().toLowerCase() + "u", "password-long-1", null, true));
		users.addGrant(user.id(), new Users.NewGrant(Role.ORG_ADMIN, org.id(), true));
		if (person != null) {
			users.linkPerson(user.id(), person.id());
		}
		return as(user.id(), user.username());
	}

	/** A city issuing to three counties (its 书记 held by {@code boss}), and a sibling city issuing to one. */
	@BeforeEach
	void twoCities() {
		p = unique();
		year = clock.today().getYear();
		city = org("市委", null);
		sibling = org("邻市委", null);
		secretary(city, "市委书记");
		secretary(sibling, "邻市委书记");
		for (String county : List.of("A县委", "B县委", "C县委")) {
			secretary(org(county, city.id()), county + "书记");
		}
		secretary(org("D县委", sibling.id()), "D县委书记");
		boss = people.create(new People.NewPerson(p + "书记甲", null, null, null, null, city.id()));
		leadership.appoint(new Leadership.NewTenure(boss.id(),
				leadership.posts(city.id()).get(0).id(), LocalDate.of(2020, 1, 1), null));
		for (Org issuer : List.of(city, sibling)) {
			requirements.publish(new Requirements.Publication(issuer.id(), year,
					List.of(new Requirements.Requirement(null, "1", "主体责任", "逐级签订责任书", null, null))));
			management.generate(issuer.id(), year);
		}
		asBoss = user(city, boss);
		asSibling = user(sibling, null);
	}

	List<ResponsibilityLetter> cityLetters() {
		return letters.page(city.id(), year, null, LetterSort.RECIPIENT, 1, 50).items();
	}

	ResponsibilityLetter to(String county) {
		return cityLetters().stream().filter(l -> l.recipient().orgName().equals(p + county)).findFirst().orElseThrow();
	}

	ResultActions batch(String action, RequestPostProcessor by, ResponsibilityLetter... chosen) throws Exception {
		MockHttpServletRequestBuilder request = post("/duty/letters/batch").param("action", action)
				.param("back", "/duty/letters?orgId=" + city.id() + "&page=2").with(csrf());
		for (ResponsibilityLetter l : chosen) {
			request.param("letterIds", String.valueOf(l.id()));
		}
		if (by != null) {
			request.with(by);
		}
		return mvc.perform(request).andExpect(status().is3xxRedirection());
	}

	long events(String action) throws Exception {
		String body = mvc.perform(get("/api/v1/audit").param("orgId", String.valueOf(city.id())).param("entity", "letter"))
				.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		return body.split("\"action\":\"" + action + "\"", -1).length - 1;
	}

	@Test
	void the_list_is_searched_filtered_sorted_and_paged_in_the_database_within_the_callers_scope() throws Exception {
		Paged<ResponsibilityLetter> first = letters.page(city.id(), year, null, LetterSort.RECIPIENT, 1, 2);
		assertThat(first.total()).isEqualTo(3);
		assertThat(first.pages()).isEqualTo(2);
		assertThat(first.items()).extracting(l -> l.recipient().orgName()).containsExactly(p + "A县委", p + "B县委");
		assertThat(letters.page(city.id(), year, null, LetterSort.RECIPIENT, 2, 2).items())
				.extracting(l -> l.recipient().orgName()).containsExactly(p + "C县委");
		assertThat(letters.page(city.id(), year, null, LetterSort.RECENT, 1, 50).items().get(0).recipient().orgName())
				.isEqualTo(p + "C县委");
		// search by recipient or post, the LIKE wildcards taken literally
		assertThat(letters.page(city.id(), year, new LetterFilter("B县", null, null), null, 1, 50).total()).isEqualTo(1);
		assertThat(letters.page(city.id(), year, new LetterFilter("C县委书记", null, null), null, 1, 50).total()).isEqualTo(1);
		assertThat(letters.page(city.id(), year, new LetterFilter("%", null, null), null, 1, 50).total()).isZero();
		assertThat(letters.page(city.id(), year, new LetterFilter(null, "DRAFT", "ORG"), null, 1, 50).total()).isEqualTo(3);
		assertThat(letters.page(city.id(), year, new LetterFilter(null, "SIGNED", null), null, 1, 50).total()).isZero();
		// a sibling city's letter never appears, whatever the search
		assertThat(letters.page(city.id(), year, new LetterFilter("D县", null, null), null, 1, 50).total()).isZero();

		// the page keeps the query in its links, and a user of the sibling city does not see the city's list
		String page = mvc.perform(get("/duty/letters").param("orgId", String.valueOf(city.id())).param("year", String.valueOf(year))
				.param("q", "县委").param("sort", "STATUS").param("status", "DRAFT").with(asBoss)).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains(p + "A县委", p + "C县委").doesNotContain(p + "D县委").contains("共 3 条，第 1/1 页")
				.contains("name=\"letterIds\"");
		mvc.perform(get("/duty/letters").param("orgId", String.valueOf(city.id())).with(asSibling))
				.andExpect(status().isNotFound());
	}

	@Test
	void issuing_several_is_all_or_nothing_and_names_the_letter_refused() throws Exception {
		ResponsibilityLetter empty = to("B县委");
		for (var item : empty.items()) {
			management.removeItem(empty.id(), item.id());
		}
		batch("ISSUE", null, to("A县委"), empty, to("C县委")).andExpect(redirectedUrl("/duty/letters?orgId=" + city.id() + "&page=2"))
				.andExpect(flash().attribute("errors",
						contains("“" + p + "B县委 B县委书记”未能办理：责任书至少应有一项责任事项（整批均未办理，请处理后重试）")));
		assertThat(cityLetters()).allSatisfy(l -> assertThat(l.status()).isEqualTo(Status.DRAFT));
		assertThat(events("ISSUE")).isZero();

		// a user of the sibling city issues nothing of the city's
		batch("ISSUE", asSibling, to("A县委")).andExpect(flash().attribute("errors", org.hamcrest.Matchers.hasSize(1)));
		assertThat(to("A县委").status()).isEqualTo(Status.DRAFT);

		batch("ISSUE", null, to("A县委"), to("C县委")).andExpect(flash().attribute("notice", "已下达 2 份责任书"));
		assertThat(to("A县委").status()).isEqualTo(Status.ISSUED);
		assertThat(to("C县委").status()).isEqualTo(Status.ISSUED);
		assertThat(to("B县委").status()).isEqualTo(Status.DRAFT);
		assertThat(events("ISSUE")).isEqualTo(2);
		// an action that is none of the two is refused with the field named
		batch("DELETE", null, to("A县委")).andExpect(flash().attribute("errors", contains("操作：格式不正确：DELETE")));
	}

	@Test
	void signing_several_signs_each_for_the_side_held_and_a_letter_signed_already_refuses_the_batch() throws Exception {
		batch("ISSUE", null, to("A县委"), to("C县委")).andExpect(flash().attributeExists("notice"));
		// only the holder of the issuing post signs: the administrator holds none
		batch("SIGN", null, to("A县委")).andExpect(flash().attribute("errors", org.hamcrest.Matchers.hasSize(1)));
		batch("SIGN", asBoss, to("A县委")).andExpect(flash().attribute("notice", "已签署 1 份责任书"));
		batch("SIGN", asBoss, to("A县委"), to("C县委")).andExpect(flash().attribute("errors",
				contains("“" + p + "A县委 A县委书记”未能办理：该方已签署（整批均未办理，请处理后重试）")));
		assertThat(to("C县委").signedBy(Side.ISSUER)).isFalse();
		batch("SIGN", asBoss, to("C县委")).andExpect(flash().attribute("notice", "已签署 1 份责任书"));
		assertThat(to("C县委").signedBy(Side.ISSUER)).isTrue();
		assertThat(to("C县委").signatures()).extracting(ResponsibilityLetter.Signature::personId).containsExactly(boss.id());
		assertThat(events("SIGN")).isEqualTo(2);
		// a draft cannot be signed: named, nothing signed
		batch("SIGN", asBoss, to("B县委")).andExpect(flash().attribute("errors",
				contains("“" + p + "B县委 B县委书记”未能办理：责任书尚未下达，不能签署（整批均未办理，请处理后重试）")));
	}

	static String batchBody(String action, ResponsibilityLetter... chosen) {
		return "{" + (action == null ? "" : "\"action\":\"" + action + "\",") + "\"letterIds\":[" + String.join(",",
				java.util.Arrays.stream(chosen).map(l -> String.valueOf(l.id())).toList()) + "]}";
	}

	@Test
	void the_api_issues_and_signs_several_at_once_through_the_same_calls_and_names_the_bad_field() throws Exception {
		ResponsibilityLetter empty = to("B县委");
		for (var item : empty.items()) {
			management.removeItem(empty.id(), item.id());
		}
		// all or nothing: 409 naming the letter refused
		mvc.perform(postJson("/api/v1/duty/letters/batch", batchBody("ISSUE", to("A县委"), empty)))
				.andExpect(status().isConflict()).andExpect(jsonPath("$.detail")
						.value("“" + p + "B县委 B县委书记”未能办理：责任书至少应有一项责任事项（整批均未办理，请处理后重试）"));
		assertThat(cityLetters()).allSatisfy(l -> assertThat(l.status()).isEqualTo(Status.DRAFT));
		// a user of the sibling city issues nothing of the city's and learns only the number
		mvc.perform(postJson("/api/v1/duty/letters/batch", batchBody("ISSUE", to("A县委"))).with(asSibling))
				.andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers
						.startsWith("“" + to("A县委").id() + "”未能办理：")));
		assertThat(to("A县委").status()).isEqualTo(Status.DRAFT);
		// the bad field named: the action, then the letters
		mvc.perform(postJson("/api/v1/duty/letters/batch", batchBody("DELETE", to("A县委")))).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("action"))
				.andExpect(jsonPath("$.errors[0].message").value("操作：格式不正确：DELETE"));
		mvc.perform(postJson("/api/v1/duty/letters/batch", batchBody(null, to("A县委")))).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("action"));
		mvc.perform(postJson("/api/v1/duty/letters/batch", batchBody("ISSUE"))).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("letterIds"));

		mvc.perform(postJson("/api/v1/duty/letters/batch", batchBody("ISSUE", to("A县委"), to("C县委"))))
				.andExpect(status().isOk()).andExpect(jsonPath("$.done").value(2)).andExpect(jsonPath("$.action").value("ISSUE"));
		assertThat(events("ISSUE")).isEqualTo(2);
		// the city secretary signs both, each for the side held, each audited
		mvc.perform(postJson("/api/v1/duty/letters/batch", batchBody("SIGN", to("A县委"), to("C县委"))).with(asBoss))
				.andExpect(status().isOk()).andExpect(jsonPath("$.done").value(2));
		assertThat(to("A县委").signedBy(Side.ISSUER)).isTrue();
		assertThat(events("SIGN")).isEqualTo(2);
	}

	@Test
	void the_export_carries_the_letters_the_list_shows() throws Exception {
		byte[] xlsx = mvc.perform(get("/duty/letters/export.xlsx").param("orgId", String.valueOf(city.id()))
				.param("year", String.valueOf(year)).param("q", "B县").param("sort", "RECENT")).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsByteArray();
		try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
			var sheet = book.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).isEqualTo(1);
			assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo(p + "B县委 B县委书记");
		}
		// the 1+X requirements' table: the requirement, whom it reaches, how many lists hold it
		var requirements = zeren.support.Xlsx.sheets(mvc.perform(get("/duty/requirements/export.xlsx")
				.param("orgId", String.valueOf(city.id())).param("year", String.valueOf(year))).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsByteArray()).get(0);
		assertThat(requirements.header()).contains("工作任务", "下达范围", "列入清单");
		assertThat(requirements.body()).singleElement().satisfies(r -> {
			assertThat(r.get(1)).isEqualTo("主体责任");
			assertThat(r.get(2)).isEqualTo("逐级签订责任书");
		});
		mvc.perform(get("/duty/requirements/export.xlsx").param("orgId", String.valueOf(city.id())).with(asSibling))
				.andExpect(status().isNotFound());
		// the page's export link carries its query
		String page = mvc.perform(get("/duty/letters").param("orgId", String.valueOf(city.id())).param("year", String.valueOf(year))
				.param("q", "B县").param("status", "DRAFT")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).containsPattern("id=\"letters-export\" href=\"[^\"]*/duty/letters/export\\.xlsx\\?[^\"]*status=DRAFT[^\"]*q=B");
	}
}
