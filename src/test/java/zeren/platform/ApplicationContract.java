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

	@org.springframework.beans.factory.annotation.Autowired
	javax.sql.DataSource dataSource;

	@org.springframework.beans.factory.annotation.Autowired
	Database database;

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.transaction.PlatformTransactionManager transactions;

	@Test
	void rows_written_in_bulk_arrive_whole_and_leave_with_a_rolled_back_transaction() {
		var jdbc = org.springframework.jdbc.core.simple.JdbcClient.create(dataSource);
		jdbc.sql("CREATE TABLE IF NOT EXISTS bulk_rows_probe (n BIGINT, label VARCHAR(100))").update();
		jdbc.sql("DELETE FROM bulk_rows_probe").update();
		var tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
		java.util.List<String> labels = java.util.List.of("tab\there", "back\\slash \\N", "line\nbreak\r", "中文 名称");
		long written = tx.execute(s -> {
			try (BulkRows rows = BulkRows.into(dataSource, database, "bulk_rows_probe", java.util.List.of("n", "label"))) {
				for (int i = 0; i < 12_001; i++) {
					rows.add((long) i, i < labels.size() ? labels.get(i) : i % 7 == 0 ? null : "row " + i);
				}
				rows.close();
				return rows.written();
			}
		});
		org.assertj.core.api.Assertions.assertThat(written).isEqualTo(12_001);
		org.assertj.core.api.Assertions.assertThat(jdbc.sql("SELECT label FROM bulk_rows_probe WHERE n < 4 ORDER BY n")
				.query(String.class).list()).isEqualTo(labels);
		org.assertj.core.api.Assertions.assertThat(jdbc.sql("SELECT COUNT(*) FROM bulk_rows_probe WHERE label IS NULL")
				.query(Long.class).single()).isEqualTo(java.util.stream.IntStream.range(4, 12_001).filter(i -> i % 7 == 0).count());
		tx.executeWithoutResult(s -> {
			try (BulkRows rows = BulkRows.into(dataSource, database, "bulk_rows_probe", java.util.List.of("n", "label"))) {
				rows.add(-1L, "rolled back");
			}
			s.setRollbackOnly();
		});
		org.assertj.core.api.Assertions.assertThat(jdbc.sql("SELECT COUNT(*) FROM bulk_rows_probe").query(Long.class).single())
				.isEqualTo(12_001);
		jdbc.sql("DROP TABLE bulk_rows_probe").update();
	}
}
