package zeren.platform;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Many rows into one table within the current transaction, as fast as the database takes them:
 * PostgreSQL's {@code COPY … FROM STDIN} (in chunks of a few thousand rows), elsewhere a batch of
 * one prepared {@code INSERT}. For derived data written in bulk (the oversight sweep's counts);
 * the rows are values the program computed, never text a user typed into SQL.
 *
 * <pre>
 * try (BulkRows rows = BulkRows.into(dataSource, database, "oversight_count", List.of("org_id", …))) {
 *     rows.add(42L, 2026, …);
 * }
 * </pre>
 */
public final class BulkRows implements AutoCloseable {

	private static final int CHUNK = 5_000;

	private final DataSource dataSource;
	private final Connection connection;
	private final String table;
	private final List<String> columns;
	private final CopyManager copy;
	private final StringBuilder text = new StringBuilder(1 << 16);
	private PreparedStatement insert;
	private int pending;
	private long written;
	private boolean closed;

	private BulkRows(DataSource dataSource, Connection connection, String table, List<String> columns, CopyManager copy) {
		this.dataSource = dataSource;
		this.connection = connection;
		this.table = table;
		this.columns = List.copyOf(columns);
		this.copy = copy;
	}

	/** Rows into {@code table}'s {@code columns}, on the current transaction's connection of {@code dataSource}. */
	public static BulkRows into(DataSource dataSource, Database database, String table, List<String> columns) {
		if (!table.matches("[a-z_]+") || !columns.stream().allMatch(c -> c.matches("[a-z_]+"))) {
			throw new IllegalArgumentException("a table and its columns are names");
		}
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			CopyManager copy = database.isPostgres() ? connection.unwrap(PGConnection.class).getCopyAPI() : null;
			return new BulkRows(dataSource, connection, table, columns, copy);
		}
		catch (SQLException e) {
			DataSourceUtils.releaseConnection(connection, dataSource);
			throw new IllegalStateException("cannot write rows in bulk: " + e.getMessage(), e);
		}
	}

	/** One row: a value per column, in order ({@code null}, numbers, strings). */
	public void add(Object... values) {
		if (values.length != columns.size()) {
			throw new IllegalArgumentException(columns.size() + " values expected, " + values.length + " given");
		}
		try {
			if (copy != null) {
				for (int i = 0; i < values.length; i++) {
					text.append(i == 0 ? "" : "\t");
					appendCopyValue(values[i]);
				}
				text.append('\n');
			}
			else {
				if (insert == null) {
					insert = connection.prepareStatement("INSERT INTO " + table + " (" + String.join(", ", columns)
							+ ") VALUES (" + String.join(", ", columns.stream().map(c -> "?").toList()) + ")");
				}
				for (int i = 0; i < values.length; i++) {
					insert.setObject(i + 1, values[i]);
				}
				insert.addBatch();
			}
			if (++pending == CHUNK) {
				flush();
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException("cannot write rows into " + table + ": " + e.getMessage(), e);
		}
	}

	/** The rows written so far. */
	public long written() {
		return written;
	}

	private void appendCopyValue(Object value) {
		if (value == null) {
			text.append("\\N");
			return;
		}
		appendCopyText(text, value.toString());
	}

	/**
	 * {@code s} as one column of PostgreSQL's {@code COPY … FROM STDIN} text format: backslash, tab,
	 * line feed and carriage return escaped (a {@code NULL} is written as {@code \N} by the caller).
	 */
	public static void appendCopyText(StringBuilder out, String s) {
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			switch (c) {
				case '\\' -> out.append("\\\\");
				case '\t' -> out.append("\\t");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				default -> out.append(c);
			}
		}
	}

	private void flush() throws SQLException {
		if (pending == 0) {
			return;
		}
		if (copy != null) {
			try {
				written += copy.copyIn("COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN",
						new StringReader(text.toString()));
			}
			catch (IOException e) {
				throw new SQLException(e);
			}
			text.setLength(0);
		}
		else {
			for (int n : insert.executeBatch()) {
				written += n < 0 ? 1 : n;
			}
		}
		pending = 0;
	}

	/** Writes what is pending; the connection stays the transaction's. */
	@Override
	public void close() {
		if (closed) {
			return;
		}
		closed = true;
		try {
			flush();
			if (insert != null) {
				insert.close();
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException("cannot write rows into " + table + ": " + e.getMessage(), e);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}
}
