package zeren.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import zeren.duty.DutyList;
import zeren.duty.ResponsibilityLists;
import zeren.org.Org;
import zeren.org.OrgTree;
import zeren.org.OrgType;
import zeren.platform.BusinessClock;
import zeren.support.ApiTest;

/**
 * The ledger follows a published list after commit; when that fails, the list stays published,
 * the event stays in the publication registry, and a resubmission brings the ledger in step.
 */
class LedgerRetryH2Test extends ApiTest {

	@MockitoSpyBean
	WorkLedger ledger;

	@Autowired
	OrgTree tree;

	@Autowired
	ResponsibilityLists lists;

	@Autowired
	zeren.duty.DutyListManagement listManagement;

	@Autowired
	IncompleteEventPublications incomplete;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BusinessClock clock;

	@Test
	void a_failed_ledger_reaction_leaves_the_list_published_and_is_retried_from_the_registry() {
		String p = unique();
		int year = clock.today().getYear();
		Org county = tree.create(new OrgTree.NewOrg(p + "x", p + "县委", OrgType.PARTY_COMMITTEE, null, null, null));
		DutyList list = listManagement.create(county.id(), year);
		DutyList.Item task = listManagement.addItem(list.id(), new zeren.duty.DutyListManagement.ItemInput(null, "教育", "廉政教育", null, null,
				"宣传部", null, null, LocalDate.of(year, 12, 31), List.of(), null));

		doThrow(new IllegalStateException("the ledger is down")).when(ledger).sync(anyLong(), anyInt(), anyBoolean());
		try {
			listManagement.publish(list.id());
		}
		catch (IllegalStateException e) {
			// whether the failure reaches the publisher or is only logged, the decision has committed
		}
		assertThat(lists.get(list.id()).status()).isEqualTo(DutyList.Status.PUBLISHED);
		assertThat(ledger.itemOf(task.id())).isEmpty();
		assertThat(pending()).isEqualTo(1);

		doCallRealMethod().when(ledger).sync(anyLong(), anyInt(), anyBoolean());
		incomplete.resubmitIncompletePublications(publication -> true);
		assertThat(ledger.itemOf(task.id())).isPresent();
		assertThat(pending()).isZero();
	}

	private long pending() {
		return jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL AND event_type LIKE '%DutyListsChanged'")
				.query(Long.class).single();
	}
}
