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
 * organisation, waiting for a recipient's acceptance or query — the upper committee's, for its
 * 书记 (and its 纪委书记 when it has no discipline body of its own), the upper discipline
 * commission's, for its 纪委书记 (whose post may sit on the committee's team or on the commission).
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
				JOIN annual_report_review v ON v.report_id = r.id AND v.status = 'SUBMITTED'
				JOIN org ro ON ro.id = v.recipient_org_id
				WHERE (%s OR %s)
				  AND EXISTS (SELECT 1 FROM post p JOIN tenure t ON t.post_id = p.id
				              WHERE p.active = TRUE AND t.person_id = :person AND t.start_date <= :today
				                AND (t.end_date IS NULL OR t.end_date >= :today)
				                AND ((v.recipient = 'COMMITTEE' AND p.org_id = ro.id
				                      AND (p.kind = 'SECRETARY' OR (p.kind = 'DISCIPLINE_SECRETARY' AND ro.discipline_body_id IS NULL)))
				                  OR (v.recipient = 'DISCIPLINE' AND p.kind = 'DISCIPLINE_SECRETARY'
				                      AND (p.org_id = ro.id OR p.org_id = o.parent_id))))
				ORDER BY r.submitted_on, o.path FETCH FIRST 50 ROWS ONLY""".formatted(reading.condition("o"), reading.condition("ro"))))
				.param("person", personId).param("today", today)
				.query(rs -> {
					out.add(new Item("home.attention.reports-to-review", rs.getString(2) + " · " + rs.getString(3),
							"/reports/" + rs.getLong(1), null, null));
				});
		return out;
	}
}
