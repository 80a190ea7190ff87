package zeren.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;

import zeren.access.Role;
import zeren.access.UserAccount;
import zeren.access.Users;
import zeren.duty.DutyListManagement;
import zeren.org.Leadership;
import zeren.org.Org;
import zeren.org.OrgTree;
import zeren.org.OrgType;
import zeren.org.People;
import zeren.org.Person;
import zeren.org.PostKind;
import zeren.support.ApiTest;
import zeren.support.SettableClock;
import tools.jackson.databind.json.JsonMapper;

/** Schemes, rounds with every rule kind, grades and veto, the poll, conclusion and its reproducibility, scope. */
abstract class AssessmentContract extends ApiTest {

	static final int YEAR = 2032;

	@Autowired
	OrgTree tree;

	@Autowired
	People people;

	@Autowired
	Leadership leadership;

	@Autowired
	DutyListManagement lists;

	@Autowired
	Schemes schemes;

	@Autowired
	Rounds rounds;

	@Autowired
	RoundSheets sheets;

	@Autowired
	SettableClock clock;

	@Autowired
	JdbcClient jdbc;

	final JsonMapper json = new JsonMapper();

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	/** A city with two counties, each with a secretary; county A publishes its list on time, county B never. */
	record Fixture(String p, Org city, Org countyA, Org countyB) {
	}

	Fixture fixture() {
		String p = unique();
		Org city = org(p, "市", null);
		Org countyA = org(p, "甲县", city.id());
		Org countyB = org(p, "乙县", city.id());
		for (Org county : List.of(countyA, countyB)) {
			var post = leadership.addPost(county.id(), new Leadership.NewPost(county.name() + "书记", PostKind.SECRETARY, List.of(), 1));
			Person person = people.create(new People.NewPerson(p + county.name() + "书记", null, null, null, null, county.id()));
			leadership.appoint(new Leadership.NewTenure(person.id(), post.id(), LocalDate.of(2030, 1, 1), null));
		}
		clock.set(LocalDate.of(YEAR, 3, 10));
		long list = lists.create(countyA.id(), YEAR).id();
		lists.addItem(list, new DutyListManagement.ItemInput(null, "主体责任", "研究部署党风廉政建设", null, null, null, null, null,
				null, List.of(), null));
		lists.publish(list);
		// the assessment is held after the year
		clock.set(LocalDate.of(YEAR + 1, 1, 20));
		return new Fixture(p, city, countyA, countyB);
	}

	Org org(String p, String suffix, Long parent) {
		return tree.create(new OrgTree.NewOrg(p + suffix, p + suffix + "委", OrgType.PARTY_COMMITTEE, parent, null, null));
	}

	Scheme.Indicator indicator(Scheme scheme, String code) {
		return scheme.indicators().stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow();
	}

	long createRound(Org org) throws Exception {
		String body = mvc.perform(postJson("/api/v1/assessment/rounds", "{\"orgId\":%d,\"year\":%d}".formatted(org.id(), YEAR)))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return json.readTree(body).get("id").asLong();
	}

	Round.Unit unit(long round, Org org) {
		return rounds.get(round).units().stream().filter(u -> u.orgId() == org.id()).findFirst().orElseThrow();
	}

	static byte[] poll(Object[]... rows) throws IOException {
		return zeren.support.SheetFile.of("群众满意度测评结果", RoundEntries.POLL_COLUMNS, rows);
	}

