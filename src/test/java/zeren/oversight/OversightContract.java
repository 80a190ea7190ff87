package zeren.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

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
import zeren.org.Post;
import zeren.org.PostKind;
import zeren.report.AnnualReport;
import zeren.report.AnnualReports;
import zeren.support.ApiTest;
import zeren.support.SettableClock;

/** The obligations' statuses, the warnings and their history, the sweep's idempotence, the API's scope and errors. */
abstract class OversightContract extends ApiTest {

	static final int YEAR = 2031;

	@Autowired
	OrgTree tree;

	@Autowired
	People people;

	@Autowired
	Leadership leadership;

	@Autowired
	DutyListManagement lists;

	@Autowired
	AnnualReports reports;

	@Autowired
	Sweep sweep;

	@Autowired
	Oversight oversight;

	@Autowired
	SettableClock clock;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	record Fixture(Org city, Org county, Org town, Org village, Org closed, Post townSecretary, Post countySecretary) {
	}

	Fixture fixture(String p) {
		Org city = org(p, "市", null);
		Org county = org(p, "县", city.id());
		Org town = org(p, "镇", county.id());
		Org village = org(p, "村", county.id());
		Org closed = org(p, "撤", county.id());
		Post townSecretary = leadership.addPost(town.id(), new Leadership.NewPost("镇党委书记", PostKind.SECRETARY, List.of(), 1));
		Post countySecretary = leadership.addPost(county.id(), new Leadership.NewPost("县委书记", PostKind.SECRETARY, List.of(), 1));
		Person secretary = people.create(new People.NewPerson(p + "书记", null, null, null, null, town.id()));
		leadership.appoint(new Leadership.NewTenure(secretary.id(), townSecretary.id(), LocalDate.of(2020, 1, 1), null));
		tree.deactivate(closed.id());
		return new Fixture(city, county, town, village, closed, townSecretary, countySecretary);
	}

	Org org(String p, String suffix, Long parent) {
		return tree.create(new OrgTree.NewOrg(p + suffix, p + suffix + "委", OrgType.PARTY_COMMITTEE, parent, null, null));
	}

	void publishList(Org org, LocalDate on) {
		clock.set(on);
		long id = lists.create(org.id(), YEAR).id();
		lists.addItem(id, new DutyListManagement.ItemInput(null, "主体责任", "研究部署党风廉政建设", null, null, null, null, null,
				null, List.of(), null));
		lists.publish(id);
	}

	Map<Long, Obligation> byOrg(Org root, String kind, long subject) {
		return oversight.obligations(root.id(), YEAR, kind, null, 1000).stream().filter(o -> o.subject() == subject)
				.collect(Collectors.toMap(Obligation::orgId, o -> o));
	}

	@Test
	void every_status_of_the_list_rule_with_its_warning_post_and_holder() {
		Fixture f = fixture(unique());
		publishList(f.town(), LocalDate.of(YEAR, 3, 20));
		clock.set(LocalDate.of(YEAR, 3, 25));
		sweep.sweep(f.city().id(), YEAR);
		Map<Long, Obligation> list = byOrg(f.city(), "duty.list", 0);
		assertThat(list.get(f.town().id()).status()).isEqualTo(Obligation.Status.DONE_ON_TIME);
		assertThat(list.get(f.town().id()).colour()).isEqualTo(Obligation.Colour.NONE);
		assertThat(list.get(f.town().id()).postTitle()).isEqualTo("镇党委书记");
		assertThat(list.get(f.town().id()).holderName()).endsWith("书记");
		assertThat(list.get(f.town().id()).link()).isEqualTo("/duty?orgId=" + f.town().id() + "&year=" + YEAR);
		// the county publishes only later: on 03-25 it is open and due in six days, yellow; nobody holds its post
		assertThat(list.get(f.county().id()).status()).isEqualTo(Obligation.Status.OPEN);
		assertThat(list.get(f.county().id()).colour()).isEqualTo(Obligation.Colour.YELLOW);
		assertThat(list.get(f.county().id()).holderId()).isNull();
		assertThat(list.get(f.closed().id()).status()).isEqualTo(Obligation.Status.NOT_APPLICABLE);

		clock.set(LocalDate.of(YEAR, 3, 5));
		sweep.sweep(f.city().id(), YEAR);
		assertThat(byOrg(f.city(), "duty.list", 0).get(f.village().id()).colour()).isEqualTo(Obligation.Colour.BLUE);

		publishList(f.county(), LocalDate.of(YEAR, 4, 10));
		sweep.sweep(f.city().id(), YEAR);
		list = byOrg(f.city(), "duty.list", 0);
		assertThat(list.get(f.county().id()).status()).isEqualTo(Obligation.Status.DONE_LATE);
		assertThat(list.get(f.village().id()).status()).isEqualTo(Obligation.Status.OVERDUE);
		assertThat(list.get(f.village().id()).colour()).isEqualTo(Obligation.Colour.YELLOW);
		clock.set(LocalDate.of(YEAR, 5, 1));
		sweep.sweep(f.city().id(), YEAR);
		assertThat(byOrg(f.city(), "duty.list", 0).get(f.village().id()).colour()).isEqualTo(Obligation.Colour.RED);

		// how long was it red? every change of colour, with its date
		assertThat(oversight.colourHistory("duty.list", f.village().id(), YEAR, 0)).extracting(Oversight.ColourChange::toColour)
				.containsExactly(Obligation.Colour.YELLOW, Obligation.Colour.BLUE, Obligation.Colour.YELLOW, Obligation.Colour.RED);
		assertThat(oversight.colourHistory("duty.list", f.village().id(), YEAR, 0).get(3).changedOn())
				.isEqualTo(LocalDate.of(YEAR, 5, 1));
	}

