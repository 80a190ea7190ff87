package zeren.org;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The organisations at and below one organisation: the one mechanism every module scopes its
 * queries by. It is an index range over {@code org.path}, so membership costs O(answer), never
 * a scan of the tree.
 *
 * <p>Use it inside your own module's SQL, always with bind parameters:
 *
 * <pre>{@code
 * jdbc.sql("SELECT ... FROM ledger_item i WHERE i.org_id IN (" + Subtree.ORG_IDS + ")")
 *     .param("subtreeFrom", subtree.from()).param("subtreeTo", subtree.to())
 * }</pre>
 *
 * or {@code subtree.bind(jdbc.sql(...))}.
 */
public record Subtree(long rootId, String from, String to) {

	/** Ids of the organisations of the subtree; binds {@code :subtreeFrom} and {@code :subtreeTo}. */
	public static final String ORG_IDS = "SELECT st.id FROM org st WHERE st.path >= :subtreeFrom AND st.path < :subtreeTo";

	static Subtree of(Org org) {
		String path = org.path();
		String last = path.substring(path.length() - Org.PATH_SEGMENT);
		return new Subtree(org.id(), path,
				path.substring(0, path.length() - Org.PATH_SEGMENT) + Org.segment(Long.parseLong(last) + 1));
	}

	/** The scope range of one organisation, with or without everything below it. */
	public static zeren.platform.Scope.Range range(String orgPath, boolean includeDescendants) {
		if (!includeDescendants) {
			// no descendant path sorts below path + "0": each starts with path + a 10-digit id
			return new zeren.platform.Scope.Range(orgPath, orgPath + "0");
		}
		String last = orgPath.substring(orgPath.length() - Org.PATH_SEGMENT);
		return new zeren.platform.Scope.Range(orgPath,
				orgPath.substring(0, orgPath.length() - Org.PATH_SEGMENT) + Org.segment(Long.parseLong(last) + 1));
	}

	/**
	 * The length of the paths of the root's direct children (paths are fixed-width segments): the
	 * first {@code childPathLength()} characters of the path of any organisation of the subtree are
	 * the path of the child it lies under, or the root's own path for the root itself. For counts
	 * by child in SQL: {@code GROUP BY SUBSTR(o.path, 1, :childPathLength)}.
	 */
	public int childPathLength() {
		return from.length() + Org.PATH_SEGMENT;
	}

	public JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
		return spec.param("subtreeFrom", from).param("subtreeTo", to);
	}

	/** Whether an organisation path lies in this subtree. */
	boolean contains(String path) {
		return path.compareTo(from) >= 0 && path.compareTo(to) < 0;
	}
}
