package zeren.ledger;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

import zeren.duty.DutyListsChanged;
import zeren.platform.SystemWork;

/**
 * Keeps the ledger in step with the published lists: after a publication or amendment has
 * committed, in a transaction of its own, so the list's decision stands whatever happens here.
 * The event stays in the publication registry until this has run, so a failure is retried
 * (platform's EventRetries, and on restart), never lost. It runs on the publishing request's
 * thread, so the ledger is in step when the page is shown again. It is system work: the
 * publisher's grants were checked by the decision, and a retry has no user.
 */
@Component
class LedgerFollowsLists {

	private final WorkLedger ledger;

	LedgerFollowsLists(WorkLedger ledger) {
		this.ledger = ledger;
	}

	@TransactionalEventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void on(DutyListsChanged event) {
		SystemWork.run("ledger-sync", () -> ledger.sync(event.orgId(), event.year(), event.subtree()));
	}
}
