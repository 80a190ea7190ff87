package zeren.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zeren.assessment.Scheme.Indicator;
import zeren.assessment.Scheme.Rule;
import zeren.audit.AuditTrail;
import zeren.org.Org;
import zeren.org.OrgTree;
import zeren.org.Subtree;
import zeren.oversight.Sweep;
import zeren.platform.BusinessClock;
import zeren.platform.ConflictException;
import zeren.platform.InputError;
import zeren.platform.InvalidInputException;
import zeren.platform.NotFoundException;

/**
 * Assessment rounds: created over the direct lower committees of the assessing organisation (or
 * a chosen set below it) with a published scheme (the year's default when none is named);
 * computed — a sweep of the assessing organisation's subtree, then the automatic lines from the
 * obligation results, one {@code INSERT … SELECT} per automatic indicator, then every unit's score
 * from its stored lines ({@link Scoring}) and the ranking —; and concluded (locked). Recomputing
 * reads only stored lines, so a concluded round gives the same numbers.
 */
@Service
@Transactional(readOnly = true)
public class Rounds {

	private final JdbcClient jdbc;
	private final JdbcTemplate template;
	private final OrgTree tree;
	private final Schemes schemes;
	private final Sweep sweep;
	private final AssessmentAccess access;
	private final Scoring.GradePolicy grades;
	private final BusinessClock clock;
	private final AuditTrail audit;
	private final List<String> committeeTypes;
	private final zeren.platform.Database database;

	private final AutoKinds kinds;

	Rounds(JdbcClient jdbc, JdbcTemplate template, OrgTree tree, Schemes schemes, Sweep sweep, AssessmentAccess access,
			Scoring.GradePolicy grades, BusinessClock clock, AuditTrail audit, zeren.platform.Database database,
			@Value("${zeren.oversight.committee-types:PARTY_COMMITTEE,PARTY_GROUP,WORKING_COMMITTEE}") List<String> committeeTypes,
			AutoKinds kinds) {
		this.kinds = kinds;
		this.jdbc = jdbc;
		this.template = template;
		this.tree = tree;
		this.schemes = schemes;
		this.sweep = sweep;
		this.access = access;
		this.grades = grades;
		this.clock = clock;
		this.audit = audit;
		this.committeeTypes = committeeTypes;
		this.database = database;
	}

	/**
	 * {@code unitOrgIds}: the committees; empty: the active direct lower committees. {@code schemeId}:
	 * empty: the year's default of {@code party} ({@link Scheme.Party}'s code; empty: the scheme's, a
	 * committee without a scheme). The units are the committees, their discipline bodies, or their
	 * posts of the party's kinds (the holder on the year end; a vacant post listed as vacant).
	 */
	public record NewRound(Long orgId, Integer year, Long schemeId, List<Long> unitOrgIds, String party) {
	}

