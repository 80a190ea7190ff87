package zeren.inspection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zeren.org.OrgTree;
import zeren.org.Subtree;
import zeren.platform.CurrentScope;
import zeren.platform.Rows;
import zeren.platform.Scope;
import zeren.tracking.TrackedItemStatuses;

/**
 * The findings about a subtree of the inspections started within a period, for the situation
 * analysis (形势研判): by focus item (检查重点, the inspection's own wording; {@code null} for a
 * finding under no focus item), each with how many have a rectification assigned and how many are
 * rectified (its tracked item closed, 销号). Findings the caller sees, as {@link Findings#page}.
 */
@Service
@Transactional(readOnly = true)
public class FindingFigures {

	public record FocusCount(String focusItem, long findings, long assigned, long rectified) {
	}

	public record Figures(long findings, long assigned, long rectified, List<FocusCount> byFocus) {
	}

	private final JdbcClient jdbc;
	private final OrgTree tree;
	private final CurrentScope scope;
	private final TrackedItemStatuses items;

	FindingFigures(JdbcClient jdbc, OrgTree tree, CurrentScope scope, TrackedItemStatuses items) {
		this.jdbc = jdbc;
		this.tree = tree;
		this.scope = scope;
		this.items = items;
	}

	private record Row(String focusItem, Long itemId) {
	}

	public Figures of(long orgId, LocalDate first, LocalDate last) {
		Subtree subtree = tree.subtree(orgId);
		Scope reading = scope.reading();
		// one row per finding: what the figures count grows with the findings, never with the tree
		List<Row> rows = reading.bind(subtree.bind(jdbc.sql("""
				SELECT fc.text AS focus_item, r.tracked_item_id AS item_id
				FROM inspection_finding f JOIN inspection i ON i.id = f.inspection_id JOIN org io ON io.id = i.org_id
				JOIN org fo ON fo.id = f.org_id
				LEFT JOIN inspection_focus fc ON fc.inspection_id = f.inspection_id AND fc.focus_no = f.focus_no
				LEFT JOIN inspection_rectification r ON r.finding_id = f.id
				WHERE fo.path >= :subtreeFrom AND fo.path < :subtreeTo AND i.start_date >= :first AND i.start_date <= :last
				  AND (%s OR %s)
				ORDER BY i.start_date, f.inspection_id, f.focus_no, f.id
				""".formatted(reading.condition("io"), reading.condition("fo")))))
				.param("first", first).param("last", last).query(Rows.of(Row.class)).list();
		Set<Long> closed = items.closedAmong(rows.stream().map(Row::itemId).filter(id -> id != null).toList());
		Map<String, long[]> byFocus = new LinkedHashMap<>();
		long[] all = new long[3];
		for (Row r : rows) {
			long[] counts = byFocus.computeIfAbsent(r.focusItem() == null ? "" : r.focusItem(), k -> new long[3]);
			for (long[] c : List.of(counts, all)) {
				c[0]++;
				c[1] += r.itemId() == null ? 0 : 1;
				c[2] += r.itemId() != null && closed.contains(r.itemId()) ? 1 : 0;
			}
		}
		List<FocusCount> focus = new ArrayList<>();
		byFocus.forEach((text, c) -> focus.add(new FocusCount(text.isEmpty() ? null : text, c[0], c[1], c[2])));
		return new Figures(all[0], all[1], all[2], focus);
	}
}
