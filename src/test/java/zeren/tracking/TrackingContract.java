package zeren.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import zeren.access.UserAccount;
import zeren.org.Leadership;
import zeren.org.OrgTree;
import zeren.platform.BusinessClock;
import zeren.support.ApiTest;
import zeren.tracking.TrackedItem.Status;
import zeren.tracking.TrackedItem.Warning;

abstract class TrackingContract extends ApiTest {

	@Autowired
	OrgTree tree;

	@Autowired
	Leadership leadership;

	@Autowired
	TrackedItems items;

	@Autowired
	TrackedItemMoves moves;

	@Autowired
	Tracking tracking;

	@Autowired
	TrackingRules rules;

	@Autowired
	BusinessClock clock;

	@Autowired
	JdbcClient jdbc;

	TrackingFixture f;

	String p;

	@BeforeEach
	void cityAndCounty() {
		p = unique();
		f = TrackingFixture.create(p, tree, leadership, users);
	}

	static RequestPostProcessor user(UserAccount account) {
		return as(account.id(), account.username());
	}

	TrackedItem open(String title, LocalDate deadline) {
		return tracking.open(f.item(unique(), title, deadline));
	}

	ResultActions move(long id, String action, String reason, UserAccount by) throws Exception {
		String body = reason == null ? "{\"action\":\"%s\"}".formatted(action)
				: "{\"action\":\"%s\",\"reason\":\"%s\"}".formatted(action, reason);
		return mvc.perform(postJson("/api/v1/tracked-items/" + id + "/moves", body).with(user(by)));
	}

	ResultActions entry(long id, String text, UserAccount by) throws Exception {
		return mvc.perform(postJson("/api/v1/tracked-items/" + id + "/entries",
				"{\"date\":\"%s\",\"text\":\"%s\"}".formatted(clock.today(), text)).with(user(by)));
	}

	LocalDate inYear() {
		// a deadline well inside this year, whatever today is
		LocalDate today = clock.today();
		return today.getMonthValue() == 12 ? today : today.withMonth(12).withDayOfMonth(31);
	}

