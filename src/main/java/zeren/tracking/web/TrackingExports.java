package zeren.tracking.web;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;
import zeren.platform.BusinessClock;
import zeren.platform.xlsx.TableExport;
import zeren.tracking.TrackedItem;
import zeren.tracking.TrackedItemLists;
import zeren.tracking.TrackedItems;
import zeren.tracking.TrackingFilter;
import zeren.tracking.TrackingOverview;

/**
 * The tracked items of a subtree as XLSX, with the filters of {@code GET /api/v1/tracked-items}
 * (kind, status, warning); at most 2,000 items, as that list (the counts sheet is complete).
 */
@Controller
class TrackingExports {

	private final TrackedItems items;
	private final TrackedItemLists lists;
	private final BusinessClock clock;
	private final MessageSource messages;

	TrackingExports(TrackedItems items, TrackedItemLists lists, BusinessClock clock, MessageSource messages) {
		this.lists = lists;
		this.items = items;
		this.clock = clock;
		this.messages = messages;
	}

	@GetMapping("/tracking/export.xlsx")
	void export(@RequestParam long orgId, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String kind, @RequestParam(required = false) TrackedItem.Status status,
			@RequestParam(required = false) TrackedItem.Warning warning, Locale locale, HttpServletResponse response) {
		int y = year == null ? clock.today().getYear() : year;
		TrackingOverview overview = items.inSubtree(orgId, y, new TrackingFilter(kind, status, warning, Integer.MAX_VALUE));
		TableExport.send(response, m(locale, "tracking.export.name", String.valueOf(y)), book -> {
			TableExport.Sheet sheet = book.sheet(m(locale, "tracking.export.sheet"), List.of(m(locale, "tracking.col.title"),
					m(locale, "tracking.col.org"), m(locale, "tracking.col.owner"), m(locale, "tracking.col.deadline"),
					m(locale, "tracking.col.status"), m(locale, "tracking.col.warning"), m(locale, "tracking.col.entries"),
					m(locale, "tracking.col.verifier")));
			for (TrackedItem i : overview.items()) {
				sheet.row(i.title(), i.orgName(), i.ownerPostTitle(), i.deadline(), m(locale, "tracking.status." + i.status().name()),
						m(locale, "tracking.warning." + i.warning().name()), i.entryCount(), i.verifierOrgName());
			}
			TableExport.Sheet counts = book.sheet(m(locale, "tracking.export.counts"),
					List.of(m(locale, "tracking.col.status"), m(locale, "tracking.export.count")));
			overview.byStatus().forEach((s, n) -> counts.row(m(locale, "tracking.status." + s.name()), n));
			overview.byWarning().forEach((w, n) -> counts.row(m(locale, "tracking.col.warning") + "：" + m(locale, "tracking.warning." + w.name()), n));
		});
	}

	/** The most items of each list one export of 我的事项 carries. */
	static final int MAX_EXPORTED = 100_000;

	/** 我的事项 as XLSX: the two lists as the page shows them (year, search, status, sort), every page. */
	@GetMapping("/tracking/mine/export.xlsx")
	void mine(@RequestParam(required = false) Integer year, @RequestParam(required = false) String q,
			@RequestParam(required = false) String status, @RequestParam(required = false) String sort, Locale locale,
			HttpServletResponse response) {
		int y = year == null ? clock.today().getYear() : year;
		TrackedItemLists.MinePage mine = lists.mine(y, new TrackedItemLists.ItemFilter(q, status),
				TrackedItemLists.ItemSort.of(sort), 1, 1, MAX_EXPORTED);
		TableExport.send(response, m(locale, "tracking.mine.title") + y, book -> {
			sheet(book, m(locale, "tracking.mine.held"), mine.held().items(), locale);
			sheet(book, m(locale, "tracking.mine.to-verify"), mine.toVerify().items(), locale);
		});
	}

	private void sheet(TableExport book, String name, List<TrackedItem> rows, Locale locale) {
		TableExport.Sheet sheet = book.sheet(name, List.of(m(locale, "tracking.col.title"), m(locale, "tracking.col.org"),
				m(locale, "tracking.col.owner"), m(locale, "tracking.col.deadline"), m(locale, "tracking.col.status"),
				m(locale, "tracking.col.warning"), m(locale, "tracking.col.entries")));
		for (TrackedItem i : rows) {
			sheet.row(i.title(), i.orgName(), i.ownerPostTitle(), i.deadline(), m(locale, "tracking.status." + i.status().name()),
					m(locale, "tracking.warning." + i.warning().name()), i.entryCount());
		}
	}

	private String m(Locale locale, String code, Object... args) {
		return messages.getMessage(code, args, locale);
	}
}
