package zeren.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import zeren.accountability.Cases;
import zeren.accountability.ProposedParty;
import zeren.interview.InterviewCoverage;
import zeren.org.Leadership;
import zeren.org.OrgTree;
import zeren.org.Tenure;
import zeren.platform.BusinessClock;
import zeren.platform.SystemWork;

/**
 * The demo year, seeded at start-up ({@code zeren.demo=true}) into an empty database: what it
 * promises is there, through the modules' services; the people are those of the seed; a second
 * seed is refused and changes nothing.
 */
@SpringBootTest(properties = { "zeren.demo=true", "zeren.demo-password=demo-test-password-7" })
abstract class DemoContract {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DemoSeed seed;

	@Autowired
	OrgTree tree;

	@Autowired
	Leadership leadership;

	@Autowired
	InterviewCoverage coverage;

	@Autowired
	Cases cases;

	@Autowired
	BusinessClock clock;

	long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	<T> T asSystem(java.util.function.Supplier<T> work) {
		return SystemWork.call("demo-test", work);
	}

	@Test
	void theCountyWithItsTownshipsVillagesPostsAndPeople() {
		long county = asSystem(() -> tree.findByCode(DemoCounty.COUNTY_CODE).orElseThrow().id());
		// the county, its commission, 15 townships with theirs, 216 villages
		assertThat(asSystem(() -> tree.subtreeSize(county))).isEqualTo(1 + 1 + 15 + 15 + 216);
		assertThat(count("SELECT COUNT(*) FROM org WHERE discipline_body_id IS NOT NULL")).isEqualTo(16);
		assertThat(count("SELECT COUNT(*) FROM post")).isEqualTo(8 + 15 * 4);
		assertThat(count("SELECT COUNT(*) FROM person")).isEqualTo(69);
		assertThat(count("SELECT COUNT(*) FROM tenure")).isEqualTo(70);
		assertThat(count("SELECT COUNT(*) FROM tenure WHERE end_reason = 'RETIREMENT'")).isEqualTo(1);
		assertThat(count("SELECT COUNT(*) FROM tenure WHERE end_reason = 'TRANSFER'")).isEqualTo(1);
		// every identity number passes its check (People.create checks it too)
		List<String> numbers = jdbc.sql("SELECT id_number FROM person ORDER BY id").query(String.class).list();
		assertThat(numbers).hasSize(69).allSatisfy(n -> assertThat(DemoPeopleTest.validIdNumber(n)).as(n).isTrue());
	}

	@Test
	void thePeopleAreThoseOfTheSeedDeterministically() {
		int year = DemoCalendar.of(clock.today()).year();
		List<DemoPeople.Generated> expected = DemoPeople.generate(DemoSeed.SEED, 80, year - 56, year - 30).subList(0, 69);
		List<String> stored = jdbc.sql("SELECT name || ' ' || id_number FROM person ORDER BY id").query(String.class).list();
		assertThat(stored).containsExactlyElementsOf(expected.stream().map(g -> g.name() + " " + g.idNumber()).toList());
	}

	@Test
	void usersForEachRole() {
		assertThat(jdbc.sql("SELECT username FROM app_user ORDER BY username").query(String.class).list())
				.contains("admin", DemoUsers.SECRETARY, DemoUsers.OFFICE, DemoUsers.DISCIPLINE, DemoUsers.TOWNSHIP_OFFICE,
						"huaiyang.shuji", "nanzuo.shuji")
				.hasSize(1 + 4 + 5);
		assertThat(count("SELECT COUNT(*) FROM app_user WHERE person_id IS NOT NULL")).isEqualTo(8);
	}

	@Test
	void listsPublishedAndOneLate() {
		String townships = " FROM duty_list l JOIN org o ON o.id = l.org_id WHERE o.type = 'PARTY_COMMITTEE' AND o.code LIKE '130132_%'";
		assertThat(count("SELECT COUNT(*)" + townships + " AND l.status = 'PUBLISHED'")).isEqualTo(14);
		assertThat(jdbc.sql("SELECT o.name" + townships + " AND l.status = 'DRAFT'").query(String.class).list())
				.containsExactly("苏阳乡");
		assertThat(count("SELECT COUNT(*) FROM duty_list l JOIN org o ON o.id = l.org_id WHERE o.code = '130132' AND l.status = 'PUBLISHED'"))
				.isEqualTo(1);
		assertThat(count("SELECT COUNT(*) FROM duty_requirement")).isEqualTo(3);
		assertThat(count("SELECT COUNT(*) FROM ledger_task")).isEqualTo(14 * (3 + 2) + 4); // 14 published township lists of 3 inherited and 2 own tasks, the county's 4
	}