	@Test
	void a_published_list_sweeps_its_organisation_at_once() {
		Fixture f = fixture(unique());
		clock.set(LocalDate.of(YEAR, 2, 1));
		sweep.sweep(f.city().id(), YEAR);
		assertThat(byOrg(f.city(), "duty.list", 0).get(f.town().id()).status()).isEqualTo(Obligation.Status.OPEN);
		publishList(f.town(), LocalDate.of(YEAR, 2, 2));
		assertThat(byOrg(f.city(), "duty.list", 0).get(f.town().id()).status()).isEqualTo(Obligation.Status.DONE_ON_TIME);
		// and the counts of every ancestor follow
		Oversight.Dashboard city = oversight.dashboard(f.city().id(), YEAR);
		assertThat(city.subtree().byKind().get("duty.list").doneOnTime()).isEqualTo(1);
		assertThat(city.children()).singleElement().satisfies(c -> assertThat(c.byKind().get("duty.list").total()).isEqualTo(4));
	}

	@Test
	void annual_reports_on_time_late_open_vacant_and_not_applicable() {
		Fixture f = fixture(unique());
		clock.set(LocalDate.of(YEAR, 1, 20));
		submit(f.town(), AnnualReport.Kind.COMMITTEE);
		submit(f.town(), AnnualReport.Kind.PRINCIPAL);
		clock.set(LocalDate.of(YEAR, 2, 5));
		submit(f.county(), AnnualReport.Kind.COMMITTEE);
		sweep.sweep(f.city().id(), YEAR);
		Map<Long, Obligation> committee = byOrg(f.city(), "report.annual", 1);
		Map<Long, Obligation> principal = byOrg(f.city(), "report.annual", 2);
		assertThat(committee.get(f.town().id()).status()).isEqualTo(Obligation.Status.DONE_ON_TIME);
		assertThat(principal.get(f.town().id()).status()).isEqualTo(Obligation.Status.DONE_ON_TIME);
		assertThat(committee.get(f.county().id()).status()).isEqualTo(Obligation.Status.DONE_LATE);
		assertThat(committee.get(f.village().id()).status()).isEqualTo(Obligation.Status.OVERDUE);
		// nobody held the county's 书记 post on the due date: its principal's report is vacant, not dropped
		assertThat(principal.get(f.county().id()).status()).isEqualTo(Obligation.Status.VACANT);
		// the city reports to nobody here
		assertThat(committee.get(f.city().id()).status()).isEqualTo(Obligation.Status.NOT_APPLICABLE);
	}

	void submit(Org org, AnnualReport.Kind kind) {
		AnnualReport r = reports.create(new AnnualReports.NewReport(org.id(), YEAR - 1, kind, false));
		reports.edit(r.id(), new AnnualReports.Draft("报告", "一年来的工作"));
		reports.submit(r.id());
	}

	@Test
	void red_and_yellow_obligations_are_handed_to_the_reminders_but_not_tracked_items() {
		Fixture f = fixture(unique());
		clock.set(LocalDate.of(YEAR, 5, 1));
		sweep.sweep(f.city().id(), YEAR);
		List<Obligation> remindable = new java.util.ArrayList<>();
		oversight.remindable(YEAR, o -> {
			if (o.orgId() == f.town().id()) {
				remindable.add(o);
			}
		});
		// the town's list, letters and reports are red, each with the responsible post
		assertThat(remindable).extracting(Obligation::kind).contains("duty.list", "report.annual")
				.doesNotContain("ledger.tasks", "inspection.rectifications");
		assertThat(remindable).allSatisfy(o -> {
			assertThat(o.colour()).isEqualTo(Obligation.Colour.RED);
			assertThat(o.postId()).isEqualTo(f.townSecretary().id());
		});
	}

