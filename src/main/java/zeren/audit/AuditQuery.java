package zeren.audit;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zeren.platform.BusinessClock;
import zeren.platform.CurrentScope;
import zeren.platform.ForbiddenException;
import zeren.platform.NotFoundException;
import zeren.platform.Scope;

/**
 * Reads the audit trail for administrators (everything) and discipline users (events of the
 * organisations they supervise), filtered by organisation subtree, user, entity and time.
 */
@Service
@Transactional(readOnly = true)
public class AuditQuery {

	public static final int MAX_ROWS = 100_000;

	private final JdbcClient jdbc;
	private final CurrentScope scope;
	private final BusinessClock clock;

	AuditQuery(JdbcClient jdbc, CurrentScope scope, BusinessClock clock) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.clock = clock;
	}

	/** Filters; each may be empty. Dates are business dates (Asia/Shanghai), both inclusive. */
	public record Filter(Long orgId, String username, String entityType, LocalDate from, LocalDate to) {
	}

	/** Whether the caller may read the audit trail at all. */
	public boolean mayRead() {
		return scope.isAdmin() || !scope.supervising().isEmpty();
	}

	/**
	 * The names of the organisations the shown events belong to, so the viewer shows names, not
	 * ids. Only ids taken from events the caller may already read; an organisation deleted since
	 * keeps its id.
	 */
	public java.util.Map<Long, String> orgNames(java.util.Collection<AuditEvent> events) {
		java.util.Set<Long> ids = events.stream().map(AuditEvent::orgId).filter(java.util.Objects::nonNull)
				.collect(java.util.stream.Collectors.toSet());
		java.util.Map<Long, String> names = new java.util.HashMap<>();
		if (!ids.isEmpty()) {
			jdbc.sql("SELECT id, name FROM org WHERE id IN (:ids)").param("ids", ids)
					.query((rs, n) -> names.put(rs.getLong("id"), rs.getString("name"))).list();
		}
		return names;
	}

	/** The name of one organisation (for the filter the viewer shows), or its id when it is gone. */
	public String orgName(long orgId) {
		return jdbc.sql("SELECT name FROM org WHERE id = :id").param("id", orgId).query(String.class).optional()
				.orElse(String.valueOf(orgId));
	}

	public List<AuditEvent> find(Filter filter, int limit) {
		List<AuditEvent> events = new ArrayList<>();
		stream(filter, Math.max(1, Math.min(limit, MAX_ROWS)), events::add);
		return events;
	}

	/** Refuses a filter the caller may not use (403, or 404 for an organisation out of view) before any output. */
	public void check(Filter filter) {
		if (!mayRead()) {
			throw new ForbiddenException();
		}
		if (filter.orgId() != null) {
			Scope supervising = scope.isAdmin() ? Scope.all() : scope.supervising();
			boolean visible = supervising.bind(jdbc.sql("SELECT COUNT(*) FROM org so WHERE so.id = :id AND "
					+ supervising.condition("so"))).param("id", filter.orgId()).query(Long.class).single() > 0;
			if (!visible) {
				throw new NotFoundException("org", filter.orgId());
			}
		}
	}

	/** Newest first, at most {@code limit} events, each handed to {@code sink} as it is read. */
	public void stream(Filter filter, int limit, Consumer<AuditEvent> sink) {
		stream(filter, null, Order.NEWEST, limit, sink);
	}

	/**
	 * The events of {@link #page} (the filter, the search text {@code q}, the order) from the first,
	 * at most {@code limit}, each handed to {@code sink} as it is read: what the viewer's export writes.
	 */
	public void stream(Filter filter, String q, Order order, int limit, Consumer<AuditEvent> sink) {
		Where where = where(filter, q);
		Map<String, Object> params = new HashMap<>(where.params());
		params.put("limit", Math.max(1, Math.min(limit, MAX_ROWS)));
		jdbc.sql("SELECT e.*" + where.from() + " ORDER BY " + (order == null ? Order.NEWEST : order).orderBy
				+ " FETCH FIRST :limit ROWS ONLY").params(params).query((java.sql.ResultSet rs) -> {
					sink.accept(AuditTrail.map(rs, 0));
				});
	}

	/** The orders of the viewer (its 排序 choices): newest first, or oldest first. */
	public enum Order {
		NEWEST("e.id DESC"), OLDEST("e.id");

		private final String orderBy;

		Order(String orderBy) {
			this.orderBy = orderBy;
		}

		/** The order named on the page, newest first when none or unknown. */
		public static Order of(String name) {
			return zeren.platform.Paged.choice(Order.class, name, NEWEST);
		}
	}

	/**
	 * One page of the events that pass the filter and contain {@code q} (in the user name or the
	 * summary), counted and paged in the database, within what the caller may read.
	 */
	public zeren.platform.Paged<AuditEvent> page(Filter filter, String q, Order order, int page, int size) {
		Where where = where(filter, q);
		long total = jdbc.sql("SELECT COUNT(*)" + where.from()).params(where.params()).query(Long.class).single();
		Map<String, Object> params = new HashMap<>(where.params());
		params.put("offset", zeren.platform.Paged.offset(page, size));
		params.put("size", size);
		List<AuditEvent> events = new ArrayList<>();
		jdbc.sql("SELECT e.*" + where.from() + " ORDER BY " + (order == null ? Order.NEWEST : order).orderBy
				+ " OFFSET :offset ROWS FETCH FIRST :size ROWS ONLY").params(params)
				.query((java.sql.ResultSet rs) -> {
					events.add(AuditTrail.map(rs, 0));
				});
		return new zeren.platform.Paged<>(events, page, size, total);
	}

	/** The FROM and WHERE of a filtered read of the trail, with its parameters. */
	private record Where(String from, Map<String, Object> params) {
	}

	private Where where(Filter filter, String q) {
		check(filter);
		Scope supervising = scope.isAdmin() ? Scope.all() : scope.supervising();
		StringBuilder where = new StringBuilder("1 = 1");
		Map<String, Object> params = new HashMap<>(supervising.parameters());
		if (!supervising.unrestricted()) {
			// events without an organisation (logins, users) are for administrators only
			where.append(" AND so.id IS NOT NULL AND ").append(supervising.condition("so"));
		}
		if (filter.orgId() != null) {
			// fixed-width path segments: a prefix of the path is an ancestor
			where.append(" AND so.id IS NOT NULL AND SUBSTR(so.path, 1, LENGTH(fo.path)) = fo.path");
			params.put("filterOrg", filter.orgId());
		}
		if (filter.username() != null && !filter.username().isBlank()) {
			where.append(" AND e.username = :username");
			params.put("username", filter.username().strip());
		}
		if (filter.entityType() != null && !filter.entityType().isBlank()) {
			where.append(" AND e.entity_type = :entity");
			params.put("entity", filter.entityType().strip());
		}
		if (q != null && !q.isBlank()) {
			where.append(" AND (e.username LIKE :pattern ESCAPE '\\' OR e.summary LIKE :pattern ESCAPE '\\')");
			params.put("pattern", zeren.platform.Paged.containing(q.strip()));
		}
		ZoneId zone = clock.zone();
		if (filter.from() != null) {
			where.append(" AND e.occurred_at >= :from");
			params.put("from", filter.from().atStartOfDay(zone).toOffsetDateTime());
		}
		if (filter.to() != null) {
			where.append(" AND e.occurred_at < :to");
			params.put("to", filter.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime());
		}
		String join = filter.orgId() != null ? " JOIN org fo ON fo.id = :filterOrg" : "";
		return new Where(" FROM audit_event e LEFT JOIN org so ON so.id = e.org_id" + join + " WHERE " + where, params);
	}

	/** Walking the whole chain is for administrators: its count covers every organisation. */
	public AuditTrail.Verification verify(AuditTrail trail) {
		if (!scope.isAdmin()) {
			throw new ForbiddenException();
		}
		return trail.verify();
	}
}
