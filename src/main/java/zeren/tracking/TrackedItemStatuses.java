package zeren.tracking;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zeren.platform.CurrentScope;
import zeren.platform.Scope;

/**
 * Where a module's own items stand, for its figures (a rate of rectification): which of the items
 * it keeps the ids of are closed. Only items the caller sees count; one query per thousand ids.
 */
@Service
@Transactional(readOnly = true)
public class TrackedItemStatuses {

	private static final int SLICE = 1000;

	private final JdbcClient jdbc;
	private final CurrentScope scope;

	TrackedItemStatuses(JdbcClient jdbc, CurrentScope scope) {
		this.jdbc = jdbc;
		this.scope = scope;
	}

	/** The ids among {@code ids} of the items that are closed (销号) and visible to the caller. */
	public Set<Long> closedAmong(Collection<Long> ids) {
		List<Long> all = new ArrayList<>(new HashSet<>(ids));
		Set<Long> closed = new HashSet<>();
		Scope reading = scope.reading();
		for (int i = 0; i < all.size(); i += SLICE) {
			closed.addAll(reading.bind(jdbc.sql("""
					SELECT t.id FROM tracked_item t JOIN org o ON o.id = t.org_id JOIN org vo ON vo.id = t.verifier_org_id
					WHERE t.id IN (:ids) AND t.status = 'CLOSED' AND """ + ItemRows.visible(reading)))
					.param("ids", all.subList(i, Math.min(all.size(), i + SLICE))).query(Long.class).list());
		}
		return closed;
	}
}
