package zeren.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

import zeren.access.Role;
import zeren.access.UserAccount;
import zeren.access.Users;
import zeren.governance.Analysis.Fact;
import zeren.governance.Analysis.Section;
import zeren.inspection.Rectifications;
import zeren.org.Leadership;
import zeren.org.Org;
import zeren.org.OrgTree;
import zeren.org.OrgType;
import zeren.org.People;
import zeren.org.Person;
import zeren.org.Post;
import zeren.org.PostKind;
import zeren.platform.ConflictException;
import zeren.platform.InvalidInputException;
import zeren.support.ApiTest;
import zeren.tracking.TrackedItem;

/**
 * The situation analysis: facts pre-filled from the cases, findings, obligations and tracked
 * items of the subtree, beside the same period of the previous year; the draft's judgement and
 * measures, a measure tracked, the adoption that freezes it; scope and refused input.
 */
abstract class AnalysisContract extends ApiTest {

	@Autowired
	OrgTree tree;

	@Autowired
	People people;

	@Autowired
	Leadership leadership;

	@Autowired
	Analyses analyses;

	@Autowired
	Rectifications rectifications;

	@Autowired
	zeren.tracking.TrackedItems items;

	@Autowired
	zeren.oversight.Sweep sweep;

	@Autowired
	zeren.oversight.Oversight oversight;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	zeren.support.SettableClock clock;

	static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

