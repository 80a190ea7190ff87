package zeren.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;

import zeren.org.Org;

/**
 * The pages, like the API: every page of the application's own mapping that names an entity is
 * requested as a user of the sibling organisation, with CSRF tokens where a form would send one.
 * Reads answer 404, changes are refused, and nothing of the sibling shows or changes.
 */
abstract class PageScopeContract extends EndpointScopeContract {

	@Test
	void no_page_shows_or_changes_a_sibling_organisations_data() throws Exception {
		List<String> failures = new ArrayList<>();
		int checked = 0;
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
			if (!entry.getValue().getBeanType().getPackageName().startsWith("zeren.")) {
				continue;
			}
			RequestMappingInfo info = entry.getKey();
			for (String pattern : info.getPatternValues()) {
				if (pattern.startsWith("/api/") || !pattern.contains("{")) {
					continue;
				}
				var methods = info.getMethodsCondition().getMethods();
				for (RequestMethod method : methods.isEmpty() ? java.util.Set.of(RequestMethod.GET) : methods) {
					String url = fillPage(pattern);
					var request = MockMvcRequestBuilders.request(HttpMethod.valueOf(method.name()), url)
							.param("name", "改名").param("parentCode", a.code()).param("title", "x").param("kind", "MEMBER")
							.param("personId", String.valueOf(personB.id())).param("postId", String.valueOf(postB.id()))
							.param("startDate", "2021-01-01").param("endDate", "2024-01-01").param("orgId", String.valueOf(a.id()))
							.param("role", "ADMIN").param("orgCode", a.code()).param("enabled", "false")
							.with(csrf()).with(as(userA.id(), userA.username()));
					MvcResult result = mvc.perform(request).andReturn();
					checked++;
					int status = result.getResponse().getStatus();
					String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
					String where = method + " " + pattern + " → " + status;
					if (body.contains(secretOrg) || body.contains(secretPerson) || body.contains(userB.username())) {
						failures.add(where + " leaks");
					}
					if (method == RequestMethod.GET && status != 404) {
						failures.add(where + ": a page outside scope must answer 404");
					}
					if (method != RequestMethod.GET && status != 403 && status != 404 && status != 302) {
						failures.add(where + ": a change outside scope must be refused");
					}
				}
			}
		}
		assertThat(checked).isGreaterThan(10);
		assertThat(failures).isEmpty();
		Org after = tree.find(b.id()).orElseThrow();
		assertThat(after.name()).isEqualTo(secretOrg);
		assertThat(after.parentId()).isEqualTo(city.id());
		assertThat(after.active()).isTrue();
		assertThat(leadership.posts(b.id())).hasSize(1);
		assertThat(leadership.getTenure(tenureB.id()).endDate()).isNull();
		assertThat(users.grants(userB.id())).hasSize(1);
		assertThat(users.get(userB.id()).enabled()).isTrue();
		assertThat(users.grants(userA.id())).extracting(Grant::role).doesNotContain(Role.ADMIN);
		assertThat(users.tokens(userB.id()).get(0).revokedAt()).isNull();
	}

	String fillPage(String pattern) {
		String url = pattern;
		if (pattern.startsWith("/orgs/")) {
			url = url.replace("{id}", String.valueOf(b.id()));
		}
		else if (pattern.startsWith("/people/")) {
			url = url.replace("{id}", String.valueOf(personB.id()));
		}
		else if (pattern.startsWith("/tenures/")) {
			url = url.replace("{id}", String.valueOf(tenureB.id()));
		}
		else if (pattern.startsWith("/admin/users/")) {
			url = url.replace("{id}", String.valueOf(userB.id())).replace("{grantId}", String.valueOf(grantB.id()));
		}
		else if (pattern.startsWith("/account/tokens/")) {
			url = url.replace("{tokenId}", String.valueOf(tokenB.id()));
		}
		assertThat(url).as("a value of the sibling for every variable of %s: extend this test", pattern)
				.doesNotContain("{");
		return url;
	}
}
