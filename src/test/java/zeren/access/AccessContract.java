package zeren.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import zeren.support.ApiTest;

abstract class AccessContract extends ApiTest {

	@Autowired
	JdbcClient jdbc;

	final ObjectMapper json = new ObjectMapper();

	UserAccount user(String password) {
		return users.create(new Users.NewUser(unique().toLowerCase() + "u", password, null, true));
	}

	long events(String action, String username) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = :a AND username = :u").param("a", action)
				.param("u", username).query(Long.class).single();
	}

	@Test
	void passwords_need_ten_characters_and_must_not_be_the_username() throws Exception {
		String name = unique().toLowerCase() + "pw";
		mvc.perform(postJson("/api/v1/users", "{\"username\":\"%s\",\"password\":\"short\"}".formatted(name)))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("password"));
		mvc.perform(postJson("/api/v1/users", "{\"username\":\"%s\",\"password\":\"%s\"}".formatted(name, name.toUpperCase())))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].code").value("error.password.is-username"));
		mvc.perform(postJson("/api/v1/users", "{\"username\":\"%s\",\"password\":\"long-enough-1\"}".formatted(name)))
				.andExpect(status().isCreated()).andExpect(jsonPath("$.username").value(name))
				.andExpect(content().string(not(containsString("long-enough-1"))))
				.andExpect(content().string(not(containsString("password"))));
		mvc.perform(postJson("/api/v1/users", "{\"username\":\"%s\",\"password\":\"long-enough-1\"}".formatted(name)))
				.andExpect(status().isConflict());
	}

	@Test
	void the_api_answers_401_problem_details_without_credentials_never_a_login_page() throws Exception {
		mvc.perform(get("/api/v1/orgs").with(anonymous()))
				.andExpect(status().isUnauthorized())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(header().string("WWW-Authenticate", containsString("Basic")));
		mvc.perform(get("/orgs").with(anonymous())).andExpect(status().is3xxRedirection())
				.andExpect(header().string("Location", containsString("/login")));
	}

	@Test
	void http_basic_signs_in_with_the_password_and_the_first_admin_has_the_configured_one() throws Exception {
		UserAccount u = user("basic-password-1");
		mvc.perform(get("/api/v1/users/me").with(httpBasic(u.username(), "basic-password-1")))
				.andExpect(status().isOk()).andExpect(jsonPath("$.id").value(u.id()));
		mvc.perform(get("/api/v1/users/me").with(httpBasic(u.username(), "wrong-password"))).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/v1/users").with(httpBasic("admin", "admin-test-password"))).andExpect(status().isOk());
	}

	@Test
	void a_personal_token_works_until_revoked_or_expired_and_is_stored_hashed() throws Exception {
		UserAccount u = user("token-password-1");
		String body = mvc.perform(postJson("/api/v1/users/" + u.id() + "/tokens", "{\"name\":\"脚本\",\"days\":30}")
				.with(as(u.id(), u.username()))).andExpect(status().isCreated()).andReturn().getResponse()
				.getContentAsString();
		JsonNode token = json.readTree(body);
		String secret = token.get("secret").asString();
		assertThat(secret).startsWith("zrn_");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM api_token WHERE token_hash = :s").param("s", secret).query(Long.class)
				.single()).isZero();
		mvc.perform(get("/api/v1/users/me").with(anonymous()).header("Authorization", "Bearer " + secret))
				.andExpect(status().isOk()).andExpect(jsonPath("$.username").value(u.username()));
		mvc.perform(get("/api/v1/users/" + u.id() + "/tokens").with(as(u.id(), u.username())))
				.andExpect(jsonPath("$[0].secret").doesNotExist()).andExpect(jsonPath("$[0].lastUsedAt").exists());

		jdbc.sql("UPDATE api_token SET expires_at = :past WHERE id = :id").param("past", OffsetDateTime.now().minusDays(1))
				.param("id", token.get("id").asLong()).update();
		mvc.perform(get("/api/v1/users/me").with(anonymous()).header("Authorization", "Bearer " + secret))
				.andExpect(status().isUnauthorized());
		jdbc.sql("UPDATE api_token SET expires_at = :future WHERE id = :id").param("future", OffsetDateTime.now().plusDays(1))
				.param("id", token.get("id").asLong()).update();
		mvc.perform(delete("/api/v1/users/" + u.id() + "/tokens/" + token.get("id").asLong()).with(as(u.id(), u.username())))
				.andExpect(status().isNoContent());
		mvc.perform(get("/api/v1/users/me").with(anonymous()).header("Authorization", "Bearer " + secret))
				.andExpect(status().isUnauthorized());
		mvc.perform(get("/api/v1/users/me").with(anonymous()).header("Authorization", "Bearer zrn_made-up"))
				.andExpect(status().isUnauthorized());
	}

	@Test
	void five_failed_logins_lock_the_account_and_the_failures_and_lock_are_audited() throws Exception {
		UserAccount u = user("lockout-password-1");
		for (int i = 0; i < 5; i++) {
			mvc.perform(get("/api/v1/users/me").with(httpBasic(u.username(), "wrong-" + i))).andExpect(status().isUnauthorized());
		}
		mvc.perform(get("/api/v1/users/me").with(httpBasic(u.username(), "lockout-password-1")))
				.andExpect(status().isUnauthorized());
		assertThat(users.get(u.id()).lockedUntil()).isAfter(OffsetDateTime.now().plusMinutes(14));
		assertThat(events("LOGIN_FAILURE", u.username())).isEqualTo(5);
		assertThat(events("LOCK", u.username())).isEqualTo(1);
		assertThat(events("LOGIN_REFUSED_LOCKED", u.username())).isEqualTo(1);
		// the lock ends by itself
		jdbc.sql("UPDATE login_throttle SET locked_until = :past WHERE username = :u").param("past", OffsetDateTime.now().minusMinutes(1))
				.param("u", u.username()).update();
		mvc.perform(get("/api/v1/users/me").with(httpBasic(u.username(), "lockout-password-1"))).andExpect(status().isOk());
	}

	@Test
	void changing_a_password_requires_the_old_one() throws Exception {
		UserAccount u = user("old-password-1");
		mvc.perform(postJson("/api/v1/users/me/password", "{\"oldPassword\":\"nope\",\"newPassword\":\"new-password-22\"}")
				.with(as(u.id(), u.username()))).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("oldPassword"));
		mvc.perform(postJson("/api/v1/users/me/password", "{\"oldPassword\":\"old-password-1\",\"newPassword\":\"short\"}")
				.with(as(u.id(), u.username()))).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("newPassword"));
		mvc.perform(postJson("/api/v1/users/me/password", "{\"oldPassword\":\"old-password-1\",\"newPassword\":\"new-password-22\"}")
				.with(as(u.id(), u.username()))).andExpect(status().isNoContent());
		mvc.perform(get("/api/v1/users/me").with(httpBasic(u.username(), "new-password-22"))).andExpect(status().isOk());
	}

	@Test
	void only_an_administrator_creates_users_and_grants_and_a_grant_takes_effect_at_once() throws Exception {
		UserAccount u = user("grant-password-1");
		mvc.perform(postJson("/api/v1/users", "{\"username\":\"x%s\",\"password\":\"long-enough-1\"}".formatted(u.id()))
				.with(as(u.id(), u.username()))).andExpect(status().isForbidden());
		var org = mvc.perform(postJson("/api/v1/orgs", "{\"code\":\"%s\",\"name\":\"g\",\"type\":\"党委\"}".formatted(unique())))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		long orgId = json.readTree(org).get("id").asLong();
		mvc.perform(get("/api/v1/orgs/" + orgId).with(as(u.id(), u.username()))).andExpect(status().isNotFound());
		String grant = mvc.perform(postJson("/api/v1/users/" + u.id() + "/grants",
				"{\"role\":\"VIEWER\",\"orgId\":%d,\"includeDescendants\":true}".formatted(orgId)))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		mvc.perform(get("/api/v1/orgs/" + orgId).with(as(u.id(), u.username()))).andExpect(status().isOk());
		// a viewer reads but does not write
		mvc.perform(postJson("/api/v1/orgs/" + orgId + "/rename", "{\"name\":\"改\"}").with(as(u.id(), u.username())))
				.andExpect(status().isForbidden());
		mvc.perform(delete("/api/v1/users/" + u.id() + "/grants/" + json.readTree(grant).get("id").asLong()))
				.andExpect(status().isNoContent());
		mvc.perform(get("/api/v1/orgs/" + orgId).with(as(u.id(), u.username()))).andExpect(status().isNotFound());
	}

	@Test
	void pages_send_security_headers_and_forms_need_the_csrf_token() throws Exception {
		mvc.perform(get("/login").with(anonymous()))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("name=\"_csrf\"")))
				.andExpect(header().string("Content-Security-Policy", containsString("script-src 'self';")))
				.andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
				.andExpect(header().string("X-Frame-Options", "DENY"))
				.andExpect(header().string("X-Content-Type-Options", "nosniff"));
		mvc.perform(post("/orgs").param("code", unique()).param("name", "x").param("type", "BRANCH"))
				.andExpect(status().isForbidden());
	}

	@Test
	void the_metrics_for_prometheus_need_a_sign_in() throws Exception {
		mvc.perform(get("/actuator/prometheus").with(anonymous())).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/v1/users/me")).andExpect(status().isOk());
		mvc.perform(get("/actuator/prometheus").with(httpBasic("admin", "admin-test-password"))).andExpect(status().isOk())
				// MockMvc bypasses the server's observation of requests: http_server_requests is checked on the jar (soak.sh)
				.andExpect(content().string(containsString("jvm_memory_used_bytes")));
	}
}
