package zeren.assessment;

import java.util.Map;

/**
 * Records of another module that an AUTO indicator deducts for, one line per record — an
 * inspection tour's finding, an accountability case of the year —, beside the oversight
 * obligations' results. A module contributes its kinds as Spring beans in its own package, for
 * its own tables, like {@link zeren.oversight.ObligationRule}: the records are read from where
 * they are kept, never entered again.
 *
 * <p>{@link #query(int)} is one {@code SELECT} of the records of a responsibility year over the
 * whole tree, yielding {@code org_id} (the organisation the record is about: it counts for the
 * assessed unit whose subtree holds it), {@code ref} (the record's id), {@code label} (what the
 * line says after the indicator's title, at most 300 characters) and {@code link} (its page).
 * The label of a kind is the message {@code assessment.record.<kind>} in the contributing
 * module's bundle (both languages).
 */
public interface RecordSource {

	/** {@code <module>.<name>}, lower case; distinct from every obligation kind. */
	String kind();

	Query query(int year);

	record Query(String sql, Map<String, Object> parameters) {

		public Query {
			parameters = Map.copyOf(parameters);
		}
	}

	static RecordSource of(String kind, java.util.function.IntFunction<Query> queries) {
		if (kind == null || !kind.matches("[a-z]+\\.[a-z-]{1,48}")) {
			throw new IllegalArgumentException("a record kind is <module>.<name>, lower case");
		}
		record Source(String kind, java.util.function.IntFunction<Query> queries) implements RecordSource {

			@Override
			public Query query(int year) {
				return queries.apply(year);
			}
		}
		return new Source(kind, queries);
	}
}