	@Test
	void the_default_scheme_is_stored_once_published_and_adds_up_to_one_hundred() throws Exception {
		Scheme s = schemes.defaultFor(YEAR);
		assertThat(schemes.defaultFor(YEAR).id()).isEqualTo(s.id());
		assertThat(s.status()).isEqualTo(Scheme.Status.PUBLISHED);
		assertThat(s.sourceNote()).contains("重点考核");
		BigDecimal base = s.indicators().stream().filter(Scheme.Indicator::base).map(Scheme.Indicator::points)
				.reduce(BigDecimal.ZERO, BigDecimal::add);
		assertThat(base).isEqualByComparingTo("100");
		// every automatic indicator reads an obligation kind of the oversight module
		assertThat(s.indicators()).filteredOn(i -> i.rule() == Scheme.Rule.AUTO).extracting(Scheme.Indicator::obligationKind)
				.contains("duty.list", "duty.letters", "interview.coverage", "report.annual", "inspection.annual-checks");
		mvc.perform(get("/api/v1/assessment/schemes/default").param("year", String.valueOf(YEAR))).andExpect(status().isOk())
				.andExpect(jsonPath("$.id").value(s.id())).andExpect(jsonPath("$.indicators[1].code").value("1.1"));
		mvc.perform(get("/api/v1/assessment/schemes/default").param("year", "1999")).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("year"));
	}

	@Autowired
	zeren.inspection.Inspections inspections;

	@Autowired
	zeren.inspection.Findings findings;

	@Autowired
	zeren.accountability.CaseProcedure procedure;

	@Autowired
	zeren.accountability.Situations situations;

	@Test
	void an_indicator_deducts_per_inspection_tour_finding_and_per_accountability_case_read_from_those_modules()
			throws Exception {
		Fixture f = fixture();
		Org village = tree.create(new OrgTree.NewOrg(f.p() + "村", f.p() + "甲县某村党支部", OrgType.BRANCH, f.countyA().id(), null, null));
		// the city's inspection tour of the year finds two problems in county A's tree (one in a village)
		clock.set(LocalDate.of(YEAR, 5, 1));
		var tour = inspections.create(new zeren.inspection.Inspections.NewInspection(f.city().id(),
				zeren.inspection.Inspection.Kind.TOUR, "市委第一轮巡察", LocalDate.of(YEAR, 5, 1), LocalDate.of(YEAR, 6, 30), List.of(),
				List.of(new zeren.inspection.Inspections.TargetInput(f.countyA().id(), true)), null));
		findings.add(tour.id(), new zeren.inspection.Findings.FindingInput(f.countyA().id(), 1, "落实主体责任不力", "严重", List.of()));
		findings.add(tour.id(), new zeren.inspection.Findings.FindingInput(village.id(), 1, "村务公开不及时", "一般", List.of()));
		// a case about county B registered in the year
		clock.set(LocalDate.of(YEAR, 10, 1));
		long s02 = situations.list(true).stream().filter(x -> x.code().equals("S02")).findFirst().orElseThrow().id();
		Person party = people.create(new People.NewPerson(f.p() + "当事人", null, null, null, null, f.countyB().id()));
		var acase = procedure.create(new zeren.accountability.CaseProcedure.NewCase(f.countyB().id(),
				zeren.accountability.AccountabilityCase.Origin.REPORT, null, f.p() + "乙县问责案", LocalDate.of(YEAR, 1, 1),
				LocalDate.of(YEAR, 9, 30), "事实", List.of(s02), null, List.of(party.id()), null));
		clock.set(LocalDate.of(YEAR + 1, 1, 20));
		String body = mvc.perform(postJson("/api/v1/assessment/schemes", """
				{"orgId":%d,"year":%d,"name":"市委考核方案（巡察与问责）","indicators":[
				 {"code":"1","title":"巡察发现问题","points":10,"rule":"AUTO","obligationKind":"inspection.tour-findings","perMissed":2},
				 {"code":"2","title":"问责案件","points":10,"rule":"AUTO","obligationKind":"accountability.cases","perMissed":3},
				 {"code":"3","title":"其他工作","points":80,"rule":"MANUAL"}]}""".formatted(f.city().id(), YEAR)))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		long schemeId = json.readTree(body).get("id").asLong();
		mvc.perform(post("/api/v1/assessment/schemes/" + schemeId + "/publish")).andExpect(status().isOk());
		// the scheme page names the kinds in words
		mvc.perform(get("/assessment/schemes/" + schemeId)).andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("巡视巡察发现的问题（每个问题）")));
		body = mvc.perform(postJson("/api/v1/assessment/rounds", "{\"orgId\":%d,\"year\":%d,\"schemeId\":%d}"
				.formatted(f.city().id(), YEAR, schemeId))).andExpect(status().isCreated()).andReturn().getResponse()
				.getContentAsString();
		long round = json.readTree(body).get("id").asLong();
		Round.Sheet a = sheets.sheet(round, f.countyA().id());
		assertThat(a.lines()).filteredOn(l -> l.column() == Scoring.Column.AUTO)
				.extracting(Round.Line::points, Round.Line::link)
				.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(new java.math.BigDecimal("-2.00"),
						"/inspection/findings/" + findingId(f.countyA().id())),
						org.assertj.core.groups.Tuple.tuple(new java.math.BigDecimal("-2.00"), "/inspection/findings/" + findingId(village.id())));
		assertThat(a.lines()).filteredOn(l -> l.column() == Scoring.Column.AUTO).extracting(Round.Line::reason)
				.anySatisfy(r -> assertThat(r).startsWith("巡察发现问题：巡察发现问题（市委第一轮巡察）：村务公开不及时"));
		Round.Sheet b = sheets.sheet(round, f.countyB().id());
		assertThat(b.lines()).filteredOn(l -> l.column() == Scoring.Column.AUTO).singleElement()
				.satisfies(l -> {
					assertThat(l.points()).isEqualByComparingTo("-3");
					assertThat(l.link()).isEqualTo("/accountability/cases/" + acase.id());
				});
		assertThat(a.indicators()).filteredOn(i -> i.code().equals("1")).singleElement()
				.satisfies(i -> assertThat(i.team()).isEqualByComparingTo("6"));
		// an unknown kind is still refused by name
		mvc.perform(postJson("/api/v1/assessment/schemes", """
				{"orgId":%d,"year":%d,"name":"错","indicators":[
				 {"code":"1","title":"巡察","points":100,"rule":"AUTO","obligationKind":"inspection.nothing","perMissed":2}]}"""
				.formatted(f.city().id(), YEAR))).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("indicators[0].obligationKind"));
	}

	long findingId(long orgId) {
		return jdbc.sql("SELECT MAX(id) FROM inspection_finding WHERE org_id = :org").param("org", orgId).query(Long.class).single();
	}

	@Test
	void a_scheme_is_copied_versioned_and_locked_once_published_and_bad_indicators_are_named() throws Exception {
		Fixture f = fixture();
		Scheme base = schemes.defaultFor(YEAR);
		Scheme draft = schemes.create(new Schemes.NewScheme(f.city().id(), YEAR, "市委考核方案", base.id(), null, null));
		assertThat(draft.status()).isEqualTo(Scheme.Status.DRAFT);
		assertThat(draft.version()).isEqualTo(1);
		assertThat(draft.indicators()).hasSameSizeAs(base.indicators());
		// a draft cannot be used for a round
		mvc.perform(postJson("/api/v1/assessment/rounds", "{\"orgId\":%d,\"year\":%d,\"schemeId\":%d}".formatted(f.city().id(), YEAR,
				draft.id()))).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("schemeId"));
		mvc.perform(post("/api/v1/assessment/schemes/" + draft.id() + "/publish")).andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("PUBLISHED"));
		mvc.perform(post("/api/v1/assessment/schemes/" + draft.id() + "/publish")).andExpect(status().isConflict());
		Scheme next = schemes.create(new Schemes.NewScheme(f.city().id(), YEAR, null, draft.id(), null, null));
		assertThat(next.version()).isEqualTo(2);
		assertThat(next.basedOn()).isEqualTo(draft.id());
		// a heading whose points differ from its items', an unknown obligation kind: named by place and label
		mvc.perform(postJson("/api/v1/assessment/schemes", """
				{"orgId":%d,"year":%d,"name":"错","indicators":[
				 {"code":"1","title":"明责","points":20,"rule":"GROUP"},
				 {"code":"1.1","title":"清单","points":10,"rule":"AUTO","obligationKind":"duty.nothing","perMissed":2}]}"""
				.formatted(f.city().id(), YEAR))).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.containsInAnyOrder("indicators[1].obligationKind",
						"indicators[0].points")))
				.andExpect(jsonPath("$.errors[?(@.field == 'indicators[1].obligationKind')].message")
						.value(org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.startsWith("自动计分依据（第 2 项）"))));
	}

	@Test
	void a_scheme_goes_to_excel_and_back_in_words_and_a_wrong_line_is_named() throws Exception {
		Fixture f = fixture();
		Scheme base = schemes.defaultFor(YEAR);
		byte[] xlsx = mvc.perform(get("/assessment/schemes/" + base.id() + "/export.xlsx")).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsByteArray();
		var sheet = zeren.support.Xlsx.sheets(xlsx).get(0);
		// the scoring and the obligation in words, never codes
		assertThat(sheet.body().get(1)).startsWith("1.1", "年度责任清单按时发布", "10", "系统计分", "责任清单发布");
		String body = mvc.perform(multipart("/api/v1/assessment/schemes/import").file(new MockMultipartFile("file", "方案.xlsx",
				"application/octet-stream", xlsx)).param("orgId", String.valueOf(f.city().id())).param("year", String.valueOf(YEAR))
				.param("name", "市委考核方案（导入）")).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		Scheme imported = schemes.get(json.readTree(body).get("id").asLong());
		assertThat(imported.status()).isEqualTo(Scheme.Status.DRAFT);
		assertThat(imported.name()).isEqualTo("市委考核方案（导入）");
		assertThat(Schemes.inputs(imported)).isEqualTo(Schemes.inputs(base));
		// a scoring nobody knows, a heading whose points do not add up: named by line and column, nothing stored
		long before = jdbc.sql("SELECT COUNT(*) FROM assessment_scheme").query(Long.class).single();
		byte[] wrong = zeren.support.SheetFile.of("方案", SchemeSheet.COLUMNS,
				new Object[] { "1", "明责", 20, "分类", "", "", "", "" },
				new Object[] { "1.1", "清单", 10, "随便打分", "", "", "", "" });
		mvc.perform(multipart("/api/v1/assessment/schemes/import").file(new MockMultipartFile("file", "错.xlsx",
				"application/octet-stream", wrong)).param("orgId", String.valueOf(f.city().id())).param("year", String.valueOf(YEAR)))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].line").value(4))
				.andExpect(jsonPath("$.errors[0].field").value("计分方式"));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM assessment_scheme").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void a_round_scores_every_rule_kind_from_the_records_and_explains_every_point() throws Exception {
		Fixture f = fixture();
		long round = createRound(f.city());
		Scheme scheme = schemes.defaultFor(YEAR);
		// county B never published its list: the automatic line names the rule, the dates and the record's page
		Map<Long, RoundSheets.Result> results = new java.util.HashMap<>();
		sheets.results(round).forEach(r -> results.put(r.orgId(), r));
		assertThat(results).containsOnlyKeys(f.countyA().id(), f.countyB().id());
		Round.Line list = results.get(f.countyB().id()).lines().stream().filter(l -> l.indicatorCode().equals("1.1")).findFirst()
				.orElseThrow();
		assertThat(list.column()).isEqualTo(Scoring.Column.AUTO);
		assertThat(list.points()).isEqualByComparingTo("-10");
		assertThat(list.reason()).isEqualTo("年度责任清单按时发布：逾期未完成（应于 %d-03-31 前完成）".formatted(YEAR));
		assertThat(list.link()).isEqualTo("/duty?orgId=%d&year=%d".formatted(f.countyB().id(), YEAR));
		assertThat(list.inputs()).contains("kind=duty.list", "status=OVERDUE");
		assertThat(results.get(f.countyA().id()).lines()).noneMatch(l -> l.indicatorCode().equals("1.1"));

		// the team: a deduction with its reason, capped at the item's points (the floor is 0)
		String team = "/api/v1/assessment/rounds/%d/units/%d/team";
		mvc.perform(postJson(team.formatted(round, f.countyA().id()), """
				{"indicatorId":%d,"points":-5,"reason":"x"}""".formatted(indicator(scheme, "4.1").id())))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("points"))
				.andExpect(jsonPath("$.errors[0].message").value("分数：扣分应为 0 至 -4 之间的负数"));
		mvc.perform(postJson(team.formatted(round, f.countyA().id()), """
				{"indicatorId":%d,"points":-2,"reason":"班子成员履行一岗双责不到位"}""".formatted(indicator(scheme, "4.1").id())))
				.andExpect(status().isOk()).andExpect(jsonPath("$.unit.total").isNumber());
		mvc.perform(postJson(team.formatted(round, f.countyA().id()), """
				{"indicatorId":%d,"points":-2,"reason":"重复扣分"}""".formatted(indicator(scheme, "4.1").id()))).andExpect(status().isOk());
		// a bonus, within its cap
		mvc.perform(postJson(team.formatted(round, f.countyA().id()), """
				{"indicatorId":%d,"points":3,"reason":"经验做法被省委推广"}""".formatted(indicator(scheme, "6").id()))).andExpect(status().isOk());
		mvc.perform(postJson(team.formatted(round, f.countyA().id()), """
				{"indicatorId":%d,"points":9,"reason":"超过上限"}""".formatted(indicator(scheme, "6").id())))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("points"));
		// a reason is always needed; a source is imported, never typed
		mvc.perform(postJson(team.formatted(round, f.countyA().id()), """
				{"indicatorId":%d,"points":-1,"reason":"  "}""".formatted(indicator(scheme, "4.2").id())))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
		mvc.perform(postJson(team.formatted(round, f.countyA().id()), """
				{"indicatorId":%d,"points":80,"reason":"手填"}""".formatted(indicator(scheme, "5.1").id())))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("points"));

		// the poll: the formula, errors by line and column, all or nothing
		long pollIndicator = indicator(scheme, "5.1").id();
		mvc.perform(multipart("/api/v1/assessment/rounds/%d/sources/%d".formatted(round, pollIndicator))
				.file(new MockMultipartFile("file", "测评.xlsx", "application/octet-stream",
						poll(new Object[] { f.countyA().name(), 110, 80, 15, 5, 10 }, new Object[] { "不存在的县委", 10, 10, 0, 0, 0 },
								new Object[] { f.countyB().name(), 50, 40, 5, 1, 0 }))))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[*].line", org.hamcrest.Matchers.contains(4, 5)))
				.andExpect(jsonPath("$.errors[0].field").value("单位名称"));
		assertThat(unit(round, f.countyA()).missing()).isEqualTo(1);
		mvc.perform(multipart("/api/v1/assessment/rounds/%d/sources/%d".formatted(round, pollIndicator))
				.file(new MockMultipartFile("file", "测评.xlsx", "application/octet-stream",
						poll(new Object[] { f.countyA().name(), 110, 80, 15, 5, 10 }, new Object[] { f.countyB().name(), 50, 40, 5, 5, 0 }))))
				.andExpect(status().isOk()).andExpect(jsonPath("$.units").value(2));

		// a third party's scores replace the poll of the same indicator: a score above 100 is refused by line
		mvc.perform(multipart("/api/v1/assessment/rounds/%d/sources/%d/scores".formatted(round, pollIndicator))
				.file(new MockMultipartFile("file", "第三方评价.xlsx", "application/octet-stream", zeren.support.SheetFile.of("第三方评价",
						RoundEntries.SCORE_COLUMNS, new Object[] { f.countyA().name(), 120, "" }))))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].line").value(3))
				.andExpect(jsonPath("$.errors[0].field").value("得分"));
		mvc.perform(multipart("/api/v1/assessment/rounds/%d/sources/%d/scores".formatted(round, pollIndicator))
				.file(new MockMultipartFile("file", "第三方评价.xlsx", "application/octet-stream", zeren.support.SheetFile.of("第三方评价",
						RoundEntries.SCORE_COLUMNS, new Object[] { f.countyA().name(), 70, "第三方评价报告" },
						new Object[] { f.countyB().name(), 80, "" }))))
				.andExpect(status().isOk()).andExpect(jsonPath("$.units").value(2));
		assertThat(sheets.sheet(round, f.countyA().id()).indicators().stream().filter(r -> r.code().equals("5.1")).findFirst()
				.orElseThrow().team()).isEqualByComparingTo("7");
		// … and the poll again, as the round's last word on the indicator
		mvc.perform(multipart("/api/v1/assessment/rounds/%d/sources/%d".formatted(round, pollIndicator))
				.file(new MockMultipartFile("file", "测评.xlsx", "application/octet-stream",
						poll(new Object[] { f.countyA().name(), 110, 80, 15, 5, 10 }, new Object[] { f.countyB().name(), 50, 40, 5, 5, 0 }))))
				.andExpect(status().isOk());

		Round.Sheet a = sheets.sheet(round, f.countyA().id());
		Round.IndicatorRow pollRow = a.indicators().stream().filter(r -> r.code().equals("5.1")).findFirst().orElseThrow();
		// (80 × 100 + 15 × 60) ÷ (110 − 10) = 89 → 8.9 of 10
		assertThat(pollRow.team()).isEqualByComparingTo("8.9");
		assertThat(a.indicators().stream().filter(r -> r.code().equals("4.1")).findFirst().orElseThrow().team()).isEqualByComparingTo("0");
		// the group shows the sum of its items
		assertThat(a.indicators().stream().filter(r -> r.code().equals("4")).findFirst().orElseThrow().team()).isEqualByComparingTo("16");
		assertThat(a.lines()).extracting(Round.Line::reason).contains("班子成员履行一岗双责不到位", "经验做法被省委推广");
		Round.Unit unitA = a.unit();
		// an item at 0 (4.1): not 好, whatever the total
		assertThat(unitA.zeroItems()).isGreaterThanOrEqualTo(1);
		assertThat(unitA.grade()).isNotEqualTo(Grade.GOOD);
		assertThat(unitA.total()).isEqualByComparingTo(a.indicators().stream().filter(r -> r.parentId() == null && r.team() != null)
				.map(Round.IndicatorRow::team).reduce(BigDecimal.ZERO, BigDecimal::add));

		// the veto: 差 whatever the total
		mvc.perform(postJson(team.formatted(round, f.countyA().id()), """
				{"indicatorId":%d,"points":0,"reason":"发生窝案：县交通局窝案"}""".formatted(indicator(scheme, "7").id())))
				.andExpect(status().isOk()).andExpect(jsonPath("$.unit.grade").value("POOR")).andExpect(jsonPath("$.unit.veto").value(true));
		// ranking: county A ahead of county B or level, never behind a lower total
		Round r = rounds.get(round);
		assertThat(r.units()).extracting(Round.Unit::rank).containsExactlyInAnyOrder(1, 2);
		mvc.perform(get("/api/v1/assessment/rounds/" + round + "/results")).andExpect(status().isOk())
				.andExpect(jsonPath("$", hasSize(2))).andExpect(jsonPath("$[0].rank").value(1))
				.andExpect(jsonPath("$[0].lines[0].reason").isString());
	}

	@Test
	void a_concluded_round_is_locked_recomputes_to_the_same_numbers_and_a_correction_is_a_new_version() throws Exception {
		Fixture f = fixture();
		long round = createRound(f.city());
		Scheme scheme = schemes.defaultFor(YEAR);
		// no poll yet: the round cannot be concluded, and the error names the unit
		mvc.perform(post("/api/v1/assessment/rounds/" + round + "/conclude")).andExpect(status().isConflict())
				.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString(f.countyA().name())));
		mvc.perform(multipart("/api/v1/assessment/rounds/%d/sources/%d".formatted(round, indicator(scheme, "5.1").id()))
				.file(new MockMultipartFile("file", "测评.xlsx", "application/octet-stream",
						poll(new Object[] { f.countyA().name(), 100, 90, 10, 0, 0 }, new Object[] { f.countyB().name(), 100, 50, 30, 20, 0 }))))
				.andExpect(status().isOk());
		mvc.perform(post("/api/v1/assessment/rounds/" + round + "/conclude")).andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("CONCLUDED"));
		Round concluded = rounds.get(round);
		// the results used in next year's inspection plan: county B (its list never published: red on
		// the dashboard) is suggested and preselected as a target, with its grade when it was a bad one
		String plan = mvc.perform(get("/inspection").param("orgId", String.valueOf(f.city().id()))
				.param("year", String.valueOf(YEAR + 1))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(plan).contains("id=\"inspection-focus\"");
		String focus = plan.substring(plan.indexOf("id=\"inspection-focus\""), plan.indexOf("</ul>", plan.indexOf("id=\"inspection-focus\"")));
		assertThat(focus).contains(f.countyB().name(), "红色预警");
		Grade gradeB = concluded.units().stream().filter(u -> u.orgId() == f.countyB().id()).findFirst().orElseThrow().grade();
		if (gradeB == Grade.FAIR || gradeB == Grade.POOR) {
			assertThat(focus).contains("上年度考核等次为");
		}
		assertThat(plan).containsPattern("value=\"" + f.countyB().id() + "\"\\s+selected");
		// the results used: the grade goes to the history of whoever held a post of the committee that year
		Round.Unit unitB = concluded.units().stream().filter(u -> u.orgId() == f.countyB().id()).findFirst().orElseThrow();
		long secretaryB = jdbc.sql("SELECT t.person_id FROM tenure t JOIN post p ON p.id = t.post_id WHERE p.org_id = :org")
				.param("org", f.countyB().id()).query(Long.class).single();
		mvc.perform(get("/api/v1/assessment/people/" + secretaryB)).andExpect(status().isOk())
				.andExpect(jsonPath("$[0].year").value(YEAR)).andExpect(jsonPath("$[0].orgId").value(f.countyB().id()))
				.andExpect(jsonPath("$[0].grade").value(unitB.grade().name())).andExpect(jsonPath("$[0].units").value(2));
		mvc.perform(get("/api/v1/accountability/people/" + secretaryB + "/integrity-file")).andExpect(status().isOk())
				.andExpect(jsonPath("$.assessments[0].roundId").value(round));
		Map<Long, Scoring.UnitScore> again = sheets.recompute(round);
		for (Round.Unit u : concluded.units()) {
			assertThat(again.get(u.orgId()).total()).isEqualByComparingTo(u.total());
			assertThat(again.get(u.orgId()).grade()).isEqualTo(u.grade());
		}
		// locked: no recompute, no self line; the team's line is a correction of version 2, audited
		mvc.perform(post("/api/v1/assessment/rounds/" + round + "/compute")).andExpect(status().isConflict());
		mvc.perform(postJson("/api/v1/assessment/rounds/%d/units/%d/self".formatted(round, f.countyB().id()), """
				{"indicatorId":%d,"points":-1,"reason":"自查"}""".formatted(indicator(scheme, "4.3").id()))).andExpect(status().isConflict());
		mvc.perform(postJson("/api/v1/assessment/rounds/%d/units/%d/team".formatted(round, f.countyB().id()), """
				{"indicatorId":%d,"points":10,"reason":"经复核，责任清单已于 3 月报市委备案，系统未录入"}""".formatted(indicator(scheme, "1.1").id())))
				.andExpect(status().isOk());
		assertThat(rounds.get(round).version()).isEqualTo(2);
		assertThat(unit(round, f.countyB()).total()).isEqualByComparingTo(
				concluded.units().stream().filter(u -> u.orgId() == f.countyB().id()).findFirst().orElseThrow().total().add(BigDecimal.TEN));
		mvc.perform(get("/api/v1/audit").param("orgId", String.valueOf(f.countyB().id())).param("entity", "assessment-round"))
				.andExpect(status().isOk()).andExpect(jsonPath("$[0].action").value("CORRECT"));
	}

	UserAccount user(String p, String name, Role role, Org org) {
		UserAccount u = users.create(new Users.NewUser(p.toLowerCase() + name, "password-" + name + "-1", null, true));
		users.addGrant(u.id(), new Users.NewGrant(role, org.id(), true));
		return u;
	}

	@Test
	void a_unit_sees_its_own_sheet_assesses_itself_and_a_sibling_is_refused() throws Exception {
		Fixture f = fixture();
		long round = createRound(f.city());
		Scheme scheme = schemes.defaultFor(YEAR);
		UserAccount a = user(f.p(), "a", Role.ORG_ADMIN, f.countyA());
		UserAccount b = user(f.p(), "b", Role.ORG_ADMIN, f.countyB());
		// county A sees the round with its own unit only, and its own sheet
		mvc.perform(get("/api/v1/assessment/rounds/" + round).with(as(a.id(), a.username()))).andExpect(status().isOk())
				.andExpect(jsonPath("$.units", hasSize(1))).andExpect(jsonPath("$.units[0].orgId").value(f.countyA().id()));
		mvc.perform(get("/api/v1/assessment/rounds/" + round + "/results").with(as(a.id(), a.username())))
				.andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(1)));
		mvc.perform(get("/api/v1/assessment/rounds/%d/units/%d".formatted(round, f.countyA().id())).with(as(a.id(), a.username())))
				.andExpect(status().isOk());
		mvc.perform(get("/api/v1/assessment/rounds/%d/units/%d".formatted(round, f.countyB().id())).with(as(a.id(), a.username())))
				.andExpect(status().isNotFound());
		// it assesses itself, with a reason; it does not score as the team, nor for its sibling
		mvc.perform(postJson("/api/v1/assessment/rounds/%d/units/%d/self".formatted(round, f.countyA().id()), """
				{"indicatorId":%d,"points":-1,"reason":"个别班子成员约谈记录不全"}""".formatted(indicator(scheme, "4.1").id()))
				.with(as(a.id(), a.username()))).andExpect(status().isOk()).andExpect(jsonPath("$.unit.selfTotal").isNumber());
		mvc.perform(postJson("/api/v1/assessment/rounds/%d/units/%d/team".formatted(round, f.countyA().id()), """
				{"indicatorId":%d,"points":-1,"reason":"x"}""".formatted(indicator(scheme, "4.1").id()))
				.with(as(a.id(), a.username()))).andExpect(status().isForbidden());
		mvc.perform(postJson("/api/v1/assessment/rounds/%d/units/%d/self".formatted(round, f.countyA().id()), """
				{"indicatorId":%d,"points":-1,"reason":"x"}""".formatted(indicator(scheme, "4.1").id()))
				.with(as(b.id(), b.username()))).andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/assessment/rounds/%d/units/%d/self/submit".formatted(round, f.countyA().id()))
				.with(as(a.id(), a.username()))).andExpect(status().isOk()).andExpect(jsonPath("$.unit.selfSubmittedAt").isString());
		// the schemes listed by year: the default and those of organisations in view, not a sibling's
		Scheme siblings = schemes.create(new Schemes.NewScheme(f.countyB().id(), YEAR, f.p() + "乙县方案", null, null, null));
		mvc.perform(get("/api/v1/assessment/schemes").param("year", String.valueOf(YEAR)).with(as(a.id(), a.username())))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$[*].id", org.hamcrest.Matchers.hasItem((int) schemes.defaultFor(YEAR).id())))
				.andExpect(jsonPath("$[*].id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem((int) siblings.id()))));
		mvc.perform(get("/api/v1/assessment/schemes/" + siblings.id()).with(as(a.id(), a.username()))).andExpect(status().isNotFound());
		// a county runs no round of the city, nor imports its poll, nor concludes it
		mvc.perform(postJson("/api/v1/assessment/rounds", "{\"orgId\":%d,\"year\":%d}".formatted(f.city().id(), YEAR))
				.with(as(a.id(), a.username()))).andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/assessment/rounds/" + round + "/conclude").with(as(a.id(), a.username())))
				.andExpect(status().isForbidden());
		long audited = jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE entity_type = 'assessment-round' AND entity_id = :id")
				.param("id", String.valueOf(round)).query(Long.class).single();
		assertThat(audited).isGreaterThanOrEqualTo(3);
	}
}
