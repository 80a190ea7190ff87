package zeren.tracking;

import java.time.LocalDate;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import zeren.platform.BusinessClock;
import zeren.platform.Rows;
import zeren.platform.Scope;
import zeren.tracking.ItemRows.Stored;

/**
 * For a module's own set-based reads of its tracked items joined with its own tables (the
 * ledger's reconciliation counted with {@code GROUP BY}, its drill-down paged in the database):
 * the item's joins and columns, the rule of who sees an item and the rule of when it is red, as
 * the SQL text {@link TrackedItems} itself reads with — so no module writes a second copy of
 * them. Every fragment is text with bind parameters, never a value.
 *
 * <pre>{@code
 * reading.bind(jdbc.sql("SELECT COUNT(*) FROM " + TrackedItemSql.SCOPED_FROM + " JOIN ledger_task lt ON lt.tracked_item_id = t.id"
 *         + " WHERE t.kind = :kind AND " + TrackedItemSql.visible(reading)))
 * }</pre>
 */
@Component
public class TrackedItemSql {

	/** An item {@code t} with its organisation {@code o} and its verifier organisation {@code vo}. */
	public static final String SCOPED_FROM = ItemRows.SCOPED_FROM;

	/** {@link #SCOPED_FROM} with the posts {@link #COLUMNS} read ({@code op}, {@code vp}). */
	public static final String FROM = ItemRows.FROM;

	/** The columns of an item over {@link #FROM}, as {@link #items()} maps them (select your own columns under other names). */
	public static final String COLUMNS = ItemRows.COLUMNS;

	/** The item is red (overdue, not closed), as {@link TrackingRules#warning} says; binds {@code :firstNotRed} ({@link #firstNotRed()}). */
	public static final String RED = "(t.status <> 'CLOSED' AND t.deadline < :firstNotRed)";

	/** The caller sees the item: its organisation or its verifier organisation in {@code reading}; bind the scope's parameters. */
	public static String visible(Scope reading) {
		return ItemRows.visible(reading);
	}

	private final ItemRows rows;
	private final BusinessClock clock;
	private final TrackingRules rules;

	TrackedItemSql(ItemRows rows, BusinessClock clock, TrackingRules rules) {
		this.rows = rows;
		this.clock = clock;
		this.rules = rules;
	}

	/** The value of {@code :firstNotRed} today. */
	public LocalDate firstNotRed() {
		return rules.firstNotRed(clock.today());
	}

	/** Maps the {@link #COLUMNS} of a row to the item as it stands today (warning, days left, year lock). */
	public RowMapper<TrackedItem> items() {
		LocalDate today = clock.today();
		Rows<Stored> stored = Rows.of(Stored.class);
		return (rs, n) -> rows.row(stored.mapRow(rs, n), today).item();
	}
}
