package zeren.tracking;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zeren.org.Leadership;
import zeren.platform.BusinessClock;
import zeren.platform.CurrentScope;
import zeren.platform.Paged;
import zeren.platform.Rows;
import zeren.platform.Scope;
import zeren.tracking.ItemRows.Stored;
import zeren.tracking.TrackedItem.Status;

/**
 * The caller's own items (我的事项) as the page lists them: searched, filtered, sorted and paged in
 * the database, the same items {@link TrackedItems#mine} finds (held by the caller's person; submitted
 * and waiting for a verifier organisation the caller works in), each list paged on its own.
 */
@Service
@Transactional(readOnly = true)
public class TrackedItemLists {

	/** The orders of the lists (their 排序 choices); whitelisted, never a column name from the request. */
	public enum ItemSort {
		/** The nearest deadline first. */
		DEADLINE("t.deadline, t.id"),
		/** By the organisation, as the tree orders them. */
		ORG("o.path, t.deadline, t.id"),
		/** By title. */
		TITLE("t.title, t.id"),
		/** The latest opened first. */
		RECENT("t.id DESC");

		private final String orderBy;

		ItemSort(String orderBy) {
			this.orderBy = orderBy;
		}

		/** The sort named on a page, by deadline when none or unknown. */
		public static ItemSort of(String name) {
			return Paged.choice(ItemSort.class, name, DEADLINE);
		}
	}

	/** What the lists are narrowed to: a text in the title or the organisation's name; a status's name (unknown or blank: all). */
	public record ItemFilter(String q, String status) {

		Status statusValue() {
			return Paged.choice(Status.class, status, null);
		}
	}

	/** The two lists of the page: {@code linked} tells whether the caller's account belongs to a person. */
	public record MinePage(int year, boolean linked, Paged<TrackedItem> held, Paged<TrackedItem> toVerify) {
	}

	private final JdbcClient jdbc;
	private final ItemRows rows;
	private final Leadership leadership;
	private final CurrentScope scope;
	private final BusinessClock clock;

	TrackedItemLists(JdbcClient jdbc, ItemRows rows, Leadership leadership, CurrentScope scope, BusinessClock clock) {
		this.jdbc = jdbc;
		this.rows = rows;
		this.leadership = leadership;
		this.scope = scope;
		this.clock = clock;
	}

	/**
	 * Page {@code heldPage} of the items whose owner or verifier post the caller's person holds today,
	 * and page {@code verifyPage} of the submitted items waiting for a verifier organisation the caller
	 * acts for, both of {@code year}, narrowed by {@code filter} and sorted by {@code sort}.
	 */
	public MinePage mine(int year, ItemFilter filter, ItemSort sort, int heldPage, int verifyPage, int size) {
		LocalDate today = clock.today();
		Long personId = scope.person().orElse(null);
		Set<Long> posts = new LinkedHashSet<>();
		if (personId != null) {
			leadership.career(personId).stream()
					.filter(e -> !e.tenure().startDate().isAfter(today)
							&& (e.tenure().endDate() == null || !e.tenure().endDate().isBefore(today)))
					.forEach(e -> posts.add(e.post().id()));
		}
		ItemFilter f = filter == null ? new ItemFilter(null, null) : filter;
		ItemSort order = sort == null ? ItemSort.DEADLINE : sort;
		Scope reading = scope.reading();
		Paged<TrackedItem> held = posts.isEmpty() ? new Paged<>(List.of(), heldPage, size, 0)
				: page("(t.owner_post_id IN (:posts) OR t.verifier_post_id IN (:posts)) AND " + ItemRows.visible(reading),
						reading, List.copyOf(posts), year, f, order, heldPage, size, today);
		Scope acting = scope.acting();
		Paged<TrackedItem> toVerify = page("t.status = 'SUBMITTED' AND " + acting.condition("vo"), acting, null, year, f,
				order, verifyPage, size, today);
		return new MinePage(year, personId != null, held, toVerify);
	}

	private Paged<TrackedItem> page(String condition, Scope bound, List<Long> posts, int year, ItemFilter f, ItemSort order,
			int page, int size, LocalDate today) {
		String text = f.q() == null ? "" : f.q().strip();
		Status status = f.statusValue();
		String where = " WHERE t.item_year = :year AND " + condition
				+ (text.isEmpty() ? "" : " AND (t.title LIKE :pattern ESCAPE '\\' OR o.name LIKE :pattern ESCAPE '\\')")
				+ (status == null ? "" : " AND t.status = :status");
		var count = jdbc.sql("SELECT COUNT(*) FROM tracked_item t JOIN org o ON o.id = t.org_id"
				+ " JOIN org vo ON vo.id = t.verifier_org_id" + where);
		var list = jdbc.sql(ItemRows.SELECT + where + " ORDER BY " + order.orderBy
				+ " OFFSET :offset ROWS FETCH FIRST :size ROWS ONLY").param("offset", Paged.offset(page, size))
				.param("size", size);
		for (var spec : List.of(count, list)) {
			bound.bind(spec).param("year", year);
			if (posts != null) {
				spec.param("posts", posts);
			}
			if (!text.isEmpty()) {
				spec.param("pattern", Paged.containing(text));
			}
			if (status != null) {
				spec.param("status", status.name());
			}
		}
		long total = count.query(Long.class).single();
		List<TrackedItem> items = new ArrayList<>();
		list.query(Rows.of(Stored.class)).list().forEach(s -> items.add(rows.row(s, today).item()));
		return new Paged<>(items, page, size, total);
	}
}
