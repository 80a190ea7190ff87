package zeren.interview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import zeren.access.Role;
import zeren.access.UserAccount;
import zeren.access.Users;
import zeren.org.Leadership;
import zeren.org.Org;
import zeren.org.OrgTree;
import zeren.org.OrgType;
import zeren.org.People;
import zeren.org.Person;
import zeren.org.Post;
import zeren.org.PostKind;
import zeren.org.Tenure;
import zeren.support.ApiTest;

abstract class InterviewContract extends ApiTest {

	@Autowired
	OrgTree tree;

	@Autowired
	People people;

	@Autowired
	Leadership leadership;

	@Autowired
	InterviewRecords records;

	@Autowired
	InterviewCoverage coverage;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	zeren.tracking.TrackedItems items;

	@Autowired
	zeren.oversight.Sweep sweep;

	@Autowired
	zeren.oversight.Oversight oversight;

	@Autowired
	zeren.support.SettableClock clock;

	@org.junit.jupiter.api.AfterEach
	void resetClock() {
		clock.reset();
	}

	Org org(String code, String name, OrgType type, Long parent) {
		return tree.create(new OrgTree.NewOrg(code, name, type, parent, null, null));
	}

	Post post(Org org, String title, PostKind kind) {
		return leadership.addPost(org.id(), new Leadership.NewPost(title, kind, List.of(), 1));
	}

	Person person(String name, Org home) {
		return people.create(new People.NewPerson(name, null, null, null, null, home.id()));
	}

	Tenure appoint(Person person, Post post, LocalDate from, LocalDate to) {
		return leadership.appoint(new Leadership.NewTenure(person.id(), post.id(), from, to));
	}

	/**
	 * A city committee with a linked discipline commission; two county committees below it,
	 * the first with its own discipline commission; a branch (not a committee) below the city.
	 * County 1's secretary is replaced in June 2026.
	 */
	class Tree {
		final String p = unique();
		final Org city = org(p + "c", p + "市委", OrgType.PARTY_COMMITTEE, null);
		final Org cityDiscipline = org(p + "cd", p + "市纪委", OrgType.DISCIPLINE_COMMISSION, city.id());
		final Org county1 = org(p + "x1", p + "甲县委", OrgType.PARTY_COMMITTEE, city.id());
		final Org county1Discipline = org(p + "x1d", p + "甲县纪委", OrgType.DISCIPLINE_COMMISSION, county1.id());
		final Org county2 = org(p + "x2", p + "乙县委", OrgType.PARTY_COMMITTEE, city.id());
		final Org branch = org(p + "b", p + "机关支部", OrgType.BRANCH, city.id());
		final Post citySecretary = post(city, "市委书记", PostKind.SECRETARY);
		final Post cityDisciplineSecretary = post(cityDiscipline, "市纪委书记", PostKind.DISCIPLINE_SECRETARY);
		final Post county1Secretary = post(county1, "甲县委书记", PostKind.SECRETARY);
		final Post county1DisciplineSecretary = post(county1Discipline, "甲县纪委书记", PostKind.DISCIPLINE_SECRETARY);
		final Post county2Secretary = post(county2, "乙县委书记", PostKind.SECRETARY);
		final Post branchSecretary = post(branch, "支部书记", PostKind.SECRETARY);
		final Person a = person(p + "市书记", city);
		final Person b = person(p + "市纪委书记", city);
		final Person x = person(p + "甲县原书记", county1);
		final Person y = person(p + "甲县新书记", county1);
		final Person d1 = person(p + "甲县纪委书记", county1);
		final Person z = person(p + "乙县书记", county2);
		final Person v = person(p + "支部书记", branch);

		Tree() {
			tree.linkDisciplineBody(city.id(), cityDiscipline.id());
			tree.linkDisciplineBody(county1.id(), county1Discipline.id());
			appoint(a, citySecretary, LocalDate.of(2020, 1, 1), null);
			appoint(b, cityDisciplineSecretary, LocalDate.of(2020, 1, 1), null);
			appoint(x, county1Secretary, LocalDate.of(2019, 1, 1), LocalDate.of(2026, 6, 15));
			appoint(y, county1Secretary, LocalDate.of(2026, 6, 16), null);
			appoint(d1, county1DisciplineSecretary, LocalDate.of(2021, 1, 1), null);
			appoint(z, county2Secretary, LocalDate.of(2022, 1, 1), null);
			appoint(v, branchSecretary, LocalDate.of(2022, 1, 1), null);
		}
	}

	InterviewRecords.NewInterview interview(Org org, LocalDate date, Post interviewer, Long personId, Post... interviewees) {
		return new InterviewRecords.NewInterview(org.id(), date, Interview.Kind.ROUTINE,
				new InterviewRecords.Attendee(interviewer.id(), null),
				java.util.Arrays.stream(interviewees).map(p -> new InterviewRecords.Attendee(p.id(), personId)).toList(),
				"谈落实主体责任情况", List.of("按期报送整改方案", "加强警示教育"));
	}

