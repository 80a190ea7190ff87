package zeren.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import zeren.platform.Attention;
import zeren.platform.CurrentScope;
import zeren.platform.Scope;

/**
 * The attention list's reports to review: reports submitted by the lower committees of an
 * organisation whose 书记 or 纪委书记 the person is today (the 纪委书记's post may sit on the
 * committee's linked discipline body), waiting for the upper level's acceptance or query.
 */
@Component
class ReportsToReview implements Attention {

	private final JdbcClient jdbc;
	private final CurrentScope scope;

	ReportsToReview(JdbcClient jdbc, CurrentScope scope) {
		this.jdbc = jdbc;
		this.scope = scope;
	}

	@Override
	public List<Item> forPerson(long personId, LocalDate today) {
		Scope reading = scope.reading();
		List<Item> out = new ArrayList<>();
		reading.bind(jdbc.sql("""
				SELECT r.id, r.title, o.name, r.deadline FROM annual_report r JOIN org o ON o.id = r.org_id
				JOIN org u ON u.id = o.parent_id
				WHERE r.status = 'SUBMITTED' AND %s
				  AND EXISTS (SELECT 1 FROM post p JOIN tenure t ON t.post_id = p.id
				              WHERE (p.org_id = u.id OR p.org_id = u.discipline_body_id)
				                AND p.kind IN ('SECRETARY', 'DISCIPLINE_SECRETARY') AND p.active = TRUE
				                AND t.person_id = :person AND t.start_date <= :today AND (t.end_date IS NULL OR t.end_date >= :today))
				ORDER BY r.submitted_on, o.path FETCH FIRST 50 ROWS ONLY""".formatted(reading.condition("o"))))
				.param("person", personId).param("today", today)
				.query(rs -> {
					out.add(new Item("home.attention.reports-to-review", rs.getString(2) + " · " + rs.getString(3),
							"/reports/" + rs.getLong(1), null, null));
				});
		return out;
	}
}
