package zeren.oversight;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

import zeren.org.Subtree;
import zeren.platform.BulkRows;
import zeren.platform.Database;

/**
 * The sweep's rolled-up counts ({@code oversight_count}: per organisation, obligation kind and
 * month due, the instances of its whole subtree by status and colour), computed from the
 * snapshot's instances in one pass in memory: each instance is read once, with its
 * organisation's path, and counted for the organisation and every ancestor within the swept
 * subtree (the path names them, ten digits each). The counts are then compared with the stored
 * ones, and only the rows that differ are replaced; the ancestors above the subtree are rolled up
 * from their own instances and their children's counts, nearest first.
 *
 * <p>One pass over 412,000 instances and a hash map of some 330,000 counts (a few tens of
 * megabytes) replaced a grouping in SQL of every instance once per ancestor level (2.0 million
 * rows) and a comparison of two staged tables (docs/BENCHMARKS.md, "Oversight", seventh run).
 * An organisation's own counts are not stored: the dashboard reads them from its instances.
 */
final class SubtreeCounts {

	/** The counted statuses and colours, in the order of {@link #COLUMNS} after {@code total}. */
	private static final List<String> STATUSES = List.of("DONE_ON_TIME", "DONE_LATE", "OPEN", "OVERDUE", "VACANT",
			"NOT_APPLICABLE");

	private static final List<String> COLOURS = List.of("BLUE", "YELLOW", "RED");

	static final String COLUMNS = "total, done_on_time, done_late, open_count, overdue, vacant, not_applicable, blue, "
			+ "yellow, red";

	private static final int WIDTH = 10;

	/** The counts of a set of instances {@code ob}, named as {@link #COLUMNS}. */
	static final String SUMS = """
			COUNT(*) AS total, SUM(CASE WHEN ob.status = 'DONE_ON_TIME' THEN 1 ELSE 0 END) AS done_on_time,
			SUM(CASE WHEN ob.status = 'DONE_LATE' THEN 1 ELSE 0 END) AS done_late,
			SUM(CASE WHEN ob.status = 'OPEN' THEN 1 ELSE 0 END) AS open_count,
			SUM(CASE WHEN ob.status = 'OVERDUE' THEN 1 ELSE 0 END) AS overdue,
			SUM(CASE WHEN ob.status = 'VACANT' THEN 1 ELSE 0 END) AS vacant,
			SUM(CASE WHEN ob.status = 'NOT_APPLICABLE' THEN 1 ELSE 0 END) AS not_applicable,
			SUM(CASE WHEN ob.colour = 'BLUE' THEN 1 ELSE 0 END) AS blue, SUM(CASE WHEN ob.colour = 'YELLOW' THEN 1 ELSE 0 END) AS yellow,
			SUM(CASE WHEN ob.colour = 'RED' THEN 1 ELSE 0 END) AS red""";

	static final String MONTH = "CAST(EXTRACT(MONTH FROM ob.due_date) AS INT)";

	/** Keys of one {@code DELETE}. */
	private static final int KEYS_PER_DELETE = 500;

	/** When more stored rows than this share differ, the subtree's rows are replaced as a whole. */
	private static final double REPLACE_ALL_ABOVE = 0.25;

	private static final List<String> TABLE_COLUMNS = List.of("org_id", "obl_year", "kind", "due_month", "total",
			"done_on_time", "done_late", "open_count", "overdue", "vacant", "not_applicable", "blue", "yellow", "red");

	private final JdbcClient jdbc;
	private final DataSource dataSource;
	private final Database database;

