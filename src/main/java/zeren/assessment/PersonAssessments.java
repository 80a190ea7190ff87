package zeren.assessment;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zeren.org.People;
import zeren.platform.CurrentScope;
import zeren.platform.Scope;

/**
 * The results used: a person's assessment history. The grade of a committee in a concluded round
 * goes to everyone who held a post of that committee during the assessed year (its secretary and
 * its team members, through tenures — transferred or promoted since included), for their
 * integrity file (廉政档案) and for cadre evaluation. Limited to the organisations the caller sees.
 */
@Service
@Transactional(readOnly = true)
public class PersonAssessments {

	private final JdbcClient jdbc;
	private final People people;
	private final CurrentScope scope;

	PersonAssessments(JdbcClient jdbc, People people, CurrentScope scope) {
		this.jdbc = jdbc;
		this.people = people;
		this.scope = scope;
	}

	/** One assessed year of one of the person's organisations. */
	public record Entry(int year, long roundId, String assessingOrgName, long orgId, String orgName, String postTitle,
			BigDecimal total, Grade grade, Integer rank, long units) {
	}

	/** The person's history, latest year first (404 when the caller does not see the person). */
	public List<Entry> of(long personId) {
		people.get(personId);
		Scope reading = scope.reading();
		return reading.bind(jdbc.sql("""
				SELECT r.round_year, r.id, ao.name AS assessing, u.org_id, o.name AS org_name, p.title, u.total, u.grade,
				       u.unit_rank, (SELECT COUNT(*) FROM assessment_unit x WHERE x.round_id = r.id) AS units
				FROM tenure t JOIN post p ON p.id = t.post_id
				JOIN assessment_unit u ON u.org_id = p.org_id
				JOIN assessment_round r ON r.id = u.round_id AND r.status = 'CONCLUDED'
				JOIN org o ON o.id = u.org_id JOIN org ao ON ao.id = r.org_id
				WHERE t.person_id = :person
				  AND t.start_date <= CAST(CAST(r.round_year AS VARCHAR(4)) || '-12-31' AS DATE)
				  AND (t.end_date IS NULL OR t.end_date >= CAST(CAST(r.round_year AS VARCHAR(4)) || '-01-01' AS DATE))
				  AND %s
				ORDER BY r.round_year DESC, r.id DESC, p.sort_order""".formatted(reading.condition("o"))))
				.param("person", personId)
				.query((rs, n) -> {
					String grade = rs.getString(8);
					int rank = rs.getInt(9);
					Integer r = rs.wasNull() ? null : rank;
					return new Entry(rs.getInt(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5),
							rs.getString(6), rs.getBigDecimal(7), grade == null ? null : Grade.valueOf(grade), r, rs.getLong(10));
				}).list();
	}
}
