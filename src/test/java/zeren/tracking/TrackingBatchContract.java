package zeren.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
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

	@Test
	void an_empty_batch_is_refused_with_a_sentence() throws Exception {
		closeAll(f.verifier()).andExpect(flash().attribute("errors", contains("请先勾选要办理的条目")));
	}
}
