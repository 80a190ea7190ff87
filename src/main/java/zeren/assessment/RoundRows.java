package zeren.assessment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/** Row mappers of the round's tables. */
final class RoundRows {

	private RoundRows() {
	}

	/** org_id, name, self_total, total, zero_items, veto, grade, unit_rank, missing, self_submitted_at */
	static Round.Unit unit(ResultSet rs, int n) throws SQLException {
		String grade = rs.getString(7);
		int rank = rs.getInt(8);
		Integer r = rs.wasNull() ? null : rank;
		return new Round.Unit(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getInt(5),
				rs.getBoolean(6), grade == null ? null : Grade.valueOf(grade), r, rs.getInt(9),
				rs.getObject(10, OffsetDateTime.class));
	}

	/** l.id, indicator_id, code, title, col, points, reason, link, inputs, version, created_at */
	static Round.Line line(ResultSet rs, int n) throws SQLException {
		return new Round.Line(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
				Scoring.Column.valueOf(rs.getString(5)), rs.getBigDecimal(6), rs.getString(7), rs.getString(8), rs.getString(9),
				rs.getInt(10), rs.getObject(11, OffsetDateTime.class));
	}
}
