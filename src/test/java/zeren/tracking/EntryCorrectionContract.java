package zeren.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.ResultActions;

import zeren.access.Role;
import zeren.access.UserAccount;
import zeren.evidence.Evidence;
import zeren.evidence.EvidenceFiles;
import zeren.org.Leadership;
import zeren.org.OrgTree;
import zeren.platform.BusinessClock;
import zeren.support.ApiTest;

/** 更正: an entry corrected with a reason, every version kept and audited, by its recorder or an administrator in scope. */
abstract class EntryCorrectionContract extends ApiTest {

	@Autowired
	OrgTree tree;

	@Autowired
	Leadership leadership;

	@Autowired
	Tracking tracking;

	@Autowired
	TrackedItems items;

	@Autowired
	TrackedItemMoves moves;

	@Autowired
	EntryCorrections corrections;

	@Autowired
	EvidenceFiles files;

	@Autowired
	BusinessClock clock;

	TrackingFixture f;

	@BeforeEach
	void cityAndCounty() {
		f = TrackingFixture.create(unique(), tree, leadership, users);
	}

	TrackedItem open(String title) {
		LocalDate today = clock.today();
		return tracking.open(f.item(unique(), title, today.getMonthValue() == 12 ? today : today.withMonth(12).withDayOfMonth(31)));
	}

	long entry(long itemId, String text, List<Long> evidence, UserAccount by) throws Exception {
		String body = "{\"date\":\"%s\",\"text\":\"%s\",\"evidenceIds\":%s}".formatted(clock.today(), text, evidence);
		String json = mvc.perform(postJson("/api/v1/tracked-items/" + itemId + "/entries", body).with(as(by.id(), by.username())))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return Long.parseLong(com.jayway.jsonpath.JsonPath.read(json, "$.id").toString());
	}

	ResultActions correct(long itemId, long entryId, LocalDate date, String text, List<Long> evidence, String reason,
			UserAccount by) throws Exception {
		String body = "{\"date\":%s,\"text\":%s,\"evidenceIds\":%s,\"reason\":%s}".formatted(
				date == null ? "null" : "\"" + date + "\"", text == null ? "null" : "\"" + text + "\"", evidence,
				reason == null ? "null" : "\"" + reason + "\"");
		var request = postJson("/api/v1/tracked-items/" + itemId + "/entries/" + entryId + "/corrections", body);
		return mvc.perform(by == null ? request : request.with(as(by.id(), by.username())));
	}

