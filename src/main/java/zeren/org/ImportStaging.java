package zeren.org;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

import zeren.org.importing.ImportErrors;
import zeren.org.importing.ImportRow;
import zeren.org.importing.RowChecks;
import zeren.org.importing.RowSource;
import zeren.platform.InputError;
import zeren.platform.InvalidInputException;

/**
 * The first stage of an import: rows stream from the file into a staging table (PostgreSQL:
 * {@code COPY} into a temporary table without indexes; H2: JDBC batches into
 * {@code org_import_row}), each checked on its own ({@link RowChecks}); memory does not grow
 * with the file. Once a row has an error nothing more is written: the file is read to its end
 * only to count the errors, and refused.
 */
@Component
class ImportStaging {

	private static final Logger log = LoggerFactory.getLogger(OrgImport.class);

	private static final int BATCH = 2000;

	private final JdbcClient jdbc;
	private final DataSource dataSource;

	ImportStaging(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	/**
	 * Stages the rows of {@code source} under {@code run} (H2) or in {@code org_import_stage}
	 * (PostgreSQL), within the transaction.
	 *
	 * @param maxRows the most rows one import may have; the row after it refuses the file at once
	 * @return the number of rows staged
	 * @throws InvalidInputException with the rows' errors, when any row has one
	 */
	long stage(RowSource source, String run, boolean postgres, int maxRows) {
		if (postgres) {
			// The rows of this import only, without indexes: every check after this is a hash join.
			jdbc.sql("DROP TABLE IF EXISTS pg_temp.org_import_stage").update();
			jdbc.sql("""
					CREATE TEMPORARY TABLE org_import_stage (
					  line_no BIGINT NOT NULL, code VARCHAR(64) NOT NULL, name VARCHAR(200) NOT NULL,
					  parent_code VARCHAR(64), type VARCHAR(32) NOT NULL
					) ON COMMIT DROP
					""").update();
		}
		ImportErrors errors = new ImportErrors();
		long[] read = { 0 };
		try (Staging staging = postgres ? new CopyStaging() : new BatchStaging(run)) {
			source.forEach(row -> {
				if (++read[0] > maxRows) {
					throw new InvalidInputException(List.of(InputError.line(row.line(), "file",
							"error.upload.too-many-rows", maxRows)));
				}
				errors.addAll(RowChecks.check(row));
				if (!errors.any()) {
					staging.add(row);
				}
			});
			errors.throwIfAny();
			staging.finish();
			return staging.count;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Writes staged rows; closing releases what it holds. */
	private abstract static class Staging implements AutoCloseable {

		long count;

		abstract void add(ImportRow row);

		abstract void finish();

		@Override
		public abstract void close();
	}

	/** PostgreSQL: streams rows through {@code COPY ... FROM STDIN} in the transaction's connection. */
	private final class CopyStaging extends Staging {

		private final CopyIn copy;
		private final StringBuilder buffer = new StringBuilder(1 << 17);

		CopyStaging() {
			try {
				Connection connection = DataSourceUtils.getConnection(dataSource);
				copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
						"COPY org_import_stage (line_no, code, name, parent_code, type) FROM STDIN");
			}
			catch (SQLException e) {
				throw new IllegalStateException(e);
			}
		}

		@Override
		void add(ImportRow row) {
			buffer.append(row.line()).append('\t');
			escape(row.code());
			buffer.append('\t');
			escape(row.name());
			buffer.append('\t');
			if (row.parentCode() == null) {
				buffer.append("\\N");
			}
			else {
				escape(row.parentCode());
			}
			buffer.append('\t').append(RowChecks.typeName(row)).append('\n');
			count++;
			if (buffer.length() > (1 << 16)) {
				flush();
			}
		}

		private void escape(String value) {
			zeren.platform.BulkRows.appendCopyText(buffer, value);
		}

		private void flush() {
			byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
			buffer.setLength(0);
			try {
				copy.writeToCopy(bytes, 0, bytes.length);
			}
			catch (SQLException e) {
				throw new IllegalStateException(e);
			}
		}

		@Override
		void finish() {
			flush();
			try {
				copy.endCopy();
			}
			catch (SQLException e) {
				throw new IllegalStateException(e);
			}
		}

		@Override
		public void close() {
			try {
				if (copy.isActive()) {
					copy.cancelCopy();
				}
			}
			catch (SQLException e) {
				log.warn("could not cancel COPY: {}", e.getMessage());
			}
		}
	}

	/** H2 (and any other database): JDBC batches in the transaction's connection. */
	private final class BatchStaging extends Staging {

		private final PreparedStatement insert;
		private final String run;
		private int pending;

		BatchStaging(String run) {
			this.run = run;
			try {
				Connection connection = DataSourceUtils.getConnection(dataSource);
				insert = connection.prepareStatement(
						"INSERT INTO org_import_row (run_id, line_no, code, name, parent_code, type) VALUES (?, ?, ?, ?, ?, ?)");
			}
			catch (SQLException e) {
				throw new IllegalStateException(e);
			}
		}

		@Override
		void add(ImportRow row) {
			try {
				insert.setString(1, run);
				insert.setLong(2, row.line());
				insert.setString(3, row.code());
				insert.setString(4, row.name());
				insert.setString(5, row.parentCode());
				insert.setString(6, RowChecks.typeName(row));
				insert.addBatch();
				count++;
				if (++pending == BATCH) {
					insert.executeBatch();
					pending = 0;
				}
			}
			catch (SQLException e) {
				throw new IllegalStateException(e);
			}
		}

		@Override
		void finish() {
			try {
				if (pending > 0) {
					insert.executeBatch();
				}
			}
			catch (SQLException e) {
				throw new IllegalStateException(e);
			}
		}

		@Override
		public void close() {
			try {
				insert.close();
			}
			catch (SQLException e) {
				log.warn("could not close statement: {}", e.getMessage());
			}
		}
	}
}
