package zeren.governance;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import zeren.oversight.ObligationRule;
import zeren.tracking.TrackedItemObligations;

/**
 * The committee's own work as obligations (the source asks 经常听取党风廉政建设和反腐败工作汇报,
 * 分析和研判形势, 及时听取纪检监察工作汇报; how often is the county's own rule, set here):
 *
 * <ul>
 * <li>{@code governance.topic-meetings} — at least {@link MeetingRules} ({@code zeren.governance.topic-meetings}, 2) 专题研究 a
 * year; instance n is due at the end of the n-th part of the year (with 2: 06-30 and 12-31) and is
 * done on the date of the n-th such meeting;</li>
 * <li>{@code governance.discipline-reports} — the discipline body's report heard at least
 * {@code zeren.governance.discipline-reports} (2) times a year, the same way;</li>
 * <li>{@code governance.area-hearings} — each team member (班子成员, 副书记) hears their areas' report
 * each half year (subject: post id × 2 + half − 1), owed by the member's post;</li>
 * <li>{@code governance.group-meetings} — a committee with a coordination group has it meet (定期分析研判)
 * at least {@code zeren.governance.group-meetings} (2) times a year;</li>
 * <li>{@code governance.decisions} and {@code governance.follow-ups} — decisions and 督办 closed by their deadlines.</li>
 * </ul>
 *
 * Owed by the committees of {@code zeren.oversight.committee-types} (the same setting as the reports');
 * an inactive one is NOT_APPLICABLE; the responsible post is the 书记's.
 */
@Configuration(proxyBeanMethods = false)
class GovernanceObligations {

	private static final String SECRETARY_POST = "(SELECT MIN(p.id) FROM post p WHERE p.org_id = o.id AND p.kind = 'SECRETARY' AND p.active = TRUE)";

	@Bean
	ObligationRule topicMeetingsRule(MeetingRules rules,
			@Value("${zeren.oversight.committee-types:PARTY_COMMITTEE,PARTY_GROUP,WORKING_COMMITTEE}") List<String> types) {
		return ObligationRule.of("governance.topic-meetings", 25,
				year -> nth(Meeting.Kind.TOPIC, rules.perYear(Meeting.Kind.TOPIC), year, types));
	}

	@Bean
	ObligationRule disciplineReportsRule(MeetingRules rules,
			@Value("${zeren.oversight.committee-types:PARTY_COMMITTEE,PARTY_GROUP,WORKING_COMMITTEE}") List<String> types) {
		return ObligationRule.of("governance.discipline-reports", 26,
				year -> nth(Meeting.Kind.DISCIPLINE_REPORT, rules.perYear(Meeting.Kind.DISCIPLINE_REPORT), year, types));
	}

	@Bean
	ObligationRule groupMeetingsRule(MeetingRules rules,
			@Value("${zeren.oversight.committee-types:PARTY_COMMITTEE,PARTY_GROUP,WORKING_COMMITTEE}") List<String> types) {
		return ObligationRule.of("governance.group-meetings", 29, year -> {
			ObligationRule.Query q = nth(Meeting.Kind.GROUP, rules.perYear(Meeting.Kind.GROUP), year, types);
			return new ObligationRule.Query(q.sql() + " AND EXISTS (SELECT 1 FROM gov_group g WHERE g.org_id = o.id)",
					q.parameters());
		});
	}

