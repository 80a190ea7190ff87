package zeren.org;

/**
 * The statement both databases run to add one level of an import's new organisations: each row's
 * path is its parent's path and its own id, the id the row drew in the derived table.
 */
final class ImportInsert {

	private ImportInsert() {
	}

	/**
	 * The insert of the rows {@code newRows} selects: {@code id, code, name, type, parent_id,
	 * parent_path, depth, sort_order}, one new id a row; {@code :now} is the time stamped.
	 */
	static String ofRows(String newRows) {
		return """
				INSERT INTO org (id, code, name, type, parent_id, path, depth, sort_order, active, created_at, updated_at)
				SELECT n.id, n.code, n.name, n.type, n.parent_id,
				       COALESCE(n.parent_path, '') || LPAD(CAST(n.id AS VARCHAR(20)), 10, '0'),
				       n.depth, n.sort_order, TRUE, :now, :now
				FROM (%s) n
				""".formatted(newRows);
	}
}
