package zeren.oversight;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

import zeren.platform.SystemWork;

/**
 * Sweeps one organisation again right after a change that affects its obligations has
 * committed, in a transaction of its own (so the change stands whatever happens here), as system
 * work; the event stays in the publication registry until this has run, so a failure is retried.
 * The sweep is idempotent, so a retry or a duplicate event does no harm.
 */
@Component
class OversightFollowsChanges {

	private final Sweep sweep;

	OversightFollowsChanges(Sweep sweep) {
		this.sweep = sweep;
	}

	@TransactionalEventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void on(ObligationsAffected event) {
		SystemWork.run("oversight-sweep", () -> sweep.sweep(event.orgId(), event.year()));
	}
}