	SubtreeCounts(JdbcClient jdbc, DataSource dataSource, Database database) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.database = database;
	}

	/** What writing the counts did: the rows computed, removed and written. */
	record Written(int counted, int removed, int inserted) {
	}

	/** The key of one count row: organisation, kind (an index into {@code kinds}) and month due. */
	private record Key(long orgId, int kind, int month) {
	}

	/**
	 * Computes the counts of the subtree (rooted at depth {@code rootDepth}) from the snapshot's
	 * instances for {@code year}, and makes the stored counts of the subtree equal to them.
	 */
	Written write(Subtree subtree, int rootDepth, int year) {
		List<String> kinds = new ArrayList<>();
		Map<String, Integer> kindIndex = new HashMap<>();
		// per key the ten counts, and in the eleventh slot 1 when the stored row is the same
		Map<Key, int[]> counts = new HashMap<>();
		subtree.bind(jdbc.sql("SELECT ob.org_path, ob.kind, " + MONTH + " AS due_month, ob.status, ob.colour"
				+ " FROM oversight_obligation ob WHERE ob.obl_year = :year AND ob.org_path >= :subtreeFrom"
				+ " AND ob.org_path < :subtreeTo")).param("year", year).withFetchSize(10_000).query((ResultSet rs) -> {
					String path = rs.getString(1);
					int kind = index(rs.getString(2), kinds, kindIndex);
					int month = rs.getInt(3);
					int status = STATUSES.indexOf(rs.getString(4));
					int colour = COLOURS.indexOf(rs.getString(5));
					for (int at = 10 * rootDepth; at + 10 <= path.length(); at += 10) {
						int[] c = counts.computeIfAbsent(new Key(id(path, at), kind, month), k -> new int[WIDTH + 1]);
						c[0]++;
						if (status >= 0) {
							c[1 + status]++;
						}
						if (colour >= 0) {
							c[1 + STATUSES.size() + colour]++;
						}
					}
				});
		// the stored rows: those equal to what was counted stay, the others are removed
		List<Key> differing = new ArrayList<>();
		int[] stored = { 0 };
		int[] then = new int[WIDTH];
		subtree.bind(jdbc.sql("SELECT c.org_id, c.kind, c.due_month, " + COLUMNS.replaceAll("(\\w+)", "c.$1")
				+ " FROM oversight_count c WHERE c.obl_year = :year AND c.org_id IN (" + Subtree.ORG_IDS + ")"))
				.param("year", year).withFetchSize(10_000).query((ResultSet rs) -> {
					stored[0]++;
					Key key = new Key(rs.getLong(1), index(rs.getString(2), kinds, kindIndex), rs.getInt(3));
					for (int i = 0; i < WIDTH; i++) {
						then[i] = rs.getInt(4 + i);
					}
					int[] now = counts.get(key);
					if (now != null && Arrays.equals(now, 0, WIDTH, then, 0, WIDTH)) {
						now[WIDTH] = 1;
					}
					else {
						differing.add(key);
					}
				});
		int removed = 0;
		boolean replaceAll = differing.size() > REPLACE_ALL_ABOVE * stored[0];
		if (replaceAll) {
			removed = subtree.bind(jdbc.sql("DELETE FROM oversight_count WHERE obl_year = :year AND org_id IN ("
					+ Subtree.ORG_IDS + ")")).param("year", year).update();
		}
		else {
			for (int i = 0; i < differing.size(); i += KEYS_PER_DELETE) {
				removed += delete(differing.subList(i, Math.min(differing.size(), i + KEYS_PER_DELETE)), kinds, year);
			}
		}
		int inserted = insert(counts, replaceAll, kinds, year);
		return new Written(counts.size(), removed, inserted);
	}

	private static int index(String kind, List<String> kinds, Map<String, Integer> kindIndex) {
		return kindIndex.computeIfAbsent(kind, k -> {
			kinds.add(k);
			return kinds.size() - 1;
		});
	}

	/** The ancestor's counts rolled up again from its own instances and its children's counts. */
	void rollUp(long ancestorId, int year) {
		jdbc.sql("DELETE FROM oversight_count WHERE obl_year = :year AND org_id = :org").param("year", year)
				.param("org", ancestorId).update();
		String sums = COLUMNS.replaceAll("(\\w+)", "SUM(x.$1)");
		jdbc.sql("INSERT INTO oversight_count (org_id, obl_year, kind, due_month, " + COLUMNS + ") SELECT :org, :year, x.kind,"
				+ " x.due_month, " + sums + " FROM (SELECT ob.kind, " + MONTH + " AS due_month, " + SUMS
				+ " FROM oversight_obligation ob WHERE ob.obl_year = :year AND ob.org_id = :org GROUP BY ob.kind, " + MONTH
				+ " UNION ALL SELECT c.kind, c.due_month, " + COLUMNS.replaceAll("(\\w+)", "c.$1")
				+ " FROM oversight_count c JOIN org o ON o.id = c.org_id WHERE c.obl_year = :year AND o.parent_id = :org) x"
				+ " GROUP BY x.kind, x.due_month").param("org", ancestorId).param("year", year).update();
	}

	private int delete(List<Key> keys, List<String> kinds, int year) {
		StringBuilder sql = new StringBuilder("DELETE FROM oversight_count WHERE obl_year = ? AND (org_id, kind, due_month) IN (");
		List<Object> values = new ArrayList<>();
		values.add(year);
		for (Key k : keys) {
			sql.append(values.size() == 1 ? "" : ", ").append("(?, ?, ?)");
			values.add(k.orgId());
			values.add(kinds.get(k.kind()));
			values.add(k.month());
		}
		return jdbc.sql(sql.append(')').toString()).params(values).update();
	}

	/** Writes the rows not stored already (all when {@code all}). */
	private int insert(Map<Key, int[]> rows, boolean all, List<String> kinds, int year) {
		try (BulkRows out = BulkRows.into(dataSource, database, "oversight_count", TABLE_COLUMNS)) {
			for (Map.Entry<Key, int[]> e : rows.entrySet()) {
				int[] c = e.getValue();
				if (all || c[WIDTH] == 0) {
					out.add(e.getKey().orgId(), year, kinds.get(e.getKey().kind()), e.getKey().month(), c[0], c[1], c[2],
							c[3], c[4], c[5], c[6], c[7], c[8], c[9]);
				}
			}
			out.close();
			return (int) out.written();
		}
	}

	/** The id of ten digits at {@code at} in a path. */
	private static long id(String path, int at) {
		long id = 0;
		for (int i = at; i < at + 10; i++) {
			id = id * 10 + (path.charAt(i) - '0');
		}
		return id;
	}
}
