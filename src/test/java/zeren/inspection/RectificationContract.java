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
		// the board as XLSX, same organisation and year as the page
		var board = zeren.support.Xlsx.sheets(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.get("/inspection/board/export.xlsx").param("orgId", String.valueOf(f.county().id()))
				.param("year", String.valueOf(deadline.getYear()))).andReturn().getResponse().getContentAsByteArray()).get(0);
		assertThat(board.header()).startsWith("分类", "问题描述", "被检查单位", "责任岗位");
		assertThat(board.body()).singleElement().satisfies(row -> assertThat(row).startsWith("即将到期", f.finding().description())
				.contains(deadline.toString()));
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
		asAnotherAdministrator(() -> moves.close(itemId, "销号"));
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

	@Test
	void the_board_bounds_each_column_keeps_its_count_and_a_column_is_read_in_full_a_page_at_a_time() throws Exception {
		Fixture f = fixture();
		// 51 open rectifications of next year (the first the fixture's finding), one more than a column carries
		LocalDate first = LocalDate.of(clock.today().getYear() + 1, 3, 1);
		Inspection check = inspections.get(f.finding().inspectionId());
		List<Long> byDeadline = new ArrayList<>();
		byDeadline.add(assign(f, first, f.townMember().id()).findingId());
		for (int i = 1; i <= Rectifications.BOARD_COLUMN_ROWS; i++) {
			Finding more = findings.add(check.id(), new Findings.FindingInput(f.town().id(), 1, "问题" + i, "一般",
					List.of(f.townMember().id())));
			rectifications.assign(more.id(), new Rectifications.RectificationInput("问题" + i, "措施" + i, first.plusDays(i),
					f.townMember().id()));
			byDeadline.add(more.id());
		}
		int year = first.getYear();
		var board = rectifications.board(f.county().id(), year, clock.today());
		assertThat(board.counts()).containsEntry(Rectifications.Column.OPEN, 51L).containsEntry(Rectifications.Column.OVERDUE, 0L);
		assertThat(board.total()).isEqualTo(51);
		// the most urgent first, at most a column's rows
		assertThat(board.columns().get(Rectifications.Column.OPEN)).extracting(Rectification::findingId)
				.containsExactlyElementsOf(byDeadline.subList(0, Rectifications.BOARD_COLUMN_ROWS));
		mvc.perform(get("/api/v1/inspection/rectifications/board").param("orgId", String.valueOf(f.county().id()))
				.param("year", String.valueOf(year))).andExpect(status().isOk())
				.andExpect(jsonPath("$.counts.OPEN").value(51)).andExpect(jsonPath("$.columnRows").value(50))
				.andExpect(jsonPath("$.columns.OPEN", org.hamcrest.Matchers.hasSize(50)));
		// the column in full: page 2 has the next rows, the total and the next page in the headers
		String url = "/api/v1/inspection/rectifications";
		// (in the address: the links keep the request's query string)
		var page1 = mvc.perform(get(url + "?orgId=" + f.county().id() + "&year=" + year + "&column=OPEN&size=20"))
				.andExpect(status().isOk())
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string("X-Total-Count", "51"))
				.andExpect(jsonPath("$", org.hamcrest.Matchers.hasSize(20)))
				.andExpect(jsonPath("$[0].findingId").value(byDeadline.get(0))).andReturn().getResponse();
		String link = page1.getHeader("Link");
		assertThat(link).contains("<" + url + "?orgId=" + f.county().id() + "&year=" + year
				+ "&column=OPEN&page=2&size=20>; rel=\"next\"").contains("page=3&size=20>; rel=\"last\"");
		mvc.perform(get(url).param("orgId", String.valueOf(f.county().id())).param("year", String.valueOf(year))
				.param("column", "OPEN").param("size", "20").param("page", "3")).andExpect(status().isOk())
				.andExpect(jsonPath("$", org.hamcrest.Matchers.hasSize(11)))
				.andExpect(jsonPath("$[0].findingId").value(byDeadline.get(40)))
				.andExpect(jsonPath("$[10].findingId").value(byDeadline.get(50)));
		assertThat(rectifications.column(f.county().id(), year, Rectifications.Column.OPEN, clock.today(), 2, 20).items())
				.extracting(Rectification::findingId).containsExactlyElementsOf(byDeadline.subList(20, 40));
		// no column: every rectification; another column: none of them; an unknown column: named by its label
		mvc.perform(get(url).param("orgId", String.valueOf(f.county().id())).param("year", String.valueOf(year)))
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string("X-Total-Count", "51"));
		mvc.perform(get(url).param("orgId", String.valueOf(f.county().id())).param("year", String.valueOf(year))
				.param("column", "OVERDUE")).andExpect(jsonPath("$", org.hamcrest.Matchers.hasSize(0)))
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string("X-Total-Count", "0"));
		mvc.perform(get(url).param("orgId", String.valueOf(f.county().id())).param("column", "LATE"))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("column"))
				.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.startsWith("分类：")));
		// the page: the column's count, a link to the column in full, and the column's pages
		String boardPage = mvc.perform(get("/inspection/board").param("orgId", String.valueOf(f.county().id()))
				.param("year", String.valueOf(year))).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
		assertThat(boardPage).contains("查看全部 51 条").contains("column=OPEN");
		String columnPage = mvc.perform(get("/inspection/board").param("orgId", String.valueOf(f.county().id()))
				.param("year", String.valueOf(year)).param("column", "OPEN").param("page", "2")).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(columnPage).contains("共 51 条，第 2/2 页").contains("/inspection/findings/" + byDeadline.get(50) + "\"")
				.doesNotContain("/inspection/findings/" + byDeadline.get(0) + "\"");
		// the export carries every row of every column
		var sheet = zeren.support.Xlsx.sheets(mvc.perform(get("/inspection/board/export.xlsx")
				.param("orgId", String.valueOf(f.county().id())).param("year", String.valueOf(year))).andReturn().getResponse()
				.getContentAsByteArray()).get(0);
		assertThat(sheet.body()).hasSize(51);
		// a user of the sibling town reads neither the county's board nor its column
		UserAccount other = users.create(new Users.NewUser(f.p().toLowerCase() + "sib", "password-sib-1", null, true));
		users.addGrant(other.id(), new Users.NewGrant(Role.VIEWER, f.otherTown().id(), true));
		mvc.perform(get(url).param("orgId", String.valueOf(f.county().id())).param("year", String.valueOf(year))
				.with(as(other.id(), other.username()))).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/inspection/rectifications/board").param("orgId", String.valueOf(f.county().id()))
				.with(as(other.id(), other.username()))).andExpect(status().isNotFound());
		// its own town: none of the county's rectifications, which are the other town's
		mvc.perform(get(url).param("orgId", String.valueOf(f.otherTown().id())).param("year", String.valueOf(year))
				.with(as(other.id(), other.username()))).andExpect(status().isOk())
				.andExpect(jsonPath("$", org.hamcrest.Matchers.hasSize(0)));
	}
}
