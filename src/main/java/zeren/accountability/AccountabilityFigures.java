package zeren.accountability;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zeren.accountability.AccountabilityCase.Form;
import zeren.org.Org;
import zeren.org.OrgTree;
import zeren.org.Subtree;
import zeren.platform.CurrentScope;
import zeren.platform.Rows;
import zeren.platform.Scope;

/**
 * The accountability cases of a subtree registered within a period (any dates, unlike the yearly
 * {@link AccountabilityStatistics}), for the situation analysis (形势研判): by triggering situation
 * (a case citing two counts under each), by the level of the case's organisation below the
 * subtree's root (0: the root itself), and by the forms of the decisions in force. Three
 * aggregate queries over the subtree's index range, in the caller's reading scope.
 */
@Service
@Transactional(readOnly = true)
public class AccountabilityFigures {

	/** Cases citing one situation of the catalogue. */
	public record SituationCount(String code, String name, long cases) {
	}

	public record Figures(long cases, List<SituationCount> bySituation, Map<Integer, Long> byLevel,
			Map<Form, Long> byForm) {
	}

	private final JdbcClient jdbc;
	private final OrgTree tree;
	private final CurrentScope scope;

	AccountabilityFigures(JdbcClient jdbc, OrgTree tree, CurrentScope scope) {
		this.jdbc = jdbc;
		this.tree = tree;
		this.scope = scope;
	}

	public Figures of(long orgId, LocalDate first, LocalDate last) {
		Org root = tree.get(orgId);
		Subtree subtree = tree.subtree(orgId);
		Scope reading = scope.reading();
		String cases = """
				JOIN org o ON o.id = c.org_id
				WHERE o.path >= :subtreeFrom AND o.path < :subtreeTo AND %s
				  AND c.registered_on >= :first AND c.registered_on <= :last""".formatted(reading.condition("o"));
		List<SituationCount> situations = reading.bind(subtree.bind(jdbc.sql("""
				SELECT s.code, s.name, COUNT(*) AS cases FROM acc_case_situation cs JOIN acc_situation s ON s.id = cs.situation_id
				JOIN acc_case c ON c.id = cs.case_id
				""" + cases + " GROUP BY s.code, s.name, s.sort_order ORDER BY s.sort_order, s.code")))
				.param("first", first).param("last", last).query(Rows.of(SituationCount.class)).list();
		Map<Integer, Long> levels = new TreeMap<>();
		reading.bind(subtree.bind(jdbc.sql("SELECT o.depth, COUNT(*) AS n FROM acc_case c " + cases + " GROUP BY o.depth")))
				.param("first", first).param("last", last).query(rs -> {
					levels.put(rs.getInt("depth") - root.depth(), rs.getLong("n"));
				});
		Map<Form, Long> forms = new EnumMap<>(Form.class);
		reading.bind(subtree.bind(jdbc.sql("""
				SELECT f.form, COUNT(*) AS n FROM acc_decision_form f JOIN acc_decision d ON d.id = f.decision_id
				JOIN acc_party p ON p.id = d.party_id JOIN acc_case c ON c.id = p.case_id
				""" + cases + " AND d.superseded = FALSE GROUP BY f.form")))
				.param("first", first).param("last", last).query(rs -> {
					forms.put(Form.valueOf(rs.getString("form")), rs.getLong("n"));
				});
		long total = levels.values().stream().mapToLong(Long::longValue).sum();
		return new Figures(total, situations, levels, forms);
	}
}
