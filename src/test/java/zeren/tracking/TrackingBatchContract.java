package zeren.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import zeren.access.UserAccount;
import zeren.org.Leadership;
import zeren.org.OrgTree;
import zeren.platform.BusinessClock;
import zeren.support.ApiTest;
import zeren.tracking.TrackedItem.Status;

/**
 * Several submitted items closed (销号) at once from 待我审核: each through the same move with its
 * checks and audit event, all or nothing, the refused item named; who submitted an item does not
 * close it, in a batch either; a sibling's items are not closed.
 */
abstract class TrackingBatchContract extends ApiTest {

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
	BusinessClock clock;

	TrackingFixture f;

	@BeforeEach
	void cityAndCounty() {
		f = TrackingFixture.create(unique(), tree, leadership, users);
	}

	private TrackedItem submitted(String title, UserAccount by) throws Exception {
		LocalDate today = clock.today();
		TrackedItem item = tracking.open(f.item(unique(), title, today.withMonth(12).withDayOfMonth(31)));
		moves.addEntry(item.id(), new NewEntry(today, "已办", List.of()));
		if (by == null) {
			moves.submit(item.id(), "请销号");
		}
		else {
			mvc.perform(postJson("/api/v1/tracked-items/" + item.id() + "/moves", "{\"action\":\"SUBMIT\"}")
					.with(as(by.id(), by.username()))).andExpect(status().isOk());
		}
		return item;
	}

	private ResultActions closeAll(UserAccount by, TrackedItem... chosen) throws Exception {
		MockHttpServletRequestBuilder request = post("/tracking/close").param("note", "材料齐全").with(csrf());
		for (TrackedItem i : chosen) {
			request.param("itemIds", String.valueOf(i.id()));
		}
		if (by != null) {
			request.with(as(by.id(), by.username()));
		}
		return mvc.perform(request).andExpect(status().is3xxRedirection());
	}

	private long closeEvents() throws Exception {
		String body = mvc.perform(get("/api/v1/audit").param("orgId", String.valueOf(f.county().id()))
				.param("entity", "tracked-item")).andReturn().getResponse().getContentAsString();
		return body.split("\"action\":\"CLOSE\"", -1).length - 1;
	}

	@Test
	void a_batch_with_an_item_the_closer_submitted_is_refused_whole_naming_it_and_the_rest_closes_one_by_one()
			throws Exception {
		TrackedItem first = submitted("整改一：落实一岗双责", f.owner());
		TrackedItem second = submitted("整改二：建立台账", f.owner());
		TrackedItem own = submitted("整改三：本人提交", null);

		// the administrator submitted the third: the whole batch is refused, that item named
		closeAll(null, first, second, own).andExpect(flash().attribute("errors",
				contains("“整改三：本人提交”未能办理：本人提交的事项不能由本人销号：请由核验方的另一位同志审核销号（整批均未办理，请处理后重试）")));
		assertThat(List.of(first, second, own)).allSatisfy(i -> assertThat(items.get(i.id()).status()).isEqualTo(Status.SUBMITTED));
		assertThat(closeEvents()).isZero();

		// without it the batch closes both, each with its own history and audit event
		closeAll(null, first, second).andExpect(flash().attribute("notice", "已销号 2 项"));
		assertThat(items.get(first.id()).status()).isEqualTo(Status.CLOSED);
		assertThat(items.get(second.id()).status()).isEqualTo(Status.CLOSED);
		var history = items.moves(first.id());
		assertThat(history.get(history.size() - 1).note()).isEqualTo("材料齐全");
		assertThat(closeEvents()).isEqualTo(2);

		// a user of a sibling county closes nothing and learns nothing of the item but its number
		closeAll(f.stranger(), own).andExpect(flash().attribute("errors",
				contains("“" + own.id() + "”未能办理：不存在或不在您的权限范围内（整批均未办理，请处理后重试）")));
		// the owner side is not the verifier side
		closeAll(f.owner(), own).andExpect(flash().attribute("errors", org.hamcrest.Matchers.hasSize(1)));
		assertThat(items.get(own.id()).status()).isEqualTo(Status.SUBMITTED);
		// another person of the verifying side closes it
		closeAll(f.verifier(), own).andExpect(flash().attribute("notice", "已销号 1 项"));
		assertThat(items.get(own.id()).status()).isEqualTo(Status.CLOSED);
		assertThat(closeEvents()).isEqualTo(3);
	}

	private static String closeBody(TrackedItem... chosen) {
		return "{\"note\":\"材料齐全\",\"itemIds\":[" + String.join(",",
				java.util.Arrays.stream(chosen).map(i -> String.valueOf(i.id())).toList()) + "]}";
	}

