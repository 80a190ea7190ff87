package zeren.duty;

import java.time.MonthDay;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import zeren.oversight.ObligationRule;

/**
 * 明责's obligations: the year's responsibility list published, and the responsibility letters
 * issued to every lower committee and every team member and signed ({@code zeren.oversight.duty.*}).
 * Owed by the Party committees (the types in {@code zeren.oversight.committee-types}); the
 * responsible post is the committee's 书记.
 */
@Configuration(proxyBeanMethods = false)
class DutyObligations {

	static final String SECRETARY_POST = "(SELECT MIN(p.id) FROM post p WHERE p.org_id = o.id AND p.kind = 'SECRETARY' AND p.active = TRUE)";

	@Bean
	ObligationRule dutyListRule(@Value("${zeren.oversight.duty.list-due:03-31}") String due,
			@Value("${zeren.oversight.committee-types:PARTY_COMMITTEE,PARTY_GROUP,WORKING_COMMITTEE}") List<String> types) {
		MonthDay day = MonthDay.parse("--" + due);
		return ObligationRule.of("duty.list", 10, year -> new ObligationRule.Query("""
				SELECT o.id AS org_id, 0 AS subject, CAST(:dutyDue AS DATE) AS due_date,
				       CASE WHEN l.status = 'PUBLISHED' THEN CAST(l.published_at AS DATE) END AS done_on,
				       CASE WHEN o.active = FALSE THEN 'NOT_APPLICABLE' END AS flag,
				       %s AS post_id, '/duty?orgId=' || CAST(o.id AS VARCHAR(20)) || '&year=' || CAST(:dutyYear AS VARCHAR(4)) AS link
				FROM org o LEFT JOIN duty_list l ON l.org_id = o.id AND l.duty_year = :dutyYear
				WHERE o.path >= :subtreeFrom AND o.path < :subtreeTo AND o.type IN (:dutyTypes)
				""".formatted(SECRETARY_POST), Map.of("dutyDue", day.atYear(year), "dutyYear", year, "dutyTypes", types)));
	}

	@Bean
	ObligationRule dutyLettersRule(@Value("${zeren.oversight.duty.letters-due:03-31}") String due,
			@Value("${zeren.oversight.committee-types:PARTY_COMMITTEE,PARTY_GROUP,WORKING_COMMITTEE}") List<String> types) {
		MonthDay day = MonthDay.parse("--" + due);
		// owed: a signed ORG letter to every active lower committee, a signed TEAM letter to every other active post
		String missingChild = """
				SELECT 1 FROM org c WHERE c.parent_id = o.id AND c.active = TRUE AND c.type IN (:dutyTypes)
				  AND NOT EXISTS (SELECT 1 FROM duty_letter l WHERE l.issuer_org_id = o.id AND l.duty_year = :dutyYear
				      AND l.kind = 'ORG' AND l.recipient_org_id = c.id AND l.status = 'SIGNED')""";
		String missingMember = """
				SELECT 1 FROM post p WHERE p.org_id = o.id AND p.active = TRUE AND p.kind <> 'SECRETARY'
				  AND NOT EXISTS (SELECT 1 FROM duty_letter l WHERE l.issuer_org_id = o.id AND l.duty_year = :dutyYear
				      AND l.kind = 'TEAM' AND l.recipient_post_id = p.id AND l.status = 'SIGNED')""";
		String anyRecipient = """
				EXISTS (SELECT 1 FROM org c WHERE c.parent_id = o.id AND c.active = TRUE AND c.type IN (:dutyTypes))
				OR EXISTS (SELECT 1 FROM post p WHERE p.org_id = o.id AND p.active = TRUE AND p.kind <> 'SECRETARY')""";
		return ObligationRule.of("duty.letters", 11, year -> new ObligationRule.Query("""
				SELECT o.id AS org_id, 0 AS subject, CAST(:dutyDue AS DATE) AS due_date,
				       CASE WHEN NOT EXISTS (%s) AND NOT EXISTS (%s) THEN
				         (SELECT MAX(s.signed_on) FROM duty_letter l JOIN duty_letter_signature s ON s.letter_id = l.id
				          WHERE l.issuer_org_id = o.id AND l.duty_year = :dutyYear AND l.status = 'SIGNED') END AS done_on,
				       CASE WHEN o.active = FALSE OR NOT (%s) THEN 'NOT_APPLICABLE' END AS flag,
				       %s AS post_id,
				       '/duty/letters?orgId=' || CAST(o.id AS VARCHAR(20)) || '&year=' || CAST(:dutyYear AS VARCHAR(4)) AS link
				FROM org o WHERE o.path >= :subtreeFrom AND o.path < :subtreeTo AND o.type IN (:dutyTypes)
				""".formatted(missingChild, missingMember, anyRecipient, SECRETARY_POST),
				Map.of("dutyDue", day.atYear(year), "dutyYear", year, "dutyTypes", types)));
	}
}
