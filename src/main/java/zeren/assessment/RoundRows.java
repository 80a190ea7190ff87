package zeren.assessment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/** Row mappers of the round's tables. */
final class RoundRows {

	private RoundRows() {
	}

	/** The columns {@link #unit} reads; the caller adds its conditions (on {@code u} and {@code o}). */
	static final String UNIT_SELECT = """
			SELECT u.org_id, o.name, u.self_total, u.total, u.zero_items, u.veto, u.grade, u.unit_rank, u.missing, u.self_submitted_at,
			       u.unit_id, u.post_id, p.title AS post_title, u.person_id, pe.name AS person_name
			FROM assessment_unit u JOIN org o ON o.id = u.org_id LEFT JOIN post p ON p.id = u.post_id
			LEFT JOIN person pe ON pe.id = u.person_id
			""";

	/** The columns of {@link #UNIT_SELECT}. */
	static Round.Unit unit(ResultSet rs, int n) throws SQLException {
		String grade = rs.getString(7);
		int rank = rs.getInt(8);
		Integer r = rs.wasNull() ? null : rank;
		return new Round.Unit(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getInt(5),
				rs.getBoolean(6), grade == null ? null : Grade.valueOf(grade), r, rs.getInt(9),
				rs.getObject(10, OffsetDateTime.class), rs.getLong(11), (Long) rs.getObject(12, Long.class), rs.getString(13),
				(Long) rs.getObject(14, Long.class), rs.getString(15));
	}

	/** l.id, indicator_id, code, title, col, points, reason, link, inputs, version, created_at */
	static Round.Line line(ResultSet rs, int n) throws SQLException {
		return new Round.Line(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
				Scoring.Column.valueOf(rs.getString(5)), rs.getBigDecimal(6), rs.getString(7), rs.getString(8), rs.getString(9),
				rs.getInt(10), rs.getObject(11, OffsetDateTime.class));
	}
}
