package zeren.tracking;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import zeren.platform.BusinessClock;
import zeren.platform.CurrentScope;
import zeren.platform.NotFoundException;
import zeren.platform.Rows;
import zeren.platform.Scope;
import zeren.tracking.TrackedItem.Status;

/**
 * How both sides read an item: one SELECT, mapped by column name, made into a {@link TrackedItem}
 * as it stands today (warning, days left and the year lock computed, never stored).
 */
@Component
class ItemRows {

	/** The columns of an item, over the aliases of {@link #FROM}. */
	static final String COLUMNS = """
			t.id, t.kind, t.source_ref, t.org_id, o.name AS org_name, o.path AS org_path, t.item_year, t.title,
			       t.owner_post_id, op.title AS owner_title, t.verifier_post_id, vp.title AS verifier_title,
			       t.verifier_org_id, vo.name AS verifier_org_name, vo.path AS verifier_org_path, t.deadline, t.status,
			       t.reopened, t.entry_count, t.last_entry_date, t.created_at, t.closed_at
			""";

	/** An item {@code t} with its organisation {@code o} and verifier organisation {@code vo}: what {@link #visible} reads. */
	static final String SCOPED_FROM = """
			tracked_item t
			JOIN org o ON o.id = t.org_id
			JOIN org vo ON vo.id = t.verifier_org_id
			""";

	/** {@link #SCOPED_FROM} with the owner's and the verifier's posts {@code op}, {@code vp}: what {@link #COLUMNS} read. */
	static final String FROM = SCOPED_FROM + """
			LEFT JOIN post op ON op.id = t.owner_post_id
			LEFT JOIN post vp ON vp.id = t.verifier_post_id
			""";

	static final String SELECT = "SELECT " + COLUMNS + " FROM " + FROM;

	/** A row of {@link #SELECT} as stored. */
	record Stored(long id, String kind, String sourceRef, long orgId, String orgName, String orgPath, int itemYear,
			String title, Long ownerPostId, String ownerTitle, Long verifierPostId, String verifierTitle,
			long verifierOrgId, String verifierOrgName, String verifierOrgPath, LocalDate deadline, Status status,
			boolean reopened, int entryCount, LocalDate lastEntryDate, OffsetDateTime createdAt,
			OffsetDateTime closedAt) {
	}

	/** An item with the paths of its organisations, for the checks of who may move it. */
	record Row(TrackedItem item, String orgPath, String verifierOrgPath) {

		boolean on(Side side, Scope acting) {
			return side.includes(acting, orgPath, verifierOrgPath);
		}
	}

	/** The caller sees an item when they see its organisation or its verifier organisation. */
	static String visible(Scope reading) {
		return "(" + reading.condition("o") + " OR " + reading.condition("vo") + ")";
	}

	private final JdbcClient jdbc;
	private final CurrentScope scope;
	private final BusinessClock clock;
	private final TrackingRules rules;

	ItemRows(JdbcClient jdbc, CurrentScope scope, BusinessClock clock, TrackingRules rules) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.clock = clock;
		this.rules = rules;
	}

	/** The item as it stands on {@code today}. */
	Row row(Stored s, LocalDate today) {
		Status status = s.status();
		TrackedItem item = new TrackedItem(s.id(), s.kind(), s.sourceRef(), s.orgId(), s.orgName(), s.itemYear(),
				s.title(), s.ownerPostId(), s.ownerTitle(), s.verifierPostId(), s.verifierTitle(), s.verifierOrgId(),
				s.verifierOrgName(), s.deadline(), status, rules.warning(status, s.deadline(), today),
				ChronoUnit.DAYS.between(today, s.deadline()),
				status != Status.CLOSED && !s.reopened() && rules.yearClosed(s.itemYear(), today), s.reopened(),
				s.entryCount(), s.lastEntryDate(), s.createdAt(), s.closedAt());
		return new Row(item, s.orgPath(), s.verifierOrgPath());
	}

	TrackedItem item(Stored s) {
		return row(s, clock.today()).item();
	}

	/** An item the caller may see. */
	Optional<Row> visible(long id) {
		Scope reading = scope.reading();
		return reading.bind(jdbc.sql(SELECT + " WHERE t.id = :id AND " + visible(reading))).param("id", id)
				.query(Rows.of(Stored.class)).optional().map(s -> row(s, clock.today()));
	}

	/** An item whoever may see it, or 404: for the checks of who may move it. */
	Row any(long id) {
		return jdbc.sql(SELECT + " WHERE t.id = :id").param("id", id).query(Rows.of(Stored.class)).optional()
				.map(s -> row(s, clock.today())).orElseThrow(() -> new NotFoundException("tracked-item", id));
	}

	/** An item locked for a move (one move at a time), or 404. */
	Row locked(long id) {
		jdbc.sql("SELECT id FROM tracked_item WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).optional()
				.orElseThrow(() -> new NotFoundException("tracked-item", id));
		return any(id);
	}
}
