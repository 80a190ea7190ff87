package zeren.platform.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpServletRequest;
import zeren.platform.Paged;

/**
 * How a list of the API is paged (issue 18: a province's 20,000 findings were one 11.8 MB answer):
 * the caller sends {@code page} (from 1) and {@code size} (1 to {@link Paged#MAX_SIZE},
 * {@link #DEFAULT_SIZE} when not given); the answer is the page's rows as a JSON array, with the
 * number of rows in all in {@code X-Total-Count} and the first, previous, next and last pages in
 * {@code Link} (RFC 8288; references relative to the server, so they hold behind a proxy), so a client that follows {@code rel="next"} reads the whole list.
 * The service pages in the database ({@code LIMIT}/{@code OFFSET} and a count) and returns a
 * {@link Paged}; the controller answers {@code ApiPage.of(paged, request)}.
 */
public final class ApiPage {

	/** Rows per page when the caller names no size. */
	public static final int DEFAULT_SIZE = 100;

	/** The header that carries the number of rows in all. */
	public static final String TOTAL = "X-Total-Count";

	private ApiPage() {
	}

	/** The page number a caller sent, made safe (at least 1). */
	public static int page(Integer page) {
		return Paged.page(page);
	}

	/** The page size a caller sent, made safe (1 to {@link Paged#MAX_SIZE}, {@link #DEFAULT_SIZE} when not given). */
	public static int size(Integer size) {
		return Paged.size(size, DEFAULT_SIZE);
	}

	/** The answer: the rows, {@code X-Total-Count} and {@code Link}; the request's other parameters kept in the links. */
	public static <T> ResponseEntity<List<T>> of(Paged<T> paged, HttpServletRequest request) {
		List<String> links = new ArrayList<>();
		link(links, request, paged, 1, "first");
		if (paged.hasPrevious()) {
			link(links, request, paged, paged.page() - 1, "prev");
		}
		if (paged.hasNext()) {
			link(links, request, paged, paged.page() + 1, "next");
		}
		link(links, request, paged, paged.pages(), "last");
		return ResponseEntity.ok()
				.header(TOTAL, String.valueOf(paged.total()))
				.header(HttpHeaders.LINK, String.join(", ", links))
				.header(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, TOTAL + ", " + HttpHeaders.LINK)
				.body(paged.items());
	}

	private static void link(List<String> links, HttpServletRequest request, Paged<?> paged, int page, String rel) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath(request.getRequestURI());
		request.getParameterMap().forEach((name, values) -> {
			if (!name.equals("page") && !name.equals("size")) {
				uri.queryParam(name, (Object[]) values);
			}
		});
		links.add("<" + uri.queryParam("page", page).queryParam("size", paged.size()).encode().build().toUriString()
				+ ">; rel=\"" + rel + "\"");
	}
}