	/**
	 * One instance per committee and n in 1..times: due at the end of the month that closes the
	 * n-th part of the year, done on the date of the committee's n-th meeting of the kind.
	 */
	static ObligationRule.Query nth(Meeting.Kind kind, int times, int year, List<String> types) {
		Map<String, Object> params = new HashMap<>();
		StringBuilder numbers = new StringBuilder();
		for (int n = 1; n <= times; n++) {
			LocalDate due = YearMonth.of(year, (12 * n + times - 1) / times).atEndOfMonth();
			params.put("govDue" + n, due);
			numbers.append(n == 1 ? "" : " UNION ALL ").append("SELECT %d AS n, CAST(:govDue%d AS DATE) AS due".formatted(n, n));
		}
		params.put("govKind", kind.name());
		params.put("govStart", LocalDate.of(year, 1, 1));
		params.put("govEnd", LocalDate.of(year, 12, 31));
		params.put("govYear", year);
		params.put("govTypes", types);
		String sql = """
				SELECT o.id AS org_id, k.n AS subject, k.due AS due_date, m.meeting_date AS done_on,
				       CASE WHEN o.active = FALSE THEN 'NOT_APPLICABLE' END AS flag, %s AS post_id,
				       '/governance/meetings?orgId=' || CAST(o.id AS VARCHAR(20)) || '&year=' || CAST(:govYear AS VARCHAR(4))
				         || '&kind=%s' AS link
				FROM org o
				CROSS JOIN (%s) k
				LEFT JOIN (SELECT gm.org_id, gm.meeting_date,
				                  ROW_NUMBER() OVER (PARTITION BY gm.org_id ORDER BY gm.meeting_date, gm.id) AS rn
				           FROM gov_meeting gm
				           WHERE gm.kind = :govKind AND gm.meeting_date >= :govStart AND gm.meeting_date <= :govEnd) m
				       ON m.org_id = o.id AND m.rn = k.n
				WHERE o.path >= :subtreeFrom AND o.path < :subtreeTo AND o.type IN (:govTypes)
				""".formatted(SECRETARY_POST, kind.name(), numbers);
		return new ObligationRule.Query(sql, params);
	}

	@Bean
	ObligationRule areaHearingsRule(
			@Value("${zeren.oversight.committee-types:PARTY_COMMITTEE,PARTY_GROUP,WORKING_COMMITTEE}") List<String> types) {
		return ObligationRule.of("governance.area-hearings", 27, year -> new ObligationRule.Query("""
				SELECT o.id AS org_id, p.id * 2 + h.half - 1 AS subject, h.due AS due_date,
				       (SELECT MIN(m.meeting_date) FROM gov_meeting m
				        WHERE m.org_id = o.id AND m.kind = 'AREA_HEARING' AND m.chair_post_id = p.id
				          AND m.meeting_date >= h.start AND m.meeting_date <= h.due) AS done_on,
				       CASE WHEN o.active = FALSE THEN 'NOT_APPLICABLE'
				            WHEN NOT EXISTS (SELECT 1 FROM tenure t WHERE t.post_id = p.id AND t.start_date <= h.due
				                 AND (t.end_date IS NULL OR t.end_date >= h.start)) THEN 'VACANT' END AS flag,
				       p.id AS post_id,
				       '/governance/meetings?orgId=' || CAST(o.id AS VARCHAR(20)) || '&year=' || CAST(:areaYear AS VARCHAR(4))
				         || '&kind=AREA_HEARING' AS link
				FROM org o JOIN post p ON p.org_id = o.id AND p.active = TRUE AND p.kind IN ('MEMBER', 'DEPUTY_SECRETARY')
				CROSS JOIN (SELECT 1 AS half, CAST(:areaStart1 AS DATE) AS start, CAST(:areaDue1 AS DATE) AS due
				            UNION ALL SELECT 2, CAST(:areaStart2 AS DATE), CAST(:areaDue2 AS DATE)) h
				WHERE o.path >= :subtreeFrom AND o.path < :subtreeTo AND o.type IN (:areaTypes)
				""", Map.of("areaYear", year, "areaStart1", LocalDate.of(year, 1, 1), "areaDue1", LocalDate.of(year, 6, 30),
				"areaStart2", LocalDate.of(year, 7, 1), "areaDue2", LocalDate.of(year, 12, 31), "areaTypes", types)));
	}

	@Bean
	ObligationRule decisionsRule() {
		return TrackedItemObligations.rule("governance.decisions", 28, List.of(Meetings.DECISION_KIND));
	}

	@Bean
	ObligationRule followUpsRule() {
		return TrackedItemObligations.rule("governance.follow-ups", 32, List.of(FollowUps.KIND));
	}
}
