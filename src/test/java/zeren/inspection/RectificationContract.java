package zeren.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

import zeren.access.Role;
import zeren.access.UserAccount;
import zeren.access.Users;
import zeren.org.Leadership;
import zeren.org.Org;
import zeren.org.OrgTree;
import zeren.org.OrgType;
import zeren.org.People;
import zeren.org.Person;
import zeren.org.Post;
import zeren.org.PostKind;
import zeren.platform.BusinessClock;
import zeren.support.ApiTest;
import zeren.tracking.NewEntry;
import zeren.tracking.TrackedItem;
import zeren.tracking.TrackedItems;

/** Rectification on top of tracked items: the flow, closing by the inspecting organisation, escalation, the board. */
abstract class RectificationContract extends ApiTest {

	@Autowired
	OrgTree tree;

	@Autowired
	People people;

	@Autowired
	Leadership leadership;

	@Autowired
	Inspections inspections;

	@Autowired
	Findings findings;

	@Autowired
	Rectifications rectifications;

	@Autowired
	zeren.notification.Reminders reminders;

	@Autowired
	TrackedItems items;

	@Autowired
	zeren.tracking.TrackedItemMoves moves;

	@Autowired
	BusinessClock clock;

	record Fixture(String p, Org city, Org county, Org town, Org otherTown, Post townSecretary, Post townMember,
			Person secretary, Finding finding, UserAccount cityDiscipline, UserAccount townWorker) {
	}

	Fixture fixture() {
		String p = unique();
		Org city = org(p, "市", null);
		Org county = org(p, "县", city.id());
		Org town = org(p, "镇", county.id());
		Org otherTown = org(p, "乡", county.id());
		Post townSecretary = leadership.addPost(town.id(), new Leadership.NewPost("镇党委书记", PostKind.SECRETARY, List.of(), 1));
		Post townMember = leadership.addPost(town.id(), new Leadership.NewPost("镇纪委书记", PostKind.DISCIPLINE_SECRETARY, List.of(), 2));
		Person secretary = people.create(new People.NewPerson(p + "书记", null, null, null, null, town.id()));
		leadership.appoint(new Leadership.NewTenure(secretary.id(), townSecretary.id(), LocalDate.of(2020, 1, 1), null));
		Inspection check = inspections.create(new Inspections.NewInspection(city.id(), Inspection.Kind.SPECIAL_SUPERVISION,
				"专项督导", clock.today(), clock.today().plusDays(10), List.of(),
				List.of(new Inspections.TargetInput(county.id(), true)), null));
		Finding finding = findings.add(check.id(), new Findings.FindingInput(town.id(), 1, "三重一大未集体决策", "严重",
				List.of(townMember.id())));
		UserAccount cityDiscipline = users.create(new Users.NewUser(p.toLowerCase() + "cityd", "password-cityd-1", null, true));
		users.addGrant(cityDiscipline.id(), new Users.NewGrant(Role.DISCIPLINE, city.id(), true));
		UserAccount townWorker = users.create(new Users.NewUser(p.toLowerCase() + "townw", "password-townw-1", secretary.id(), true));
		users.addGrant(townWorker.id(), new Users.NewGrant(Role.LEADER, town.id(), true));
		return new Fixture(p, city, county, town, otherTown, townSecretary, townMember, secretary, finding, cityDiscipline,
				townWorker);
	}

	Org org(String p, String suffix, Long parent) {
		return tree.create(new OrgTree.NewOrg(p + suffix, p + suffix + "委", OrgType.PARTY_COMMITTEE, parent, null, null));
	}

	Rectification assign(Fixture f, LocalDate deadline, Long postId) {
		return rectifications.assign(f.finding().id(), new Rectifications.RectificationInput("1. 三重一大未集体决策",
				"建立集体决策清单；补开党委会", deadline, postId));
	}

