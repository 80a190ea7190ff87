package zeren.accountability;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zeren.accountability.AccountabilityCase.Appeal;
import zeren.accountability.AccountabilityCase.Decision;
import zeren.accountability.AccountabilityCase.Responsibility;
import zeren.accountability.AccountabilityCase.Status;
import zeren.duty.ResponsibilityLetters;
import zeren.inspection.Notices;
import zeren.interview.Interview;
import zeren.interview.InterviewRecords;
import zeren.org.Leadership;
import zeren.org.People;
import zeren.org.Person;
import zeren.platform.CurrentScope;
import zeren.platform.Rows;
import zeren.platform.Scope;

/**
 * The integrity file (廉政档案) of a person, their whole record across posts: every post they have
 * held; every case in which they were confirmed as a party, with their role, the decisions
 * (corrections and appeal outcomes included) and forms; the assessment grades of the committees
 * where they held posts; the admonishment and reminder talks (诫勉谈话, 提醒谈话) they received; the
 * circulated notices (通报) naming them or criticising an organisation they led; the
 * responsibility letters (责任书) they signed. Each part comes from its module's public read and is
 * limited to the organisations the caller may see.
 */
@Service
@Transactional(readOnly = true)
public class IntegrityFiles {

	/**
	 * {@code assessments}: the grade of each committee where the person held a post in an assessed
	 * year (评责's results used); {@code interviews}: the talks of {@link #TALKS} in which they were an
	 * interviewee; {@code notices}: how circulated notices named them; {@code letters}: the
	 * responsibility letters they signed.
	 */
	public record IntegrityFile(Person person, List<Leadership.TenureEntry> posts, List<Entry> entries,
			List<zeren.assessment.PersonAssessments.Entry> assessments, List<Interview> interviews,
			List<Notices.Naming> notices, List<ResponsibilityLetters.SignedLetter> letters) {
	}

	/** The talks that go into the file: 诫勉谈话 and 提醒谈话 (not the routine or special interviews). */
	public static final Set<Interview.Kind> TALKS = EnumSet.of(Interview.Kind.ADMONISHMENT, Interview.Kind.REMINDER);

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
	private final InterviewRecords interviews;
	private final Notices notices;
	private final ResponsibilityLetters letters;

	IntegrityFiles(JdbcClient jdbc, People people, Leadership leadership, CurrentScope scope, CaseRecords records,
			zeren.assessment.PersonAssessments assessments, InterviewRecords interviews, Notices notices,
			ResponsibilityLetters letters) {
		this.interviews = interviews;
		this.notices = notices;
		this.letters = letters;
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
		return new IntegrityFile(person, leadership.career(personId), entries, assessments.of(personId),
				interviews.ofInterviewee(personId, TALKS), notices.naming(personId), letters.signedBy(personId));
	}
}
