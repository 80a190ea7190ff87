package zeren.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import zeren.access.Role;
import zeren.access.UserAccount;
import zeren.access.Users;
import zeren.duty.ResponsibilityLists;
import zeren.interview.Interview;
import zeren.interview.InterviewRecords;
import zeren.org.Leadership;
import zeren.org.Org;
import zeren.org.OrgTree;
import zeren.org.OrgType;
import zeren.org.People;
import zeren.org.Person;
import zeren.org.Post;
import zeren.org.PostKind;
import zeren.platform.BusinessClock;
import zeren.platform.Sha256;
import zeren.support.ApiTest;
import zeren.tracking.NewEntry;
import zeren.tracking.TrackedItem;
import zeren.tracking.TrackedItems;

abstract class ReportContract extends ApiTest {

	@Autowired
	OrgTree tree;

	@Autowired
	People people;

	@Autowired
	Leadership leadership;

	@Autowired
	AnnualReports reports;

	@Autowired
	ReportReviews reviews;

	@Autowired
	TrackedItems items;

	@Autowired
	zeren.tracking.TrackedItemMoves moves;

	@Autowired
	ResponsibilityLists lists;

	@Autowired
	zeren.duty.DutyListManagement listManagement;

	@Autowired
	InterviewRecords interviews;

	@Autowired
	BusinessClock clock;

	/** A city with a county below it; the county's secretary and deputy hold their posts since 2020. */
	class Setting {
		final String p = unique();
		final Org city = tree.create(new OrgTree.NewOrg(p + "c", p + "市委", OrgType.PARTY_COMMITTEE, null, null, null));
		final Org county = tree.create(new OrgTree.NewOrg(p + "x", p + "县委", OrgType.PARTY_COMMITTEE, city.id(), null, null));
		final Post secretary = leadership.addPost(county.id(), new Leadership.NewPost("县委书记", PostKind.SECRETARY, List.of(), 1));
		final Post deputy = leadership.addPost(county.id(), new Leadership.NewPost("县委副书记", PostKind.DEPUTY_SECRETARY, List.of(), 2));
		final Person sec = people.create(new People.NewPerson(p + "书记", null, null, null, null, county.id()));
		final Person dep = people.create(new People.NewPerson(p + "副书记", null, null, null, null, county.id()));

		Setting() {
			leadership.appoint(new Leadership.NewTenure(sec.id(), secretary.id(), LocalDate.of(2020, 1, 1), null));
			leadership.appoint(new Leadership.NewTenure(dep.id(), deputy.id(), LocalDate.of(2020, 1, 1), null));
		}
	}

	int thisYear() {
		return clock.today().getYear();
	}