	@Test
	void an_item_goes_from_open_through_entries_submit_return_and_close_with_every_move_in_its_history() throws Exception {
		TrackedItem item = open("整改：落实一岗双责", inYear());
		assertThat(item.status()).isEqualTo(Status.OPEN);

		entry(item.id(), "召开专题会议部署", f.owner()).andExpect(status().isCreated())
				.andExpect(jsonPath("$.recordedBy").value(f.owner().username()));
		mvc.perform(get("/api/v1/tracked-items/" + item.id()).with(user(f.owner())))
				.andExpect(jsonPath("$.status").value("IN_PROGRESS")).andExpect(jsonPath("$.entryCount").value(1));
		// the owner side cannot close its own item, the verifier side cannot submit it
		move(item.id(), "SUBMIT", null, f.verifier()).andExpect(status().isForbidden());
		move(item.id(), "SUBMIT", null, f.owner()).andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("SUBMITTED"));
		move(item.id(), "CLOSE", null, f.owner()).andExpect(status().isForbidden());
		move(item.id(), "RETURN", null, f.verifier()).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("reason"));
		move(item.id(), "RETURN", "佐证材料不全", f.verifier()).andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("IN_PROGRESS"));
		entry(item.id(), "补充会议纪要", f.owner()).andExpect(status().isCreated());
		move(item.id(), "SUBMIT", null, f.owner()).andExpect(status().isOk());
		move(item.id(), "CLOSE", null, f.verifier()).andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("CLOSED")).andExpect(jsonPath("$.warning").value("NONE"));

		mvc.perform(get("/api/v1/tracked-items/" + item.id() + "/moves").with(user(f.viewer())))
				.andExpect(jsonPath("$[*].action").value(contains("OPEN", "START", "SUBMIT", "RETURN", "SUBMIT", "CLOSE")))
				.andExpect(jsonPath("$[3].note").value("佐证材料不全"))
				.andExpect(jsonPath("$[3].username").value(f.verifier().username()));
		mvc.perform(get("/api/v1/tracked-items/" + item.id() + "/entries").with(user(f.viewer())))
				.andExpect(jsonPath("$", hasSize(2)));
		mvc.perform(get("/api/v1/audit").param("orgId", String.valueOf(f.county().id())).param("entity", "tracked-item"))
				.andExpect(jsonPath("$[*].action").value(
						contains("CLOSE", "SUBMIT", "ENTRY", "RETURN", "SUBMIT", "ENTRY", "START", "OPEN")));
		// a viewer reads but moves nothing
		move(item.id(), "REOPEN", "复查", f.viewer()).andExpect(status().isForbidden());
	}

	@Test
	void who_submitted_an_item_does_not_close_it_themselves() throws Exception {
		TrackedItem item = open("职责分离", inYear());
		moves.addEntry(item.id(), new NewEntry(clock.today(), "已办", List.of()));
		moves.submit(item.id(), "请销号");
		// the administrator may verify any item, but not one they submitted: nothing changes
		mvc.perform(postJson("/api/v1/tracked-items/" + item.id() + "/moves", "{\"action\":\"CLOSE\"}"))
				.andExpect(status().isConflict())
				.andExpect(jsonPath("$.errors[0].message").value(containsString("本人提交的事项不能由本人销号")));
		assertThat(items.get(item.id()).status()).isEqualTo(Status.SUBMITTED);
		// another person of the verifying side closes it
		move(item.id(), "CLOSE", null, f.verifier()).andExpect(status().isOk());
		assertThat(items.get(item.id()).status()).isEqualTo(Status.CLOSED);
	}

	@Test
	void every_move_not_allowed_from_the_current_state_is_refused_with_409_naming_the_state_and_the_move() throws Exception {
		TrackedItem opened = open("未开始", inYear());
		TrackedItem started = moves.start(open("进行中", inYear()).id());
		TrackedItem submitted = open("待审核", inYear());
		moves.addEntry(submitted.id(), new NewEntry(clock.today(), "已办", List.of()));
		moves.submit(submitted.id(), null);
		TrackedItem closed = open("已销号", inYear());
		moves.addEntry(closed.id(), new NewEntry(clock.today(), "已办", List.of()));
		moves.submit(closed.id(), null);
		long closedId = closed.id();
		asAnotherAdministrator(() -> moves.close(closedId, null));
		submitted = items.get(submitted.id());
		closed = items.get(closed.id());
		assertThat(List.of(opened, started, submitted, closed)).extracting(TrackedItem::status)
				.containsExactly(Status.OPEN, Status.IN_PROGRESS, Status.SUBMITTED, Status.CLOSED);

		record Refused(TrackedItem item, String action) {
		}
		List<Refused> refused = List.of(new Refused(opened, "SUBMIT"), new Refused(opened, "RETURN"),
				new Refused(opened, "CLOSE"), new Refused(opened, "REOPEN"), new Refused(started, "START"),
				new Refused(started, "RETURN"), new Refused(started, "CLOSE"), new Refused(started, "REOPEN"),
				new Refused(submitted, "START"), new Refused(submitted, "SUBMIT"), new Refused(submitted, "REOPEN"),
				new Refused(closed, "START"), new Refused(closed, "SUBMIT"), new Refused(closed, "RETURN"),
				new Refused(closed, "CLOSE"));
		String[] label = { "未开始", "进行中", "待审核销号", "已销号" };
		for (Refused r : refused) {
			String state = label[r.item().status().ordinal()];
			String reason = r.action().equals("RETURN") || r.action().equals("REOPEN") ? "理由" : null;
			String body = reason == null ? "{\"action\":\"%s\"}".formatted(r.action())
					: "{\"action\":\"%s\",\"reason\":\"%s\"}".formatted(r.action(), reason);
			mvc.perform(postJson("/api/v1/tracked-items/" + r.item().id() + "/moves", body))
					.andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].field").value("status"))
					.andExpect(jsonPath("$.errors[0].message").value(containsString(state)));
			assertThat(items.get(r.item().id()).status()).as(r.toString()).isEqualTo(r.item().status());
		}
		// the message names the move too, in English as well
		mvc.perform(postJson("/api/v1/tracked-items/" + closed.id() + "/moves?lang=en", "{\"action\":\"SUBMIT\"}")
				.header("Accept-Language", "en"))
				.andExpect(status().isConflict())
				.andExpect(jsonPath("$.errors[0].message").value(containsString("\"Closed\": it cannot \"submit for closing\"")));
		// entries: not while submitted or closed
		for (TrackedItem item : List.of(submitted, closed)) {
			mvc.perform(postJson("/api/v1/tracked-items/" + item.id() + "/entries",
					"{\"date\":\"%s\",\"text\":\"再记一笔\"}".formatted(clock.today())))
					.andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].message").value(containsString("记录工作")));
		}
		// submitting with nothing recorded is refused too
		mvc.perform(postJson("/api/v1/tracked-items/" + started.id() + "/moves", "{\"action\":\"SUBMIT\"}"))
				.andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].field").value("entries"));
		assertThat(items.moves(opened.id())).hasSize(1);
		assertThat(items.moves(closed.id())).extracting(Move::action)
				.containsExactly(Move.Action.OPEN, Move.Action.START, Move.Action.SUBMIT, Move.Action.CLOSE);
	}

	@Test
	void warnings_are_blue_beyond_seven_days_yellow_from_seven_to_zero_red_when_overdue_and_none_when_closed() throws Exception {
		LocalDate today = clock.today();
		TrackedItem eight = open("8 天", today.plusDays(8));
		TrackedItem seven = open("7 天", today.plusDays(7));
		TrackedItem zero = open("今天到期", today);
		TrackedItem late = open("逾期 1 天", today.minusDays(1));
		assertThat(eight.warning()).isEqualTo(Warning.BLUE);
		assertThat(seven.warning()).isEqualTo(Warning.YELLOW);
		assertThat(zero.warning()).isEqualTo(Warning.YELLOW);
		assertThat(late.warning()).isEqualTo(Warning.RED);
		assertThat(late.daysLeft()).isEqualTo(-1);
		mvc.perform(get("/api/v1/tracked-items/" + seven.id())).andExpect(jsonPath("$.warning").value("YELLOW"))
				.andExpect(jsonPath("$.daysLeft").value(7));
		assertThat(rules.warning(Status.CLOSED, today.minusDays(30), today)).isEqualTo(Warning.NONE);

		// the filter and the counts follow the same rule as the items
		for (TrackedItem item : List.of(eight, seven, zero, late)) {
			TrackingOverview overview = items.inSubtree(f.city().id(), item.year(),
					new TrackingFilter("test.item", null, item.warning(), null));
			assertThat(overview.items()).extracting(TrackedItem::id).contains(item.id());
			assertThat(overview.items()).extracting(TrackedItem::warning).containsOnly(item.warning());
		}
		if (eight.year() == late.year()) {
			TrackingOverview all = items.inSubtree(f.city().id(), late.year(), TrackingFilter.ofKind("test.item"));
			assertThat(all.byWarning().get(Warning.YELLOW)).isEqualTo(2);
			assertThat(all.byWarning().get(Warning.RED)).isEqualTo(1);
			assertThat(all.byWarning().get(Warning.BLUE)).isEqualTo(1);
			assertThat(all.byStatus().get(Status.OPEN)).isEqualTo(4);
			mvc.perform(get("/api/v1/tracked-items").param("orgId", String.valueOf(f.city().id()))
					.param("year", String.valueOf(late.year())).param("warning", "RED"))
					.andExpect(jsonPath("$.items", hasSize(1))).andExpect(jsonPath("$.items[0].id").value(late.id()))
					.andExpect(jsonPath("$.total").value(4));
			// as XLSX with the same filter: the red item only, and the counts of all
			var sheets = zeren.support.Xlsx.sheets(mvc.perform(get("/tracking/export.xlsx").param("orgId", String.valueOf(f.city().id()))
					.param("year", String.valueOf(late.year())).param("kind", "test.item").param("warning", "RED"))
					.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
			assertThat(sheets.get(0).body()).singleElement().satisfies(row -> assertThat(row).startsWith(late.title())
					.contains("红色"));
			assertThat(sheets.get(1).body()).anySatisfy(row -> assertThat(row.get(0)).isEqualTo("未开始"));
		}
	}

	@Test
	void after_the_year_closes_no_entry_is_added_until_an_upper_organisation_reopens_the_item_with_a_reason() throws Exception {
		assertThat(rules.closeDate(2025)).isEqualTo(LocalDate.of(2026, 1, 31));
		assertThat(rules.yearClosed(2025, LocalDate.of(2026, 1, 31))).isFalse();
		assertThat(rules.yearClosed(2025, LocalDate.of(2026, 2, 1))).isTrue();

		TrackedItem old = open("2020 年任务", LocalDate.of(2020, 6, 30));
		assertThat(old.locked()).isTrue();
		entry(old.id(), "补记", f.owner()).andExpect(status().isConflict())
				.andExpect(jsonPath("$.errors[0].message").value(containsString("2021-01-31")));
		move(old.id(), "START", null, f.owner()).andExpect(status().isConflict());
		// the owner's own organisation is not above itself
		move(old.id(), "REOPEN", "补录", f.owner()).andExpect(status().isForbidden());
		move(old.id(), "REOPEN", null, f.verifier()).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("reason"));
		assertThat(items.entries(old.id())).isEmpty();
		move(old.id(), "REOPEN", "市委同意补录", f.verifier()).andExpect(status().isOk())
				.andExpect(jsonPath("$.locked").value(false)).andExpect(jsonPath("$.reopened").value(true));
		entry(old.id(), "补记", f.owner()).andExpect(status().isCreated());
		move(old.id(), "SUBMIT", null, f.owner()).andExpect(status().isOk());
		move(old.id(), "CLOSE", null, f.verifier()).andExpect(status().isOk());
		// closing locks it again; a closed item is reopened back into progress
		assertThat(items.get(old.id()).reopened()).isFalse();
		move(old.id(), "REOPEN", "复查发现问题", f.verifier()).andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("IN_PROGRESS"));
		mvc.perform(get("/api/v1/audit").param("orgId", String.valueOf(f.county().id())).param("entity", "tracked-item"))
				.andExpect(jsonPath("$[0].action").value("REOPEN"))
				.andExpect(jsonPath("$[0].summary").value(containsString("复查发现问题")));
	}

	@Test
	void reads_are_scoped_to_the_organisation_or_the_verifier_and_writes_to_their_side() throws Exception {
		TrackedItem item = open("范围", inYear());
		mvc.perform(get("/api/v1/tracked-items/" + item.id()).with(user(f.stranger()))).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/tracked-items/" + item.id() + "/entries").with(user(f.stranger())))
				.andExpect(status().isNotFound());
		// a write out of view answers as for an item that does not exist; one in view but not on the side, 403
		entry(item.id(), "越权", f.stranger()).andExpect(status().isNotFound());
		entry(item.id(), "只读", f.viewer()).andExpect(status().isForbidden());
		move(item.id(), "START", null, f.stranger()).andExpect(status().isNotFound());
		mvc.perform(MockMvcRequestBuilders.multipart("/api/v1/tracked-items/" + item.id() + "/evidence")
				.file(new MockMultipartFile("file", "a.txt", "text/plain", "x".getBytes(StandardCharsets.UTF_8)))
				.with(user(f.stranger()))).andExpect(status().isNotFound());
		// the verifier sees the county's item although it sees nothing else of the county
		mvc.perform(get("/api/v1/tracked-items/" + item.id()).with(user(f.verifier()))).andExpect(status().isOk());
		mvc.perform(get("/api/v1/orgs/" + f.county().id()).with(user(f.verifier()))).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/tracked-items").param("orgId", String.valueOf(f.city().id())).with(user(f.stranger())))
				.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/tracked-items").param("orgId", String.valueOf(f.county().id()))
				.param("year", String.valueOf(item.year())).with(user(f.viewer())))
				.andExpect(jsonPath("$.items[*].id").value(contains((int) item.id())));
		assertThat(items.entries(item.id())).isEmpty();
		assertThat(items.get(item.id()).status()).isEqualTo(Status.OPEN);
	}

	@Test
	void opening_checks_its_input_and_one_source_is_tracked_once() throws Exception {
		TrackedItem item = open("来源", inYear());
		assertThatThrownBy(() -> tracking.open(f.item(item.sourceRef(), "再来一次", inYear())))
				.isInstanceOf(zeren.platform.ConflictException.class);
		var bad = new NewTrackedItem("Bad Kind", "", f.county().id(), " ", f.verifierPost().id(), null, f.city().id(), null);
		assertThatThrownBy(() -> tracking.open(bad)).isInstanceOfSatisfying(zeren.platform.InvalidInputException.class,
				e -> assertThat(e.errors()).extracting(zeren.platform.InputError::field)
						.containsExactlyInAnyOrder("kind", "sourceRef", "title", "ownerPostId", "deadline"));
		assertThat(items.bySource("test.item", item.sourceRef())).map(TrackedItem::id).contains(item.id());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM tracked_item WHERE org_id = :org").param("org", f.county().id())
				.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void my_items_are_those_of_the_posts_i_hold_and_those_waiting_for_my_verification() throws Exception {
		var person = people.create(new zeren.org.People.NewPerson(p + "书记", null, null, null, null, f.county().id()));
		leadership.appoint(new Leadership.NewTenure(person.id(), f.ownerPost().id(), clock.today().minusYears(1), null));
		UserAccount holder = users.create(new zeren.access.Users.NewUser(p.toLowerCase() + "holder", "password-holder-1",
				person.id(), true));
		users.addGrant(holder.id(), new zeren.access.Users.NewGrant(zeren.access.Role.LEADER, f.county().id(), false));
		TrackedItem item = open("我的事项", inYear());
		mvc.perform(get("/api/v1/tracked-items/mine").param("year", String.valueOf(item.year())).with(user(holder)))
				.andExpect(jsonPath("$.held[*].id").value(contains((int) item.id())));
		moves.addEntry(item.id(), new NewEntry(clock.today(), "已办", List.of()));
		moves.submit(item.id(), null);
		mvc.perform(get("/api/v1/tracked-items/mine").param("year", String.valueOf(item.year())).with(user(f.verifier())))
				.andExpect(jsonPath("$.toVerify[*].id").value(contains((int) item.id())));
		mvc.perform(get("/tracking/items/" + item.id()).with(user(f.verifier()))).andExpect(status().isOk())
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
						.string(containsString("销号")));
	}

	@Test
	void evidence_uploaded_for_an_item_is_attached_to_an_entry_and_downloaded_through_the_item_under_its_name() throws Exception {
		TrackedItem item = open("佐证", inYear());
		String response = mvc.perform(MockMvcRequestBuilders.multipart("/api/v1/tracked-items/" + item.id() + "/evidence")
				.file(new MockMultipartFile("file", "签到表.txt", "text/plain", "张三 李四".getBytes(StandardCharsets.UTF_8)))
				.with(user(f.owner()))).andExpect(status().isCreated())
				.andExpect(jsonPath("$.orgId").value(f.county().id())).andReturn().getResponse().getContentAsString();
		long evidenceId = Long.parseLong(com.jayway.jsonpath.JsonPath.read(response, "$.id").toString());
		// evidence of another organisation cannot be attached
		var elsewhere = evidenceFiles.store(f.otherCounty().id(), "别处.txt",
				new java.io.ByteArrayInputStream("别处".getBytes(StandardCharsets.UTF_8)));
		mvc.perform(postJson("/api/v1/tracked-items/" + item.id() + "/entries",
				"{\"date\":\"%s\",\"text\":\"签到\",\"evidenceIds\":[%d]}".formatted(clock.today(), elsewhere.id()))
				.with(user(f.owner()))).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("evidenceIds"));
		mvc.perform(postJson("/api/v1/tracked-items/" + item.id() + "/entries",
				"{\"date\":\"%s\",\"text\":\"签到\",\"evidenceIds\":[%d]}".formatted(clock.today(), evidenceId))
				.with(user(f.owner()))).andExpect(status().isCreated())
				.andExpect(jsonPath("$.evidence[0].originalName").value("签到表.txt"));
		// the verifier of the city downloads it through the item although it cannot see the county
		mvc.perform(get("/api/v1/tracked-items/" + item.id() + "/evidence/" + evidenceId).with(user(f.verifier())))
				.andExpect(status().isOk())
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string(
						"Content-Disposition", containsString("filename*=UTF-8''%E7%AD%BE%E5%88%B0%E8%A1%A8.txt")))
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string("张三 李四"));
		mvc.perform(get("/api/v1/evidence/" + evidenceId).with(user(f.verifier()))).andExpect(status().isNotFound());
		// a file not attached to this item is not served through it
		mvc.perform(get("/api/v1/tracked-items/" + item.id() + "/evidence/" + elsewhere.id())).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/tracked-items/" + item.id() + "/evidence").with(user(f.viewer())))
				.andExpect(jsonPath("$[*].id").value(contains((int) evidenceId)));
	}

	@Autowired
	zeren.evidence.EvidenceFiles evidenceFiles;

	@Autowired
	zeren.org.People people;
}
