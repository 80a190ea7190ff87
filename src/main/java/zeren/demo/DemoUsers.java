package zeren.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import zeren.access.Role;
import zeren.access.UserAccount;
import zeren.access.Users;
import zeren.org.Org;
import zeren.org.Person;
import zeren.platform.CurrentUser;

/**
 * The demo's users, one per role a county works with, all with the demo password: the county
 * secretary, the county committee office, the county discipline commission, a township office and
 * the secretaries of the townships that sign their letters in the demo. {@link #as} lets the seed
 * act as one of them where a service needs a person (a signature, an answer).
 */
@Component
class DemoUsers {

	static final String SECRETARY = "yuanshi.shuji";
	static final String OFFICE = "yuanshi.ban";
	static final String DISCIPLINE = "yuanshi.jiwei";
	static final String TOWNSHIP_OFFICE = "huaiyang.ban";

	/** The townships whose secretaries have accounts (and sign the county's letter in the demo). */
	static final List<String> SIGNING_TOWNSHIPS = List.of(DemoCounty.HUAIYANG, "130132101", DemoCounty.NANZUO,
			"130132104", "130132105");

	/** A demo user and what it is for (shown in the log and the README). */
	record DemoUser(long id, String username, String role) {
	}

	private final Users users;

	DemoUsers(Users users) {
		this.users = users;
	}

	boolean exists(String username) {
		return users.findByUsername(username).isPresent();
	}

	List<DemoUser> create(DemoCounty.County county, String password) {
		List<DemoUser> made = new ArrayList<>();
		Org c = county.county();
		made.add(user(SECRETARY, password, county.holder(county.secretary()), "县委书记", c, Role.LEADER));
		made.add(user(OFFICE, password, county.holder(county.office()), "县委办公室（组织、人员、清单管理）", c, Role.ORG_ADMIN));
		made.add(user(DISCIPLINE, password, county.holder(county.disciplineSecretary()), "县纪委书记（督查、质询、问责）", c,
				Role.DISCIPLINE));
		DemoCounty.Township huaiyang = county.township(DemoCounty.HUAIYANG);
		made.add(user(TOWNSHIP_OFFICE, password, null, "槐阳镇党政办（本镇清单、台账、报告）", huaiyang.org(), Role.ORG_ADMIN));
		for (String code : SIGNING_TOWNSHIPS) {
			DemoCounty.Township t = county.township(code);
			made.add(user(DemoCounty.TOWNSHIPS.get(code) + ".shuji", password, county.holder(t.secretary()),
					t.org().name() + "党委书记", t.org(), Role.LEADER));
		}
		return made;
	}

	private DemoUser user(String username, String password, Person person, String role, Org org, Role grant) {
		UserAccount account = users.create(new Users.NewUser(username, password, person == null ? null : person.id(), true));
		users.addGrant(account.id(), new Users.NewGrant(grant, org.id(), true));
		return new DemoUser(account.id(), username, role);
	}

	/** Runs {@code work} signed in as the demo user {@code username} (outside system work: their own grants and person). */
	<T> T as(String username, Supplier<T> work) {
		UserAccount account = users.findByUsername(username).orElseThrow();
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext acting = SecurityContextHolder.createEmptyContext();
		acting.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(new Actor(account.id(), username),
				null, List.of(new SimpleGrantedAuthority("ROLE_USER"))));
		SecurityContextHolder.setContext(acting);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	/** The signed-in principal of a demo step. */
	private record Actor(long id, String username) implements CurrentUser.Identity, java.security.Principal {

		@Override
		public String getName() {
			return username;
		}
	}
}
