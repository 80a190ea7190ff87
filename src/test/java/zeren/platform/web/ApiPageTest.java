package zeren.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;

import zeren.platform.Paged;

class ApiPageTest {

	@Test
	void a_middle_page_links_to_its_neighbours_and_keeps_the_query() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/inspection/findings");
		request.setParameter("orgId", "7");
		request.setParameter("year", "2026");
		request.setParameter("page", "2");
		request.setParameter("size", "2");
		var answer = ApiPage.of(new Paged<>(List.of("c", "d"), 2, 2, 5), request);

		assertThat(answer.getBody()).containsExactly("c", "d");
		assertThat(answer.getHeaders().getFirst(ApiPage.TOTAL)).isEqualTo("5");
		assertThat(answer.getHeaders().getFirst(HttpHeaders.LINK)).isEqualTo(
				"</api/v1/inspection/findings?orgId=7&year=2026&page=1&size=2>; rel=\"first\", "
						+ "</api/v1/inspection/findings?orgId=7&year=2026&page=1&size=2>; rel=\"prev\", "
						+ "</api/v1/inspection/findings?orgId=7&year=2026&page=3&size=2>; rel=\"next\", "
						+ "</api/v1/inspection/findings?orgId=7&year=2026&page=3&size=2>; rel=\"last\"");
	}

	@Test
	void the_only_page_has_no_next_and_sizes_are_bounded() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/accountability/cases");
		request.setParameter("orgId", "7");
		request.setParameter("q", "长沙 县");
		var answer = ApiPage.of(new Paged<>(List.of(), 1, ApiPage.size(null), 0), request);

		assertThat(answer.getHeaders().getFirst(HttpHeaders.LINK)).doesNotContain("next").doesNotContain("prev")
				.contains("</api/v1/accountability/cases?orgId=7&q=%E9%95%BF%E6%B2%99%20%E5%8E%BF&page=1&size=100>; rel=\"last\"");
		assertThat(ApiPage.size(10_000)).isEqualTo(Paged.MAX_SIZE);
		assertThat(ApiPage.size(0)).isEqualTo(1);
		assertThat(ApiPage.page(-3)).isEqualTo(1);
	}
}