	Evidence file(String name) {
		return files.store(f.county().id(), name, new ByteArrayInputStream(name.getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void a_correction_is_a_new_version_the_original_kept_with_its_files_and_audited() throws Exception {
		TrackedItem item = open("更正");
		Evidence sheet = file("签到表.txt");
		Evidence minutes = file("会议纪要.txt");
		long entryId = entry(item.id(), "召开专题会", List.of(sheet.id()), f.owner());
		LocalDate yesterday = clock.today().minusDays(1);

		correct(item.id(), entryId, yesterday, "召开专题会议，传达上级精神", List.of(minutes.id()), "日期和内容记错", f.owner())
				.andExpect(status().isOk()).andExpect(jsonPath("$.text").value("召开专题会议，传达上级精神"))
				.andExpect(jsonPath("$.date").value(yesterday.toString()))
				.andExpect(jsonPath("$.evidence[*].id").value(contains((int) minutes.id())));
		// the entry reads as corrected; its versions keep the original, with its own file, first
		mvc.perform(get("/api/v1/tracked-items/" + item.id() + "/entries/" + entryId + "/versions").with(as(f.viewer().id(), f.viewer().username())))
				.andExpect(jsonPath("$", hasSize(2)))
				.andExpect(jsonPath("$[0].version").value(1)).andExpect(jsonPath("$[0].text").value("召开专题会"))
				.andExpect(jsonPath("$[0].reason").doesNotExist())
				.andExpect(jsonPath("$[0].writtenBy").value(f.owner().username()))
				.andExpect(jsonPath("$[0].evidence[*].id").value(contains((int) sheet.id())))
				.andExpect(jsonPath("$[1].version").value(2)).andExpect(jsonPath("$[1].reason").value("日期和内容记错"))
				.andExpect(jsonPath("$[1].evidence[*].id").value(contains((int) minutes.id())));
		// the file the original had is still served through the item
		mvc.perform(get("/api/v1/tracked-items/" + item.id() + "/evidence/" + sheet.id()).with(as(f.verifier().id(), f.verifier().username())))
				.andExpect(status().isOk()).andExpect(content().string("签到表.txt"));
		// a second correction adds version 3; the original stays version 1
		correct(item.id(), entryId, yesterday, "召开专题会议，传达上级精神", List.of(minutes.id(), sheet.id()), "补回签到表", f.owner())
				.andExpect(status().isOk());
		assertThat(corrections.versions(item.id(), entryId)).extracting(EntryCorrections.Version::version).containsExactly(1, 2, 3);
		assertThat(items.get(item.id()).lastEntryDate()).isEqualTo(yesterday);
		assertThat(items.get(item.id()).entryCount()).isEqualTo(1);
		mvc.perform(get("/api/v1/audit").param("orgId", String.valueOf(f.county().id())).param("entity", "tracked-item"))
				.andExpect(jsonPath("$[0].action").value("CORRECT"))
				.andExpect(jsonPath("$[0].summary").value(containsString("补回签到表")))
				.andExpect(jsonPath("$[1].action").value("CORRECT"))
				.andExpect(jsonPath("$[1].summary").value(containsString("version=2")));
		// the page shows the versions and the offer to correct again
		mvc.perform(get("/tracking/items/" + item.id()).with(as(f.owner().id(), f.owner().username())))
				.andExpect(content().string(containsString("更正记录（共 3 版）")))
				.andExpect(content().string(containsString("原始记录")))
				.andExpect(content().string(containsString("/entries/" + entryId + "/correct")));
	}

	@Test
	void bad_or_empty_corrections_are_refused_naming_the_field_and_change_nothing() throws Exception {
		TrackedItem item = open("校验");
		long entryId = entry(item.id(), "已办", List.of(), f.owner());
		correct(item.id(), entryId, clock.today(), "已办", List.of(), null, f.owner()).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[*].field").value(contains("reason")));
		correct(item.id(), entryId, clock.today().plusDays(1), " ", List.of(), "理由", f.owner())
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("text", "date")));
		correct(item.id(), entryId, clock.today(), "已办", List.of(), "没改", f.owner()).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].message").value(containsString("更正未改变任何内容")));
		Evidence elsewhere = files.store(f.otherCounty().id(), "别处.txt", new ByteArrayInputStream("x".getBytes(StandardCharsets.UTF_8)));
		correct(item.id(), entryId, clock.today(), "已办", List.of(elsewhere.id()), "加文件", f.owner())
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("evidenceIds"));
		assertThat(corrections.versions(item.id(), entryId)).isEmpty();
		assertThat(items.entries(item.id())).singleElement().satisfies(e -> assertThat(e.text()).isEqualTo("已办"));
	}

	@Test
	void only_the_recorder_or_an_administrator_in_scope_corrects_and_a_sibling_is_refused() throws Exception {
		TrackedItem item = open("范围");
		long entryId = entry(item.id(), "原记录", List.of(), f.owner());
		// another worker of the county is on the owner side but did not record it
		UserAccount colleague = users.create(new zeren.access.Users.NewUser(f.owner().username() + "2", "password-colleague-1", null, true));
		users.addGrant(colleague.id(), new zeren.access.Users.NewGrant(Role.LEADER, f.county().id(), false));
		correct(item.id(), entryId, clock.today(), "同事改", List.of(), "改", colleague).andExpect(status().isForbidden())
				.andExpect(jsonPath("$.errors[0].message").value(containsString("只有记录人或本单位管理员")));
		// a sibling organisation's administrator does not see the item; a viewer and the verifier are not its owner side
		correct(item.id(), entryId, clock.today(), "越权", List.of(), "改", f.stranger()).andExpect(status().isNotFound());
		correct(item.id(), entryId, clock.today(), "只读", List.of(), "改", f.viewer()).andExpect(status().isForbidden());
		correct(item.id(), entryId, clock.today(), "核验方", List.of(), "改", f.verifier()).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/tracked-items/" + item.id() + "/entries/" + entryId + "/versions").with(as(f.stranger().id(), f.stranger().username())))
				.andExpect(status().isNotFound());
		// an entry of another item is not corrected through this one
		TrackedItem other = open("另一事项");
		correct(other.id(), entryId, clock.today(), "串改", List.of(), "改", null).andExpect(status().isNotFound());
		assertThat(corrections.versions(item.id(), entryId)).isEmpty();
		// an administrator of the county corrects it
		UserAccount admin = users.create(new zeren.access.Users.NewUser(f.owner().username() + "adm", "password-admin-1", null, true));
		users.addGrant(admin.id(), new zeren.access.Users.NewGrant(Role.ORG_ADMIN, f.county().id(), false));
		correct(item.id(), entryId, clock.today(), "管理员更正", List.of(), "错别字", admin).andExpect(status().isOk());
		assertThat(corrections.versions(item.id(), entryId)).extracting(EntryCorrections.Version::writtenBy)
				.containsExactly(f.owner().username(), admin.username());
	}

	@Test
	void a_submitted_or_closed_item_takes_no_correction_until_it_takes_entries_again() throws Exception {
		TrackedItem item = open("锁定");
		long entryId = entry(item.id(), "已办", List.of(), f.owner());
		moves.submit(item.id(), null);
		correct(item.id(), entryId, clock.today(), "提交后改", List.of(), "改", f.owner()).andExpect(status().isConflict())
				.andExpect(jsonPath("$.errors[0].message").value(containsString("不能“更正记录”")));
		mvc.perform(postJson("/api/v1/tracked-items/" + item.id() + "/moves", "{\"action\":\"CLOSE\"}")
				.with(as(f.verifier().id(), f.verifier().username()))).andExpect(status().isOk());
		correct(item.id(), entryId, clock.today(), "销号后改", List.of(), "改", f.owner()).andExpect(status().isConflict());
		mvc.perform(get("/tracking/items/" + item.id()).with(as(f.owner().id(), f.owner().username())))
				.andExpect(content().string(org.hamcrest.Matchers.not(containsString("/entries/" + entryId + "/correct"))));
		// reopened by the city, it takes the correction
		mvc.perform(postJson("/api/v1/tracked-items/" + item.id() + "/moves", "{\"action\":\"REOPEN\",\"reason\":\"复查\"}")
				.with(as(f.verifier().id(), f.verifier().username()))).andExpect(status().isOk());
		correct(item.id(), entryId, clock.today(), "复查后更正", List.of(), "复查发现记录不准", f.owner()).andExpect(status().isOk());
		// an item whose year has closed is locked for corrections as for entries (its entry recorded in time)
		TrackedItem old = tracking.open(f.item(unique(), "旧年度", LocalDate.of(2020, 6, 30)));
		jdbc.sql("""
				INSERT INTO tracked_entry (item_id, entry_date, text, recorded_by, recorded_at, evidence_count)
				VALUES (:item, DATE '2020-06-01', '当年记录', :user, CURRENT_TIMESTAMP, 0)""").param("item", old.id())
				.param("user", f.owner().username()).update();
		jdbc.sql("UPDATE tracked_item SET status = 'IN_PROGRESS', entry_count = 1 WHERE id = :id").param("id", old.id()).update();
		long oldEntry = items.entries(old.id()).get(0).id();
		correct(old.id(), oldEntry, LocalDate.of(2020, 6, 2), "补改", List.of(), "改", f.owner()).andExpect(status().isConflict())
				.andExpect(jsonPath("$.errors[0].message").value(containsString("2021-01-31")));
		assertThat(corrections.versions(old.id(), oldEntry)).isEmpty();
	}

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;
}
