package zeren.assessment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zeren.assessment.Scheme.Indicator;

/**
 * A round's results and a unit's score sheet (the feedback of every deduction with its reason
 * and the record behind it). A unit's own people see its sheet; the assessing organisation
 * sees every unit's.
 */
@Service
@Transactional(readOnly = true)
public class RoundSheets {

	static final String LINE_COLUMNS = """
			l.id, l.indicator_id, i.code, i.title, l.col, l.points, l.reason, l.link, l.inputs, l.version, l.created_at""";

	private final JdbcClient jdbc;
	private final Rounds rounds;
	private final Schemes schemes;
	private final AssessmentAccess access;
	private final Scoring.GradePolicy grades;

	RoundSheets(JdbcClient jdbc, Rounds rounds, Schemes schemes, AssessmentAccess access, Scoring.GradePolicy grades) {
		this.jdbc = jdbc;
		this.rounds = rounds;
		this.schemes = schemes;
		this.access = access;
		this.grades = grades;
	}

	/** One unit's result with every line (the API's results). */
	public record Result(long orgId, String orgName, BigDecimal selfTotal, BigDecimal total, Grade grade, Integer rank,
			int zeroItems, boolean veto, int missing, List<Round.Line> lines, long unitId, Long postId, String postTitle,
			Long personId, String personName) {
	}

	/** The results of every unit the caller sees, best first, each with its lines. */
	public List<Result> results(long roundId) {
		Round round = rounds.get(roundId);
		Map<Long, List<Round.Line>> lines = new HashMap<>();
		var reading = access.reading();
		reading.bind(jdbc.sql("""
				SELECT l.unit_id AS unit_key, %s FROM assessment_line l JOIN assessment_indicator i ON i.id = l.indicator_id
				JOIN org o ON o.id = l.org_id WHERE l.round_id = :id AND %s ORDER BY l.unit_id, i.position, l.id"""
				.formatted(LINE_COLUMNS.replace("l.id,", "l.id AS line_id,"), reading.condition("o"))))
				.param("id", roundId).query(rs -> {
					lines.computeIfAbsent(rs.getLong("unit_key"), k -> new ArrayList<>()).add(new Round.Line(rs.getLong("line_id"),
							rs.getLong("indicator_id"), rs.getString("code"), rs.getString("title"),
							Scoring.Column.valueOf(rs.getString("col")), rs.getBigDecimal("points"), rs.getString("reason"),
							rs.getString("link"), rs.getString("inputs"), rs.getInt("version"),
							rs.getObject("created_at", java.time.OffsetDateTime.class)));
				});
		return round.units().stream().map(u -> new Result(u.orgId(), u.orgName(), u.selfTotal(), u.total(), u.grade(), u.rank(),
				u.zeroItems(), u.veto(), u.missing(), lines.getOrDefault(u.unitId(), List.of()), u.unitId(), u.postId(), u.postTitle(),
				u.personId(), u.personName())).toList();
	}

	/** A unit's sheet: 404 unless the caller sees the unit (its own people, the assessing organisation). */
	public Round.Sheet sheet(long roundId, long unitId) {
		Rounds.Head round = rounds.head(roundId);
		Round.Unit unit = rounds.unit(roundId, unitId);
		Scheme scheme = schemes.load(round.schemeId());
		List<Round.Line> lines = jdbc.sql("SELECT " + LINE_COLUMNS + """
				 FROM assessment_line l JOIN assessment_indicator i ON i.id = l.indicator_id
				WHERE l.round_id = :id AND l.unit_id = :unit ORDER BY i.position, l.id""").param("id", roundId).param("unit", unitId)
				.query(RoundRows::line).list();
		Scoring.UnitScore score = Scoring.score(scheme.indicators(),
				lines.stream().map(l -> new Scoring.Line(l.id(), l.indicatorId(), l.column(), l.points())).toList(), grades);
		Map<Long, Scoring.IndicatorScore> byId = new HashMap<>();
		score.indicators().forEach(s -> byId.put(s.indicatorId(), s));
		Map<Long, BigDecimal[]> groups = new HashMap<>();
		for (Indicator i : scheme.indicators()) {
			Scoring.IndicatorScore s = byId.get(i.id());
			if (s != null && i.parentId() != null) {
				BigDecimal[] g = groups.computeIfAbsent(i.parentId(), k -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO });
				g[0] = g[0].add(s.self());
				g[1] = g[1].add(s.team());
			}
		}
		List<Round.IndicatorRow> rows = new ArrayList<>();
		for (Indicator i : scheme.indicators()) {
			Scoring.IndicatorScore s = byId.get(i.id());
			BigDecimal[] g = groups.get(i.id());
			BigDecimal self = s != null ? s.self() : g != null ? g[0] : null;
			BigDecimal team = s != null ? s.team() : g != null ? g[1] : null;
			rows.add(new Round.IndicatorRow(i.id(), i.parentId(), i.code(), i.title(), i.rule(), i.points(), self, team, i.guidance()));
		}
		return new Round.Sheet(round.id(), round.year(), round.orgId(), round.orgName(), round.status(), unit, rows, lines);
	}

	/**
	 * The scores recomputed from the stored lines (unit → score), without writing anything: a
	 * concluded round's stored results must equal these.
	 */
	public Map<Long, Scoring.UnitScore> recompute(long roundId) {
		Round round = rounds.get(roundId);
		Scheme scheme = schemes.load(round.schemeId());
		Map<Long, Scoring.UnitScore> scores = new HashMap<>();
		rounds.forEachUnitLines(roundId, (unit, lines) -> scores.put(unit, Scoring.score(scheme.indicators(), lines, grades)));
		// a post vacant on the year end is scored, but nobody is graded for it (as Rounds.score stores it)
		for (long unit : rounds.vacantUnits(roundId)) {
			scores.computeIfPresent(unit, (k, s) -> new Scoring.UnitScore(s.selfTotal(), s.total(), s.zeroItems(), s.veto(), null,
					s.missing(), s.indicators()));
		}
		return scores;
	}
}
