package zeren.accountability;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zeren.accountability.AccountabilityCase.Appeal;
import zeren.accountability.AccountabilityCase.Decision;
import zeren.accountability.AccountabilityCase.Responsibility;
import zeren.accountability.AccountabilityCase.Status;
import zeren.org.Leadership;
import zeren.org.People;
import zeren.org.Person;
import zeren.platform.CurrentScope;
import zeren.platform.Rows;
import zeren.platform.Scope;

/**
 * The integrity file (廉政档案) of a person: every case in which they were confirmed as a party,
 * with their role, the decisions (corrections and appeal outcomes included) and forms, beside
 * every post they have held. Limited to the organisations the caller may see.
 */
@Service
@Transactional(readOnly = true)
public class IntegrityFiles {

	/** {@code assessments}: the grade of each committee where the person held a post in an assessed year (评责's results used). */
	public record IntegrityFile(Person person, List<Leadership.TenureEntry> posts, List<Entry> entries,
			List<zeren.assessment.PersonAssessments.Entry> assessments) {
	}

	/** One case of the person: where, when, their grade of responsibility, decisions and appeals. */
	public record Entry(long caseId, String caseTitle, long orgId, String orgName, Status caseStatus,
			LocalDate periodFrom, LocalDate periodTo, long partyId, Responsibility responsibility, String grounds,
			List<Decision> decisions, List<Appeal> appeals) {

		public Decision current() {
			return decisions.stream().filter(Decision::current).findFirst().orElse(null);
		}
	}

	private final JdbcClient jdbc;
	private final People people;
	private final Leadership leadership;
	private final CurrentScope scope;
	private final CaseRecords records;
	private final zeren.assessment.PersonAssessments assessments;

	IntegrityFiles(JdbcClient jdbc, People people, Leadership leadership, CurrentScope scope, CaseRecords records,
			zeren.assessment.PersonAssessments assessments) {
		this.assessments = assessments;
		this.jdbc = jdbc;
		this.people = people;
		this.leadership = leadership;
		this.scope = scope;
		this.records = records;
	}

	/** The file of a person the caller may see (404 otherwise). */
	public IntegrityFile of(long personId) {
		Person person = people.get(personId);
		Scope reading = scope.reading();
		record Row(long caseId, String title, long orgId, String orgName, Status status, LocalDate periodFrom,
				LocalDate periodTo, long partyId, Responsibility responsibility, String grounds) {
		}
		List<Row> rows = reading.bind(jdbc.sql("""
				SELECT c.id AS case_id, c.title, c.org_id, o.name AS org_name, c.status, c.period_from, c.period_to,
				       p.id AS party_id, p.responsibility, p.grounds
				FROM acc_party p JOIN acc_case c ON c.id = p.case_id JOIN org o ON o.id = c.org_id
				WHERE p.person_id = :person AND p.disposition = 'CONFIRMED' AND %s
				ORDER BY c.period_from DESC, c.id DESC
				""".formatted(reading.condition("o")))).param("person", personId).query(Rows.of(Row.class)).list();
		List<Long> partyIds = rows.stream().map(Row::partyId).toList();
		Map<Long, List<Decision>> decisions = records.decisions(partyIds);
		Map<Long, List<Appeal>> appeals = records.appeals(partyIds);
		List<Entry> entries = rows.stream().map(r -> new Entry(r.caseId(), r.title(), r.orgId(), r.orgName(), r.status(),
				r.periodFrom(), r.periodTo(), r.partyId(), r.responsibility(), r.grounds(),
				decisions.getOrDefault(r.partyId(), List.of()), appeals.getOrDefault(r.partyId(), List.of()))).toList();
		return new IntegrityFile(person, leadership.career(personId), entries, assessments.of(personId));
	}
}
