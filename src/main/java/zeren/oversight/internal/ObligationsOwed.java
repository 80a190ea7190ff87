package zeren.oversight.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import zeren.oversight.ObligationRule;
import zeren.platform.Attention;
import zeren.platform.CurrentScope;
import zeren.platform.Scope;

/**
 * The attention list's obligations: those of this year and last, not yet done, whose responsible
 * post the person holds today — the interviews they still owe this year (interview.coverage), the
 * reports their committee must submit, the lower committees still to be checked, the list and
 * letters — read from the last sweep's snapshot, each a link to where it is done. Kinds reminded
 * by a mechanism of their own (tracked items: the tracking module lists them) are left out, so
 * nothing appears twice.
 */
@Component
class ObligationsOwed implements Attention {

	private static final int LIMIT = 50;

	private final JdbcClient jdbc;
	private final CurrentScope scope;
	private final MessageSource messages;
	private final List<String> kinds;

	ObligationsOwed(JdbcClient jdbc, CurrentScope scope, MessageSource messages, List<ObligationRule> rules) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.messages = messages;
		this.kinds = rules.stream().filter(r -> !r.remindedElsewhere()).map(ObligationRule::kind).toList();
	}

	@Override
	public List<Item> forPerson(long personId, LocalDate today) {
		if (kinds.isEmpty()) {
			return List.of();
		}
		Scope reading = scope.reading();
		Locale locale = LocaleContextHolder.getLocale();
		List<Item> out = new ArrayList<>();
		reading.bind(jdbc.sql("""
				SELECT ob.kind, o.name, ob.due_date, ob.status, ob.colour, ob.link
				FROM oversight_obligation ob JOIN org o ON o.id = ob.org_id
				JOIN tenure t ON t.post_id = ob.post_id AND t.person_id = :person AND t.start_date <= :today
				     AND (t.end_date IS NULL OR t.end_date >= :today)
				WHERE ob.obl_year IN (:years) AND ob.status IN ('OPEN', 'OVERDUE') AND ob.kind IN (:kinds) AND %s
				ORDER BY ob.due_date, o.path, ob.kind FETCH FIRST %d ROWS ONLY""".formatted(reading.condition("o"), LIMIT)))
				.param("person", personId).param("today", today).param("years", List.of(today.getYear(), today.getYear() - 1))
				.param("kinds", kinds).query(rs -> {
					String kind = rs.getString(1);
					String colour = rs.getString(5);
					out.add(new Item(group(kind), messages.getMessage("oversight.kind." + kind, null, kind, locale) + " · "
							+ rs.getString(2), rs.getString(6), "NONE".equals(colour) ? null : colour,
							rs.getObject(3, LocalDate.class)));
				});
		return out;
	}

	private static String group(String kind) {
		return switch (kind) {
			case "interview.coverage" -> "home.attention.interviews";
			case "report.annual" -> "home.attention.reports";
			default -> "home.attention.obligations";
		};
	}
}
