package zeren.assessment;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The units of a round by the kind of party its scheme assesses ({@link Scheme.Party}), from the
 * round's committees, and which obligation instances count for a unit. One statement per ten
 * thousand committees:
 * <ul>
 * <li>COMMITTEE: the committees themselves;</li>
 * <li>DISCIPLINE_BODY: the discipline bodies linked to the committees (a body shared by several
 * is one unit, chosen through the first of them); a committee without one has no unit;</li>
 * <li>SECRETARY, TEAM_MEMBER: the active posts of the party's kinds of the committees, each with
 * its holder on the year end through tenures — a post vacant on that day is a unit without a person.</li>
 * </ul>
 */
final class RoundUnits {

	private static final int CHUNK = 10_000;

	private RoundUnits() {
	}

	/** Inserts the round's units; returns how many. */
	static int insert(JdbcClient jdbc, JdbcTemplate template, long roundId, Scheme.Party party, List<Long> committees, int year) {
		if (party == Scheme.Party.COMMITTEE) {
			template.batchUpdate("""
					INSERT INTO assessment_unit (round_id, unit_id, org_id, committee_id, veto, missing) VALUES (?, ?, ?, ?, FALSE, 0)""",
					committees, 1000, (ps, unit) -> {
						ps.setLong(1, roundId);
						ps.setLong(2, unit);
						ps.setLong(3, unit);
						ps.setLong(4, unit);
					});
			return committees.size();
		}
		int count = 0;
		for (int from = 0; from < committees.size(); from += CHUNK) {
			List<Long> ids = committees.subList(from, Math.min(committees.size(), from + CHUNK));
			if (party == Scheme.Party.DISCIPLINE_BODY) {
				count += jdbc.sql("""
						INSERT INTO assessment_unit (round_id, unit_id, org_id, committee_id, veto, missing)
						SELECT :round, c.discipline_body_id, c.discipline_body_id, MIN(c.id), FALSE, 0
						FROM org c JOIN org b ON b.id = c.discipline_body_id AND b.active = TRUE
						WHERE c.id IN (:ids)
						  AND NOT EXISTS (SELECT 1 FROM assessment_unit x WHERE x.round_id = :round AND x.unit_id = c.discipline_body_id)
						GROUP BY c.discipline_body_id""").param("round", roundId).param("ids", ids).update();
			}
			else {
				count += jdbc.sql("""
						INSERT INTO assessment_unit (round_id, unit_id, org_id, committee_id, post_id, person_id, veto, missing)
						SELECT :round, p.id, p.org_id, p.org_id, p.id,
						       (SELECT MIN(t.person_id) FROM tenure t WHERE t.post_id = p.id AND t.start_date <= :yearEnd
						          AND (t.end_date IS NULL OR t.end_date >= :yearEnd)), FALSE, 0
						FROM post p WHERE p.org_id IN (:ids) AND p.active = TRUE AND p.kind IN (:kinds)""")
						.param("round", roundId).param("ids", ids).param("kinds", party.postKinds())
						.param("yearEnd", LocalDate.of(year, 12, 31)).update();
			}
		}
		return count;
	}

	/**
	 * The join condition of an obligation instance {@code ob} with a unit {@code u}: a committee's
	 * own instances; a post's, those of its committee whose responsible post it is; a discipline
	 * body's, its own and those of its committee whose responsible post is the committee's
	 * discipline secretary (纪委书记).
	 */
	static String obligationsOf(Scheme.Party party) {
		return switch (party) {
			case COMMITTEE -> "ob.org_id = u.org_id";
			case SECRETARY, TEAM_MEMBER -> "ob.org_id = u.org_id AND ob.post_id = u.post_id";
			case DISCIPLINE_BODY -> """
					(ob.org_id = u.org_id OR (ob.org_id = u.committee_id AND ob.post_id IN
					  (SELECT dp.id FROM post dp WHERE dp.org_id = u.committee_id AND dp.kind = 'DISCIPLINE_SECRETARY')))""";
		};
	}
}
