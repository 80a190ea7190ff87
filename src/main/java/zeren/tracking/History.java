package zeren.tracking;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import zeren.audit.AuditTrail;
import zeren.platform.BusinessClock;
import zeren.platform.CurrentUser;
import zeren.tracking.Move.Action;
import zeren.tracking.TrackedItem.Status;

/** An item's history: every move, with its note or reason, who and when; each also in the audit trail. */
@Component
class History {

	private final JdbcClient jdbc;
	private final AuditTrail audit;
	private final BusinessClock clock;

	History(JdbcClient jdbc, AuditTrail audit, BusinessClock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	void record(long itemId, long orgId, Action action, Status from, Status to, String note, String summary) {
		jdbc.sql("""
				INSERT INTO tracked_move (item_id, action, from_status, to_status, note, username, moved_at)
				VALUES (:item, :action, :from, :to, :note, :user, :now)
				""").param("item", itemId).param("action", action.name()).param("from", from == null ? null : from.name())
				.param("to", to.name()).param("note", note).param("user", CurrentUser.actor()).param("now", clock.now())
				.update();
		audit.record(new AuditTrail.Change(orgId, "tracked-item", itemId, action.name(), summary));
	}
}