	@Test
	void coverage_counts_pairs_of_posts_with_people_resolved_through_tenures_on_the_date() throws Exception {
		Tree t = new Tree();
		// 5 pairs: the secretary to each county secretary (2); the discipline secretary to each county
		// secretary (2) and to county 1's discipline secretary (county 2 has none; the branch is no committee)
		InterviewCoverage.Coverage before = coverage.coverage(t.city.id(), 2026);
		assertThat(before.required()).isEqualTo(5);
		assertThat(before.covered()).isZero();
		// county 2 has no 纪委书记 post: its pair is listed as not set up, not dropped
		assertThat(before.notSetUp()).isEqualTo(1);
		assertThat(before.missing()).hasSize(6);

		// March: the city secretary interviews county 1's secretary, who is then still x
		mvc.perform(postJson("/api/v1/interviews", """
				{"orgId":%d,"date":"2026-03-10","kind":"ROUTINE","interviewer":{"postId":%d},
				 "interviewees":[{"postId":%d}],"content":"谈落实主体责任情况","requirements":["按期报送整改方案"]}"""
				.formatted(t.city.id(), t.citySecretary.id(), t.county1Secretary.id())))
				.andExpect(status().isCreated()).andExpect(jsonPath("$.interviewer.personName").value(t.a.name()))
				.andExpect(jsonPath("$.interviewees[0].personName").value(t.x.name()))
				.andExpect(jsonPath("$.interviewees[0].postTitle").value("甲县委书记"))
				.andExpect(jsonPath("$.requirements[0].text").value("按期报送整改方案"));
		// July: x no longer holds the post; naming x is refused, and nothing is written
		long count = interviews();
		mvc.perform(postJson("/api/v1/interviews", """
				{"orgId":%d,"date":"2026-07-01","kind":"REMINDER","interviewer":{"postId":%d},
				 "interviewees":[{"postId":%d,"personId":%d}],"content":"提醒"}"""
				.formatted(t.city.id(), t.citySecretary.id(), t.county1Secretary.id(), t.x.id())))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("interviewees[0].personId"));
		assertThat(interviews()).isEqualTo(count);
		// July: the discipline secretary interviews county 1's new secretary and its discipline secretary
		Interview july = records.record(interview(t.city, LocalDate.of(2026, 7, 2), t.cityDisciplineSecretary, null,
				t.county1Secretary, t.county1DisciplineSecretary));
		assertThat(july.interviewees()).extracting(Interview.Party::personName).containsExactly(t.y.name(), t.d1.name());
		// last year's interview with county 2 counts for last year only
		records.record(interview(t.city, LocalDate.of(2025, 12, 31), t.citySecretary, null, t.county2Secretary));

