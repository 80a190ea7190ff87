package zeren.accountability;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zeren.accountability.AccountabilityCase.Form;
import zeren.accountability.AccountabilityCase.Responsibility;
import zeren.accountability.AccountabilityCase.Status;
import zeren.org.Org;
import zeren.org.OrgTree;
import zeren.org.Subtree;
import zeren.platform.CurrentScope;
import zeren.platform.Scope;

/**
 * The accountability statistics of a subtree for a year (cases registered that year): cases by
 * status, confirmed parties by grade of responsibility, the forms of the decisions in force, and
 * the dual investigation (一案双查) cases. Four aggregate queries over the subtree's index range.
 */
@Service
@Transactional(readOnly = true)
public class AccountabilityStatistics {

	public record Statistics(long orgId, String orgName, int year, long cases, Map<Status, Long> casesByStatus,
			long dualInvestigationCases, Map<Responsibility, Long> partiesByResponsibility, Map<Form, Long> forms,
			long exempted) {
	}

	private final JdbcClient jdbc;
	private final OrgTree tree;
	private final CurrentScope scope;

	AccountabilityStatistics(JdbcClient jdbc, OrgTree tree, CurrentScope scope) {
		this.jdbc = jdbc;
		this.tree = tree;
		this.scope = scope;
	}

	public Statistics of(long orgId, int year) {
		Org org = tree.get(orgId);
		Subtree subtree = tree.subtree(orgId);
		Scope reading = scope.reading();
		String cases = """
				FROM acc_case c JOIN org o ON o.id = c.org_id
				WHERE o.path >= :subtreeFrom AND o.path < :subtreeTo AND %s
				  AND c.registered_on >= :first AND c.registered_on <= :last""".formatted(reading.condition("o"));
		LocalDate first = LocalDate.of(year, 1, 1);
		LocalDate last = LocalDate.of(year, 12, 31);
		Map<Status, Long> byStatus = new EnumMap<>(Status.class);
		reading.bind(subtree.bind(jdbc.sql("SELECT c.status, COUNT(*) AS n " + cases + " GROUP BY c.status")))
				.param("first", first).param("last", last).query((rs, n) -> {
					byStatus.put(Status.valueOf(rs.getString("status")), rs.getLong("n"));
					return null;
				}).list();
		long dual = reading.bind(subtree.bind(jdbc.sql("SELECT COUNT(*) " + cases + " AND "
				+ CaseRecords.DUAL_INVESTIGATION + " = TRUE"))).param("first", first).param("last", last)
				.query(Long.class).single();
		Map<Responsibility, Long> parties = new EnumMap<>(Responsibility.class);
		reading.bind(subtree.bind(jdbc.sql("SELECT p.responsibility, COUNT(*) AS n FROM acc_party p JOIN acc_case c ON c.id = p.case_id "
				+ cases.substring(cases.indexOf("JOIN org")) + " AND p.disposition = 'CONFIRMED' GROUP BY p.responsibility")))
				.param("first", first).param("last", last).query((rs, n) -> {
					parties.put(Responsibility.valueOf(rs.getString("responsibility")), rs.getLong("n"));
					return null;
				}).list();
		Map<Form, Long> forms = new EnumMap<>(Form.class);
		reading.bind(subtree.bind(jdbc.sql("""
				SELECT f.form, COUNT(*) AS n FROM acc_decision_form f JOIN acc_decision d ON d.id = f.decision_id
				JOIN acc_party p ON p.id = d.party_id JOIN acc_case c ON c.id = p.case_id
				""" + cases.substring(cases.indexOf("JOIN org")) + " AND d.superseded = FALSE GROUP BY f.form")))
				.param("first", first).param("last", last).query((rs, n) -> {
					forms.put(Form.valueOf(rs.getString("form")), rs.getLong("n"));
					return null;
				}).list();
		long exempted = reading.bind(subtree.bind(jdbc.sql("""
				SELECT COUNT(*) FROM acc_decision d JOIN acc_party p ON p.id = d.party_id JOIN acc_case c ON c.id = p.case_id
				""" + cases.substring(cases.indexOf("JOIN org")) + " AND d.superseded = FALSE AND d.outcome <> 'ACCOUNTABLE'")))
				.param("first", first).param("last", last).query(Long.class).single();
		long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
		return new Statistics(org.id(), org.name(), year, total, byStatus, dual, parties, forms, exempted);
	}
}