	@Test
	void the_sweep_is_idempotent() {
		Fixture f = fixture(unique());
		clock.set(LocalDate.of(YEAR, 5, 1));
		Sweep.Result first = sweep.sweep(f.county().id(), YEAR);
		List<Obligation> before = oversight.obligations(f.city().id(), YEAR, null, null, 1000);
		List<Map<String, Object>> counts = counts(f);
		Sweep.Result second = sweep.sweep(f.county().id(), YEAR);
		assertThat(second.instances()).isEqualTo(first.instances()).isPositive();
		assertThat(first.colourChanges()).isPositive();
		assertThat(second.colourChanges()).isZero();
		assertThat(oversight.obligations(f.city().id(), YEAR, null, null, 1000)).isEqualTo(before);
		assertThat(counts(f)).isEqualTo(counts);
		assertThat(first.written()).isEqualTo(first.instances());
		assertThat(second.written()).isZero();

		// a later day: only the instances whose status or colour changed are written, and the
		// snapshot is the one a sweep of an empty snapshot gives
		clock.set(LocalDate.of(YEAR, 7, 20));
		Sweep.Result third = sweep.sweep(f.county().id(), YEAR);
		assertThat(third.colourChanges()).isPositive();
		assertThat(third.written()).isPositive().isLessThan(third.instances());
		List<Obligation> changed = oversight.obligations(f.city().id(), YEAR, null, null, 1000);
		List<Map<String, Object>> changedCounts = counts(f);
		assertThat(changed).isNotEqualTo(before);
		String below = "(SELECT o.id FROM org o WHERE o.path LIKE :county)";
		jdbc.sql("DELETE FROM oversight_obligation WHERE obl_year = :y AND org_id IN " + below).param("y", YEAR)
				.param("county", f.county().path() + "%").update();
		jdbc.sql("DELETE FROM oversight_count WHERE obl_year = :y AND org_id IN " + below).param("y", YEAR)
				.param("county", f.county().path() + "%").update();
		Sweep.Result fromNothing = sweep.sweep(f.county().id(), YEAR);
		assertThat(fromNothing.written()).isEqualTo(fromNothing.instances());
		// the same instances; only when each was last written differs (a kept row keeps its date)
		assertThat(oversight.obligations(f.city().id(), YEAR, null, null, 1000))
				.usingRecursiveFieldByFieldElementComparatorIgnoringFields("sweptOn").isEqualTo(changed);
		assertThat(changed).extracting(Obligation::sweptOn).contains(LocalDate.of(YEAR, 5, 1), LocalDate.of(YEAR, 7, 20));
		assertThat(counts(f)).isEqualTo(changedCounts);
	}

	List<Map<String, Object>> counts(Fixture f) {
		return jdbc.sql("SELECT * FROM oversight_count WHERE obl_year = :y AND org_id IN (:ids) ORDER BY org_id, kind, due_month")
				.param("y", YEAR).param("ids", List.of(f.city().id(), f.county().id(), f.town().id(), f.village().id()))
				.query().listOfRows();
	}

	@Test
	void the_api_is_scoped_and_names_bad_parameters() throws Exception {
		String p = unique();
		Fixture f = fixture(p);
		Org sibling = org(p, "邻县", f.city().id());
		clock.set(LocalDate.of(YEAR, 5, 1));
		mvc.perform(post("/api/v1/oversight/sweep").param("orgId", "" + f.city().id()).param("year", "" + YEAR))
				.andExpect(status().isOk()).andExpect(jsonPath("$.instances").isNumber());
		UserAccount countyUser = users.create(new Users.NewUser(p.toLowerCase() + "cu", "password-county-1", null, true));
		users.addGrant(countyUser.id(), new Users.NewGrant(Role.LEADER, f.county().id(), true));
		var as = as(countyUser.id(), countyUser.username());
		mvc.perform(get("/api/v1/oversight/dashboard").param("orgId", "" + f.county().id()).param("year", "" + YEAR).with(as))
				.andExpect(status().isOk()).andExpect(jsonPath("$.children.length()").value(3))
				.andExpect(jsonPath("$.redList[0].status").value("OVERDUE"));
		mvc.perform(get("/api/v1/oversight/dashboard").param("orgId", "" + sibling.id()).param("year", "" + YEAR).with(as))
				.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/oversight/obligations").param("orgId", "" + sibling.id()).with(as))
				.andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/oversight/sweep").param("orgId", "" + f.county().id()).with(as))
				.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/oversight/obligations").param("orgId", "" + f.county().id()).param("year", "1900")
				.header("Accept-Language", "zh-CN")).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("year"))
				.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("年度")));
		mvc.perform(get("/api/v1/oversight/obligations").param("orgId", "" + f.county().id()).param("kind", "nope.x"))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("kind"));
	}
}
