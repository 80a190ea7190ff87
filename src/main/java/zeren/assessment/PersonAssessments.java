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
 * integrity file (廉政档案) and for cadre evaluation; beside it, the person's own grade from a round
 * of secretaries or of team members, as the holder of the assessed post on the year end. Limited
 * to the organisations the caller sees.
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

	/**
	 * One assessed year of one of the person's organisations ({@code own}: false, the committee's
	 * grade in a round of committees) or of the person themselves ({@code own}: true, their own grade
	 * as the holder of a post on the year end in a round of secretaries or of team members).
	 */
	public record Entry(int year, long roundId, String assessingOrgName, long orgId, String orgName, String postTitle,
			BigDecimal total, Grade grade, Integer rank, long units, Scheme.Party party, boolean own, long unitId) {
	}

	/** The person's history, latest year first (404 when the caller does not see the person). */
	public List<Entry> of(long personId) {
		people.get(personId);
		Scope reading = scope.reading();
		// the committees' grades through tenures in the year, then the person's own grades as a post's holder
		return reading.bind(jdbc.sql("""
				SELECT x.* FROM (
				SELECT r.round_year, r.id, ao.name AS assessing, u.org_id, o.name AS org_name, p.title, u.total, u.grade,
				       u.unit_rank, (SELECT COUNT(*) FROM assessment_unit x WHERE x.round_id = r.id) AS units, s.party,
				       p.sort_order, 0 AS own, u.unit_id
				FROM tenure t JOIN post p ON p.id = t.post_id
				JOIN assessment_unit u ON u.org_id = p.org_id AND u.post_id IS NULL
				JOIN assessment_round r ON r.id = u.round_id AND r.status = 'CONCLUDED'
				JOIN assessment_scheme s ON s.id = r.scheme_id AND s.party = 'COMMITTEE'
				JOIN org o ON o.id = u.org_id JOIN org ao ON ao.id = r.org_id
				WHERE t.person_id = :person
				  AND t.start_date <= CAST(CAST(r.round_year AS VARCHAR(4)) || '-12-31' AS DATE)
				  AND (t.end_date IS NULL OR t.end_date >= CAST(CAST(r.round_year AS VARCHAR(4)) || '-01-01' AS DATE))
				  AND %s
				UNION ALL
				SELECT r.round_year, r.id, ao.name, u.org_id, o.name, p.title, u.total, u.grade, u.unit_rank,
				       (SELECT COUNT(*) FROM assessment_unit x WHERE x.round_id = r.id), s.party, p.sort_order, 1, u.unit_id
				FROM assessment_unit u JOIN post p ON p.id = u.post_id
				JOIN assessment_round r ON r.id = u.round_id AND r.status = 'CONCLUDED'
				JOIN assessment_scheme s ON s.id = r.scheme_id
				JOIN org o ON o.id = u.org_id JOIN org ao ON ao.id = r.org_id
				WHERE u.person_id = :person AND %s) x
				ORDER BY x.round_year DESC, x.own DESC, x.id DESC, x.sort_order""".formatted(reading.condition("o"),
				reading.condition("o"))))
				.param("person", personId)
				.query((rs, n) -> {
					String grade = rs.getString(8);
					int rank = rs.getInt(9);
					Integer r = rs.wasNull() ? null : rank;
					return new Entry(rs.getInt(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5),
							rs.getString(6), rs.getBigDecimal(7), grade == null ? null : Grade.valueOf(grade), r, rs.getLong(10),
							Scheme.Party.valueOf(rs.getString(11)), rs.getInt(13) == 1, rs.getLong(14));
				}).list();
	}
}