		InterviewCoverage.Coverage after = coverage.coverage(t.city.id(), 2026);
		assertThat(after.required()).isEqualTo(5);
		assertThat(after.covered()).isEqualTo(3);
		assertThat(after.levels()).containsExactly(new InterviewCoverage.Level(0, 5, 3, 0, 1));
		assertThat(after.missing()).extracting(m -> m.rule() + ":" + m.interviewerPostTitle() + "→" + m.intervieweePostTitle()
				+ ":" + m.status()).containsExactlyInAnyOrder("principal:市委书记→乙县委书记:OPEN",
						"discipline:市纪委书记→乙县委书记:OPEN", "discipline:市纪委书记→null:NOT_SET_UP");
		assertThat(coverage.coverage(t.city.id(), 2025).covered()).isEqualTo(1);
		mvc.perform(get("/api/v1/interviews/coverage").param("orgId", String.valueOf(t.city.id())).param("year", "2026"))
				.andExpect(status().isOk()).andExpect(jsonPath("$.required").value(5))
				.andExpect(jsonPath("$.covered").value(3)).andExpect(jsonPath("$.notSetUp").value(1))
				.andExpect(jsonPath("$.missing", hasSize(3))).andExpect(jsonPath("$.missing[2].status").value("NOT_SET_UP"))
				.andExpect(jsonPath("$.missing[0].lowerOrgName").value(t.county2.name()))
				.andExpect(jsonPath("$.levels[0].level").value(0));
		// a county has no committee below it: nothing required of it
		assertThat(coverage.coverage(t.county1.id(), 2026).required()).isZero();
		mvc.perform(get("/api/v1/interviews").param("orgId", String.valueOf(t.city.id())).param("year", "2026"))
				.andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(2)))
				.andExpect(jsonPath("$[0].date").value("2026-07-02"));
		// the page's records, paged in the database: newest first, the total of all
		var secondRecord = records.pageInSubtree(t.city.id(), 2026, 2, 1);
		assertThat(secondRecord.total()).isEqualTo(2);
		assertThat(secondRecord.items()).containsExactly(records.inSubtree(t.city.id(), 2026).get(1));
		// the page's tables as XLSX: every missing pair (the page shows the first ones), the interviews
		var sheets = zeren.support.Xlsx.sheets(mvc.perform(get("/interviews/export.xlsx").param("orgId", String.valueOf(t.city.id()))
				.param("year", "2026")).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
		assertThat(sheets).hasSize(3);
		assertThat(sheets.get(0).body()).containsExactly(List.of("第 0 级（约谈人所在层级，本组织为 0）", "5", "3", "2", "0", "1"));
		assertThat(sheets.get(1).body()).hasSize(3).allSatisfy(row -> assertThat(row.get(2)).startsWith(t.county2.name()));
		assertThat(sheets.get(1).body().get(2)).containsExactly("纪委书记约谈下一级党委书记和纪委书记", t.city.name() + " · 市纪委书记",
				t.county2.name() + " · （未设置纪委书记职务）", "未设置岗位");
		assertThat(sheets.get(2).body()).hasSize(2).anySatisfy(row -> assertThat(row.get(0)).isEqualTo("2026-07-02"));
	}

	@Test
	void the_outgoing_principal_interviewed_before_the_change_leaves_the_pair_covered_and_the_successor_counts_too()
			throws Exception {
		Tree t = new Tree();
		// only the successor, after the change
		records.record(interview(t.city, LocalDate.of(2026, 10, 8), t.citySecretary, t.y.id(), t.county1Secretary));
		assertThat(missingTo(t, 2026, "甲县委书记", "市委书记")).isFalse();
		Tree u = new Tree();
		// a new county secretary appointed after the only interview of the outgoing one: still covered
		records.record(interview(u.city, LocalDate.of(2026, 1, 20), u.citySecretary, u.x.id(), u.county1Secretary));
		assertThat(missingTo(u, 2026, "甲县委书记", "市委书记")).isFalse();
		// the same interview by a person who does not hold the interviewer post is refused
		InterviewRecords.NewInterview wrong = new InterviewRecords.NewInterview(u.city.id(), LocalDate.of(2026, 2, 1),
				Interview.Kind.SPECIAL, new InterviewRecords.Attendee(u.citySecretary.id(), u.b.id()),
				List.of(new InterviewRecords.Attendee(u.county2Secretary.id(), null)), "专项", List.of());
		mvc.perform(postJson("/api/v1/interviews", new tools.jackson.databind.json.JsonMapper().writeValueAsString(wrong)))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("interviewer.personId"));
		assertThat(missingTo(u, 2026, "乙县委书记", "市委书记")).isTrue();
	}

	@Test
	void a_tenure_ended_before_the_interview_date_takes_the_pair_out_of_coverage() {
		Tree t = new Tree();
		Interview held = records.record(interview(t.city, LocalDate.of(2026, 5, 5), t.citySecretary, null, t.county2Secretary));
		assertThat(missingTo(t, 2026, "乙县委书记", "市委书记")).isFalse();
		// the records are corrected: z had left county 2 on 30 April; the interview named the wrong person
		Tenure zTenure = leadership.history(t.county2.id()).get(0).tenure();
		leadership.end(zTenure.id(), LocalDate.of(2026, 4, 30), Tenure.EndReason.TRANSFER);
		assertThat(missingTo(t, 2026, "乙县委书记", "市委书记")).isTrue();
		assertThat(records.get(held.id()).interviewees().get(0).personName()).isEqualTo(t.z.name());
	}

	@Test
	void a_requirement_raised_becomes_a_tracked_item_of_the_interviewees_organisation_once() throws Exception {
		Tree t = new Tree();
		Interview held = records.record(interview(t.city, LocalDate.of(2026, 7, 2), t.citySecretary, null,
				t.county1Secretary, t.county2Secretary));
		// two interviewees: the organisation must be named
		mvc.perform(postJson("/api/v1/interviews/" + held.id() + "/requirements/1/track", "{\"deadline\":\"2026-12-31\"}"))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("intervieweePostId"));
		mvc.perform(postJson("/api/v1/interviews/" + held.id() + "/requirements/1/track",
				"{\"intervieweePostId\":%d,\"deadline\":\"2026-06-01\"}".formatted(t.county2Secretary.id())))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("deadline"));
		mvc.perform(postJson("/api/v1/interviews/" + held.id() + "/requirements/9/track",
				"{\"intervieweePostId\":%d,\"deadline\":\"2026-12-31\"}".formatted(t.county2Secretary.id())))
				.andExpect(status().isNotFound());
		mvc.perform(postJson("/api/v1/interviews/" + held.id() + "/requirements/1/track",
				"{\"intervieweePostId\":%d,\"deadline\":\"2026-12-31\"}".formatted(t.county2Secretary.id())))
				.andExpect(status().isOk()).andExpect(jsonPath("$.requirements[0].trackedItemId").isNumber())
				.andExpect(jsonPath("$.requirements[1].trackedItemId").isEmpty());
		long itemId = records.get(held.id()).requirements().get(0).trackedItemId();
		zeren.tracking.TrackedItem item = items.get(itemId);
		assertThat(item.kind()).isEqualTo(InterviewRecords.REQUIREMENT_KIND);
		assertThat(item.orgId()).isEqualTo(t.county2.id());
		assertThat(item.ownerPostId()).isEqualTo(t.county2Secretary.id());
		assertThat(item.verifierOrgId()).isEqualTo(t.city.id());
		assertThat(item.verifierPostId()).isEqualTo(t.citySecretary.id());
		assertThat(item.title()).isEqualTo("按期报送整改方案");
		mvc.perform(postJson("/api/v1/interviews/" + held.id() + "/requirements/1/track",
				"{\"intervieweePostId\":%d,\"deadline\":\"2026-12-31\"}".formatted(t.county1Secretary.id())))
				.andExpect(status().isConflict());
	}

	@Test
	void files_are_attached_as_evidence_and_downloaded_under_their_name_by_those_who_see_the_interview() throws Exception {
		Tree t = new Tree();
		Interview held = records.record(interview(t.city, LocalDate.of(2026, 3, 3), t.citySecretary, null, t.county2Secretary));
		byte[] text = "约谈记录：县委书记表态。".getBytes(java.nio.charset.StandardCharsets.UTF_8);
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/api/v1/interviews/" + held.id() + "/attachments")
				.file(new org.springframework.mock.web.MockMultipartFile("file", "约谈记录.txt", "text/plain", text)))
				.andExpect(status().isOk()).andExpect(jsonPath("$.attachments[0].name").value("约谈记录.txt"))
				.andExpect(jsonPath("$.attachments[0].sha256").value(zeren.platform.Sha256.hex(new String(text, java.nio.charset.StandardCharsets.UTF_8))));
		// an executable renamed .txt is refused by content, and nothing is attached
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/api/v1/interviews/" + held.id() + "/attachments")
				.file(new org.springframework.mock.web.MockMultipartFile("file", "x.txt", "text/plain", new byte[] { 0x4d, 0x5a, 0x00, 0x01, 0x02 })))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"));
		Interview after = records.get(held.id());
		assertThat(after.attachments()).hasSize(1);
		mvc.perform(get("/api/v1/interviews/" + held.id() + "/attachments/" + after.attachments().get(0).evidenceId()))
				.andExpect(status().isOk()).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().bytes(text));
		mvc.perform(get("/api/v1/interviews/" + held.id() + "/attachments/999999999")).andExpect(status().isNotFound());
	}

	boolean missingTo(Tree t, int year, String intervieweePost, String interviewerPost) {
		return coverage.coverage(t.city.id(), year).missing().stream()
				.anyMatch(m -> intervieweePost.equals(m.intervieweePostTitle()) && interviewerPost.equals(m.interviewerPostTitle()));
	}

	@Test
	void levels_are_counted_from_the_organisation_asked_about() {
		Tree t = new Tree();
		Org province = org(t.p + "p", t.p + "省委", OrgType.PARTY_COMMITTEE, null);
		Post provinceSecretary = post(province, "省委书记", PostKind.SECRETARY);
		appoint(person(t.p + "省书记", province), provinceSecretary, LocalDate.of(2020, 1, 1), null);
		tree.move(t.city.id(), province.id());
		InterviewCoverage.Coverage c = coverage.coverage(province.id(), 2026);
		// the province's secretary to the city's (1), the city's five; the province has no discipline
		// secretary post: its two discipline pairs with the city are not set up (as is county 2's)
		assertThat(c.levels()).containsExactly(new InterviewCoverage.Level(0, 1, 0, 0, 2), new InterviewCoverage.Level(1, 5, 0, 0, 1));
		records.record(interview(province, LocalDate.of(2026, 4, 1), provinceSecretary, null, t.citySecretary));
		assertThat(coverage.coverage(province.id(), 2026).levels().get(0).covered()).isEqualTo(1);
	}

	@Test
	void errors_name_the_fields_and_a_refused_interview_writes_nothing() throws Exception {
		Tree t = new Tree();
		long count = interviews();
		mvc.perform(postJson("/api/v1/interviews", "{\"orgId\":%d}".formatted(t.city.id())))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.containsInAnyOrder("date", "kind",
						"content", "interviewer.postId", "interviewees")))
				.andExpect(jsonPath("$.errors[?(@.field == 'interviewer.postId')].message")
						.value(org.hamcrest.Matchers.hasItem("约谈人职务：不能为空")));
		// an entry without a post is named by its label and its place in the list
		mvc.perform(postJson("/api/v1/interviews", """
				{"orgId":%d,"date":"2026-03-01","kind":"ROUTINE","interviewer":{"postId":%d},
				 "interviewees":[{}],"content":"x"}""".formatted(t.city.id(), t.citySecretary.id())))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("interviewees[0].postId"))
				.andExpect(jsonPath("$.errors[0].message").value("被约谈人职务（第 1 项）：不能为空"));
		mvc.perform(postJson("/api/v1/interviews", """
				{"orgId":%d,"date":"2999-01-01","kind":"ROUTINE","interviewer":{"postId":%d},
				 "interviewees":[{"postId":%d}],"content":"x"}""".formatted(t.city.id(), t.citySecretary.id(), t.county2Secretary.id())))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("date"));
		// a post above the holding organisation, a post twice, a vacant post
		Post vacant = post(t.county2, "乙县委副书记", PostKind.DEPUTY_SECRETARY);
		mvc.perform(postJson("/api/v1/interviews", """
				{"orgId":%d,"date":"2026-03-01","kind":"ROUTINE","interviewer":{"postId":%d},
				 "interviewees":[{"postId":%d},{"postId":%d},{"postId":%d}],"content":"x"}"""
				.formatted(t.county1.id(), t.county1Secretary.id(), t.citySecretary.id(), t.county1Secretary.id(), vacant.id())))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.containsInAnyOrder(
						"interviewees[0].postId", "interviewees[1].postId", "interviewees[2].postId")));
		mvc.perform(postJson("/api/v1/interviews", """
				{"orgId":%d,"date":"2026-03-01","kind":"ROUTINE","interviewer":{"postId":%d},
				 "interviewees":[{"postId":%d}],"content":"x"}""".formatted(t.city.id(), t.citySecretary.id(), vacant.id())))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].message", containsString("乙县委副书记")));
		mvc.perform(postJson("/api/v1/interviews", """
				{"orgId":%d,"date":"2026-03-01","kind":"NONSENSE"}""".formatted(t.city.id())))
				.andExpect(status().isBadRequest());
		assertThat(interviews()).isEqualTo(count);
		mvc.perform(get("/api/v1/interviews/coverage").param("orgId", "999999999")).andExpect(status().isNotFound());
	}

	@Test
	void the_overview_carries_the_first_missing_pairs_and_every_one_is_read_page_by_page() throws Exception {
		Tree t = new Tree();
		// 6 missing pairs (5 open, 1 not set up): the figures are the same whatever the page
		InterviewCoverage.Coverage all = coverage.coverage(t.city.id(), 2026, 1, 1000);
		assertThat(all.missing()).hasSize(6);
		assertThat(all.missingCount()).isEqualTo(6);
		assertThat(all.truncated()).isFalse();
		InterviewCoverage.Coverage first = coverage.coverage(t.city.id(), 2026, 1, 2);
		assertThat(first.missing()).containsExactlyElementsOf(all.missing().subList(0, 2));
		assertThat(first.truncated()).isTrue();
		assertThat(first.missingCount()).isEqualTo(6);
		assertThat(List.of(first.required(), first.covered(), first.vacant(), first.notSetUp()))
				.isEqualTo(List.of(all.required(), all.covered(), all.vacant(), all.notSetUp()));
		assertThat(first.levels()).isEqualTo(all.levels());
		InterviewCoverage.Coverage last = coverage.coverage(t.city.id(), 2026, 3, 2);
		assertThat(last.missing()).containsExactlyElementsOf(all.missing().subList(4, 6));
		assertThat(last.truncated()).isFalse();
		// the overview of the API: the pairs bounded, the count of all
		mvc.perform(get("/api/v1/interviews/coverage").param("orgId", String.valueOf(t.city.id())).param("year", "2026"))
				.andExpect(status().isOk()).andExpect(jsonPath("$.missingCount").value(6))
				.andExpect(jsonPath("$.truncated").value(false)).andExpect(jsonPath("$.missing", hasSize(6)));
		// the paged list: page 2 of 3, the total and the links; pages in the overview's order, none twice
		List<String> seen = new java.util.ArrayList<>();
		for (int page = 1; page <= 3; page++) {
			// (the parameters in the address: the links are built from the request's query string)
			var result = mvc.perform(get("/api/v1/interviews/coverage/missing?orgId=" + t.city.id() + "&year=2026&page=" + page
					+ "&size=2"))
					.andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(2)))
					.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
							.string("X-Total-Count", "6"))
					.andReturn();
			String link = result.getResponse().getHeader("Link");
			assertThat(link).contains("page=3&size=2>; rel=\"last\"");
			if (page == 2) {
				assertThat(link).contains("/api/v1/interviews/coverage/missing?orgId=" + t.city.id() + "&year=2026&page=3&size=2>; rel=\"next\"")
						.contains("page=1&size=2>; rel=\"prev\"");
			}
			assertThat(link.contains("rel=\"next\"")).isEqualTo(page < 3);
			String body = result.getResponse().getContentAsString();
			List<String> rules = com.jayway.jsonpath.JsonPath.read(body, "$[*].rule");
			List<Object> lowers = com.jayway.jsonpath.JsonPath.read(body, "$[*].lowerOrgId");
			List<String> kinds = com.jayway.jsonpath.JsonPath.read(body, "$[*].intervieweeKind");
			List<Object> interviewers = com.jayway.jsonpath.JsonPath.read(body, "$[*].interviewerPostId");
			for (int i = 0; i < rules.size(); i++) {
				seen.add(rules.get(i) + ":" + lowers.get(i) + ":" + kinds.get(i) + ":" + interviewers.get(i));
			}
		}
		assertThat(seen).containsExactlyElementsOf(all.missing().stream()
				.map(m -> m.rule() + ":" + m.lowerOrgId() + ":" + m.intervieweeKind() + ":" + m.interviewerPostId()).toList());
		assertThat(coverage.missing(t.city.id(), 2026, 2, 2).items()).containsExactlyElementsOf(all.missing().subList(2, 4));
		// the page: the pairs fit on one page, no pager
		mvc.perform(get("/interviews").param("orgId", String.valueOf(t.city.id())).param("year", "2026"))
				.andExpect(status().isOk())
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
						.string(org.hamcrest.Matchers.not(containsString("missingPage="))));

		// a city without posts and 40 committees below it: 120 pairs not set up, the overview lists 100
		Org big = org(t.p + "big", t.p + "大市委", OrgType.PARTY_COMMITTEE, null);
		for (int i = 0; i < 40; i++) {
			org(t.p + "big" + i, t.p + "大市下辖县委" + i, OrgType.PARTY_COMMITTEE, big.id());
		}
		InterviewCoverage.Coverage bounded = coverage.coverage(big.id(), 2026);
		assertThat(bounded.notSetUp()).isEqualTo(120);
		assertThat(bounded.missingCount()).isEqualTo(120);
		assertThat(bounded.missing()).hasSize(InterviewCoverage.MISSING_SHOWN);
		assertThat(bounded.truncated()).isTrue();
		List<InterviewCoverage.MissingPair> every = coverage.missing(big.id(), 2026, 1, 200).items();
		assertThat(every).hasSize(120).doesNotHaveDuplicates();
		assertThat(bounded.missing()).containsExactlyElementsOf(every.subList(0, 100));
		mvc.perform(get("/api/v1/interviews/coverage").param("orgId", String.valueOf(big.id())).param("year", "2026"))
				.andExpect(jsonPath("$.missing", hasSize(100))).andExpect(jsonPath("$.missingCount").value(120))
				.andExpect(jsonPath("$.truncated").value(true)).andExpect(jsonPath("$.notSetUp").value(120));
		// the default page of the API is 100 rows: page 2 has the last 20
		mvc.perform(get("/api/v1/interviews/coverage/missing?orgId=" + big.id() + "&year=2026&page=2"))
				.andExpect(jsonPath("$", hasSize(20))).andExpect(jsonPath("$[19].lowerOrgId").value(every.get(119).lowerOrgId()));
		// the page: 100 pairs and a pager to the next page, which shows the last 20
		String lastName = every.get(119).lowerOrgName();
		mvc.perform(get("/interviews").param("orgId", String.valueOf(big.id())).param("year", "2026"))
				.andExpect(status().isOk())
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
						.string(containsString("missingPage=2")))
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
						.string(org.hamcrest.Matchers.not(containsString(lastName + " · "))));
		mvc.perform(get("/interviews").param("orgId", String.valueOf(big.id())).param("year", "2026").param("missingPage", "2"))
				.andExpect(status().isOk())
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
						.string(containsString(lastName + " · ")));
		// the export has every pair
		var sheets = zeren.support.Xlsx.sheets(mvc.perform(get("/interviews/export.xlsx").param("orgId", String.valueOf(big.id()))
				.param("year", "2026")).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
		assertThat(sheets.get(1).body()).hasSize(120);
	}

	@Test
	void an_organisation_administrator_records_below_their_grant_only_and_sees_nothing_beside_it() throws Exception {
		Tree t = new Tree();
		UserAccount user = users.create(new Users.NewUser(t.p.toLowerCase() + "county1", "password-of-c-1", null, true));
		users.addGrant(user.id(), new Users.NewGrant(Role.ORG_ADMIN, t.county1.id(), true));
		Interview cityInterview = records.record(interview(t.city, LocalDate.of(2026, 3, 3), t.citySecretary, null,
				t.county2Secretary));
		long count = interviews();
		// the county's administrator: no record for the city, no read of the city's interview or coverage
		mvc.perform(postJson("/api/v1/interviews", """
				{"orgId":%d,"date":"2026-03-01","kind":"ROUTINE","interviewer":{"postId":%d},
				 "interviewees":[{"postId":%d}],"content":"x"}""".formatted(t.city.id(), t.citySecretary.id(), t.county2Secretary.id()))
				.with(as(user.id(), user.username()))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/interviews/" + cityInterview.id()).with(as(user.id(), user.username())))
				.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/interviews/coverage").param("orgId", String.valueOf(t.city.id()))
				.with(as(user.id(), user.username()))).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/interviews/coverage/missing").param("orgId", String.valueOf(t.city.id()))
				.with(as(user.id(), user.username()))).andExpect(status().isNotFound());
		// within the county: its secretary talks to its discipline secretary (a reminder talk)
		mvc.perform(postJson("/api/v1/interviews", """
				{"orgId":%d,"date":"2026-08-01","kind":"REMINDER","interviewer":{"postId":%d},
				 "interviewees":[{"postId":%d}],"content":"提醒谈话"}""".formatted(t.county1.id(), t.county1Secretary.id(),
				t.county1DisciplineSecretary.id())).with(as(user.id(), user.username())))
				.andExpect(status().isCreated()).andExpect(jsonPath("$.interviewer.personName").value(t.y.name()));
		// ... but not with a post of the sibling county
		mvc.perform(postJson("/api/v1/interviews", """
				{"orgId":%d,"date":"2026-08-01","kind":"REMINDER","interviewer":{"postId":%d},
				 "interviewees":[{"postId":%d}],"content":"提醒谈话"}""".formatted(t.county1.id(), t.county1Secretary.id(),
				t.county2Secretary.id())).with(as(user.id(), user.username())))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("interviewees[0].postId"));
		assertThat(interviews()).isEqualTo(count + 1);
		mvc.perform(get("/api/v1/audit").param("orgId", String.valueOf(t.county1.id())).param("entity", "interview"))
				.andExpect(status().isOk()).andExpect(jsonPath("$[0].action").value("RECORD"))
				.andExpect(jsonPath("$[0].summary", containsString("REMINDER")));
	}

	InterviewCoverage.MissingPair pair(InterviewCoverage.Coverage c, String rule, long lowerOrgId, PostKind intervieweeKind) {
		return c.missing().stream().filter(m -> m.rule().equals(rule) && m.lowerOrgId() == lowerOrgId
				&& m.intervieweeKind() == intervieweeKind).findFirst().orElse(null);
	}

	Map<Long, zeren.oversight.Obligation> coverageObligations(Org root, int year, long subject) {
		sweep.sweep(root.id(), year);
		return oversight.obligations(root.id(), year, "interview.coverage", null, 1000).stream()
				.filter(o -> o.subject() == subject)
				.collect(java.util.stream.Collectors.toMap(zeren.oversight.Obligation::orgId, o -> o));
	}

	@Test
	void coverage_with_a_linked_discipline_body_without_posts_finds_the_discipline_secretary_on_the_committees_team() {
		Tree t = new Tree();
		// county 2 gets a 纪委 node without posts, linked; its 纪委书记 post stays on the county committee's team
		Org county2Discipline = org(t.p + "x2d", t.p + "乙县纪委", OrgType.DISCIPLINE_COMMISSION, t.county2.id());
		tree.linkDisciplineBody(t.county2.id(), county2Discipline.id());
		Post county2DisciplineSecretary = post(t.county2, "乙县纪委书记", PostKind.DISCIPLINE_SECRETARY);
		appoint(person(t.p + "乙县纪委书记", t.county2), county2DisciplineSecretary, LocalDate.of(2022, 1, 1), null);
		InterviewCoverage.Coverage before = coverage.coverage(t.city.id(), 2026);
		// all six pairs can be held: none vanished with the link, none is "not set up"
		assertThat(before.required()).isEqualTo(6);
		assertThat(before.notSetUp()).isZero();
		InterviewCoverage.MissingPair open = pair(before, "discipline", t.county2.id(), PostKind.DISCIPLINE_SECRETARY);
		assertThat(open.status()).isEqualTo(InterviewCoverage.PairStatus.OPEN);
		assertThat(open.intervieweePostId()).isEqualTo(county2DisciplineSecretary.id());
		assertThat(open.intervieweePostOrgId()).isEqualTo(t.county2.id());
		// the interview with the post on the team counts
		records.record(interview(t.city, LocalDate.of(2026, 5, 6), t.cityDisciplineSecretary, null, county2DisciplineSecretary));
		InterviewCoverage.Coverage after = coverage.coverage(t.city.id(), 2026);
		assertThat(after.covered()).isEqualTo(1);
		assertThat(pair(after, "discipline", t.county2.id(), PostKind.DISCIPLINE_SECRETARY)).isNull();
		// and the same for the interviewer side: a committee linked to a 纪委 node without posts, its
		// 纪委书记 post on its own team
		Org city2 = org(t.p + "c2", t.p + "丁市委", OrgType.PARTY_COMMITTEE, null);
		Org city2Discipline = org(t.p + "c2d", t.p + "丁市纪委", OrgType.DISCIPLINE_COMMISSION, city2.id());
		tree.linkDisciplineBody(city2.id(), city2Discipline.id());
		Post city2TeamDiscipline = post(city2, "市委常委、市纪委书记", PostKind.DISCIPLINE_SECRETARY);
		appoint(person(t.p + "丁市纪委书记", city2), city2TeamDiscipline, LocalDate.of(2026, 1, 1), null);
		Org county4 = org(t.p + "x4", t.p + "戊县委", OrgType.PARTY_COMMITTEE, city2.id());
		appoint(person(t.p + "戊县书记", county4), post(county4, "戊县委书记", PostKind.SECRETARY), LocalDate.of(2026, 1, 1), null);
		InterviewCoverage.MissingPair moved = pair(coverage.coverage(city2.id(), 2026), "discipline", county4.id(),
				PostKind.SECRETARY);
		assertThat(moved.status()).isEqualTo(InterviewCoverage.PairStatus.OPEN);
		assertThat(moved.interviewerPostId()).isEqualTo(city2TeamDiscipline.id());
		assertThat(moved.interviewerPostOrgId()).isEqualTo(city2.id());
	}

	@Test
	void coverage_reports_a_pair_whose_post_nobody_held_in_the_year_as_vacant_never_drops_it() {
		Tree t = new Tree();
		// county 2's secretary left in 2025 and nobody followed
		Tenure zTenure = leadership.history(t.county2.id()).get(0).tenure();
		leadership.end(zTenure.id(), LocalDate.of(2025, 11, 30), Tenure.EndReason.TRANSFER);
		InterviewCoverage.Coverage c = coverage.coverage(t.city.id(), 2026);
		// 6 pairs: 3 can be held (county 1's), 2 vacant (county 2's secretary), 1 not set up (county 2's 纪委书记)
		assertThat(c.required()).isEqualTo(3);
		assertThat(c.vacant()).isEqualTo(2);
		assertThat(c.notSetUp()).isEqualTo(1);
		assertThat(c.levels()).containsExactly(new InterviewCoverage.Level(0, 3, 0, 2, 1));
		assertThat(pair(c, "principal", t.county2.id(), PostKind.SECRETARY).status()).isEqualTo(InterviewCoverage.PairStatus.VACANT);
		// in 2025 the post was held: the pair was owed then
		assertThat(pair(coverage.coverage(t.city.id(), 2025), "principal", t.county2.id(), PostKind.SECRETARY).status())
				.isEqualTo(InterviewCoverage.PairStatus.OPEN);
		// the obligation leaves vacant pairs out of what is owed: the city's principal is done once county 1 is held
		clock.set(LocalDate.of(2027, 1, 10));
		records.record(interview(t.city, LocalDate.of(2026, 9, 1), t.citySecretary, null, t.county1Secretary));
		Map<Long, zeren.oversight.Obligation> principal = coverageObligations(t.city, 2026, 1);
		assertThat(principal.get(t.city.id()).status()).isEqualTo(zeren.oversight.Obligation.Status.DONE_ON_TIME);
		assertThat(principal.get(t.city.id()).doneOn()).isEqualTo(LocalDate.of(2026, 9, 1));
		assertThat(principal.get(t.city.id()).postId()).isEqualTo(t.citySecretary.id());
		// the discipline secretary still owes county 1's two: overdue, owed by the city's discipline secretary
		Map<Long, zeren.oversight.Obligation> discipline = coverageObligations(t.city, 2026, 2);
		assertThat(discipline.get(t.city.id()).status()).isEqualTo(zeren.oversight.Obligation.Status.OVERDUE);
		assertThat(discipline.get(t.city.id()).postId()).isEqualTo(t.cityDisciplineSecretary.id());
		assertThat(discipline.get(t.city.id()).holderName()).isEqualTo(t.b.name());
		// a county owes nobody below it
		assertThat(principal).doesNotContainKey(t.county1.id());
		// nobody holds the city's discipline post in the year: its instance is vacant, not overdue
		Tenure bTenure = leadership.history(t.cityDiscipline.id()).get(0).tenure();
		leadership.end(bTenure.id(), LocalDate.of(2025, 12, 31), Tenure.EndReason.TRANSFER);
		assertThat(coverageObligations(t.city, 2026, 2).get(t.city.id()).status())
				.isEqualTo(zeren.oversight.Obligation.Status.VACANT);
	}

	@Test
	void coverage_reports_an_organisation_without_posts_as_not_set_up() {
		Tree t = new Tree();
		Org county3 = org(t.p + "x3", t.p + "丙县委", OrgType.PARTY_COMMITTEE, t.city.id());
		InterviewCoverage.Coverage c = coverage.coverage(t.city.id(), 2026);
		// county 3 has no post at all: its three pairs are listed as not set up, beside county 2's one
		assertThat(c.required()).isEqualTo(5);
		assertThat(c.notSetUp()).isEqualTo(4);
		assertThat(c.missing()).filteredOn(m -> m.lowerOrgId() == county3.id())
				.extracting(m -> m.rule() + ":" + m.intervieweeKind() + ":" + m.status() + ":" + m.intervieweePostTitle())
				.containsExactlyInAnyOrder("principal:SECRETARY:NOT_SET_UP:null", "discipline:SECRETARY:NOT_SET_UP:null",
						"discipline:DISCIPLINE_SECRETARY:NOT_SET_UP:null");
		// an upper committee without posts: its pairs are not set up too, and its obligation is vacant
		Org city2 = org(t.p + "c2", t.p + "无岗位市委", OrgType.PARTY_COMMITTEE, null);
		org(t.p + "c2x", t.p + "无岗位县委", OrgType.PARTY_COMMITTEE, city2.id());
		InterviewCoverage.Coverage empty = coverage.coverage(city2.id(), 2026);
		assertThat(empty.required()).isZero();
		assertThat(empty.notSetUp()).isEqualTo(3);
		assertThat(empty.missing()).hasSize(3).allSatisfy(m -> {
			assertThat(m.interviewerPostId()).isNull();
			assertThat(m.status()).isEqualTo(InterviewCoverage.PairStatus.NOT_SET_UP);
		});
		clock.set(LocalDate.of(2027, 1, 10));
		assertThat(coverageObligations(city2, 2026, 1).get(city2.id()).status()).isEqualTo(zeren.oversight.Obligation.Status.VACANT);
	}

	long interviews() {
		return jdbc.sql("SELECT COUNT(*) FROM interview").query(Long.class).single();
	}
}
