package zeren.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import zeren.platform.ConflictException;
import zeren.platform.InvalidInputException;
import zeren.support.ApiTest;

abstract class LeadershipContract extends ApiTest {

	/** A valid citizen ID number (check character computed with ISO 7064 MOD 11-2), born 1970-01-01. */
	static final String VALID_ID = "11010519700101002X";

	@Autowired
	OrgTree tree;

	@Autowired
	People people;

	@Autowired
	Leadership leadership;

	Org org(String p, String suffix, Long parent) {
		return tree.create(new OrgTree.NewOrg(p + suffix, p + suffix + "委", OrgType.PARTY_COMMITTEE, parent, null, null));
	}

	Person person(String name) {
		return people.create(new People.NewPerson(name, Person.Gender.MALE, null, null, null));
	}

	@Test
	void an_id_number_must_pass_its_checksum_and_agree_with_the_birth_date() throws Exception {
		assertThat(ResidentIdNumber.isValid(VALID_ID)).isTrue();
		assertThat(ResidentIdNumber.isValid("110105197001010021")).isFalse();
		assertThat(ResidentIdNumber.isValid("11010519701301001X")).isFalse();
		mvc.perform(postJson("/api/v1/people", "{\"name\":\"张三\",\"idNumber\":\"110105197001010021\"}"))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("idNumber"));
		mvc.perform(postJson("/api/v1/people",
				"{\"name\":\"张三\",\"idNumber\":\"%s\",\"birthDate\":\"1971-01-01\"}".formatted(VALID_ID.toLowerCase())))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("birthDate"));
		mvc.perform(postJson("/api/v1/people", "{\"name\":\"张三\",\"birthDate\":\"1970-13-01\"}"))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("birthDate"));
		mvc.perform(postJson("/api/v1/people", "{\"name\":\"\"}"))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("name"));
	}

	@Test
	void a_person_with_a_valid_id_number_is_registered_once_and_gets_the_birth_date_from_it() throws Exception {
		// Other tests may have registered this number already on a shared database.
		String id = uniqueIdNumber();
		while (!people.search(id, 1).isEmpty()) {
			id = uniqueIdNumber();
		}
		mvc.perform(postJson("/api/v1/people", "{\"name\":\"李四\",\"gender\":\"FEMALE\",\"idNumber\":\"%s\"}".formatted(id)))
				.andExpect(status().isCreated()).andExpect(jsonPath("$.birthDate").value("1980-02-29"));
		mvc.perform(postJson("/api/v1/people", "{\"name\":\"王五\",\"idNumber\":\"%s\"}".formatted(id)))
				.andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].field").value("idNumber"));
	}

	/** A valid ID number born 1980-02-29 with a random sequence part (the caller checks it is free). */
	static String uniqueIdNumber() {
		int[] weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
		String body = "44030019800229" + String.format("%03d", (int) (Math.random() * 1000));
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (body.charAt(i) - '0') * weights[i];
		}
		return body + "10X98765432".charAt(sum % 11);
	}

	@Test
	void the_leaders_at_a_date_are_the_holders_of_that_date() throws Exception {
		String p = unique();
		Org county = org(p, "县", null);
		Post secretary = leadership.addPost(county.id(), new Leadership.NewPost("县委书记", PostKind.SECRETARY, List.of(), 1));
		Post member = leadership.addPost(county.id(),
				new Leadership.NewPost("常委、组织部长", PostKind.MEMBER, List.of("组织", "党建"), 2));
		Person first = person(p + "甲");
		Person second = person(p + "乙");
		Tenure t1 = leadership.appoint(new Leadership.NewTenure(first.id(), secretary.id(), LocalDate.of(2018, 3, 1), null));
		leadership.end(t1.id(), LocalDate.of(2021, 6, 30), Tenure.EndReason.PROMOTION);
		leadership.appoint(new Leadership.NewTenure(second.id(), secretary.id(), LocalDate.of(2021, 7, 1), null));

		assertThat(leadership.holdersAt(county.id(), PostKind.SECRETARY, LocalDate.of(2021, 6, 30))).extracting(Person::id)
				.containsExactly(first.id());
		assertThat(leadership.holdersAt(county.id(), PostKind.SECRETARY, LocalDate.of(2021, 7, 1))).extracting(Person::id)
				.containsExactly(second.id());
		assertThat(leadership.holdersAt(county.id(), PostKind.SECRETARY, LocalDate.of(2018, 2, 28))).isEmpty();

		mvc.perform(get("/api/v1/orgs/{id}/leaders", county.id()).param("at", "2020-01-01"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$", hasSize(2)))
				.andExpect(jsonPath("$[0].personName").value(p + "甲"))
				.andExpect(jsonPath("$[1].postId").value(member.id()))
				.andExpect(jsonPath("$[1].areas[1]").value("党建"))
				.andExpect(jsonPath("$[1].personId").value(nullValue()));
		mvc.perform(get("/api/v1/orgs/{id}/leaders", county.id()).param("at", "2021-07-01"))
				.andExpect(jsonPath("$[0].personName").value(p + "乙"));
		mvc.perform(get("/api/v1/orgs/{id}/leaders", county.id()).param("at", "2021-02-30"))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("at"));
		mvc.perform(get("/api/v1/orgs/{id}/tenures", county.id())).andExpect(jsonPath("$", hasSize(2)))
				.andExpect(jsonPath("$[0].endReason").value("PROMOTION"));
	}

	@Test
	void a_second_secretary_whose_tenure_overlaps_is_refused() throws Exception {
		String p = unique();
		Org county = org(p, "县", null);
		Post secretary = leadership.addPost(county.id(), new Leadership.NewPost("书记", PostKind.SECRETARY, null, null));
		Person first = person(p + "甲");
		Person second = person(p + "乙");
		leadership.appoint(new Leadership.NewTenure(first.id(), secretary.id(), LocalDate.of(2020, 1, 1), null));
		mvc.perform(postJson("/api/v1/tenures", """
				{"personId":%d,"postId":%d,"startDate":"2022-01-01"}""".formatted(second.id(), secretary.id())))
				.andExpect(status().isConflict())
				.andExpect(jsonPath("$.errors[0].field").value("startDate"));
		// earlier, closed tenure that ends before the first one starts is fine
		mvc.perform(postJson("/api/v1/tenures", """
				{"personId":%d,"postId":%d,"startDate":"2015-01-01","endDate":"2019-12-31"}""".formatted(second.id(), secretary.id())))
				.andExpect(status().isCreated());
		// one that ends on the first day of the other overlaps by a day
		assertThatThrownBy(() -> leadership.appoint(new Leadership.NewTenure(second.id(), secretary.id(),
				LocalDate.of(2019, 12, 31), LocalDate.of(2020, 1, 1)))).isInstanceOf(ConflictException.class);
	}

	@Test
	void team_member_posts_may_have_several_holders_but_not_the_same_person_twice() {
		String p = unique();
		Org county = org(p, "县", null);
		Post member = leadership.addPost(county.id(), new Leadership.NewPost("班子成员", PostKind.MEMBER, null, null));
		Person a = person(p + "甲");
		Person b = person(p + "乙");
		leadership.appoint(new Leadership.NewTenure(a.id(), member.id(), LocalDate.of(2020, 1, 1), null));
		leadership.appoint(new Leadership.NewTenure(b.id(), member.id(), LocalDate.of(2020, 1, 1), null));
		assertThatThrownBy(() -> leadership.appoint(new Leadership.NewTenure(a.id(), member.id(), LocalDate.of(2021, 1, 1), null)))
				.isInstanceOf(ConflictException.class);
	}

	@Test
	void a_career_lists_every_post_held_across_organisations_and_transfers() throws Exception {
		String p = unique();
		Org city = org(p, "市", null);
		Org county = org(p, "县", city.id());
		Post countySecretary = leadership.addPost(county.id(), new Leadership.NewPost("县委书记", PostKind.SECRETARY, null, null));
		Post cityDeputy = leadership.addPost(city.id(), new Leadership.NewPost("市委副书记", PostKind.DEPUTY_SECRETARY, null, null));
		Person cadre = person(p + "丙");
		Tenure first = leadership.appoint(new Leadership.NewTenure(cadre.id(), countySecretary.id(), LocalDate.of(2016, 5, 1), null));
		mvc.perform(postJson("/api/v1/tenures/" + first.id() + "/end", "{\"endDate\":\"2020-04-30\",\"reason\":\"PROMOTION\"}"))
				.andExpect(status().isOk()).andExpect(jsonPath("$.endDate").value("2020-04-30"));
		leadership.appoint(new Leadership.NewTenure(cadre.id(), cityDeputy.id(), LocalDate.of(2020, 5, 1), null));
		mvc.perform(get("/api/v1/people/{id}/tenures", cadre.id()))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$", hasSize(2)))
				.andExpect(jsonPath("$[0].orgId").value(county.id()))
				.andExpect(jsonPath("$[0].postTitle").value("县委书记"))
				.andExpect(jsonPath("$[0].endReason").value("PROMOTION"))
				.andExpect(jsonPath("$[1].orgId").value(city.id()))
				.andExpect(jsonPath("$[1].endDate").value(nullValue()));
	}

	@Test
	void an_ended_tenure_stays_ended_and_cannot_end_before_it_began() throws Exception {
		String p = unique();
		Org county = org(p, "县", null);
		Post post = leadership.addPost(county.id(), new Leadership.NewPost("纪委书记", PostKind.DISCIPLINE_SECRETARY, null, null));
		Person a = person(p + "甲");
		Tenure t = leadership.appoint(new Leadership.NewTenure(a.id(), post.id(), LocalDate.of(2020, 1, 1), null));
		mvc.perform(postJson("/api/v1/tenures/" + t.id() + "/end", "{\"endDate\":\"2019-01-01\"}"))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("endDate"));
		leadership.end(t.id(), LocalDate.of(2022, 1, 1), Tenure.EndReason.RETIREMENT);
		mvc.perform(postJson("/api/v1/tenures/" + t.id() + "/end", "{\"endDate\":\"2023-01-01\"}"))
				.andExpect(status().isConflict());
		assertThat(leadership.getTenure(t.id()).endDate()).isEqualTo(LocalDate.of(2022, 1, 1));
	}

	@Test
	void appointments_name_the_missing_or_unknown_field() throws Exception {
		mvc.perform(postJson("/api/v1/tenures", "{}"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains("personId", "postId", "startDate")));
		Person a = person(unique());
		mvc.perform(postJson("/api/v1/tenures", "{\"personId\":%d,\"postId\":987654321,\"startDate\":\"2020-01-01\"}".formatted(a.id())))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("postId"));
		mvc.perform(postJson("/api/v1/orgs/987654321/posts", "{\"title\":\"x\",\"kind\":\"MEMBER\"}"))
				.andExpect(status().isNotFound());
		assertThatThrownBy(() -> leadership.addPost(org(unique(), "x", null).id(), new Leadership.NewPost(" ", null, null, null)))
				.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).hasSize(2));
	}
}
