package zeren.platform;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;

import jakarta.servlet.http.Cookie;
import zeren.support.ApiTest;

abstract class ApplicationContract extends ApiTest {

	@Test
	void health_is_up_when_the_database_answers() throws Exception {
		mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
	}

	@Test
	void pages_speak_chinese_by_default_and_english_on_request() throws Exception {
		mvc.perform(get("/")).andExpect(status().isOk())
				.andExpect(content().string(containsString("党风廉政建设主体责任")))
				.andExpect(content().string(containsString("明责")));
		var english = mvc.perform(get("/").param("lang", "en")).andExpect(status().isOk())
				.andExpect(content().string(containsString("Principal responsibility for Party conduct"))).andReturn();
		Cookie remembered = english.getResponse().getCookie("zeren-lang");
		mvc.perform(get("/orgs").cookie(remembered)).andExpect(content().string(containsString("Organisation tree")));
	}

	@Test
	void an_unknown_organisation_page_is_a_404_page() throws Exception {
		mvc.perform(get("/orgs/987654321")).andExpect(status().isNotFound())
				.andExpect(content().string(containsString("未找到")));
	}

	@Test
	void a_form_value_no_form_sends_is_a_400_page_naming_it_and_changes_nothing() throws Exception {
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/tenures/1/end")
				.param("orgId", "1").param("endDate", "2024-01-01").param("reason", "VACATION")
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
				.andExpect(status().isBadRequest()).andExpect(content().string(containsString("离任原因：")));
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/tenures/1/end")
				.param("endDate", "2024-01-01")
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
				.andExpect(status().isBadRequest()).andExpect(content().string(containsString("所属组织")));
	}

	@Test
	void the_api_is_described_by_openapi() throws Exception {
		mvc.perform(get("/api/v1/openapi")).andExpect(status().isOk())
				.andExpect(jsonPath("$.paths['/api/v1/orgs/import'].post").exists())
				.andExpect(jsonPath("$.paths['/api/v1/orgs/{id}/leaders'].get").exists())
				.andExpect(jsonPath("$.paths['/api/v1/people/{id}/tenures'].get").exists())
				.andExpect(jsonPath("$.components.securitySchemes.basic.scheme").value("basic"))
				.andExpect(jsonPath("$.components.securitySchemes.token.scheme").value("bearer"));
		mvc.perform(get("/docs/api")).andExpect(status().is3xxRedirection());
	}
}
