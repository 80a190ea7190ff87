package zeren.accountability;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zeren.accountability.AccountabilityCase.Action;
import zeren.accountability.AccountabilityCase.Form;
import zeren.accountability.AccountabilityCase.Status;
import zeren.org.OrgTree;
import zeren.org.Subtree;
import zeren.platform.CurrentScope;
import zeren.platform.Rows;
import zeren.platform.Scope;

/**
 * The case history of an organisation and its subtree, read for the two situations that are
 * about repetition (source text, 强化责任体系): "连续发生重大腐败案件的" (S01) and "重复发生严重违反廉洁
 * 从政和作风建设有关规定问题的" (S02). From the earlier cases of a window of years it suggests them,
 * each with the earlier cases behind it; the investigator adds a suggested situation to the case
 * or not, it is never added by itself. Reads follow the caller's reading scope: an earlier case
 * the caller does not see neither counts nor shows.
 *
 * <p>The rules, configurable under {@code zeren.accountability.*}:
 * <ul>
 * <li>{@code repeat-window-years} (default 3): how far back an earlier case counts, by its
 * registration date;
 * <li>{@code repeat-serious-cases} (default 2): so many earlier cases with a party held to account
 * by a serious form ({@link #SERIOUS_FORMS}) make the new case one of a series: S01;
 * <li>an earlier case citing a situation the case cites makes the problem a recurring one: S02.
 * </ul>
 */
@Service
@Transactional(readOnly = true)
public class CaseHistory {

	/** The code of "连续发生重大腐败案件的" in the catalogue. */
	public static final String CONSECUTIVE = "S01";

	/** The code of "重复发生严重违反廉洁从政和作风建设有关规定问题的" in the catalogue. */
	public static final String RECURRING = "S02";

	/**
	 * The forms that make a case a serious one (重大案件): organisational handling of a cadre (停职检查,
	 * 调整职务, 责令辞职, 免职, 降职), a disciplinary sanction, or the reorganisation of an organisation.
	 */
	public static final Set<Form> SERIOUS_FORMS = EnumSet.of(Form.SUSPENSION, Form.REASSIGNMENT,
			Form.ORDERED_RESIGNATION, Form.DISMISSAL, Form.DEMOTION, Form.DISCIPLINARY_SANCTION,
			Form.ORG_REORGANISATION);

	/** The most earlier cases a suggestion lists (latest first). */
	static final int LISTED = 100;

	/** An earlier case behind a suggestion. */
	public record EarlierCase(long caseId, String title, long orgId, String orgName, LocalDate registeredOn,
			Status status) {
	}

	/** Why a situation is suggested. */
	public enum Basis {
		/** several earlier cases with a party held to account by a serious form */
		SERIOUS_CASES,
		/** an earlier case citing a situation the case cites */
		RECURRING_SITUATION
	}

	/**
	 * A situation to consider adding: {@code recurring} the case's situations that earlier cases
	 * cited too (for {@link Basis#RECURRING_SITUATION}), {@code earlierCases} the cases behind it.
	 */
	public record Suggestion(Situations.Situation situation, Basis basis, List<Situations.Situation> recurring,
			List<EarlierCase> earlierCases) {
	}

	private final JdbcClient jdbc;
	private final OrgTree tree;
	private final CurrentScope scope;
	private final Situations situations;
	private final Cases cases;
	private final CaseRecords records;
	private final int windowYears;
	private final int seriousCases;

	CaseHistory(JdbcClient jdbc, OrgTree tree, CurrentScope scope, Situations situations, Cases cases,
			CaseRecords records, @Value("${zeren.accountability.repeat-window-years:3}") int windowYears,
			@Value("${zeren.accountability.repeat-serious-cases:2}") int seriousCases) {
		this.jdbc = jdbc;
		this.tree = tree;
		this.scope = scope;
		this.situations = situations;
		this.cases = cases;
		this.records = records;
		this.windowYears = windowYears;
		this.seriousCases = seriousCases;
	}

