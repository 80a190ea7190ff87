package zeren.platform;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The organisations a caller may see or change: everything ({@link #all()}), nothing, or a union
 * of ranges over {@code org.path} (one per grant: a whole subtree, or a single organisation).
 * It becomes SQL only as a condition with bind parameters: the range bounds are never spliced
 * into the text.
 *
 * <pre>{@code
 * Scope scope = currentScope.reading();
 * jdbc.sql("SELECT ... FROM ledger_item i JOIN org so ON so.id = i.org_id WHERE " + scope.condition("so"))
 *     .params(scope.parameters())
 * }</pre>
 */
public record Scope(boolean unrestricted, List<Range> ranges) {

	/** Organisations whose path p satisfies {@code from <= p < to}. */
	public record Range(String from, String to) {

		public boolean contains(String path) {
			return path.compareTo(from) >= 0 && path.compareTo(to) < 0;
		}
	}

	public Scope {
		ranges = List.copyOf(ranges);
	}

	public static Scope all() {
		return new Scope(true, List.of());
	}

	public static Scope none() {
		return new Scope(false, List.of());
	}

	public static Scope of(List<Range> ranges) {
		return new Scope(false, ranges);
	}

	public boolean isEmpty() {
		return !unrestricted && ranges.isEmpty();
	}

	/** Whether the organisation with this path lies in scope. */
	public boolean contains(String orgPath) {
		return unrestricted || ranges.stream().anyMatch(r -> r.contains(orgPath));
	}

	/** Whether every organisation with a path in {@code [from, to)} lies in scope (one range holds them all). */
	public boolean covers(String from, String to) {
		return unrestricted || ranges.stream().anyMatch(r -> r.from().compareTo(from) <= 0 && r.to().compareTo(to) >= 0);
	}

	/**
	 * A SQL condition over the {@code org} row aliased {@code orgAlias}; bind
	 * {@link #parameters()} with it. The alias must be a plain identifier.
	 */
	public String condition(String orgAlias) {
		if (!orgAlias.matches("[a-z_][a-z0-9_]*")) {
			throw new IllegalArgumentException("bad alias");
		}
		if (unrestricted) {
			return "1 = 1";
		}
		if (ranges.isEmpty()) {
			return "1 = 0";
		}
		List<String> parts = new ArrayList<>();
		for (int i = 0; i < ranges.size(); i++) {
			parts.add("(%s.path >= :scope_from_%d AND %s.path < :scope_to_%d)".formatted(orgAlias, i, orgAlias, i));
		}
		return "(" + String.join(" OR ", parts) + ")";
	}

	public java.util.Map<String, Object> parameters() {
		java.util.Map<String, Object> parameters = new java.util.HashMap<>();
		for (int i = 0; i < ranges.size(); i++) {
			parameters.put("scope_from_" + i, ranges.get(i).from());
			parameters.put("scope_to_" + i, ranges.get(i).to());
		}
		return parameters;
	}

	public JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
		return spec.params(parameters());
	}
}
