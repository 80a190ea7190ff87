package zeren.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;

import zeren.access.Contacts;
import zeren.access.Role;
import zeren.access.UserAccount;
import zeren.access.Users;
import zeren.access.internal.ZerenUser;
import zeren.org.Leadership;
import zeren.org.Org;
import zeren.org.OrgTree;
import zeren.org.OrgType;
import zeren.org.People;
import zeren.org.Person;
import zeren.org.Post;
import zeren.org.PostKind;
import zeren.support.ApiTest;
import zeren.tracking.NewTrackedItem;
import zeren.tracking.TrackedItem;
import zeren.tracking.Tracking;

/**
 * The daily reminders end to end: tracked items due soon and overdue reach the holder of the
 * owner post (and the principal for red ones) in the inbox, by e-mail to a real SMTP server in
 * this JVM (GreenMail) and through the webhook channel to a real HTTP server here, once, as one
 * digest a person a day, by the channels each user chose; the inbox is each user's own.
 */
abstract class NotificationContract extends ApiTest {

	static final GreenMail MAIL;
	static final HttpServer WEBHOOK;
	static final List<String> POSTED = new CopyOnWriteArrayList<>();

	static {
		try (ServerSocket s = new ServerSocket(0)) {
			MAIL = new GreenMail(new ServerSetup(s.getLocalPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		MAIL.start();
		try {
			WEBHOOK = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		WEBHOOK.createContext("/hook", exchange -> {
			POSTED.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		WEBHOOK.start();
	}

	@DynamicPropertySource
	static void channels(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
		registry.add("zeren.notification.mail-from", () -> "zeren@example.org");
		registry.add("zeren.notification.webhook.url",
				() -> "http://127.0.0.1:" + WEBHOOK.getAddress().getPort() + "/hook");
	}

	@Autowired
	OrgTree tree;

	@Autowired
	People people;

	@Autowired
	Leadership leadership;

	@Autowired
	Tracking tracking;

	@Autowired
	Reminders reminders;

	@Autowired
	Contacts contacts;

	record Fixture(String p, Org town, Post secretaryPost, Post memberPost, Person secretary, Person member,
			UserAccount secretaryUser, UserAccount memberUser) {
	}

	Fixture fixture() {
		String p = unique();
		String l = p.toLowerCase();
		Org county = tree.create(new OrgTree.NewOrg(p + "县", p + "县委", OrgType.PARTY_COMMITTEE, null, null, null));
		Org town = tree.create(new OrgTree.NewOrg(p + "镇", p + "镇委", OrgType.PARTY_COMMITTEE, county.id(), null, null));
		Post secretaryPost = leadership.addPost(town.id(), new Leadership.NewPost("镇党委书记", PostKind.SECRETARY, List.of(), 1));
		Post memberPost = leadership.addPost(town.id(), new Leadership.NewPost("镇纪委书记", PostKind.DISCIPLINE_SECRETARY, List.of(), 2));
		Person secretary = people.create(new People.NewPerson(p + "书记", null, null, null, null, town.id()));
		Person member = people.create(new People.NewPerson(p + "委员", null, null, null, null, town.id()));
		leadership.appoint(new Leadership.NewTenure(secretary.id(), secretaryPost.id(), LocalDate.of(2020, 1, 1), null));
		leadership.appoint(new Leadership.NewTenure(member.id(), memberPost.id(), LocalDate.of(2020, 1, 1), null));
		UserAccount secretaryUser = users.create(new Users.NewUser(l + "sec", "password-sec-1", secretary.id(), true,
				l + "sec@example.org"));
		UserAccount memberUser = users.create(new Users.NewUser(l + "mem", "password-mem-1", member.id(), true,
				l + "mem@example.org"));
		users.addGrant(memberUser.id(), new Users.NewGrant(Role.LEADER, town.id(), true));
		return new Fixture(p, town, secretaryPost, memberPost, secretary, member, secretaryUser, memberUser);
	}

	TrackedItem item(Fixture f, String title, LocalDate deadline, Post owner) {
		return tracking.open(new NewTrackedItem("ledger.task", f.p() + title, f.town().id(), title, owner.id(), null,
				f.town().id(), deadline));
	}

	static List<MimeMessage> mailTo(String address) {
		return Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
			try {
				return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address));
			}
			catch (jakarta.mail.MessagingException e) {
				throw new IllegalStateException(e);
			}
		}).toList();
	}

	static String email(UserAccount user) {
		return user.email();
	}

	/** Acts as {@code user} for direct service calls, as a request of theirs would. */
	static void actAs(UserAccount user) {
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
				new ZerenUser(user.id(), user.username()), null, List.of(new SimpleGrantedAuthority("ROLE_USER"))));
	}

