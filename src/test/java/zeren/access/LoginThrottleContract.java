package zeren.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import zeren.access.internal.LockoutPolicy;
import zeren.access.internal.LoginThrottle;
import zeren.access.internal.PasswordChecks;
import zeren.support.ApiTest;

/**
 * Password guessing (issue 13, items 3–7 and 11): the throttle per user name and address, its
 * growing and permanent locks, the administrator's unlock, one answer for every failure, tokens
 * untouched, the password change's revocations, the password rules and the bounded password
 * checks. Each test guesses from addresses of its own, so that no test's locks reach another.
 */
abstract class LoginThrottleContract extends ApiTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	LoginThrottle throttle;

	@Autowired
	PasswordChecks checks;

	@Autowired
	LockoutPolicy policy;

	@Autowired
	FindByIndexNameSessionRepository<? extends Session> sessions;

	/** Requests with no one signed in, as from the outside. */
	MockMvc outside;

	@BeforeEach
	void outsideMvc() {
		outside = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
	}

	static String address() {
		ThreadLocalRandom r = ThreadLocalRandom.current();
		return "10.%d.%d.%d".formatted(r.nextInt(1, 255), r.nextInt(1, 255), r.nextInt(1, 255));
	}

	static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	static String basic(String username, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	UserAccount user(String password) {
		return users.create(new Users.NewUser(unique().toLowerCase() + "t", password, null, true));
	}

	MockHttpServletResponse viaBasic(String username, String password, String address) throws Exception {
		return outside.perform(get("/api/v1/users/me").header("Authorization", basic(username, password))
				.with(from(address)).with(anonymous())).andReturn().getResponse();
	}

	int basicStatus(String username, String password, String address) throws Exception {
		return viaBasic(username, password, address).getStatus();
	}

	/** Where the login form sends the browser. */
	String formLogin(String username, String password, String address) throws Exception {
		return outside.perform(post("/login").param("username", username).param("password", password).with(csrf())
				.with(from(address))).andReturn().getResponse().getHeader("Location");
	}

	long events(String action, String username) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = :a AND username = :u").param("a", action)
				.param("u", username).query(Long.class).single();
	}

	static <T> List<T> concurrently(int n, IntFunction<Callable<T>> task) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(n);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				Callable<T> call = task.apply(i);
				futures.add(pool.submit(() -> {
					start.await();
					return call.call();
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get(120, TimeUnit.SECONDS));
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

	String token(UserAccount u) {
		return users.createToken(u.id(), new Users.NewToken("script", 30)).secret();
	}

	int tokenStatus(String secret, String address) throws Exception {
		return outside.perform(get("/api/v1/users/me").header("Authorization", "Bearer " + secret).with(from(address))
				.with(anonymous())).andReturn().getResponse().getStatus();
	}

	// item 3: count and lock before the check

	@Test
	void a_hundred_concurrent_wrong_passwords_check_no_more_passwords_than_the_policy_allows() throws Exception {
		UserAccount u = user("right-horse-battery-1");
		String address = address();
		List<Integer> statuses = concurrently(100, i -> () -> basicStatus(u.username(), "wrong-guess-" + i, address));
		assertThat(statuses).containsOnly(401);
		assertThat(events("LOGIN_FAILURE", u.username())).isEqualTo((long) policy.attempts());
		assertThat(events("LOCK", u.username())).isEqualTo(1);
		// and the right password, next, is refused too
		assertThat(basicStatus(u.username(), "right-horse-battery-1", address)).isEqualTo(401);
	}

	@Test
	void concurrent_attempts_are_counted_before_their_check_so_only_the_policy_number_is_admitted() throws Exception {
		String name = unique().toLowerCase() + "race";
		String address = address();
		List<Boolean> admitted = concurrently(100, i -> () -> throttle.reserve(name, address, null).admitted());
		assertThat(admitted.stream().filter(a -> a).count()).isEqualTo((long) policy.attempts());
	}

	@Test
	void after_a_burst_of_wrong_passwords_the_right_one_does_not_get_in() throws Exception {
		UserAccount u = user("right-horse-battery-2");
		String address = address();
		concurrently(24, i -> () -> basicStatus(u.username(), "burst-guess-" + i, address));
		assertThat(basicStatus(u.username(), "right-horse-battery-2", address)).isEqualTo(401);
		assertThat(events("LOGIN_FAILURE", u.username())).isEqualTo((long) policy.attempts());
	}

	// item 4: per user and address, growing, permanent for the source only, tokens untouched, one answer

	@Test
	void a_lock_holds_only_for_the_address_that_guessed_and_leaves_the_tokens_working() throws Exception {
		UserAccount u = user("right-horse-battery-3");
		String secret = token(u);
		String guesser = address();
		for (int i = 0; i < policy.attempts(); i++) {
			assertThat(basicStatus(u.username(), "guess-" + i, guesser)).isEqualTo(401);
		}
		assertThat(basicStatus(u.username(), "right-horse-battery-3", guesser)).isEqualTo(401);
		assertThat(basicStatus(u.username(), "right-horse-battery-3", address())).isEqualTo(200);
		assertThat(formLogin(u.username(), "right-horse-battery-3", address())).isEqualTo("/");
		assertThat(tokenStatus(secret, guesser)).isEqualTo(200);
		assertThat(users.lockouts(u.id())).singleElement()
				.satisfies(l -> assertThat(l.clientAddress()).isEqualTo(guesser));
	}

	@Test
	void an_unknown_user_a_wrong_password_a_disabled_user_and_a_lock_get_the_same_answer() throws Exception {
		UserAccount locked = user("right-horse-battery-4");
		UserAccount wrong = user("right-horse-battery-5");
		UserAccount disabled = user("right-horse-battery-6");
		users.setEnabled(disabled.id(), false);
		String guesser = address();
		for (int i = 0; i < policy.attempts(); i++) {
			basicStatus(locked.username(), "guess-" + i, guesser);
		}
		String other = address();
		List<MockHttpServletResponse> answers = List.of(
				viaBasic(locked.username(), "right-horse-battery-4", guesser),
				viaBasic(wrong.username(), "not-the-password", other),
				viaBasic(unique().toLowerCase() + "nobody", "not-the-password", other),
				viaBasic(disabled.username(), "right-horse-battery-6", other));
		for (MockHttpServletResponse answer : answers) {
			assertThat(answer.getStatus()).isEqualTo(401);
			assertThat(answer.getContentAsString()).isEqualTo(answers.get(0).getContentAsString());
			assertThat(answer.getHeader("WWW-Authenticate")).isEqualTo(answers.get(0).getHeader("WWW-Authenticate"));
		}
		String pageGuesser = address();
		for (int i = 0; i < policy.attempts(); i++) {
			formLogin(wrong.username(), "guess-" + i, pageGuesser);
		}
		assertThat(List.of(formLogin(wrong.username(), "right-horse-battery-5", pageGuesser),
				formLogin(wrong.username(), "not-the-password", other),
				formLogin(unique().toLowerCase() + "nobody", "not-the-password", other),
				formLogin(disabled.username(), "right-horse-battery-6", other))).containsOnly("/login?error");
	}

	@Test
	void each_lock_lasts_longer_and_the_last_is_permanent_until_an_administrator_unlocks() throws Exception {
		UserAccount u = user("right-horse-battery-7");
		String guesser = address();
		for (int lock = 1; lock <= policy.permanentAfter(); lock++) {
			for (int i = 0; i < policy.attempts(); i++) {
				assertThat(basicStatus(u.username(), "guess-" + lock + "-" + i, guesser)).isEqualTo(401);
			}
			var row = jdbc.sql("SELECT locked_until, permanent FROM login_throttle WHERE username = :u AND client_address = :a")
					.param("u", u.username()).param("a", guesser)
					.query((rs, n) -> new Object[] { rs.getObject(1, OffsetDateTime.class), rs.getBoolean(2) }).single();
			if (lock < policy.permanentAfter()) {
				Duration expected = policy.duration().multipliedBy(1L << (lock - 1));
				assertThat(Duration.between(OffsetDateTime.now(), (OffsetDateTime) row[0]))
						.isBetween(expected.minusMinutes(1), expected);
				// the lock runs out
				jdbc.sql("UPDATE login_throttle SET locked_until = :past WHERE username = :u AND client_address = :a")
						.param("past", OffsetDateTime.now().minusSeconds(1)).param("u", u.username()).param("a", guesser)
						.update();
			}
			else {
				assertThat((Boolean) row[1]).isTrue();
			}
		}
		assertThat(basicStatus(u.username(), "right-horse-battery-7", guesser)).isEqualTo(401);
		mvc.perform(get("/api/v1/users/" + u.id() + "/lockouts")).andExpect(status().isOk())
				.andExpect(jsonPath("$[0].clientAddress").value(guesser)).andExpect(jsonPath("$[0].permanent").value(true));
		// everyone else still signs in, and the user from elsewhere
		assertThat(basicStatus(u.username(), "right-horse-battery-7", address())).isEqualTo(200);

		mvc.perform(post("/api/v1/users/" + u.id() + "/unlock").with(as(u.id(), u.username())))
				.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/users/" + u.id() + "/unlock")).andExpect(status().isOk())
				.andExpect(jsonPath("$.addresses").value(1));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'UNLOCK' AND entity_id = :id")
				.param("id", String.valueOf(u.id())).query(Long.class).single()).isEqualTo(1);
		assertThat(basicStatus(u.username(), "right-horse-battery-7", guesser)).isEqualTo(200);
	}

	@Test
	void an_administrator_unlocks_a_user_on_the_page_too() throws Exception {
		UserAccount u = user("right-horse-battery-8");
		String guesser = address();
		for (int i = 0; i < policy.attempts(); i++) {
			basicStatus(u.username(), "guess-" + i, guesser);
		}
		assertThat(users.get(u.id()).lockedUntil()).isNotNull();
		mvc.perform(get("/admin/users/" + u.id())).andExpect(status().isOk())
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
						.string(org.hamcrest.Matchers.containsString(guesser)));
		mvc.perform(post("/admin/users/" + u.id() + "/unlock").with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(users.get(u.id()).lockedUntil()).isNull();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'UNLOCK' AND entity_id = :id")
				.param("id", String.valueOf(u.id())).query(Long.class).single()).isEqualTo(1);
		assertThat(basicStatus(u.username(), "right-horse-battery-8", guesser)).isEqualTo(200);
	}

	@Test
	void an_address_that_tries_many_user_names_is_locked_as_a_whole_until_it_waits_or_is_unlocked() throws Exception {
		UserAccount u = user("right-horse-battery-9");
		String sprayer = address();
		for (int i = 0; i < policy.addressAttempts(); i++) {
			assertThat(basicStatus(unique().toLowerCase() + "spray", "123456789a", sprayer)).isEqualTo(401);
		}
		assertThat(basicStatus(u.username(), "right-horse-battery-9", sprayer)).isEqualTo(401);
		assertThat(basicStatus(u.username(), "right-horse-battery-9", address())).isEqualTo(200);
		mvc.perform(get("/api/v1/login-locks")).andExpect(status().isOk())
				.andExpect(jsonPath("$[?(@.clientAddress == '%s')]".formatted(sprayer)).exists());
		mvc.perform(get("/admin/login-locks")).andExpect(status().isOk());
		mvc.perform(postJson("/api/v1/login-locks/unlock", "{\"address\":\"%s\"}".formatted(sprayer))
				.with(as(u.id(), u.username()))).andExpect(status().isForbidden());
		mvc.perform(postJson("/api/v1/login-locks/unlock", "{\"address\":\"%s\"}".formatted(sprayer)))
				.andExpect(status().isOk());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'UNLOCK_SOURCE' AND entity_id = :a")
				.param("a", sprayer).query(Long.class).single()).isEqualTo(1);
		assertThat(basicStatus(u.username(), "right-horse-battery-9", sprayer)).isEqualTo(200);
	}

	// item 5: a new password ends the other sessions and the tokens; the old one is throttled

	static <S extends Session> String newSession(FindByIndexNameSessionRepository<S> repository, String username) {
		S session = repository.createSession();
		session.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, username);
		repository.save(session);
		return session.getId();
	}

	@Test
	void a_new_password_ends_the_other_sessions_and_revokes_the_tokens_and_this_session_stays() throws Exception {
		UserAccount u = user("first-horse-battery-1");
		String secret = token(u);
		String here = newSession(sessions, u.username());
		String elsewhere = newSession(sessions, u.username());
		String otherUsers = newSession(sessions, "admin");
		assertThat(tokenStatus(secret, address())).isEqualTo(200);

		mvc.perform(post("/account/password").param("oldPassword", "first-horse-battery-1")
				.param("newPassword", "second-horse-battery-2").session(new MockHttpSession(null, here)).with(csrf())
				.with(as(u.id(), u.username()))).andExpect(status().is3xxRedirection());

		assertThat(sessions.findById(here)).isNotNull();
		assertThat(sessions.findById(elsewhere)).isNull();
		assertThat(sessions.findById(otherUsers)).isNotNull();
		assertThat(tokenStatus(secret, address())).isEqualTo(401);
		assertThat(users.tokens(u.id())).allSatisfy(t -> assertThat(t.revokedAt()).isNotNull());
		assertThat(jdbc.sql("SELECT summary FROM audit_event WHERE action = 'PASSWORD_CHANGE' AND entity_id = :id")
				.param("id", String.valueOf(u.id())).query(String.class).single())
				.isEqualTo("tokens revoked=1, other sessions ended=1");
		sessions.deleteById(otherUsers);
	}

	@Test
	void a_new_password_through_the_api_ends_every_session() throws Exception {
		UserAccount u = user("first-horse-battery-2");
		String session = newSession(sessions, u.username());
		mvc.perform(postJson("/api/v1/users/me/password",
				"{\"oldPassword\":\"first-horse-battery-2\",\"newPassword\":\"second-horse-battery-3\"}")
				.with(as(u.id(), u.username()))).andExpect(status().isNoContent());
		assertThat(sessions.findById(session)).isNull();
	}

	@Test
	void wrong_old_passwords_on_the_change_endpoint_are_throttled_like_logins() throws Exception {
		UserAccount u = user("first-horse-battery-3");
		String guesser = address();
		for (int i = 0; i < policy.attempts(); i++) {
			mvc.perform(postJson("/api/v1/users/me/password",
					"{\"oldPassword\":\"guess-%d\",\"newPassword\":\"second-horse-battery-4\"}".formatted(i))
					.with(as(u.id(), u.username())).with(from(guesser)))
					.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].code").value("error.password.old-wrong"));
		}
		mvc.perform(postJson("/api/v1/users/me/password",
				"{\"oldPassword\":\"first-horse-battery-3\",\"newPassword\":\"second-horse-battery-4\"}")
				.with(as(u.id(), u.username())).with(from(guesser))).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("oldPassword"))
				.andExpect(jsonPath("$.errors[0].code").value("error.password.old-throttled"));
		assertThat(events("PASSWORD_CHANGE_FAILURE", u.username())).isEqualTo((long) policy.attempts());
		// the same count as the login's
		assertThat(basicStatus(u.username(), "first-horse-battery-3", guesser)).isEqualTo(401);
		assertThat(basicStatus(u.username(), "first-horse-battery-3", address())).isEqualTo(200);
	}

	// items 6 and 7: the password rules and case-insensitive user names

	@Test
	void a_password_over_72_bytes_is_a_field_error_not_a_server_error() throws Exception {
		String name = unique().toLowerCase() + "long";
		mvc.perform(postJson("/api/v1/users", "{\"username\":\"%s\",\"password\":\"%s\"}".formatted(name, "x1-".repeat(25))))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("password"))
				.andExpect(jsonPath("$.errors[0].code").value("error.password.too-long"));
		// 27 Chinese characters: 81 bytes
		mvc.perform(postJson("/api/v1/users", "{\"username\":\"%s\",\"password\":\"%s\"}".formatted(name, "党风廉政建设责任制".repeat(3))))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].code").value("error.password.too-long"));
		String longest = "y2-" + "abcdefgh".repeat(8) + "z9-q7";
		assertThat(longest.getBytes(StandardCharsets.UTF_8)).hasSize(72);
		UserAccount u = users.create(new Users.NewUser(name, longest, null, true));
		assertThat(basicStatus(name, longest, address())).isEqualTo(200);
		assertThat(basicStatus(name, longest + "x", address())).isEqualTo(401);
		mvc.perform(postJson("/api/v1/users/me/password",
				"{\"oldPassword\":\"%s\",\"newPassword\":\"%s\"}".formatted(longest, "x1-".repeat(25)))
				.with(as(u.id(), u.username()))).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("newPassword"))
				.andExpect(jsonPath("$.errors[0].code").value("error.password.too-long"));
	}

	@Test
	void the_commonest_passwords_and_trivial_ones_are_refused() throws Exception {
		String name = unique().toLowerCase() + "weak";
		for (String common : List.of("woaini1314", "qq123456789", "Password123", "1qaz2wsx3edc", "a1234567890",
				"zhangwei1990", "admin123456")) {
			mvc.perform(postJson("/api/v1/users", "{\"username\":\"%s\",\"password\":\"%s\"}".formatted(name, common)))
					.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].code").value("error.password.common"));
		}
		for (String trivial : List.of("aaaaaaaaaa", "abcabcabcabc", "1234567890123", "9876543210", "121212121212")) {
			mvc.perform(postJson("/api/v1/users", "{\"username\":\"%s\",\"password\":\"%s\"}".formatted(name, trivial)))
					.andExpect(status().isBadRequest())
					.andExpect(jsonPath("$.errors[0].code").value(org.hamcrest.Matchers.oneOf("error.password.trivial",
							"error.password.common")));
		}
		assertThat(users.findByUsername(name)).isEmpty();
	}

	@Test
	void user_names_are_one_whatever_their_case() throws Exception {
		String name = unique().toLowerCase() + "victim";
		UserAccount victim = users.create(new Users.NewUser(name, "right-horse-battery-10", null, true));
		mvc.perform(postJson("/api/v1/users", "{\"username\":\"%s\",\"password\":\"other-horse-battery-1\"}"
				.formatted(name.toUpperCase()))).andExpect(status().isConflict());
		assertThat(users.findByUsername(name.toUpperCase())).map(UserAccount::id).contains(victim.id());
		MockHttpServletResponse answer = viaBasic(name.toUpperCase(), "right-horse-battery-10", address());
		assertThat(answer.getStatus()).isEqualTo(200);
		assertThat(answer.getContentAsString()).contains("\"username\":\"" + name + "\"");
		// guesses under any spelling count against the one user
		String guesser = address();
		for (int i = 0; i < policy.attempts(); i++) {
			basicStatus(i % 2 == 0 ? name.toUpperCase() : name, "guess-" + i, guesser);
		}
		assertThat(basicStatus(name, "right-horse-battery-10", guesser)).isEqualTo(401);
		assertThat(users.lockouts(victim.id())).hasSize(1);
	}

	// item 11: a bounded pool for password checks

	interface Step {
		void run() throws Exception;
	}

	/** Runs {@code step} while every place of the lane and its whole queue are taken. */
	void whileFull(PasswordChecks.Lane lane, Step step) throws Exception {
		int places = checks.concurrency();
		int queue = checks.queue();
		CountDownLatch running = new CountDownLatch(places);
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService holders = Executors.newFixedThreadPool(places + queue);
		try {
			for (int i = 0; i < places; i++) {
				holders.submit(() -> checks.run(lane, () -> {
					running.countDown();
					try {
						return release.await(120, TimeUnit.SECONDS);
					}
					catch (InterruptedException e) {
						throw new IllegalStateException(e);
					}
				}));
			}
			assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();
			for (int i = 0; i < queue; i++) {
				holders.submit(() -> checks.run(lane, () -> true));
			}
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			while (checks.waiting(lane) < queue && System.nanoTime() < deadline) {
				Thread.sleep(10);
			}
			assertThat(checks.waiting(lane)).isEqualTo(queue);
			step.run();
		}
		finally {
			release.countDown();
			holders.shutdown();
			assertThat(holders.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
		}
	}

	@Test
	void while_the_password_checks_are_full_basic_is_refused_at_once_and_tokens_and_pages_still_answer() throws Exception {
		UserAccount u = user("right-horse-battery-11");
		String secret = token(u);
		whileFull(PasswordChecks.Lane.API, () -> {
			// a flood of HTTP Basic: refused at once, without a password check
			List<MockHttpServletResponse> flood = concurrently(40,
					i -> () -> viaBasic(u.username(), "right-horse-battery-11", address()));
			assertThat(flood).allSatisfy(answer -> {
				assertThat(answer.getStatus()).isEqualTo(429);
				assertThat(answer.getContentType()).startsWith("application/problem+json");
				assertThat(answer.getHeader("Retry-After")).isEqualTo("1");
				assertThat(answer.getContentAsString()).contains("urn:zeren:problem:busy");
			});
			// meanwhile a token and a page session are answered
			assertThat(tokenStatus(secret, address())).isEqualTo(200);
			mvc.perform(get("/account").with(as(u.id(), u.username()))).andExpect(status().isOk());
			// and the pages' own lane still signs people in
			assertThat(formLogin(u.username(), "right-horse-battery-11", address())).isEqualTo("/");
		});
		assertThat(basicStatus(u.username(), "right-horse-battery-11", address())).isEqualTo(200);
	}

	@Test
	void while_the_pages_password_checks_are_full_the_login_page_says_so_and_basic_still_signs_in() throws Exception {
		UserAccount u = user("right-horse-battery-12");
		whileFull(PasswordChecks.Lane.PAGE, () -> {
			assertThat(formLogin(u.username(), "right-horse-battery-12", address())).isEqualTo("/login?busy");
			mvc.perform(post("/account/password").param("oldPassword", "right-horse-battery-12")
					.param("newPassword", "other-horse-battery-12").with(csrf()).with(as(u.id(), u.username())))
					.andExpect(status().is3xxRedirection())
					.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("errors",
							List.of("正在核对的密码过多，请稍后再试。")));
			assertThat(basicStatus(u.username(), "right-horse-battery-12", address())).isEqualTo(200);
		});
		assertThat(formLogin(u.username(), "right-horse-battery-12", address())).isEqualTo("/");
	}
}