	/**
	 * The suggestions for a case the caller sees (404 otherwise), while its situations may still
	 * change (registered or under investigation); a situation it cites already is not suggested.
	 */
	public List<Suggestion> suggestions(long caseId) {
		CaseRecords.Head head = cases.visibleHead(caseId);
		if (!head.status().allows(Action.UPDATE)) {
			return List.of();
		}
		List<Long> cited = records.situations(caseId).stream().map(Situations.Situation::id).toList();
		return suggest(head.orgId(), head.registeredOn(), cited, caseId).stream()
				.filter(s -> !cited.contains(s.situation().id())).toList();
	}

	/**
	 * The suggestions for an organisation on a date, from the cases of its subtree registered in the
	 * window before it (that date included): a public read, e.g. for the committee's situation
	 * analysis. {@code situationIds}: the situations whose recurrence counts; {@code excludingCaseId}:
	 * a case not to count (the one being read), or null. 404 when the caller does not see the
	 * organisation.
	 */
	public List<Suggestion> suggest(long orgId, LocalDate on, Collection<Long> situationIds, Long excludingCaseId) {
		Subtree subtree = tree.subtree(orgId);
		List<Suggestion> out = new ArrayList<>();
		active(CONSECUTIVE).ifPresent(s01 -> {
			List<EarlierCase> serious = earlier(subtree, on, excludingCaseId, """
					AND EXISTS (SELECT 1 FROM acc_party p JOIN acc_decision d ON d.party_id = p.id
					            JOIN acc_decision_form f ON f.decision_id = d.id
					            WHERE p.case_id = c.id AND p.disposition = 'CONFIRMED' AND d.superseded = FALSE
					              AND d.outcome = 'ACCOUNTABLE' AND f.form IN (:serious))""", "serious",
					SERIOUS_FORMS.stream().map(Form::name).toList());
			if (serious.size() >= seriousCases) {
				out.add(new Suggestion(s01, Basis.SERIOUS_CASES, List.of(), serious));
			}
		});
		if (!situationIds.isEmpty()) {
			active(RECURRING).ifPresent(s02 -> {
				List<EarlierCase> recurring = earlier(subtree, on, excludingCaseId, """
						AND EXISTS (SELECT 1 FROM acc_case_situation cs
						            WHERE cs.case_id = c.id AND cs.situation_id IN (:cited))""", "cited",
						List.copyOf(situationIds));
				if (!recurring.isEmpty()) {
					List<Situations.Situation> which = recurringSituations(recurring, situationIds);
					out.add(new Suggestion(s02, Basis.RECURRING_SITUATION, which, recurring));
				}
			});
		}
		return out;
	}

	private Optional<Situations.Situation> active(String code) {
		return situations.list(true).stream().filter(s -> s.code().equals(code)).findFirst();
	}

	/** The earlier cases of the subtree in the window (refused openings left out) that meet {@code condition}. */
	private List<EarlierCase> earlier(Subtree subtree, LocalDate on, Long excludingCaseId, String condition,
			String listParam, List<?> listValue) {
		Scope reading = scope.reading();
		return reading.bind(subtree.bind(jdbc.sql("""
				SELECT c.id AS case_id, c.title, c.org_id, o.name AS org_name, c.registered_on, c.status
				FROM acc_case c JOIN org o ON o.id = c.org_id
				WHERE o.path >= :subtreeFrom AND o.path < :subtreeTo AND %s
				  AND c.registered_on >= :since AND c.registered_on <= :on AND c.id <> :excluding
				  AND c.status <> 'NOT_OPENED' %s
				ORDER BY c.registered_on DESC, c.id DESC FETCH FIRST %d ROWS ONLY
				""".formatted(reading.condition("o"), condition, LISTED))))
				.param("since", on.minusYears(windowYears)).param("on", on)
				.param("excluding", excludingCaseId == null ? -1L : excludingCaseId).param(listParam, listValue)
				.query(Rows.of(EarlierCase.class)).list();
	}

	/** Which of the situations the earlier cases cite. */
	private List<Situations.Situation> recurringSituations(List<EarlierCase> earlier, Collection<Long> situationIds) {
		List<Long> ids = jdbc.sql("""
				SELECT DISTINCT situation_id FROM acc_case_situation WHERE case_id IN (:cases) AND situation_id IN (:cited)
				""").param("cases", earlier.stream().map(EarlierCase::caseId).toList())
				.param("cited", List.copyOf(situationIds)).query(Long.class).list();
		return situations.list(false).stream().filter(s -> ids.contains(s.id())).toList();
	}
}