	@Test
	void a_draft_is_prefilled_with_the_years_facts_and_submitting_locks_it_with_the_hash_of_its_canonical_content()
			throws Exception {
		Setting s = new Setting();
		int year = thisYear();
		var list = listManagement.create(s.county.id(), year);
		listManagement.addItem(list.id(), new zeren.duty.DutyListManagement.ItemInput(null, "教育", "开展廉政警示教育", null, s.secretary.id(),
				null, null, null, null, List.of(), null));
		interviews.record(new InterviewRecords.NewInterview(s.county.id(), LocalDate.of(year, 1, 2), Interview.Kind.REMINDER,
				new InterviewRecords.Attendee(s.secretary.id(), null), List.of(new InterviewRecords.Attendee(s.deputy.id(), null)),
				"提醒谈话", List.of()));
		String created = mvc.perform(postJson("/api/v1/reports", """
				{"orgId":%d,"year":%d,"kind":"PRINCIPAL","prefill":true}""".formatted(s.county.id(), year)))
				.andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("DRAFT"))
				.andExpect(jsonPath("$.deadline").value((year + 1) + "-01-31"))
				.andExpect(jsonPath("$.body", containsString("开展廉政警示教育")))
				.andExpect(jsonPath("$.body", containsString("开展约谈 1 次")))
				.andExpect(jsonPath("$.body", containsString(s.dep.name())))
				.andReturn().getResponse().getContentAsString();
		long id = com.jayway.jsonpath.JsonPath.parse(created).read("$.id", Long.class);
		mvc.perform(put("/api/v1/reports/" + id).contentType(MediaType.APPLICATION_JSON)
				.content("{\"title\":\"述责述廉报告\",\"body\":\"第一段。\\r\\n\\r\\n\\r\\n第二段。  \"}"))
				.andExpect(status().isOk()).andExpect(jsonPath("$.body").value("第一段。\n\n第二段。"));
		mvc.perform(post("/api/v1/reports/" + id + "/submit")).andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("SUBMITTED")).andExpect(jsonPath("$.late").value(false))
				.andExpect(jsonPath("$.authorName").value(s.sec.name()))
				.andExpect(jsonPath("$.authorPostTitle").value("县委书记"));
		AnnualReport submitted = reports.get(id);
		String canonical = mvc.perform(get("/api/v1/reports/" + id + "/canonical")).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(canonical).contains("第一段。\n\n第二段。").contains(s.sec.name() + " / 县委书记");
		assertThat(submitted.sha256()).isEqualTo(Sha256.hex(canonical));
		// locked: no change, no second submission
		mvc.perform(put("/api/v1/reports/" + id).contentType(MediaType.APPLICATION_JSON)
				.content("{\"title\":\"改\",\"body\":\"改\"}"))
				.andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].field").value("status"));
		mvc.perform(post("/api/v1/reports/" + id + "/submit")).andExpect(status().isConflict());
		assertThat(reports.get(id).body()).isEqualTo("第一段。\n\n第二段。");
		assertThat(reports.get(id).sha256()).isEqualTo(submitted.sha256());
		mvc.perform(get("/api/v1/audit").param("orgId", String.valueOf(s.county.id())).param("entity", "report"))
				.andExpect(jsonPath("$[0].action").value("SUBMIT"))
				.andExpect(jsonPath("$[0].summary", containsString(submitted.sha256())));
		// PDF with the Chinese text
		byte[] pdf = mvc.perform(get("/api/v1/reports/" + id + "/pdf")).andExpect(status().isOk())
				.andExpect(header().string("Content-Type", "application/pdf")).andReturn().getResponse().getContentAsByteArray();
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(doc);
			assertThat(text).contains("述责述廉报告").contains("第二段。").contains(submitted.sha256());
		}
		byte[] docx = mvc.perform(get("/api/v1/reports/" + id + "/docx")).andExpect(status().isOk())
				.andExpect(header().string("Content-Type", zeren.platform.document.DocumentFormat.DOCX.mediaType().toString()))
				.andReturn().getResponse().getContentAsByteArray();
		zeren.support.Docx.assertGbt9704(docx, submitted.title());
		assertThat(zeren.support.Docx.text(docx)).contains("第一段。").contains("第二段。").contains(submitted.sha256());
	}

	@Test
	void files_attached_to_a_draft_are_hashed_with_it_and_locked_after_submission() throws Exception {
		Setting s = new Setting();
		AnnualReport draft = reports.create(new AnnualReports.NewReport(s.county.id(), thisYear(), AnnualReport.Kind.COMMITTEE, false));
		reports.edit(draft.id(), new AnnualReports.Draft("报告", "正文。"));
		String note = "会议记录：研究部署党风廉政建设";
		byte[] text = note.getBytes(StandardCharsets.UTF_8);
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/api/v1/reports/" + draft.id() + "/attachments")
				.file(new org.springframework.mock.web.MockMultipartFile("file", "会议记录.txt", "text/plain", text)))
				.andExpect(status().isOk()).andExpect(jsonPath("$.attachments[0].name").value("会议记录.txt"))
				.andExpect(jsonPath("$.attachments[0].sha256").value(Sha256.hex(note)));
		// a renamed executable is refused and nothing is attached
		byte[] exe = new byte[] { 'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xff, (byte) 0xff, 0, 0 };
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/api/v1/reports/" + draft.id() + "/attachments")
				.file(new org.springframework.mock.web.MockMultipartFile("file", "记录.pdf", "application/pdf", exe)))
				.andExpect(status().isBadRequest());
		assertThat(reports.get(draft.id()).attachments()).hasSize(1);
		long evidenceId = reports.get(draft.id()).attachments().get(0).evidenceId();
		mvc.perform(get("/api/v1/reports/" + draft.id() + "/attachments/" + evidenceId)).andExpect(status().isOk())
				.andExpect(content().bytes(text));
		reports.submit(draft.id());
		String canonical = reports.canonical(draft.id());
		assertThat(canonical).contains("attachment: " + Sha256.hex(note) + " 会议记录.txt");
		assertThat(reports.get(draft.id()).sha256()).isEqualTo(Sha256.hex(canonical));
		// locked: no file can be added after submission
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/api/v1/reports/" + draft.id() + "/attachments")
				.file(new org.springframework.mock.web.MockMultipartFile("file", "补充.txt", "text/plain", "补充".getBytes(StandardCharsets.UTF_8))))
				.andExpect(status().isConflict());
		assertThat(reports.get(draft.id()).attachments()).hasSize(1);
		// a file that is not attached to this report is not served through it
		mvc.perform(get("/api/v1/reports/" + draft.id() + "/attachments/" + (evidenceId + 100000))).andExpect(status().isNotFound());
	}

	@Test
	void a_report_submitted_after_the_deadline_is_recorded_as_late_and_the_upper_level_sees_who_is_late() throws Exception {
		Setting s = new Setting();
		Org other = tree.create(new OrgTree.NewOrg(s.p + "y", s.p + "乙县委", OrgType.PARTY_COMMITTEE, s.city.id(), null, null));
		int year = thisYear() - 2;
		AnnualReport report = reports.create(new AnnualReports.NewReport(s.county.id(), year, AnnualReport.Kind.COMMITTEE, false));
		reports.edit(report.id(), new AnnualReports.Draft(report.title(), "全年工作情况。"));
		AnnualReport late = reports.submit(report.id());
		assertThat(late.late()).isTrue();
		assertThat(late.deadline()).isEqualTo(LocalDate.of(year + 1, 1, 31));
		assertThat(late.authorName()).isNull();
		mvc.perform(get("/api/v1/reports/overview").param("orgId", String.valueOf(s.city.id())).param("year", String.valueOf(year)))
				.andExpect(status().isOk()).andExpect(jsonPath("$.expected").value(4))
				.andExpect(jsonPath("$.submitted").value(1))
				// the county's committee report came late; its principal's and both of the other county's are missing
				.andExpect(jsonPath("$.late").value(4))
				.andExpect(jsonPath("$.rows[0].committee.late").value(true))
				.andExpect(jsonPath("$.rows[0].committee.status").value("SUBMITTED"))
				.andExpect(jsonPath("$.rows[1].orgName").value(other.name()));
		// the overview as XLSX: one row per organisation, both reports with status, date, lateness
		var sheet = zeren.support.Xlsx.sheets(mvc.perform(get("/reports/export.xlsx").param("orgId", String.valueOf(s.city.id()))
				.param("year", String.valueOf(year))).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsByteArray()).get(0);
		assertThat(sheet.header()).first().isEqualTo("组织");
		assertThat(sheet.body()).hasSize(2);
		assertThat(sheet.body().get(0)).startsWith(s.county.name(), "已提交", late.submittedOn().toString(), "逾期");
		assertThat(sheet.body().get(1)).startsWith(other.name(), "未起草", "", "逾期");
		// this year's reports are not due yet: nothing is late
		mvc.perform(get("/api/v1/reports/overview").param("orgId", String.valueOf(s.city.id()))
				.param("year", String.valueOf(thisYear()))).andExpect(jsonPath("$.late").value(0));
	}

	@Test
	void the_overview_counts_every_organisation_lists_the_first_hundred_and_pages_through_them_all() throws Exception {
		Setting s = new Setting();
		for (int i = 0; i < 101; i++) {
			tree.create(new OrgTree.NewOrg(s.p + "n" + i, s.p + "镇党委" + i, OrgType.PARTY_COMMITTEE, s.city.id(), null, null));
		}
		int year = thisYear() - 2;
		AnnualReport report = reports.create(new AnnualReports.NewReport(s.county.id(), year, AnnualReport.Kind.COMMITTEE, false));
		reports.edit(report.id(), new AnnualReports.Draft(report.title(), "全年工作情况。"));
		reports.submit(report.id());
		// 102 organisations below the city: counted in full, the first 100 listed
		AnnualReports.Overview overview = reports.overview(s.city.id(), year);
		assertThat(overview.organisations()).isEqualTo(102);
		assertThat(overview.expected()).isEqualTo(204);
		assertThat(overview.submitted()).isEqualTo(1);
		// past the deadline: the one submitted came late, the 203 others are missing
		assertThat(overview.late()).isEqualTo(204);
		assertThat(overview.rows()).hasSize(AnnualReports.OVERVIEW_ROWS);
		assertThat(overview.truncated()).isTrue();
		List<AnnualReports.OverviewRow> all = reports.overviewRows(s.city.id(), year, 1, 1000).items();
		assertThat(all).hasSize(102).extracting(AnnualReports.OverviewRow::orgId).doesNotHaveDuplicates();
		assertThat(overview.rows()).containsExactlyElementsOf(all.subList(0, 100));
		mvc.perform(get("/api/v1/reports/overview").param("orgId", String.valueOf(s.city.id())).param("year", String.valueOf(year)))
				.andExpect(status().isOk()).andExpect(jsonPath("$.rows", hasSize(100)))
				.andExpect(jsonPath("$.organisations").value(102)).andExpect(jsonPath("$.truncated").value(true))
				.andExpect(jsonPath("$.expected").value(204)).andExpect(jsonPath("$.late").value(204));
		// every row, page by page: page 2 of 3, the total and the links
		String base = "/api/v1/reports/overview/rows?orgId=" + s.city.id() + "&year=" + year;
		var second = mvc.perform(get(base + "&page=2&size=40")).andExpect(status().isOk())
				.andExpect(jsonPath("$", hasSize(40))).andExpect(header().string("X-Total-Count", "102"))
				.andExpect(jsonPath("$[0].orgId").value(all.get(40).orgId()))
				.andExpect(jsonPath("$[39].orgId").value(all.get(79).orgId())).andReturn();
		assertThat(second.getResponse().getHeader("Link")).contains("<" + base + "&page=3&size=40>; rel=\"next\"",
				"<" + base + "&page=1&size=40>; rel=\"prev\"", "<" + base + "&page=3&size=40>; rel=\"last\"");
		mvc.perform(get(base + "&page=3&size=40")).andExpect(jsonPath("$", hasSize(22)))
				.andExpect(jsonPath("$[21].orgId").value(all.get(101).orgId()))
				.andExpect(header().string("Link", org.hamcrest.Matchers.not(containsString("rel=\"next\""))));
		// the export carries every organisation, not the first page
		var sheet = zeren.support.Xlsx.sheets(mvc.perform(get("/reports/export.xlsx").param("orgId", String.valueOf(s.city.id()))
				.param("year", String.valueOf(year))).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsByteArray()).get(0);
		assertThat(sheet.body()).hasSize(102);
		// the page: the first 100 with a pager; page 2 the last two
		mvc.perform(get("/reports").param("orgId", String.valueOf(s.city.id())).param("year", String.valueOf(year)))
				.andExpect(status().isOk()).andExpect(content().string(containsString("page=2")))
				.andExpect(content().string(containsString(all.get(99).orgName() + "<")))
				.andExpect(content().string(org.hamcrest.Matchers.not(containsString(all.get(100).orgName() + "<"))));
		mvc.perform(get("/reports").param("orgId", String.valueOf(s.city.id())).param("year", String.valueOf(year))
				.param("page", "2")).andExpect(status().isOk())
				.andExpect(content().string(containsString(all.get(101).orgName() + "<")))
				.andExpect(content().string(org.hamcrest.Matchers.not(containsString(all.get(0).orgName() + "<"))));
		// out of view: refused as for an organisation that does not exist
		UserAccount countyAdmin = users.create(new Users.NewUser(s.p.toLowerCase() + "cty", "password-of-c-1", null, true));
		users.addGrant(countyAdmin.id(), new Users.NewGrant(Role.ORG_ADMIN, s.county.id(), true));
		mvc.perform(get(base).with(as(countyAdmin.id(), countyAdmin.username()))).andExpect(status().isNotFound());
	}

	/** The reviewed organisation answers (not the reviewer: who submits an answer does not close it). */
	void answer(long itemId) {
		asAnotherAdministrator(() -> {
			moves.addEntry(itemId, new NewEntry(clock.today(), "已整改并说明情况", List.of()));
			moves.submit(itemId, "答复");
		});
	}

	@Test
	void queries_repeat_in_rounds_each_question_a_tracked_item_until_the_report_is_accepted() throws Exception {
		Setting s = new Setting();
		AnnualReport report = reports.create(new AnnualReports.NewReport(s.county.id(), thisYear(), AnnualReport.Kind.COMMITTEE, false));
		reports.edit(report.id(), new AnnualReports.Draft(report.title(), "全年工作情况。"));
		// not yet submitted: nothing to review
		mvc.perform(postJson("/api/v1/reports/" + report.id() + "/query", "{\"questions\":[\"为何？\"]}"))
				.andExpect(status().isConflict());
		reports.submit(report.id());
		mvc.perform(postJson("/api/v1/reports/" + report.id() + "/query", "{\"questions\":[]}"))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("questions"));
		mvc.perform(postJson("/api/v1/reports/" + report.id() + "/query", """
				{"questions":["警示教育为何未覆盖全体党员？","约谈记录为何缺少整改要求？"]}"""))
				.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("QUERIED"))
				.andExpect(jsonPath("$.rounds").value(1)).andExpect(jsonPath("$.questions[1].answerStatus").value("OPEN"));
		AnnualReport queried = reports.get(report.id());
		TrackedItem first = items.get(queried.questions().get(0).trackedItemId());
		assertThat(first.kind()).isEqualTo(ReportReviews.KIND);
		assertThat(first.orgId()).isEqualTo(s.county.id());
		assertThat(first.ownerPostId()).isEqualTo(s.secretary.id());
		assertThat(first.verifierOrgId()).isEqualTo(s.city.id());
		// unanswered: neither accepted nor queried again
		mvc.perform(post("/api/v1/reports/" + report.id() + "/accept")).andExpect(status().isConflict())
				.andExpect(jsonPath("$.errors[0].field").value("questions"));
		answer(first.id());
		mvc.perform(post("/api/v1/reports/" + report.id() + "/accept")).andExpect(status().isConflict());
		answer(queried.questions().get(1).trackedItemId());
		// round 2: the answers of round 1 are closed
		reviews.query(report.id(), new ReportReviews.NewQuery(List.of("整改结果如何巩固？"), null));
		AnnualReport second = reports.get(report.id());
		assertThat(second.rounds()).isEqualTo(2);
		assertThat(second.questions()).extracting(AnnualReport.Question::answerStatus).containsExactly("CLOSED", "CLOSED", "OPEN");
		mvc.perform(get("/api/v1/reports/overview").param("orgId", String.valueOf(s.city.id()))
				.param("year", String.valueOf(thisYear()))).andExpect(jsonPath("$.openQueries").value(1));
		answer(second.questions().get(2).trackedItemId());
		mvc.perform(post("/api/v1/reports/" + report.id() + "/accept")).andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("ACCEPTED"))
				.andExpect(jsonPath("$.questions[2].answerStatus").value("CLOSED"));
		mvc.perform(post("/api/v1/reports/" + report.id() + "/accept")).andExpect(status().isConflict());
		// the report as Word: the text, every question of every round and its answer
		byte[] docx = mvc.perform(get("/api/v1/reports/" + report.id() + "/docx")).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsByteArray();
		assertThat(zeren.support.Docx.text(docx)).contains(report.title(), "全年工作情况。", "警示教育为何未覆盖全体党员？",
				"约谈记录为何缺少整改要求？", "整改结果如何巩固？", "已整改并说明情况", "已办结");
		mvc.perform(get("/api/v1/reports/overview").param("orgId", String.valueOf(s.city.id()))
				.param("year", String.valueOf(thisYear()))).andExpect(jsonPath("$.openQueries").value(0))
				.andExpect(jsonPath("$.accepted").value(1));
	}

	@Test
	void the_reporting_organisation_cannot_review_itself_and_a_discipline_user_of_the_upper_level_can() throws Exception {
		Setting s = new Setting();
		UserAccount countyAdmin = users.create(new Users.NewUser(s.p.toLowerCase() + "cty", "password-of-c-1", null, true));
		users.addGrant(countyAdmin.id(), new Users.NewGrant(Role.ORG_ADMIN, s.county.id(), true));
		UserAccount cityDiscipline = users.create(new Users.NewUser(s.p.toLowerCase() + "jw", "password-of-d-1", null, true));
		users.addGrant(cityDiscipline.id(), new Users.NewGrant(Role.DISCIPLINE, s.city.id(), true));
		UserAccount stranger = users.create(new Users.NewUser(s.p.toLowerCase() + "zz", "password-of-z-1", null, true));
		Org elsewhere = tree.create(new OrgTree.NewOrg(s.p + "z", s.p + "别处", OrgType.PARTY_COMMITTEE, null, null, null));
		users.addGrant(stranger.id(), new Users.NewGrant(Role.ORG_ADMIN, elsewhere.id(), true));

		String created = mvc.perform(postJson("/api/v1/reports", """
				{"orgId":%d,"year":%d,"kind":"COMMITTEE"}""".formatted(s.county.id(), thisYear()))
				.with(as(countyAdmin.id(), countyAdmin.username()))).andExpect(status().isCreated())
				.andReturn().getResponse().getContentAsString();
		long id = com.jayway.jsonpath.JsonPath.parse(created).read("$.id", Long.class);
		mvc.perform(put("/api/v1/reports/" + id).contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"报告\",\"body\":\"内容\"}")
				.with(as(countyAdmin.id(), countyAdmin.username()))).andExpect(status().isOk());
		// a write out of view answers as for a report that does not exist
		mvc.perform(post("/api/v1/reports/" + id + "/submit").with(as(stranger.id(), stranger.username())))
				.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/reports/" + id).with(as(stranger.id(), stranger.username()))).andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/reports/" + id + "/submit").with(as(countyAdmin.id(), countyAdmin.username())))
				.andExpect(status().isOk());
		mvc.perform(post("/api/v1/reports/" + id + "/accept").with(as(countyAdmin.id(), countyAdmin.username())))
				.andExpect(status().isForbidden());
		mvc.perform(postJson("/api/v1/reports/" + id + "/query", "{\"questions\":[\"?\"]}")
				.with(as(countyAdmin.id(), countyAdmin.username()))).andExpect(status().isForbidden());
		assertThat(reports.get(id).status()).isEqualTo(AnnualReport.Status.SUBMITTED);
		mvc.perform(post("/api/v1/reports/" + id + "/accept").with(as(cityDiscipline.id(), cityDiscipline.username())))
				.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACCEPTED"));
		// the reporting organisation and the upper level see the report; the stranger's overview of its own tree is empty
		mvc.perform(get("/api/v1/reports/overview").param("orgId", String.valueOf(s.city.id()))
				.with(as(stranger.id(), stranger.username()))).andExpect(status().isNotFound());
	}

	@Test
	void a_report_goes_to_the_upper_committee_and_the_upper_discipline_commission_and_each_reviews_it_on_its_own()
			throws Exception {
		Setting s = new Setting();
		Org cityDiscipline = tree.create(new OrgTree.NewOrg(s.p + "cd", s.p + "市纪委", OrgType.DISCIPLINE_COMMISSION,
				s.city.id(), null, null));
		tree.linkDisciplineBody(s.city.id(), cityDiscipline.id());
		// the 纪委's user holds a grant on the commission's node only, not on the city committee's tree
		UserAccount jw = users.create(new Users.NewUser(s.p.toLowerCase() + "jw", "password-of-d-1", null, true));
		users.addGrant(jw.id(), new Users.NewGrant(Role.DISCIPLINE, cityDiscipline.id(), true));
		UserAccount cityAdmin = users.create(new Users.NewUser(s.p.toLowerCase() + "sw", "password-of-s-1", null, true));
		users.addGrant(cityAdmin.id(), new Users.NewGrant(Role.ORG_ADMIN, s.city.id(), true));
		AnnualReport draft = reports.create(new AnnualReports.NewReport(s.county.id(), thisYear(), AnnualReport.Kind.COMMITTEE, false));
		reports.edit(draft.id(), new AnnualReports.Draft("县委年度报告", "一、履行主体责任情况"));
		// nothing to review in a draft: the commission, as an upper level, is told so
		mvc.perform(post("/api/v1/reports/" + draft.id() + "/accept").with(as(jw.id(), jw.username())))
				.andExpect(status().isConflict());
		reports.submit(draft.id());
		long id = draft.id();
		mvc.perform(get("/api/v1/reports/" + id).with(as(jw.id(), jw.username()))).andExpect(status().isOk())
				.andExpect(jsonPath("$.reviews", hasSize(2)))
				.andExpect(jsonPath("$.reviews[0].recipient").value("COMMITTEE"))
				.andExpect(jsonPath("$.reviews[0].orgName").value(s.city.name()))
				.andExpect(jsonPath("$.reviews[1].recipient").value("DISCIPLINE"))
				.andExpect(jsonPath("$.reviews[1].status").value("SUBMITTED"));
		// the commission's page lists what was sent to it
		mvc.perform(get("/reports").param("orgId", String.valueOf(cityDiscipline.id())).param("year", String.valueOf(thisYear()))
				.with(as(jw.id(), jw.username()))).andExpect(status().isOk())
				.andExpect(content().string(containsString("县委年度报告")));
		// the commission queries; it may not accept for the committee
		mvc.perform(postJson("/api/v1/reports/" + id + "/query", "{\"questions\":[\"案件查办情况如何？\"]}")
				.with(as(jw.id(), jw.username()))).andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("QUERIED"))
				.andExpect(jsonPath("$.reviews[1].status").value("QUERIED"))
				.andExpect(jsonPath("$.reviews[0].status").value("SUBMITTED"))
				.andExpect(jsonPath("$.questions[0].recipient").value("DISCIPLINE"));
		mvc.perform(post("/api/v1/reports/" + id + "/accept").param("recipient", "COMMITTEE").with(as(jw.id(), jw.username())))
				.andExpect(status().isForbidden());
		long item = reports.get(id).questionsOf(AnnualReport.Recipient.DISCIPLINE).get(0).trackedItemId();
		assertThat(items.get(item).verifierOrgId()).isEqualTo(cityDiscipline.id());
		// the committee accepts on its own: the report stays queried while the commission's question is open
		mvc.perform(post("/api/v1/reports/" + id + "/accept").with(as(cityAdmin.id(), cityAdmin.username())))
				.andExpect(status().isOk()).andExpect(jsonPath("$.reviews[0].status").value("ACCEPTED"))
				.andExpect(jsonPath("$.status").value("QUERIED"));
		// the commission cannot accept before the answer; the county answers; the commission accepts
		mvc.perform(post("/api/v1/reports/" + id + "/accept").with(as(jw.id(), jw.username()))).andExpect(status().isConflict());
		answer(item);
		mvc.perform(post("/api/v1/reports/" + id + "/accept").with(as(jw.id(), jw.username()))).andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("ACCEPTED")).andExpect(jsonPath("$.reviews[1].status").value("ACCEPTED"))
				.andExpect(jsonPath("$.questions[0].answerStatus").value("CLOSED"));
		// the answer shows in the PDF beside the question
		byte[] pdf = mvc.perform(get("/api/v1/reports/" + id + "/pdf")).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsByteArray();
		try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
			assertThat(text).contains("上级纪委", "案件查办情况如何？", "已整改并说明情况", cityDiscipline.name());
		}
		// another commission's user sees nothing of it
		Org other = tree.create(new OrgTree.NewOrg(s.p + "od", s.p + "别处纪委", OrgType.DISCIPLINE_COMMISSION, null, null, null));
		UserAccount stranger = users.create(new Users.NewUser(s.p.toLowerCase() + "oj", "password-of-o-1", null, true));
		users.addGrant(stranger.id(), new Users.NewGrant(Role.DISCIPLINE, other.id(), true));
		mvc.perform(get("/api/v1/reports/" + id).with(as(stranger.id(), stranger.username()))).andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/reports/" + id + "/accept").with(as(stranger.id(), stranger.username())))
				.andExpect(status().isNotFound());
	}

	@Test
	void errors_name_the_fields_and_change_nothing() throws Exception {
		Setting s = new Setting();
		Org branch = tree.create(new OrgTree.NewOrg(s.p + "b", s.p + "支部", OrgType.BRANCH, s.county.id(), null, null));
		mvc.perform(postJson("/api/v1/reports", "{\"orgId\":%d,\"year\":%d,\"kind\":\"COMMITTEE\"}".formatted(s.city.id(), thisYear())))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("orgId"));
		mvc.perform(postJson("/api/v1/reports", "{\"orgId\":%d,\"year\":%d,\"kind\":\"COMMITTEE\"}".formatted(branch.id(), thisYear())))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("orgId"));
		mvc.perform(postJson("/api/v1/reports", "{\"orgId\":%d,\"year\":%d}".formatted(s.county.id(), thisYear() + 1)))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.containsInAnyOrder("year", "kind")))
				.andExpect(jsonPath("$.errors[?(@.field == 'kind')].message").value(org.hamcrest.Matchers.hasItem(
						"报告类别：不能为空")));
		assertThat(reports.of(s.county.id(), thisYear())).isEmpty();
		AnnualReport report = reports.create(new AnnualReports.NewReport(s.county.id(), thisYear(), AnnualReport.Kind.PRINCIPAL, false));
		// an empty report is not submitted
		mvc.perform(post("/api/v1/reports/" + report.id() + "/submit")).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("body"));
		mvc.perform(put("/api/v1/reports/" + report.id()).contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"\"}"))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("title"));
		assertThat(reports.get(report.id()).status()).isEqualTo(AnnualReport.Status.DRAFT);
		mvc.perform(get("/api/v1/reports/" + report.id() + "/canonical")).andExpect(status().isNoContent())
				.andExpect(content().string(""));
	}
}
