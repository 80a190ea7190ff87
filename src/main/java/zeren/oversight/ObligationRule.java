package zeren.oversight;

import java.util.Map;

/**
 * An obligation: for an organisation and a responsibility year, something is expected to exist by
 * a date. Each module contributes its rules as Spring beans in its own package, for its own
 * records; the sweep evaluates every rule the same way. A later module (assessment, meetings)
 * adds its kinds by adding a bean.
 *
 * <p>{@link #query(int)} is one {@code SELECT} over the rule's own tables for every organisation
 * of a subtree at once (never a loop over organisations). It binds {@code :subtreeFrom} and
 * {@code :subtreeTo} (the subtree's path range, e.g. through {@code org.Subtree.ORG_IDS} or
 * {@code o.path >= :subtreeFrom AND o.path < :subtreeTo}) plus its own parameters, and yields
 * these columns, one row per instance:
 *
 * <ul>
 * <li>{@code org_id} — the organisation that owes it;</li>
 * <li>{@code subject} — 0 when the kind has one instance per organisation, else the rule's own
 * id of the thing owed (a tracked item, a report kind);</li>
 * <li>{@code due_date} — the date it is due;</li>
 * <li>{@code done_on} — the business date it was done, {@code NULL} while not done;</li>
 * <li>{@code flag} — {@code NULL}, {@code 'VACANT'} (nobody holds the post that owes it: its own
 * status, never dropped) or {@code 'NOT_APPLICABLE'};</li>
 * <li>{@code post_id} — the responsible post (its holder on the due date is looked up through
 * tenures by the sweep), may be {@code NULL};</li>
 * <li>{@code link} — the page where it is done or the record that fulfils it.</li>
 * </ul>
 *
 * The label of a kind is the message {@code oversight.kind.<kind>} in the contributing module's
 * bundle (both languages).
 */
public interface ObligationRule {

	/** The kind: {@code <module>.<name>}, e.g. {@code duty.list}; at most 64 characters. */
	String kind();

	/** Sort position of the kind on the dashboard (the cycle's order: 明责 10…, 履责 20…, 督责 30…, 追责 40…). */
	int order();

	/** The statement and its parameters (besides the subtree range) for a responsibility year. */
	Query query(int year);

	/**
	 * Whether the instances are reminded by a mechanism of their own (tracked items have their
	 * reminders): then the obligation reminders leave them out, so nobody hears of one thing twice.
	 */
	default boolean remindedElsewhere() {
		return false;
	}

	/** A rule from its kind, order and queries (what most modules need). */
	static ObligationRule of(String kind, int order, java.util.function.IntFunction<Query> queries) {
		return of(kind, order, queries, false);
	}

	/** A rule from its kind, order and queries, and whether its instances are reminded elsewhere. */
	static ObligationRule of(String kind, int order, java.util.function.IntFunction<Query> queries,
			boolean remindedElsewhere) {
		if (kind == null || !kind.matches("[a-z]+\\.[a-z-]{1,48}")) {
			throw new IllegalArgumentException("an obligation kind is <module>.<name>, lower case");
		}
		record Rule(String kind, int order, java.util.function.IntFunction<Query> queries, boolean remindedElsewhere)
				implements ObligationRule {

			@Override
			public Query query(int year) {
				return queries.apply(year);
			}
		}
		return new Rule(kind, order, queries, remindedElsewhere);
	}

	record Query(String sql, Map<String, Object> parameters) {

		public Query {
			parameters = Map.copyOf(parameters);
		}
	}
}