	@Test
	void an_overdue_item_reaches_the_owner_and_the_principal_once_in_the_inbox_and_by_email() throws Exception {
		LocalDate deadline = LocalDate.now().plusYears(1);
		Fixture f = fixture();
		item(f, "整改台账问题", deadline, f.memberPost());
		LocalDate overdue = deadline.plusDays(3);

		Reminders.Run first = reminders.run(overdue);
		assertThat(first.bySource()).containsKey("tracking");
		assertThat(first.emails()).isGreaterThanOrEqualTo(2);

		List<MimeMessage> toMember = mailTo(email(f.memberUser()));
		assertThat(toMember).hasSize(1);
		assertThat(toMember.get(0).getSubject()).contains(overdue.toString()).contains("1 项");
		assertThat(toMember.get(0).getFrom()[0].toString()).isEqualTo("zeren@example.org");
		String text = (String) toMember.get(0).getContent();
		assertThat(text).contains("已逾期").contains("整改台账问题").contains("已逾期 3 天").contains("/tracking/items/");
		// red: the principal (the town's secretary) is told as well
		assertThat(mailTo(email(f.secretaryUser()))).hasSize(1);

		// the same day again, and the next day: nothing new is sent
		reminders.run(overdue);
		reminders.run(overdue.plusDays(1));
		assertThat(mailTo(email(f.memberUser()))).hasSize(1);
		assertThat(mailTo(email(f.secretaryUser()))).hasSize(1);

		// the inbox: the member's one entry, unread, linked to the item; marked read by them only
		String mine = mvc.perform(get("/api/v1/notifications/mine").with(as(f.memberUser().id(), f.memberUser().username())))
				.andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(1))
				.andExpect(jsonPath("$[0].urgency").value("RED")).andExpect(jsonPath("$[0].unread").value(true))
				.andExpect(jsonPath("$[0].link").value(org.hamcrest.Matchers.startsWith("/tracking/items/")))
				.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		long id = Long.parseLong(mine.replaceAll("(?s)^\\[\\{\"id\":(\\d+).*$", "$1"));
		mvc.perform(post("/api/v1/notifications/" + id + "/read").with(as(f.secretaryUser().id(), f.secretaryUser().username())))
				.andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/notifications/" + id + "/read")).andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/notifications/" + id + "/read").with(as(f.memberUser().id(), f.memberUser().username())))
				.andExpect(status().isOk()).andExpect(jsonPath("$.unread").value(false));
		mvc.perform(get("/api/v1/notifications/mine").with(as(f.memberUser().id(), f.memberUser().username())))
				.andExpect(jsonPath("$[0].unread").value(false));
		mvc.perform(get("/api/v1/notifications/mine").with(as(f.secretaryUser().id(), f.secretaryUser().username())))
				.andExpect(jsonPath("$.length()").value(1)).andExpect(jsonPath("$[0].unread").value(true));
	}

	@Test
	void several_reminders_of_a_person_are_one_digest_a_day_and_a_yellow_one_turning_red_is_sent_again() throws Exception {
		LocalDate deadline = LocalDate.now().plusYears(2);
		Fixture f = fixture();
		item(f, "甲项任务", deadline.minusDays(10), f.memberPost());
		item(f, "乙项任务", deadline.plusDays(2), f.memberPost());
		item(f, "丙项任务", deadline.plusDays(3), f.memberPost());

		reminders.run(deadline);
		List<MimeMessage> mails = mailTo(email(f.memberUser()));
		assertThat(mails).hasSize(1);
		assertThat(mails.get(0).getSubject()).contains("3 项");
		// only the red one went to the principal
		assertThat(mailTo(email(f.secretaryUser()))).hasSize(1);
		assertThat(mailTo(email(f.secretaryUser())).get(0).getSubject()).contains("1 项");

		// a week later the two yellow ones are red: one more digest with those two only
		reminders.run(deadline.plusDays(7));
		mails = mailTo(email(f.memberUser()));
		assertThat(mails).hasSize(2);
		assertThat(mails.get(1).getSubject()).contains("2 项");
		assertThat(mailTo(email(f.secretaryUser()))).hasSize(2);
	}

	@Test
	void each_user_gets_the_channels_they_chose_and_the_inbox_always() throws Exception {
		LocalDate deadline = LocalDate.now().plusYears(3);
		Fixture f = fixture();
		var admin = SecurityContextHolder.getContext().getAuthentication();
		actAs(f.memberUser());
		contacts.setMine(new Contacts.Channels(false, true));
		SecurityContextHolder.getContext().setAuthentication(admin);
		item(f, "约谈整改要求", deadline, f.memberPost());
		POSTED.clear();

		reminders.run(deadline);
		assertThat(mailTo(email(f.memberUser()))).isEmpty();
		assertThat(POSTED).filteredOn(b -> b.contains("\"username\":\"" + f.memberUser().username() + "\""))
				.singleElement().satisfies(b -> assertThat(b).contains("约谈整改要求").contains("\"urgency\":\"YELLOW\""));
		mvc.perform(get("/api/v1/notifications/mine").with(as(f.memberUser().id(), f.memberUser().username())))
				.andExpect(jsonPath("$.length()").value(1)).andExpect(jsonPath("$[0].urgency").value("YELLOW"));
		// yellow: not the principal's business yet
		assertThat(mailTo(email(f.secretaryUser()))).isEmpty();
	}

	@Test
	void only_administrators_run_the_reminders_and_the_api_answers_with_the_counts() throws Exception {
		Fixture f = fixture();
		mvc.perform(post("/api/v1/oversight/reminders/run").with(as(f.memberUser().id(), f.memberUser().username())))
				.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/oversight/reminders/run")).andExpect(status().isOk())
				.andExpect(jsonPath("$.day").exists()).andExpect(jsonPath("$.digests").isNumber());
		mvc.perform(postJson("/api/v1/users", "{\"username\":\"%smail\",\"password\":\"password-mail-1\",\"email\":\"not an address\"}"
				.formatted(f.p().toLowerCase()))).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("email"))
				.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("电子邮箱")));
	}
}