	@Transactional
	public Round create(NewRound in) {
		List<InputError> errors = new ArrayList<>();
		if (in.orgId() == null) {
			errors.add(InputError.field("orgId", "error.field.required"));
		}
		if (in.year() == null || in.year() < 2000 || in.year() > 2100) {
			errors.add(InputError.field("year", "error.assessment.year-range", 2000, 2100));
		}
		Scheme.Party party = Scheme.Party.parse(in.party());
		if (in.party() != null && !in.party().isBlank() && party == null) {
			errors.add(InputError.field("party", "error.assessment.party"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		Org org = access.requireAssessing(in.orgId());
		Scheme scheme = in.schemeId() == null ? schemes.defaultFor(in.year(), party == null ? Scheme.Party.COMMITTEE : party)
				: schemes.get(in.schemeId());
		if (scheme.status() != Scheme.Status.PUBLISHED) {
			throw InvalidInputException.of("schemeId", "error.assessment.scheme-draft");
		}
		if (party != null && scheme.party() != party) {
			throw InvalidInputException.of("party", "error.assessment.party-scheme");
		}
		List<Long> committees = units(org, in.unitOrgIds());
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO assessment_round (org_id, round_year, scheme_id, status, version, created_at)
				VALUES (:org, :year, :scheme, 'OPEN', 1, :now)""").param("org", org.id()).param("year", in.year())
				.param("scheme", scheme.id()).param("now", clock.now()).update(keys, "id");
		long id = keys.getKey().longValue();
		int units = RoundUnits.insert(jdbc, template, id, scheme.party(), committees, in.year());
		if (units == 0) {
			throw InvalidInputException.of("unitOrgIds", "error.assessment.no-units-" + scheme.party().name().toLowerCase().replace('_', '-'));
		}
		if (database.isPostgres() && units > 1_000) {
			// the statistics still say the table is as it was: without this, every update of a unit's
			// score in this transaction scans the table (41,000 units: 1.7 billion rows read)
			jdbc.sql("ANALYZE assessment_unit").update();
		}
		audit.record(new AuditTrail.Change(org.id(), "assessment-round", id, "CREATE",
				"year=%d scheme=%d party=%s units=%d".formatted(in.year(), scheme.id(), scheme.party(), units)));
		computeNow(id, org.id(), in.year(), scheme, false);
		return get(id);
	}

	private List<Long> units(Org org, List<Long> chosen) {
		if (chosen == null || chosen.isEmpty()) {
			List<Long> ids = jdbc.sql("SELECT id FROM org WHERE parent_id = :org AND active = TRUE AND type IN (:types) ORDER BY path")
					.param("org", org.id()).param("types", committeeTypes).query(Long.class).list();
			if (ids.isEmpty()) {
				throw InvalidInputException.of("unitOrgIds", "error.assessment.no-units");
			}
			return ids;
		}
		Subtree subtree = tree.subtree(org.id());
		Set<Long> unique = new LinkedHashSet<>(chosen);
		unique.remove(null);
		// one statement for the whole set: which of them lie strictly below the assessing organisation
		Set<Long> below = new java.util.HashSet<>();
		List<Long> ids = List.copyOf(unique);
		for (int from = 0; from < ids.size(); from += 10_000) {
			below.addAll(subtree.bind(jdbc.sql("""
					SELECT o.id FROM org o WHERE o.id IN (:ids) AND o.id <> :self
					  AND o.path >= :subtreeFrom AND o.path < :subtreeTo""")).param("ids", ids.subList(from, Math.min(ids.size(), from + 10_000)))
					.param("self", org.id()).query(Long.class).list());
		}
		List<InputError> errors = new ArrayList<>();
		for (int i = 0; i < chosen.size(); i++) {
			if (chosen.get(i) == null || !below.contains(chosen.get(i))) {
				errors.add(InputError.field("unitOrgIds[%d]".formatted(i), "error.assessment.unit-not-below"));
			}
			if (errors.size() >= 100) {
				break;
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return List.copyOf(unique);
	}

	/** Recomputes an open round: a sweep, the automatic lines again, every score. */
	@Transactional
	public Round compute(long id) {
		Head h = head(id);
		access.requireAssessingSeen(h.orgId());
		if (h.status() != Round.Status.OPEN) {
			throw new ConflictException("status", "error.assessment.round-concluded");
		}
		computeNow(id, h.orgId(), h.year(), schemes.load(h.schemeId()));
		audit.record(new AuditTrail.Change(h.orgId(), "assessment-round", id, "COMPUTE", "version=" + h.version()));
		return get(id);
	}

	private void computeNow(long id, long orgId, int year, Scheme scheme) {
		computeNow(id, orgId, year, scheme, true);
	}

	/**
	 * {@code fresh}: sweep first. A new round reads the snapshot as it is when today's sweep (the
	 * nightly one) already covered every unit, and sweeps otherwise; a recompute always sweeps.
	 */
	private void computeNow(long id, long orgId, int year, Scheme scheme, boolean fresh) {
		LocalDate today = clock.today();
		// every unit lies below the assessing organisation: a sweep of its subtree (or an ancestor's) covered them all
		LocalDate snapshot = sweep.lastSweptOn(orgId, year);
		LocalDate sweptOn = snapshot;
		if (fresh || snapshot == null || !snapshot.equals(today)) {
			sweptOn = sweep.sweep(orgId, year).sweptOn();
		}
		jdbc.sql("DELETE FROM assessment_line WHERE round_id = :id AND col = 'AUTO'").param("id", id).update();
		OffsetDateTime now = clock.now();
		for (Indicator i : scheme.indicators()) {
			if (i.rule() != Rule.AUTO) {
				continue;
			}
			RecordSource records = kinds.record(i.obligationKind()).orElse(null);
			if (records != null) {
				// one statement per indicator for every unit: each record of the year in the unit's subtree
				RecordSource.Query q = records.query(year);
				jdbc.sql("""
						INSERT INTO assessment_line (round_id, org_id, unit_id, indicator_id, col, points, reason, link, inputs, version, created_at)
						SELECT :round, u.org_id, u.unit_id, :indicator, 'AUTO', -CAST(:missed AS NUMERIC(6, 2)),
						       SUBSTRING(:title || '：' || r.label FROM 1 FOR 1000), r.link,
						       'kind=' || :kind || ';ref=' || CAST(r.ref AS VARCHAR(20)) || ';org=' || CAST(r.org_id AS VARCHAR(20)),
						       :version, :now
						FROM assessment_unit u JOIN org uo ON uo.id = u.committee_id
						JOIN (%s) r ON 1 = 1
						JOIN org ro ON ro.id = r.org_id AND ro.path >= uo.path AND ro.path < uo.path || 'z'
						WHERE u.round_id = :round""".formatted(q.sql())).params(q.parameters())
						.param("round", id).param("indicator", i.id()).param("missed", i.perMissed()).param("title", i.title())
						.param("kind", i.obligationKind()).param("version", version(id)).param("now", now).update();
				continue;
			}
			// one statement per indicator for every unit: each obligation instance overdue or done late
			jdbc.sql("""
					INSERT INTO assessment_line (round_id, org_id, unit_id, indicator_id, col, points, reason, link, inputs, version, created_at)
					SELECT :round, u.org_id, u.unit_id, :indicator, 'AUTO',
					       CASE WHEN ob.status = 'DONE_LATE' THEN -CAST(:late AS NUMERIC(6, 2)) ELSE -CAST(:missed AS NUMERIC(6, 2)) END,
					       :title || '：' || CASE WHEN ob.status = 'DONE_LATE' THEN '逾期完成（' || CAST(ob.done_on AS VARCHAR(10)) || ' 完成，'
					                                  ELSE '逾期未完成（' END || '应于 ' || CAST(ob.due_date AS VARCHAR(10)) || ' 前完成）',
					       ob.link,
					       'kind=' || ob.kind || ';subject=' || CAST(ob.subject AS VARCHAR(20)) || ';status=' || ob.status
					         || ';due=' || CAST(ob.due_date AS VARCHAR(10)) || ';swept=' || CAST(ob.swept_on AS VARCHAR(10)),
					       :version, :now
					FROM assessment_unit u
					JOIN oversight_obligation ob ON ob.obl_year = :year AND ob.kind = :kind AND %s
					WHERE u.round_id = :round
					  AND (ob.status = 'OVERDUE' OR (ob.status = 'DONE_LATE' AND CAST(:late AS NUMERIC(6, 2)) > 0))"""
					.formatted(RoundUnits.obligationsOf(scheme.party())))
					.param("round", id).param("indicator", i.id()).param("late", i.perLate() == null ? BigDecimal.ZERO : i.perLate())
					.param("missed", i.perMissed()).param("title", i.title()).param("year", year).param("kind", i.obligationKind())
					.param("version", version(id)).param("now", now).update();
		}
		jdbc.sql("UPDATE assessment_round SET swept_on = :swept, computed_at = :now WHERE id = :id").param("swept", sweptOn)
				.param("now", now).param("id", id).update();
		score(id, scheme);
	}

	private int version(long id) {
		return jdbc.sql("SELECT version FROM assessment_round WHERE id = :id").param("id", id).query(Integer.class).single();
	}

	/** Every unit's score from its stored lines, then the ranking of the team totals. */
	void score(long id, Scheme scheme) {
		List<Indicator> indicators = scheme.indicators();
		List<Long> units = new ArrayList<>();
		List<Scoring.UnitScore> scores = new ArrayList<>();
		forEachUnitLines(id, (unit, lines) -> {
			units.add(unit);
			scores.add(Scoring.score(indicators, lines, grades));
		});
		// a post vacant on the year end is listed and scored, but nobody is graded or ranked for it
		Set<Long> vacant = vacantUnits(id);
		List<java.math.BigDecimal> ranked = new ArrayList<>();
		for (int k = 0; k < units.size(); k++) {
			if (!vacant.contains(units.get(k))) {
				ranked.add(scores.get(k).total());
			}
		}
		int[] ranks = Scoring.ranks(ranked);
		List<Object[]> rows = new ArrayList<>();
		for (int k = 0, r = 0; k < units.size(); k++) {
			Scoring.UnitScore s = scores.get(k);
			int rank = vacant.contains(units.get(k)) ? 0 : ranks[r++];
			rows.add(new Object[] { s.selfTotal(), s.total(), s.zeroItems(), s.veto(), s.grade().name(), rank, s.missing(), id,
					units.get(k) });
		}
		template.batchUpdate("""
				UPDATE assessment_unit SET self_total = ?, total = ?, zero_items = ?, veto = ?, grade = ?, unit_rank = ?, missing = ?
				WHERE round_id = ? AND unit_id = ?""", rows);
		if (!vacant.isEmpty()) {
			jdbc.sql("UPDATE assessment_unit SET grade = NULL, unit_rank = NULL WHERE round_id = :id AND " + VACANT)
					.param("id", id).update();
		}
	}

	/** The units of a round that are posts without a holder on the year end. */
	Set<Long> vacantUnits(long id) {
		return new java.util.HashSet<>(jdbc.sql(VACANT_UNITS).param("id", id).query(Long.class).list());
	}

	/** A unit that is a post without a holder on the year end. */
	private static final String VACANT = "post_id IS NOT NULL AND person_id IS NULL";

	private static final String VACANT_UNITS = "SELECT unit_id FROM assessment_unit WHERE round_id = :id AND " + VACANT;

	/**
	 * One unit's score again after a line of its own (self-assessment, the team's score): its own
	 * lines only, then the ranks — one read of the round's totals, and an update only where a
	 * rank moved. (A whole round's rescoring is {@link #score(long, Scheme)}.)
	 */
	void scoreUnit(long id, long unitId, Scheme scheme) {
		List<Scoring.Line> lines = template.query("SELECT id, indicator_id, col, points FROM assessment_line WHERE round_id = ? AND unit_id = ?",
				(rs, n) -> new Scoring.Line(rs.getLong(1), rs.getLong(2), Scoring.Column.valueOf(rs.getString(3)), rs.getBigDecimal(4)),
				id, unitId);
		Scoring.UnitScore s = Scoring.score(scheme.indicators(), lines, grades);
		template.update("""
				UPDATE assessment_unit SET self_total = ?, total = ?, zero_items = ?, veto = ?, grade = ?, missing = ?
				WHERE round_id = ? AND unit_id = ?""", s.selfTotal(), s.total(), s.zeroItems(), s.veto(), s.grade().name(), s.missing(),
				id, unitId);
		List<Long> units = new ArrayList<>();
		List<java.math.BigDecimal> totals = new ArrayList<>();
		List<Integer> before = new ArrayList<>();
		jdbc.sql("UPDATE assessment_unit SET grade = NULL, unit_rank = NULL WHERE round_id = :id AND unit_id = :unit AND " + VACANT)
				.param("id", id).param("unit", unitId).update();
		template.query("SELECT unit_id, total, unit_rank FROM assessment_unit WHERE round_id = ? AND NOT (" + VACANT + ")", rs -> {
			units.add(rs.getLong(1));
			totals.add(rs.getBigDecimal(2));
			int rank = rs.getInt(3);
			before.add(rs.wasNull() ? null : rank);
		}, id);
		int[] ranks = Scoring.ranks(totals);
		List<Object[]> moved = new ArrayList<>();
		for (int k = 0; k < units.size(); k++) {
			if (before.get(k) == null || before.get(k) != ranks[k]) {
				moved.add(new Object[] { ranks[k], id, units.get(k) });
			}
		}
		template.batchUpdate("UPDATE assessment_unit SET unit_rank = ? WHERE round_id = ? AND unit_id = ?", moved);
	}

	/** The stored lines of every unit of a round, unit by unit (units without lines included). */
	void forEachUnitLines(long id, java.util.function.BiConsumer<Long, List<Scoring.Line>> each) {
		List<Long> units = jdbc.sql("SELECT unit_id FROM assessment_unit WHERE round_id = :id ORDER BY unit_id").param("id", id)
				.query(Long.class).list();
		Map<Long, List<Scoring.Line>> lines = new java.util.HashMap<>();
		template.query("SELECT id, unit_id, indicator_id, col, points FROM assessment_line WHERE round_id = ?", rs -> {
			lines.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>()).add(new Scoring.Line(rs.getLong(1), rs.getLong(3),
					Scoring.Column.valueOf(rs.getString(4)), rs.getBigDecimal(5)));
		}, id);
		for (Long unit : units) {
			each.accept(unit, lines.getOrDefault(unit, List.of()));
		}
	}

	/** Concludes: every source scored, then the results are locked. */
	@Transactional
	public Round conclude(long id) {
		Head h = head(id);
		access.requireAssessingSeen(h.orgId());
		if (h.status() != Round.Status.OPEN) {
			throw new ConflictException("status", "error.assessment.round-concluded");
		}
		score(id, schemes.load(h.schemeId()));
		String missing = jdbc.sql("""
				SELECT o.name FROM assessment_unit u JOIN org o ON o.id = u.org_id WHERE u.round_id = :id AND u.missing > 0
				ORDER BY o.path FETCH FIRST 1 ROWS ONLY""").param("id", id).query(String.class).optional().orElse(null);
		if (missing != null) {
			throw new ConflictException("status", "error.assessment.source-missing", missing);
		}
		jdbc.sql("UPDATE assessment_round SET status = 'CONCLUDED', concluded_at = :now WHERE id = :id").param("now", clock.now())
				.param("id", id).update();
		audit.record(new AuditTrail.Change(h.orgId(), "assessment-round", id, "CONCLUDE", "version=" + h.version()));
		return get(id);
	}

	// ---- reading ------------------------------------------------------------------------------

	public record Head(long id, long orgId, String orgName, int year, long schemeId, String schemeName, Round.Status status,
			int version, LocalDate sweptOn, OffsetDateTime computedAt, OffsetDateTime concludedAt, Scheme.Party party) {
	}

	/** The round, when the caller sees its assessing organisation or one of its units; else 404. */
	Head head(long id) {
		var reading = access.reading();
		return reading.bind(jdbc.sql(HEAD_SELECT + """
				WHERE r.id = :id AND (%s OR EXISTS (SELECT 1 FROM assessment_unit u JOIN org uo ON uo.id = u.org_id
				                      WHERE u.round_id = r.id AND %s))""".formatted(reading.condition("o"), reading.condition("uo"))))
				.param("id", id).query(HEAD).optional().orElseThrow(() -> new NotFoundException("assessment-round", id));
	}

	/** One unit of a round, when the caller sees the unit's organisation (its own people, the assessing organisation); else 404. */
	public Round.Unit unit(long id, long unitId) {
		head(id);
		var reading = access.reading();
		return reading.bind(jdbc.sql(RoundRows.UNIT_SELECT + """
				WHERE u.round_id = :id AND u.unit_id = :unit AND %s""".formatted(reading.condition("o"))))
				.param("id", id).param("unit", unitId).query(RoundRows::unit).optional()
				.orElseThrow(() -> new NotFoundException("assessment-unit", unitId));
	}

	/** The round with the units the caller sees (all of them for the assessing organisation), best first. */
	public Round get(long id) {
		Head h = head(id);
		var reading = access.reading();
		List<Round.Unit> units = reading.bind(jdbc.sql(RoundRows.UNIT_SELECT + """
				WHERE u.round_id = :id AND %s ORDER BY u.unit_rank, o.path, p.sort_order, u.unit_id""".formatted(reading.condition("o"))))
				.param("id", id).query(RoundRows::unit).list();
		return new Round(h.id(), h.orgId(), h.orgName(), h.year(), h.schemeId(), h.schemeName(), h.status(), h.version(),
				h.sweptOn(), h.computedAt(), h.concludedAt(), h.party(), units);
	}

	/** Whether the caller runs assessments of this organisation (the round's team work). */
	public boolean mayAssess(long orgId) {
		return access.mayAssess(orgId);
	}

	/** Whether the caller does the unit's own work (its self-assessment). */
	public boolean mayAct(long orgId) {
		return access.mayAct(orgId);
	}

	/** The rounds in which this organisation (the caller sees it) is a unit, in a year, latest first. */
	public List<Head> asUnit(long orgId, int year) {
		tree.get(orgId);
		return jdbc.sql(HEAD_SELECT + """
				WHERE EXISTS (SELECT 1 FROM assessment_unit u WHERE u.round_id = r.id AND u.org_id = :org)
				  AND r.round_year = :year ORDER BY r.id DESC""").param("org", orgId).param("year", year)
				.query(HEAD).list();
	}

	/** The columns of a {@link Head}, read with {@link #HEAD}; the caller adds its joins and conditions. */
	private static final String HEAD_SELECT = """
			SELECT r.id, r.org_id, o.name AS org_name, r.round_year, r.scheme_id, s.name AS scheme_name, r.status, r.version,
			       r.swept_on, r.computed_at, r.concluded_at, s.party
			FROM assessment_round r JOIN org o ON o.id = r.org_id JOIN assessment_scheme s ON s.id = r.scheme_id
			""";

	private static final org.springframework.jdbc.core.RowMapper<Head> HEAD = (rs, n) -> new Head(rs.getLong(1), rs.getLong(2),
			rs.getString(3), rs.getInt(4), rs.getLong(5), rs.getString(6), Round.Status.valueOf(rs.getString(7)), rs.getInt(8),
			rs.getObject(9, LocalDate.class), rs.getObject(10, OffsetDateTime.class), rs.getObject(11, OffsetDateTime.class),
			Scheme.Party.valueOf(rs.getString(12)));

	/** The rounds of an assessing organisation (the caller sees it) in a year, latest first. */
	public List<Head> of(long orgId, int year) {
		tree.get(orgId);
		return jdbc.sql(HEAD_SELECT + """
				WHERE r.org_id = :org AND r.round_year = :year ORDER BY r.id DESC""").param("org", orgId).param("year", year)
				.query(HEAD).list();
	}

	/**
	 * The grades of the units of the last concluded round an organisation ran for a year (the
	 * caller sees it), by unit: what next year's inspection plan looks at first.
	 */
	public Map<Long, Grade> concludedGrades(long orgId, int year) {
		tree.get(orgId);
		Map<Long, Grade> grades = new java.util.LinkedHashMap<>();
		jdbc.sql("""
				SELECT u.org_id, u.grade FROM assessment_unit u
				WHERE u.grade IS NOT NULL AND u.round_id = (SELECT MAX(r.id) FROM assessment_round r
				      JOIN assessment_scheme s ON s.id = r.scheme_id AND s.party = 'COMMITTEE'
				      WHERE r.org_id = :org AND r.round_year = :year AND r.status = 'CONCLUDED')
				ORDER BY u.unit_rank, u.org_id""").param("org", orgId).param("year", year)
				.query((rs, n) -> grades.put(rs.getLong(1), Grade.valueOf(rs.getString(2)))).list();
		return grades;
	}
}