	@Test
	void lettersPartlySigned() {
		long letters = count("SELECT COUNT(*) FROM duty_letter WHERE kind = 'ORG'");
		assertThat(letters).isEqualTo(15);
		assertThat(count("SELECT COUNT(*) FROM duty_letter WHERE status = 'SIGNED'")).isEqualTo(4);
		assertThat(count("SELECT COUNT(*) FROM duty_letter WHERE status = 'ISSUED'")).isGreaterThanOrEqualTo(11);
		assertThat(count("SELECT COUNT(*) FROM duty_letter WHERE kind = 'ORG' AND id NOT IN (SELECT letter_id FROM duty_letter_signature)"))
				.isEqualTo(3);
		assertThat(jdbc.sql("SELECT DISTINCT username FROM duty_letter_signature ORDER BY username").query(String.class).list())
				.containsExactly("jicun.shuji", "nanyin.shuji", "nanzuo.shuji", "yincun.shuji", "yuanshi.shuji");
	}

	@Test
	void ledgerEntriesWithEvidenceSomeClosed() {
		assertThat(count("SELECT COUNT(*) FROM tracked_entry")).isGreaterThanOrEqualTo(14 + 7 + 4);
		assertThat(count("SELECT COUNT(*) FROM tracked_entry WHERE evidence_count > 0")).isEqualTo(count("SELECT COUNT(*) FROM tracked_entry"));
		assertThat(count("SELECT COUNT(*) FROM evidence")).isGreaterThanOrEqualTo(25);
		assertThat(count("SELECT COUNT(*) FROM tracked_item WHERE kind = 'ledger.task' AND status = 'CLOSED'")).isEqualTo(7);
	}

	@Test
	void interviewsWithAGapInCoverage() {
		long county = asSystem(() -> tree.findByCode(DemoCounty.COUNTY_CODE).orElseThrow().id());
		int year = DemoCalendar.of(clock.today()).year();
		InterviewCoverage.Coverage c = asSystem(() -> coverage.coverage(county, year));
		// 书记 → 15 township 书记; 纪委书记 → 15 书记 and 15 纪委书记
		assertThat(c.required()).isEqualTo(45);
		assertThat(c.covered()).isEqualTo(13 + 10 + 10);
		assertThat(c.missing()).extracting(InterviewCoverage.MissingPair::lowerOrgName).contains("苏阳乡", "黑水河乡");
		assertThat(count("SELECT COUNT(*) FROM interview_requirement WHERE tracked_item_id IS NOT NULL")).isEqualTo(1);
	}

	@Test
	void anAssessmentOfTheTownshipsWithThePollAndTwoTeamScores() {
		long county = asSystem(() -> tree.findByCode(DemoCounty.COUNTY_CODE).orElseThrow().id());
		assertThat(count("SELECT COUNT(*) FROM assessment_round WHERE org_id = " + county + " AND status = 'OPEN'")).isEqualTo(1);
		assertThat(count("SELECT COUNT(*) FROM assessment_unit u JOIN assessment_round r ON r.id = u.round_id WHERE r.org_id = "
				+ county)).isEqualTo(15);
		// the poll scored every township; the automatic lines read the year's records
		assertThat(count("SELECT COUNT(*) FROM assessment_unit WHERE missing > 0")).isZero();
		assertThat(count("SELECT COUNT(*) FROM assessment_line WHERE col = 'SOURCE'")).isEqualTo(15);
		assertThat(count("SELECT COUNT(*) FROM assessment_line WHERE col = 'AUTO'")).isPositive();
		assertThat(count("SELECT COUNT(*) FROM assessment_line WHERE col = 'TEAM'")).isEqualTo(2);
	}