	@Test
	void the_api_closes_several_at_once_through_the_same_move_all_or_nothing_and_names_the_bad_field() throws Exception {
		TrackedItem first = submitted("接口一：落实一岗双责", f.owner());
		TrackedItem second = submitted("接口二：建立台账", f.owner());
		TrackedItem own = submitted("接口三：本人提交", null);

		// the administrator submitted the third: 409 naming it, nothing closed
		mvc.perform(postJson("/api/v1/tracked-items/close", closeBody(first, second, own))).andExpect(status().isConflict())
				.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("“接口三：本人提交”未能办理：本人提交的事项不能由本人销号")));
		assertThat(List.of(first, second, own)).allSatisfy(i -> assertThat(items.get(i.id()).status()).isEqualTo(Status.SUBMITTED));
		assertThat(closeEvents()).isZero();

		// a user of a sibling county closes nothing and learns nothing of the item but its number
		mvc.perform(postJson("/api/v1/tracked-items/close", closeBody(first)).with(as(f.stranger().id(), f.stranger().username())))
				.andExpect(status().isConflict()).andExpect(jsonPath("$.detail")
						.value("“" + first.id() + "”未能办理：不存在或不在您的权限范围内（整批均未办理，请处理后重试）"));
		assertThat(items.get(first.id()).status()).isEqualTo(Status.SUBMITTED);

		// a request without items names the field
		mvc.perform(postJson("/api/v1/tracked-items/close", "{\"itemIds\":[]}")).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("itemIds"))
				.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.startsWith("所选事项")));

		// the two others close, each with its history and audit event
		mvc.perform(postJson("/api/v1/tracked-items/close", closeBody(first, second))).andExpect(status().isOk())
				.andExpect(jsonPath("$.closed").value(2));
		assertThat(items.get(first.id()).status()).isEqualTo(Status.CLOSED);
		assertThat(items.moves(second.id()).get(items.moves(second.id()).size() - 1).note()).isEqualTo("材料齐全");
		assertThat(closeEvents()).isEqualTo(2);
	}

	@Autowired
	TrackedItemLists lists;

	@Test
	void my_items_are_searched_filtered_sorted_and_paged_in_the_database_each_list_on_its_own() throws Exception {
		String mark = unique() + "分页";
		for (int i = 0; i < 5; i++) {
			submitted(mark + i, f.owner());
		}
		TrackedItem open = tracking.open(f.item(unique(), mark + "未交", clock.today().withMonth(12).withDayOfMonth(31)));
		int year = clock.today().getYear();
		TrackedItemLists.ItemFilter searched = new TrackedItemLists.ItemFilter(mark, null);
		// waiting for verification: the five submitted, two a page, newest first; page 3 holds the first
		TrackedItemLists.MinePage third = lists.mine(year, searched, TrackedItemLists.ItemSort.RECENT, 1, 3, 2);
		assertThat(third.toVerify().total()).isEqualTo(5);
		assertThat(third.toVerify().pages()).isEqualTo(3);
		assertThat(third.toVerify().items()).extracting(TrackedItem::title).containsExactly(mark + "0");
		assertThat(lists.mine(year, searched, TrackedItemLists.ItemSort.TITLE, 1, 1, 2).toVerify().items())
				.extracting(TrackedItem::title).containsExactly(mark + "0", mark + "1");
		// a status filter narrows, LIKE's wildcards are literal
		assertThat(lists.mine(year, new TrackedItemLists.ItemFilter(mark, "CLOSED"), null, 1, 1, 50).toVerify().total()).isZero();
		assertThat(lists.mine(year, new TrackedItemLists.ItemFilter(mark + "%", null), null, 1, 1, 50).toVerify().total()).isZero();

		// the page as the verifier: the query and the other list's page kept in the pager's links
		String page = mvc.perform(get("/tracking").param("year", String.valueOf(year)).param("q", mark).param("sort", "RECENT")
				.with(as(f.verifier().id(), f.verifier().username()))).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(page).contains("共 5 条，第 1/1 页").contains(mark + "0").contains(mark + "4").doesNotContain(mark + "未交")
				.contains("name=\"itemIds\"");
		// a user of the sibling county sees none of them
		String stranger = mvc.perform(get("/tracking").param("q", mark).with(as(f.stranger().id(), f.stranger().username())))
				.andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(stranger).doesNotContain(mark + "0");
		assertThat(open.status()).isEqualTo(Status.OPEN);
	}

	@Test
	void an_empty_batch_is_refused_with_a_sentence() throws Exception {
		closeAll(f.verifier()).andExpect(flash().attribute("errors", contains("请先勾选要办理的条目")));
	}
}
