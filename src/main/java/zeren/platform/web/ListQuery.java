package zeren.platform.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * What a list page was asked for, kept in its links so that a page of a searched, filtered and
 * sorted list is a shareable address: the search text ({@code q}), the sort choice and the
 * filters (status, year, organisation...). Put in the model as {@code listQuery}; the pager
 * ({@code fragments/paging :: pager}) and the list's export link build their addresses from it.
 * Blank values are left out of the address.
 */
public record ListQuery(String q, String sort, Map<String, String> filters) {

	public ListQuery {
		q = q == null || q.isBlank() ? null : q.strip();
		Map<String, String> kept = new LinkedHashMap<>();
		if (filters != null) {
			filters.forEach((name, value) -> {
				if (value != null && !value.isBlank()) {
					kept.put(name, value.strip());
				}
			});
		}
		filters = java.util.Collections.unmodifiableMap(kept);
	}

	public static ListQuery of(String q, Enum<?> sort) {
		return new ListQuery(q, sort == null ? null : sort.name(), Map.of());
	}

	/** The same query with one more filter ({@code value} null or blank: none). */
	public ListQuery with(String name, Object value) {
		Map<String, String> more = new LinkedHashMap<>(filters);
		more.put(name, value == null ? null : value.toString());
		return new ListQuery(q, sort, more);
	}

	/** A filter's value, or the empty string (for a select's {@code th:selected}). */
	public String filter(String name) {
		return filters.getOrDefault(name, "");
	}

	/** The address of page {@code page} of the list at {@code path} (page 1: no page parameter). */
	public String href(String path, int page) {
		return href(path, "page", page);
	}

	/**
	 * The same, the page number in the parameter {@code pageParam}: for a page that shows two paged
	 * lists (the other list's page is one of this query's filters).
	 */
	public String href(String path, String pageParam, int page) {
		UriComponentsBuilder uri = query(path);
		if (page > 1) {
			uri.queryParam(pageParam, page);
		}
		return uri.encode().build().toUriString();
	}

	/** The address of {@code path} (e.g. the list's export) with the same search, filters and sort. */
	public String href(String path) {
		return href(path, 1);
	}

	private UriComponentsBuilder query(String path) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
		filters.forEach(uri::queryParam);
		if (q != null) {
			uri.queryParam("q", q);
		}
		if (sort != null) {
			uri.queryParam("sort", sort);
		}
		return uri;
	}
}