	@Test
	void theCountyCommitteesOwnWork() {
		long county = asSystem(() -> tree.findByCode(DemoCounty.COUNTY_CODE).orElseThrow().id());
		assertThat(count("SELECT COUNT(*) FROM gov_meeting WHERE org_id = " + county)).isEqualTo(4);
		assertThat(count("SELECT COUNT(*) FROM gov_meeting_attendee a JOIN gov_meeting m ON m.id = a.meeting_id WHERE m.kind = 'TOPIC'"
				+ " AND a.present = FALSE AND a.absence_reason IS NOT NULL")).isEqualTo(1);
		assertThat(count("SELECT COUNT(*) FROM gov_meeting_decision WHERE tracked_item_id IS NOT NULL")).isEqualTo(1);
		assertThat(count("SELECT COUNT(*) FROM gov_group_member m JOIN gov_group g ON g.id = m.group_id WHERE g.org_id = " + county))
				.isEqualTo(4);
		assertThat(count("SELECT COUNT(*) FROM gov_follow_up WHERE category = 'MAJOR_MATTER' AND tracked_item_id IS NOT NULL"))
				.isEqualTo(1);
		// the reports accepted by both of their recipients
		assertThat(count("SELECT COUNT(*) FROM annual_report_review WHERE recipient = 'DISCIPLINE' AND status = 'ACCEPTED'"))
				.isEqualTo(10);
	}

	@Test
	void reportsWithAQuery() {
		assertThat(count("SELECT COUNT(*) FROM annual_report")).isEqualTo(15);
		assertThat(count("SELECT COUNT(*) FROM annual_report WHERE status = 'DRAFT'")).isEqualTo(3);
		assertThat(count("SELECT COUNT(*) FROM annual_report WHERE status = 'ACCEPTED'")).isEqualTo(10);
		assertThat(jdbc.sql("SELECT o.name FROM annual_report r JOIN org o ON o.id = r.org_id WHERE r.status = 'QUERIED'")
				.query(String.class).list()).containsExactly("槐阳镇");
		assertThat(count("SELECT COUNT(*) FROM annual_report_question WHERE tracked_item_id IS NOT NULL")).isEqualTo(1);
	}

	@Test
	void anInspectionWithFindingsRectificationsANoticeAndACase() {
		assertThat(count("SELECT COUNT(*) FROM inspection")).isEqualTo(1);
		assertThat(count("SELECT COUNT(*) FROM inspection_finding")).isEqualTo(3);
		assertThat(count("SELECT COUNT(*) FROM inspection_rectification")).isEqualTo(3);
		assertThat(count("SELECT COUNT(*) FROM inspection_notice")).isEqualTo(1);
		assertThat(count("SELECT COUNT(*) FROM inspection_criticism")).isEqualTo(1);
		assertThat(count("SELECT COUNT(*) FROM tracked_item WHERE kind = 'inspection.rectification' AND status = 'CLOSED'"))
				.isEqualTo(1);
		long caseId = count("SELECT id FROM acc_case");
		assertThat(jdbc.sql("SELECT status FROM acc_case").query(String.class).single()).isEqualTo("INVESTIGATING");
		// 一案双查: the secretary of the incident period is proposed, with the post held now elsewhere
		String transferred = jdbc.sql("""
				SELECT p.name FROM person p JOIN tenure t ON t.person_id = p.id WHERE t.end_reason = 'TRANSFER'""")
				.query(String.class).single();
		List<ProposedParty> proposals = asSystem(() -> cases.proposals(caseId));
		assertThat(proposals).filteredOn(p -> transferred.equals(p.personName())).singleElement()
				.satisfies(p -> assertThat(p.postsNow()).isNotEmpty());
	}

	@Test
	void everyChangeAudited() {
		assertThat(count("SELECT COUNT(*) FROM audit_event WHERE username = 'system:demo-seed'")).isGreaterThan(300);
		assertThat(count("SELECT COUNT(*) FROM audit_event WHERE username = 'yuanshi.shuji'")).isGreaterThanOrEqualTo(12);
	}

	@Test
	void aSecondSeedIsRefusedAndChangesNothing() {
		assertThat(seed.present()).isTrue();
		long people = count("SELECT COUNT(*) FROM person");
		long events = count("SELECT COUNT(*) FROM audit_event");
		assertThatThrownBy(() -> seed.seed("another-password-1")).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("empty database").hasMessageContaining("organisations");
		assertThat(count("SELECT COUNT(*) FROM person")).isEqualTo(people);
		assertThat(count("SELECT COUNT(*) FROM audit_event")).isEqualTo(events);
	}

	@Test
	void tenuresShowTheTransferAndTheRetirement() {
		long transferredId = count("SELECT person_id FROM tenure WHERE end_reason = 'TRANSFER'");
		List<Leadership.TenureEntry> career = asSystem(() -> leadership.career(transferredId));
		assertThat(career).hasSize(2);
		assertThat(career).extracting(e -> e.tenure().endReason()).contains(Tenure.EndReason.TRANSFER);
		assertThat(career).extracting(e -> e.org().name()).containsExactlyInAnyOrder("南佐镇", "宋曹镇");
	}
}