	@Test
	void a_rectification_is_a_tracked_item_that_only_the_inspecting_organisation_closes() throws Exception {
		Fixture f = fixture();
		String url = "/api/v1/inspection/findings/" + f.finding().id() + "/rectification";
		LocalDate deadline = clock.today().plusDays(20);
		// the inspected organisation does not order its own rectification
		mvc.perform(postJson(url, "{\"problems\":\"x\",\"measures\":\"y\",\"deadline\":\"%s\"}".formatted(deadline))
				.with(as(f.townWorker().id(), f.townWorker().username()))).andExpect(status().isForbidden());
		mvc.perform(postJson(url, "{\"problems\":\" \",\"deadline\":\"%s\",\"responsiblePostId\":%d}"
				.formatted(clock.today().minusDays(1), 999999999L)))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.containsInAnyOrder("problems", "measures",
						"deadline", "responsiblePostId")));
		// no post named: the finding's first responsible post answers for it
		mvc.perform(postJson(url, "{\"problems\":\"1. 三重一大未集体决策\",\"measures\":\"补开党委会\",\"deadline\":\"%s\"}"
				.formatted(deadline)).with(as(f.cityDiscipline().id(), f.cityDiscipline().username())))
				.andExpect(status().isCreated()).andExpect(jsonPath("$.responsiblePostTitle").value("镇纪委书记"))
				.andExpect(jsonPath("$.item.kind").value("inspection.rectification"))
				.andExpect(jsonPath("$.item.sourceRef").value(String.valueOf(f.finding().id())))
				.andExpect(jsonPath("$.item.verifierOrgId").value(f.city().id()))
				.andExpect(jsonPath("$.item.status").value("OPEN")).andExpect(jsonPath("$.item.warning").value("BLUE"));
		mvc.perform(postJson(url, "{\"problems\":\"x\",\"measures\":\"y\",\"deadline\":\"%s\"}".formatted(deadline)))
				.andExpect(status().isConflict());
		Rectification r = rectifications.get(f.finding().id());
		long itemId = r.item().id();

		// the town records its progress with evidence and submits
		var evidence = moves.upload(itemId, "会议纪要.txt",
				new ByteArrayInputStream("党委会会议纪要".getBytes(StandardCharsets.UTF_8)));
		moves.addEntry(itemId, new NewEntry(clock.today(), "补开党委会，形成集体决策清单", List.of(evidence.id())));
		mvc.perform(postJson("/api/v1/tracked-items/" + itemId + "/moves", "{\"action\":\"SUBMIT\",\"note\":\"已整改\"}")
				.with(as(f.townWorker().id(), f.townWorker().username()))).andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("SUBMITTED"));
		// the town cannot close it (销号 is the inspecting organisation's)
		mvc.perform(postJson("/api/v1/tracked-items/" + itemId + "/moves", "{\"action\":\"CLOSE\"}")
				.with(as(f.townWorker().id(), f.townWorker().username()))).andExpect(status().isForbidden());
		mvc.perform(postJson("/api/v1/tracked-items/" + itemId + "/moves", "{\"action\":\"CLOSE\",\"note\":\"核查属实，予以销号\"}")
				.with(as(f.cityDiscipline().id(), f.cityDiscipline().username()))).andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("CLOSED"));
		mvc.perform(get(url)).andExpect(jsonPath("$.item.status").value("CLOSED"))
				.andExpect(jsonPath("$.item.warning").value("NONE")).andExpect(jsonPath("$.measures").value("补开党委会"));
		mvc.perform(get(url).with(as(f.townWorker().id(), f.townWorker().username()))).andExpect(status().isOk());
		mvc.perform(get("/inspection/findings/" + f.finding().id())).andExpect(status().isOk());
		assertThat(items.entries(itemId).get(0).evidence()).hasSize(1);
	}

	/** The principal's inbox entries: the reminders of rectifications are the shared daily reminders (notification). */
	List<String> inboxOf(UserAccount user) throws Exception {
		String json = mvc.perform(get("/api/v1/notifications/mine").with(as(user.id(), user.username())))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		List<String> links = new ArrayList<>();
		var m = java.util.regex.Pattern.compile("\"link\":\"([^\"]*)\"").matcher(json);
		while (m.find()) {
			links.add(m.group(1));
		}
		return links;
	}

	@Test
	void an_overdue_rectification_reminds_the_responsible_post_and_its_principal_once() throws Exception {
		Fixture f = fixture();
		LocalDate today = clock.today();
		LocalDate deadline = today.plusDays(3);
		Rectification r = assign(f, deadline, f.townMember().id());
		// on the deadline: yellow, for the responsible post only (vacant here), not its principal
		reminders.run(deadline);
		assertThat(inboxOf(f.townWorker())).isEmpty();
		assertThat(rectifications.board(f.county().id(), deadline.getYear(), today).columns()
				.get(Rectifications.Column.DUE_SOON)).extracting(Rectification::findingId).containsExactly(f.finding().id());
		// the day after: red, the town's secretary (the principal) is told, once
		LocalDate after = deadline.plusDays(1);
		assertThat(rectifications.board(f.county().id(), deadline.getYear(), after).columns()
				.get(Rectifications.Column.OVERDUE)).extracting(Rectification::findingId).containsExactly(f.finding().id());
		reminders.run(after);
		reminders.run(after.plusDays(1));
		assertThat(inboxOf(f.townWorker())).containsExactly("/tracking/items/" + r.item().id());
		UserAccount other = users.create(new Users.NewUser(f.p().toLowerCase() + "other", "password-other-1", null, true));
		users.addGrant(other.id(), new Users.NewGrant(Role.VIEWER, f.otherTown().id(), true));
		assertThat(inboxOf(other)).isEmpty();
	}

	@Test
	void a_closed_rectification_is_not_reminded_and_the_board_shows_it_closed() throws Exception {
		Fixture f = fixture();
		LocalDate deadline = clock.today().plusDays(30);
		Rectification r = assign(f, deadline, null);
		long itemId = r.item().id();
		moves.addEntry(itemId, new NewEntry(clock.today(), "已整改", List.of()));
		moves.submit(itemId, "已整改");
		moves.close(itemId, "销号");
		reminders.run(deadline.plusDays(5));
		assertThat(inboxOf(f.townWorker())).isEmpty();
		var board = rectifications.board(f.county().id(), deadline.getYear(), deadline.plusDays(5));
		assertThat(board.columns().get(Rectifications.Column.CLOSED)).extracting(Rectification::findingId)
				.containsExactly(f.finding().id());
		assertThat(board.columns().get(Rectifications.Column.OVERDUE)).isEmpty();
		assertThat(board.total()).isEqualTo(1);
		assertThat(items.get(itemId).status()).isEqualTo(TrackedItem.Status.CLOSED);
	}

	@Test
	void the_reminder_job_run_on_several_nodes_at_once_writes_each_reminder_once() throws Exception {
		Fixture f = fixture();
		LocalDate deadline = clock.today().plusDays(2);
		assign(f, deadline, f.townMember().id());
		LocalDate later = deadline.plusDays(1);
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Callable<Integer>> nodes = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				nodes.add(() -> {
					// a scheduled job runs without a user, as system work
					SecurityContextHolder.clearContext();
					return zeren.platform.SystemWork.call("reminders", () -> reminders.run(later)).digests();
				});
			}
			for (Future<Integer> result : pool.invokeAll(nodes)) {
				result.get();
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(inboxOf(f.townWorker())).hasSize(1);
	}
}
