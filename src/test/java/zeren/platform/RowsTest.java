package zeren.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** Rows map to records by column name, converted to the components' types, without a failed lookup. */
class RowsTest {

	enum Colour {
		RED, BLUE
	}

	record Head(long lastId, String lastHash, Colour colour, LocalDate startDate, Long parentId, boolean active,
			java.time.Instant occurredAt) {
	}

	@Test
	void snake_case_and_camel_case_columns_fill_the_record_with_converted_values() throws Exception {
		try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:rows;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")) {
			JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
			List<Head> rows = jdbc.query("""
					SELECT 7 AS last_id, 'abc' AS lastHash, 'BLUE' AS colour, DATE '2026-12-02' AS start_date,
					       CAST(NULL AS BIGINT) AS parent_id, TRUE AS active,
					       TIMESTAMP WITH TIME ZONE '2026-12-02 08:00:00+08:00' AS occurred_at
					""", Rows.of(Head.class));
			assertThat(rows).containsExactly(new Head(7, "abc", Colour.BLUE, LocalDate.of(2026, 12, 2), null, true,
					OffsetDateTime.parse("2026-12-02T08:00:00+08:00").toInstant()));
		}
	}
}
