package zeren.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import zeren.access.Users;
import zeren.access.internal.ZerenUser;

/**
 * Base of the persistence and API tests. Each contract is an abstract subclass; it runs on H2
 * through a plain subclass and on PostgreSQL through a subclass marked {@link OnPostgres}.
 * Tests share one database per context, so each test names its data with a fresh prefix.
 * Requests are made as the administrator unless a test says otherwise ({@link #as}).
 */
@SpringBootTest
public abstract class ApiTest {

	@Autowired
	protected WebApplicationContext context;

	@Autowired
	protected Users users;

	protected MockMvc mvc;

	protected long adminId;

	@BeforeEach
	void signInAsAdministrator() {
		adminId = users.findByUsername("admin").orElseThrow().id();
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity())
				.defaultRequest(MockMvcRequestBuilders.get("/").with(as(adminId, "admin")))
				// a request clears the thread's security context when it ends
				.alwaysDo(result -> actAsAdministrator()).build();
		actAsAdministrator();
	}

	/** Services called directly by a test act as the administrator. */
	private void actAsAdministrator() {
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken
				.authenticated(new ZerenUser(adminId, "admin"), null, List.of(new SimpleGrantedAuthority("ROLE_USER"))));
	}

	/**
	 * Runs {@code work} as a second administrator, then acts as the first again: separation of
	 * duties refuses the closing (销号) of an item by the one who submitted it.
	 */
	protected void asAnotherAdministrator(Runnable work) {
		String name = "admin-verifier";
		long id = users.findByUsername(name).map(u -> u.id()).orElseGet(() -> {
			long created = users.create(new Users.NewUser(name, "password-of-the-verifier-1", null, true)).id();
			users.addGrant(created, new Users.NewGrant(zeren.access.Role.ADMIN, null, true));
			return created;
		});
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken
				.authenticated(new ZerenUser(id, name), null, List.of(new SimpleGrantedAuthority("ROLE_USER"))));
		try {
			work.run();
		}
		finally {
			actAsAdministrator();
		}
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	/** Requests as the given user (their grants decide what they see). */
	protected static RequestPostProcessor as(long userId, String username) {
		return authentication(UsernamePasswordAuthenticationToken.authenticated(new ZerenUser(userId, username), null,
				List.of(new SimpleGrantedAuthority("ROLE_USER"))));
	}

	/** A prefix no other test uses, for codes and names. */
	protected static String unique() {
		return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 10) + "-";
	}

	protected static MockHttpServletRequestBuilder postJson(String url, String json) {
		return MockMvcRequestBuilders.post(url).contentType(MediaType.APPLICATION_JSON).content(json);
	}
}