	@BeforeEach
	void setClock() {
		clock.set(TODAY);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	/**
	 * A city committee, a county committee below it and a town committee below that; another city
	 * outside. Cases, inspection findings and rectifications in 2026 and 2025 (see each line).
	 */
	class Fixture {
		final String p = unique();
		final Org city = org(p + "c", p + "市委", null);
		final Org county = org(p + "x", p + "县委", city.id());
		final Org town = org(p + "t", p + "镇党委", county.id());
		final Org other = org(p + "o", p + "外市委", null);
		final Post citySecretary = post(city, "市委书记");
		final Post countySecretary = post(county, "县委书记");
		final Post townSecretary = post(town, "镇党委书记");
		final Post otherSecretary = post(other, "外市委书记");
		final Person someone = people.create(new People.NewPerson(p + "当事人", null, null, null, null, county.id()));
		final AnalysisSeed seed = new AnalysisSeed(jdbc, p, someone.id());
		long f1;
		long f2;

		Fixture() {
			// 2026: three cases in the subtree (one at each level), one outside it
			long c1 = seed.accCase(city, LocalDate.of(2026, 3, 1), "S01", "S03");
			seed.decide(c1, false, "ADMONISHMENT");
			seed.decide(c1, true, "DISMISSAL"); // superseded: not in force, not counted
			seed.decide(seed.accCase(county, LocalDate.of(2026, 5, 10), "S03"), false, "CIRCULATION", "ADMONISHMENT");
			seed.accCase(town, LocalDate.of(2026, 7, 1), "S08");
			seed.decide(seed.accCase(other, LocalDate.of(2026, 4, 1), "S01"), false, "ADMONISHMENT");
			// 2025: two cases
			seed.accCase(county, LocalDate.of(2025, 12, 31), "S03");
			seed.decide(seed.accCase(town, LocalDate.of(2025, 6, 1), "S08"), false, "DISCIPLINARY_SANCTION");

			// 2026: an inspection of the city with two focus items and four findings
			long i2026 = seed.inspection(city, LocalDate.of(2026, 4, 1), "落实主体责任", "作风建设");
			f1 = seed.finding(i2026, county, 1);
			f2 = seed.finding(i2026, town, 1);
			seed.finding(i2026, county, 2);
			seed.finding(i2026, city, null);
			// 2025: one finding, rectified
			long f5 = seed.finding(seed.inspection(city, LocalDate.of(2025, 5, 1), "落实主体责任"), county, 1);
			// outside: not counted
			seed.finding(seed.inspection(other, LocalDate.of(2026, 4, 1), "落实主体责任"), other, 1);
			clock.set(LocalDate.of(2025, 5, 2));
			close(rectify(f5, countySecretary, LocalDate.of(2025, 6, 30)));
			clock.set(LocalDate.of(2026, 4, 2));
			close(rectify(f1, countySecretary, LocalDate.of(2026, 6, 30)));
			rectify(f2, townSecretary, LocalDate.of(2026, 6, 30)); // overdue since July: red
			clock.set(TODAY);
			sweep.sweep(city.id(), 2026);
			sweep.sweep(city.id(), 2025);
		}

		long rectify(long findingId, Post post, LocalDate deadline) {
			return rectifications.assign(findingId, new Rectifications.RectificationInput("问题清单", "整改措施", deadline,
					post.id())).item().id();
		}

		/** 销号, as the verifier's closing leaves it (the tracking module's moves are tested there). */
		void close(long itemId) {
			jdbc.sql("UPDATE tracked_item SET status = 'CLOSED', closed_at = :now WHERE id = :id").param("id", itemId)
					.param("now", OffsetDateTime.now()).update();
		}
	}

	Org org(String code, String name, Long parent) {
		return tree.create(new OrgTree.NewOrg(code, name, OrgType.PARTY_COMMITTEE, parent, null, null));
	}

	Post post(Org org, String title) {
		return leadership.addPost(org.id(), new Leadership.NewPost(title, PostKind.SECRETARY, List.of(), 1));
	}

	static String fact(Analysis a, Section section, String key) {
		Fact f = a.fact(section, key);
		return f == null ? null : f.current() + "/" + f.previous() + (f.currentDone() == null ? "" : " done " + f.currentDone() + "/" + f.previousDone());
	}

	UserAccount user(String name, Role role, Org org) {
		UserAccount u = users.create(new Users.NewUser(unique().toLowerCase() + name, "password-" + name + "-1", null, true));
		users.addGrant(u.id(), new Users.NewGrant(role, org.id(), true));
		return u;
	}

	@Test
	void the_facts_are_pre_filled_from_the_subtrees_records_beside_the_same_period_of_the_previous_year() throws Exception {
		Fixture x = new Fixture();
		String body = mvc.perform(postJson("/api/v1/governance/analyses", """
				{"orgId":%d,"year":2026}""".formatted(x.city.id()))).andExpect(status().isCreated())
				.andExpect(jsonPath("$.status").value("DRAFT")).andExpect(jsonPath("$.from").value("2026-01-01"))
				.andExpect(jsonPath("$.to").value("2026-12-31"))
				.andExpect(jsonPath("$.title").value(x.city.name() + "2026年度党风廉政建设形势研判"))
				.andReturn().getResponse().getContentAsString();
		long id = Long.parseLong(body.replaceAll("^\\{\"id\":(\\d+),.*", "$1"));
		Analysis a = analyses.get(id);
		// cases: three in the subtree this year (the outside one not counted), two last year
		assertThat(fact(a, Section.CASES, "cases")).isEqualTo("3/2");
		assertThat(a.facts(Section.SITUATION)).extracting(f -> f.key() + " " + f.current() + "/" + f.previous())
				.containsExactly("S01 1/0", "S03 2/1", "S08 1/1");
		assertThat(a.fact(Section.SITUATION, "S03").label()).startsWith("对职责范围内明令禁止的不正之风");
		assertThat(a.facts(Section.LEVEL)).extracting(f -> f.key() + " " + f.current() + "/" + f.previous())
				.containsExactly("0 1/0", "1 1/1", "2 1/1");
		// the forms of the decisions in force: the superseded dismissal is not
		assertThat(a.facts(Section.FORM)).extracting(f -> f.key() + " " + f.current() + "/" + f.previous())
				.containsExactly("CIRCULATION 1/0", "ADMONISHMENT 2/0", "DISCIPLINARY_SANCTION 0/1");
		// findings: four this year, one rectified; last year's one rectified
		assertThat(fact(a, Section.FINDINGS, "findings")).isEqualTo("4/1 done 1/1");
		assertThat(a.fact(Section.FINDINGS, "findings").currentRate()).isEqualTo(25);
		assertThat(a.fact(Section.FINDINGS, "findings").previousRate()).isEqualTo(100);
		assertThat(a.facts(Section.FOCUS)).extracting(f -> f.label() + " " + f.current() + "/" + f.previous() + " done "
				+ f.currentDone() + "/" + f.previousDone())
				.containsExactlyInAnyOrder("落实主体责任 2/1 done 1/1", "作风建设 1/0 done 0/0", "null 1/0 done 0/0");
		// the red obligations of the sweep's snapshot: the overdue rectification this year, none last year
		assertThat(fact(a, Section.RED, "inspection.rectifications")).isEqualTo("1/0");
		// tracked items of the year: the two rectifications, one closed, one overdue; last year's one closed
		assertThat(fact(a, Section.TRACKED, "total")).isEqualTo("2/1");
		assertThat(fact(a, Section.TRACKED, "closed")).isEqualTo("1/1");
		assertThat(fact(a, Section.TRACKED, "overdue")).isEqualTo("1/0");
		// the snapshot is stored: the API reads it back the same
		mvc.perform(get("/api/v1/governance/analyses/" + id)).andExpect(status().isOk())
				.andExpect(jsonPath("$.facts[0].section").value("CASES")).andExpect(jsonPath("$.facts[0].current").value(3))
				.andExpect(jsonPath("$.facts[0].previous").value(2));
		mvc.perform(get("/api/v1/governance/analyses").param("orgId", String.valueOf(x.county.id())).param("year", "2026"))
				.andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
		mvc.perform(get("/api/v1/governance/analyses").param("orgId", String.valueOf(x.city.id())).param("year", "2026"))
				.andExpect(status().isOk()).andExpect(jsonPath("$[0].id").value(id));
		// a county's analysis sees its own subtree only
		Analysis county = analyses.create(new Analyses.NewAnalysis(x.county.id(), 2026, null, null, null));
		assertThat(fact(county, Section.CASES, "cases")).isEqualTo("2/2");
		assertThat(county.facts(Section.LEVEL)).extracting(f -> f.key() + " " + f.current() + "/" + f.previous())
				.containsExactly("0 1/1", "1 1/1");
		assertThat(fact(county, Section.FINDINGS, "findings")).isEqualTo("3/1 done 1/1");
		// the page shows the figures and the charts' tables
		String page = mvc.perform(get("/governance/analyses/" + id)).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(page).contains("本期受理问责案件 3 件，上年同期 2 件。").contains("id=\"facts-situation\"")
				.contains("本期监督检查发现问题 4 个，已整改销号 1 个，整改率 25%；上年同期发现问题 1 个，整改率 100%。")
				.contains("整改销号").contains("诫勉").contains("下 2 级");
		// the figures' tables and the list of analyses export to XLSX with the rows the pages show
		var facts = zeren.support.Xlsx.sheets(mvc.perform(get("/governance/analyses/" + id + "/facts.xlsx"))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
		assertThat(facts).extracting(zeren.support.Xlsx.Table::name).contains("问责情形", "案件所在层级", "问责方式", "检查重点");
		var forms = facts.stream().filter(t -> t.name().equals("问责方式")).findFirst().orElseThrow();
		assertThat(forms.body()).extracting(r -> r.get(0) + " " + r.get(1) + "/" + r.get(2))
				.containsExactly("通报 1/0", "诫勉 2/0", "纪律处分 0/1");
		var focus = facts.stream().filter(t -> t.name().equals("检查重点")).findFirst().orElseThrow();
		assertThat(focus.header()).contains("已整改", "整改率");
		assertThat(focus.body()).anySatisfy(r -> assertThat(r).startsWith("落实主体责任", "2", "1", "50%"));
		var list = zeren.support.Xlsx.sheets(mvc.perform(get("/governance/analyses/export.xlsx")
				.param("orgId", String.valueOf(x.city.id())).param("year", "2026")).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsByteArray()).get(0);
		assertThat(list.body()).extracting(r -> r.get(0)).containsExactlyInAnyOrder(x.city.name() + "2026年度党风廉政建设形势研判",
				x.county.name() + "2026年度党风廉政建设形势研判");
	}

	@Test
	void a_period_within_the_year_counts_its_own_dates_and_the_same_dates_a_year_before() {
		Fixture x = new Fixture();
		Analysis a = analyses.create(new Analyses.NewAnalysis(x.city.id(), 2026, LocalDate.of(2026, 4, 1),
				LocalDate.of(2026, 12, 31), "下半程研判"));
		assertThat(a.title()).isEqualTo("下半程研判");
		// 2026-04-01..12-31: the county's and the town's cases; 2025-04-01..12-31: both of last year's
		assertThat(fact(a, Section.CASES, "cases")).isEqualTo("2/2");
		assertThat(a.facts(Section.SITUATION)).extracting(Fact::key).containsExactly("S03", "S08");
		Analysis spring = analyses.create(new Analyses.NewAnalysis(x.city.id(), 2026, LocalDate.of(2026, 1, 1),
				LocalDate.of(2026, 3, 31), null));
		assertThat(fact(spring, Section.CASES, "cases")).isEqualTo("1/0");
		// the inspection of April 2026 is outside the first quarter
		assertThat(fact(spring, Section.FINDINGS, "findings")).isEqualTo("0/0 done 0/0");
	}

	@Test
	void a_draft_takes_a_judgement_and_measures_a_measure_is_tracked_and_the_adoption_freezes_it() throws Exception {
		Fixture x = new Fixture();
		Analysis a = analyses.create(new Analyses.NewAnalysis(x.city.id(), 2026, null, null, null));
		mvc.perform(put("/api/v1/governance/analyses/" + a.id() + "/judgement").contentType(MediaType.APPLICATION_JSON)
				.content("{\"judgement\":\"问责案件同比增加，整改率偏低\"}")).andExpect(status().isOk())
				.andExpect(jsonPath("$.judgement").value("问责案件同比增加，整改率偏低"));
		mvc.perform(postJson("/api/v1/governance/analyses/" + a.id() + "/measures", """
				{"text":"开展作风建设专项整治","ownerPostId":%d,"deadline":"2026-12-20"}""".formatted(x.countySecretary.id())))
				.andExpect(status().isOk()).andExpect(jsonPath("$.measures[0].ownerPostTitle").value("县委书记"))
				.andExpect(jsonPath("$.measures[0].trackedItemId").doesNotExist());
		Analysis withTwo = analyses.addMeasure(a.id(), new Analyses.MeasureInput("督促整改逾期问题", x.citySecretary.id(),
				LocalDate.of(2027, 3, 31)));
		long first = withTwo.measures().get(0).id();
		long second = withTwo.measures().get(1).id();
		analyses.updateMeasure(a.id(), second, new Analyses.MeasureInput("督促整改逾期问题并通报", x.townSecretary.id(),
				LocalDate.of(2027, 3, 31)));

		// tracked: an item of the owner post's organisation, verified by the analysing organisation
		mvc.perform(postJson("/api/v1/governance/analyses/" + a.id() + "/measures/" + first + "/track", ""))
				.andExpect(status().isOk()).andExpect(jsonPath("$.measures[0].trackedItemId").isNumber());
		Analysis tracked = analyses.get(a.id());
		TrackedItem item = items.get(tracked.measures().get(0).trackedItemId());
		assertThat(item.kind()).isEqualTo("governance.measure");
		assertThat(item.sourceRef()).isEqualTo(String.valueOf(first));
		assertThat(item.orgId()).isEqualTo(x.county.id());
		assertThat(item.ownerPostId()).isEqualTo(x.countySecretary.id());
		assertThat(item.verifierOrgId()).isEqualTo(x.city.id());
		assertThat(item.deadline()).isEqualTo(LocalDate.of(2026, 12, 20));
		assertThat(item.title()).isEqualTo("开展作风建设专项整治");
		// tracked once, and then as it was tracked
		assertThatThrownBy(() -> analyses.track(a.id(), first)).isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> analyses.removeMeasure(a.id(), first)).isInstanceOf(ConflictException.class);
		// refreshing the draft counts the new item among the year's tracked items
		assertThat(fact(analyses.refresh(a.id()), Section.TRACKED, "total")).isEqualTo("3/1");

		// adoption: not in the future; then frozen
		mvc.perform(postJson("/api/v1/governance/analyses/" + a.id() + "/adopt", "{\"adoptedOn\":\"2026-12-02\"}"))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("adoptedOn"));
		mvc.perform(postJson("/api/v1/governance/analyses/" + a.id() + "/adopt", "{\"adoptedOn\":\"2026-11-30\"}"))
				.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ADOPTED"))
				.andExpect(jsonPath("$.adoptedOn").value("2026-11-30"));
		mvc.perform(put("/api/v1/governance/analyses/" + a.id() + "/judgement").contentType(MediaType.APPLICATION_JSON)
				.content("{\"judgement\":\"改写\"}")).andExpect(status().isConflict());
		assertThatThrownBy(() -> analyses.refresh(a.id())).isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> analyses.addMeasure(a.id(), new Analyses.MeasureInput("再加一条", x.citySecretary.id(),
				LocalDate.of(2027, 1, 31)))).isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> analyses.adopt(a.id(), new Analyses.Adoption(null))).isInstanceOf(ConflictException.class);
		// following up is not changing: the second measure can still be tracked
		assertThat(analyses.track(a.id(), second).measures().get(1).trackedItemId()).isNotNull();
		Analysis adopted = analyses.get(a.id());
		assertThat(adopted.judgement()).isEqualTo("问责案件同比增加，整改率偏低");
		assertThat(adopted.measures()).extracting(Analysis.Measure::text).containsExactly("开展作风建设专项整治", "督促整改逾期问题并通报");
		// every change is in the audit trail
		assertThat(jdbc.sql("SELECT action FROM audit_event WHERE entity_type = 'governance.analysis' AND entity_id = :id ORDER BY id")
				.param("id", String.valueOf(a.id())).query(String.class).list())
				.containsExactly("CREATE", "JUDGE", "ADD_MEASURE", "ADD_MEASURE", "UPDATE_MEASURE", "TRACK", "REFRESH", "ADOPT", "TRACK");

		// the obligations: the city analysed its situation (done on the adoption date); the county did not
		sweep.sweep(x.city.id(), 2026);
		var done = oversight.obligations(x.city.id(), 2026, "governance.analyses", null, 100);
		assertThat(done).extracting(o -> o.orgId() + " " + o.doneOn()).containsExactlyInAnyOrder(
				x.city.id() + " 2026-11-30", x.county.id() + " null", x.town.id() + " null");
		assertThat(oversight.obligations(x.city.id(), 2026, "governance.measures", null, 100))
				.extracting(o -> o.orgId() + " " + o.subject()).containsExactly(x.county.id() + " " + item.id());

		// the PDF: the facts, the judgement and the measures, in Chinese
		byte[] pdf = mvc.perform(get("/api/v1/governance/analyses/" + a.id() + "/pdf")).andExpect(status().isOk())
				.andExpect(content().contentType(MediaType.APPLICATION_PDF)).andReturn().getResponse().getContentAsByteArray();
		try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", "");
			assertThat(text).contains("本期受理问责案件3件，上年同期2件。").contains("问责案件同比增加，整改率偏低")
					.contains("开展作风建设专项整治").contains("研判会议已通过").contains("落实主体责任");
		}
	}

	@Test
	void a_user_of_a_lower_or_sibling_organisation_cannot_read_or_write_the_analysis() throws Exception {
		Fixture x = new Fixture();
		Analysis a = analyses.create(new Analyses.NewAnalysis(x.city.id(), 2026, null, null, null));
		UserAccount countyAdmin = user("county", Role.ORG_ADMIN, x.county);
		UserAccount outsider = user("other", Role.ORG_ADMIN, x.other);
		UserAccount viewer = user("viewer", Role.VIEWER, x.city);
		for (UserAccount u : List.of(countyAdmin, outsider)) {
			mvc.perform(get("/api/v1/governance/analyses/" + a.id()).with(as(u.id(), u.username()))).andExpect(status().isNotFound());
			mvc.perform(postJson("/api/v1/governance/analyses/" + a.id() + "/refresh", "").with(as(u.id(), u.username())))
					.andExpect(status().isNotFound());
			mvc.perform(postJson("/api/v1/governance/analyses", "{\"orgId\":%d,\"year\":2026}".formatted(x.city.id()))
					.with(as(u.id(), u.username()))).andExpect(status().isForbidden());
		}
		// the outsider's list of the city is refused; the county's own list does not show the city's analysis
		mvc.perform(get("/api/v1/governance/analyses").param("orgId", String.valueOf(x.city.id()))
				.with(as(outsider.id(), outsider.username()))).andExpect(status().isNotFound());
		// a reader of the city reads it and changes nothing
		mvc.perform(get("/api/v1/governance/analyses/" + a.id()).with(as(viewer.id(), viewer.username())))
				.andExpect(status().isOk()).andExpect(jsonPath("$.id").value(a.id()));
		mvc.perform(put("/api/v1/governance/analyses/" + a.id() + "/judgement").contentType(MediaType.APPLICATION_JSON)
				.content("{\"judgement\":\"越权\"}").with(as(viewer.id(), viewer.username()))).andExpect(status().isForbidden());
		assertThat(analyses.get(a.id()).judgement()).isNull();
		assertThat(analyses.get(a.id()).status()).isEqualTo(Analysis.Status.DRAFT);
		// a measure cannot be given to a post outside the subtree
		mvc.perform(postJson("/api/v1/governance/analyses/" + a.id() + "/measures", """
				{"text":"越界","ownerPostId":%d,"deadline":"2027-01-31"}""".formatted(x.otherSecretary.id())))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("ownerPostId"));
		assertThat(analyses.get(a.id()).measures()).isEmpty();
	}

	@Test
	void refused_input_names_the_field() throws Exception {
		Fixture x = new Fixture();
		long before = jdbc.sql("SELECT COUNT(*) FROM gov_analysis").query(Long.class).single();
		mvc.perform(postJson("/api/v1/governance/analyses", "{\"orgId\":%d,\"year\":2027}".formatted(x.city.id())))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("year"));
		mvc.perform(postJson("/api/v1/governance/analyses", "{\"orgId\":%d}".formatted(x.city.id())))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("year"));
		mvc.perform(postJson("/api/v1/governance/analyses", """
				{"orgId":%d,"year":2026,"from":"2025-12-01"}""".formatted(x.city.id())))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("from"));
		mvc.perform(postJson("/api/v1/governance/analyses", """
				{"orgId":%d,"year":2026,"from":"2026-06-01","to":"2026-05-31"}""".formatted(x.city.id())))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("to"));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM gov_analysis").query(Long.class).single()).isEqualTo(before);

		Analysis a = analyses.create(new Analyses.NewAnalysis(x.city.id(), 2026, null, null, null));
		mvc.perform(postJson("/api/v1/governance/analyses/" + a.id() + "/measures", """
				{"text":" ","ownerPostId":%d,"deadline":"2027-01-31"}""".formatted(x.citySecretary.id())))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("text"));
		mvc.perform(postJson("/api/v1/governance/analyses/" + a.id() + "/measures", """
				{"text":"过期","ownerPostId":%d,"deadline":"2026-11-30"}""".formatted(x.citySecretary.id())))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("deadline"));
		mvc.perform(postJson("/api/v1/governance/analyses/" + a.id() + "/measures", """
				{"text":"太远","ownerPostId":%d,"deadline":"2032-01-01"}""".formatted(x.citySecretary.id())))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("deadline"))
				.andExpect(jsonPath("$.errors[0].message").value("完成时限：不能晚于 2031-12-31"));
		mvc.perform(postJson("/api/v1/governance/analyses/" + a.id() + "/measures", "{\"text\":\"无岗位\",\"deadline\":\"2027-01-31\"}"))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("ownerPostId"));
		mvc.perform(put("/api/v1/governance/analyses/" + a.id() + "/judgement").contentType(MediaType.APPLICATION_JSON)
				.content("{\"judgement\":\"" + "长".repeat(Analyses.MAX_JUDGEMENT + 1) + "\"}"))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("judgement"));
		// no judgement, no adoption
		assertThatThrownBy(() -> analyses.adopt(a.id(), new Analyses.Adoption(null))).isInstanceOf(InvalidInputException.class)
				.satisfies(e -> assertThat(((InvalidInputException) e).errors().get(0).field()).isEqualTo("judgement"));
		assertThat(analyses.get(a.id()).measures()).isEmpty();
		assertThat(analyses.get(a.id()).status()).isEqualTo(Analysis.Status.DRAFT);
	}
}
