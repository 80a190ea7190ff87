package zeren.assessment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zeren.assessment.Scheme.Indicator;
import zeren.assessment.Scheme.Rule;
import zeren.audit.AuditTrail;
import zeren.evidence.Attachments;
import zeren.platform.BusinessClock;
import zeren.platform.ConflictException;
import zeren.platform.ForbiddenException;
import zeren.platform.InputError;
import zeren.platform.InvalidInputException;
import zeren.platform.NotFoundException;
import zeren.platform.xlsx.HeaderedSheet;
import zeren.platform.xlsx.SheetLimits;

/**
 * What people enter in a round: the unit's self-assessment and the team's scores (each a line
 * with a reason), and the sources' scores (a satisfaction poll imported from XLSX, per unit:
 * respondents and the count of each answer, aggregated by the stated formula; the file kept as
 * evidence). After the round is concluded, a team line is a correction: the round's version goes
 * up, and the line carries it.
 */
@Service
@Transactional(readOnly = true)
public class RoundEntries {

	public static final String FILES = "assessment-round";
	static final List<String> POLL_COLUMNS = List.of("单位名称", "参评人数", "满意", "基本满意", "不满意", "不了解");

	private final JdbcClient jdbc;
	private final Rounds rounds;
	private final Schemes schemes;
	private final AssessmentAccess access;
	private final Attachments files;
	private final PollWeights weights;
	private final BusinessClock clock;
	private final AuditTrail audit;

	RoundEntries(JdbcClient jdbc, Rounds rounds, Schemes schemes, AssessmentAccess access, Attachments files, PollWeights weights,
			BusinessClock clock, AuditTrail audit) {
		this.jdbc = jdbc;
		this.rounds = rounds;
		this.schemes = schemes;
		this.access = access;
		this.files = files;
		this.weights = weights;
		this.clock = clock;
		this.audit = audit;
	}

	/** The weights of the poll's answers ({@code zeren.assessment.poll.*}), out of 100. */
	@ConfigurationProperties("zeren.assessment.poll")
	public record PollWeights(BigDecimal satisfied, BigDecimal basic, BigDecimal dissatisfied) {

		public PollWeights {
			satisfied = satisfied == null ? new BigDecimal(100) : satisfied;
			basic = basic == null ? new BigDecimal(60) : basic;
			dissatisfied = dissatisfied == null ? BigDecimal.ZERO : dissatisfied;
		}

		/** (satisfied × w + basic × w + dissatisfied × w) ÷ (respondents − unknown), two decimals. */
		public BigDecimal score(long satisfiedCount, long basicCount, long dissatisfiedCount, long respondents, long unknown) {
			BigDecimal sum = satisfied.multiply(BigDecimal.valueOf(satisfiedCount)).add(basic.multiply(BigDecimal.valueOf(basicCount)))
					.add(dissatisfied.multiply(BigDecimal.valueOf(dissatisfiedCount)));
			return sum.divide(BigDecimal.valueOf(respondents - unknown), 2, RoundingMode.HALF_UP);
		}
	}

	/** A line: SELF (the unit) or TEAM (the assessment team) on an indicator, with its reason. */
	public record NewLine(Scoring.Column column, Long indicatorId, BigDecimal points, String reason) {
	}

	@Transactional
	public Round.Sheet addLine(long roundId, long unitId, NewLine in, RoundSheets sheets) {
		Rounds.Head h = rounds.head(roundId);
		Scheme scheme = schemes.load(h.schemeId());
		long orgId = requireUnit(roundId, unitId);
		List<InputError> errors = new ArrayList<>();
		if (in.column() != Scoring.Column.SELF && in.column() != Scoring.Column.TEAM) {
			errors.add(InputError.field("column", "error.assessment.column"));
		}
		Indicator indicator = in.indicatorId() == null ? null
				: scheme.indicators().stream().filter(i -> i.id() == in.indicatorId()).findFirst().orElse(null);
		if (indicator == null) {
			errors.add(InputError.field("indicatorId", in.indicatorId() == null ? "error.field.required" : "error.assessment.indicator"));
		}
		String reason = in.reason() == null ? "" : in.reason().strip();
		if (reason.isEmpty()) {
			errors.add(InputError.field("reason", "error.field.required"));
		}
		else if (reason.length() > 1000) {
			errors.add(InputError.field("reason", "error.field.too-long", 1000));
		}
		if (in.points() == null) {
			errors.add(InputError.field("points", "error.field.required"));
		}
		if (indicator != null && in.points() != null) {
			String wrong = allowed(indicator, in.points(), in.column());
			if (wrong != null) {
				errors.add(InputError.field("points", wrong, indicator.points().stripTrailingZeros().toPlainString()));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		boolean team = in.column() == Scoring.Column.TEAM;
		if (team ? !access.mayAssess(h.orgId()) : !access.mayAct(orgId)) {
			throw new ForbiddenException();
		}
		int version = h.version();
		String action = "ADD_LINE";
		if (h.status() == Round.Status.CONCLUDED) {
			if (!team) {
				throw new ConflictException("status", "error.assessment.round-concluded");
			}
			// a correction after conclusion: a new, audited version of the results
			version = h.version() + 1;
			jdbc.sql("UPDATE assessment_round SET version = :v WHERE id = :id").param("v", version).param("id", roundId).update();
			action = "CORRECT";
		}
		jdbc.sql("""
				INSERT INTO assessment_line (round_id, org_id, unit_id, indicator_id, col, points, reason, version, created_at)
				VALUES (:round, :org, :unit, :indicator, :col, :points, :reason, :version, :now)""").param("round", roundId)
				.param("org", orgId).param("unit", unitId).param("indicator", indicator.id()).param("col", in.column().name())
				.param("points", in.points().setScale(2, RoundingMode.HALF_UP)).param("reason", reason).param("version", version)
				.param("now", clock.now()).update();
		rounds.scoreUnit(roundId, unitId, scheme);
		audit.record(new AuditTrail.Change(orgId, "assessment-round", roundId, action,
				"unit=%d indicator=%s column=%s points=%s version=%d".formatted(unitId, indicator.code(), in.column(), in.points(), version)));
		return sheets.sheet(roundId, unitId);
	}

	/** Why these points are not allowed on this indicator, or null. */
	static String allowed(Indicator indicator, BigDecimal points, Scoring.Column column) {
		BigDecimal max = indicator.points();
		return switch (indicator.rule()) {
			case MANUAL -> points.signum() > 0 || points.negate().compareTo(max) > 0 ? "error.assessment.deduction" : null;
			case AUTO -> points.abs().compareTo(max) > 0 ? "error.assessment.correction" : null;
			case BONUS -> points.signum() < 0 || points.compareTo(max) > 0 ? "error.assessment.bonus" : null;
			case VETO -> column != Scoring.Column.TEAM || points.signum() != 0 ? "error.assessment.veto" : null;
			case SOURCE, GROUP -> "error.assessment.not-entered";
		};
	}

	/** The unit submits its self-assessment (its lines stay editable by the team's columns only). */
	@Transactional
	public void submitSelf(long roundId, long unitId) {
		Rounds.Head h = rounds.head(roundId);
		long orgId = requireUnit(roundId, unitId);
		if (!access.mayAct(orgId)) {
			throw new ForbiddenException();
		}
		if (h.status() != Round.Status.OPEN) {
			throw new ConflictException("status", "error.assessment.round-concluded");
		}
		jdbc.sql("UPDATE assessment_unit SET self_submitted_at = :now WHERE round_id = :round AND unit_id = :unit")
				.param("now", clock.now()).param("round", roundId).param("unit", unitId).update();
		audit.record(new AuditTrail.Change(orgId, "assessment-round", roundId, "SUBMIT_SELF", "unit=" + unitId));
	}

	/** Result of an import: the units scored and the file kept as evidence. */
	public record Imported(int units, long evidenceId) {
	}

	/**
	 * A satisfaction poll for a SOURCE indicator: one row per unit (单位名称, 参评人数, 满意, 基本满意,
	 * 不满意, 不了解). All or nothing: any error names its line and column, and nothing is kept.
	 */
	@Transactional
	public Imported importPoll(long roundId, long indicatorId, String fileName, byte[] content) {
		return importSource(roundId, indicatorId, fileName, content, "IMPORT_POLL", (indicator, sheet) -> {
			List<SourceRow> rows = new ArrayList<>();
			HeaderedSheet.read(new ByteArrayInputStream(content), SheetLimits.of("assessment-poll"), "参评人数", POLL_COLUMNS, line -> {
				Long org = sheet.unit(line);
				if (org == null) {
					return null;
				}
				long[] n = new long[5];
				for (int k = 0; k < 5; k++) {
					String column = POLL_COLUMNS.get(k + 1);
					String text = line.get(column).replace(",", "");
					if (text.isEmpty() && k == 4) {
						continue;
					}
					try {
						n[k] = new BigDecimal(text).longValueExact();
						if (n[k] < 0) {
							throw new NumberFormatException();
						}
					}
					catch (NumberFormatException | ArithmeticException e) {
						sheet.errors().add(InputError.line(line.number(), column, "error.assessment.poll-count", text));
						return null;
					}
				}
				if (n[1] + n[2] + n[3] + n[4] != n[0]) {
					sheet.errors().add(InputError.line(line.number(), "参评人数", "error.assessment.poll-sum", n[0], n[1] + n[2] + n[3] + n[4]));
					return null;
				}
				if (n[0] - n[4] <= 0) {
					sheet.errors().add(InputError.line(line.number(), "参评人数", "error.assessment.poll-empty"));
					return null;
				}
				BigDecimal score = weights.score(n[1], n[2], n[3], n[0], n[4]);
				rows.add(new SourceRow(org, score, "%s：测评得分 %s（参评 %d 人：满意 %d、基本满意 %d、不满意 %d、不了解 %d）".formatted(
						indicator.title(), score.toPlainString(), n[0], n[1], n[2], n[3], n[4]),
						"file=%s;line=%d;weights=%s/%s/%s".formatted(fileName, line.number(), weights.satisfied().toPlainString(),
								weights.basic().toPlainString(), weights.dissatisfied().toPlainString())));
				return null;
			});
			return rows;
		});
	}

	static final List<String> SCORE_COLUMNS = List.of("单位名称", "得分", "说明");

	/**
	 * A source's scores out of 100 given directly — a questionnaire survey's, a media
	 * investigation's, a third-party evaluation's — one row per unit (单位名称, 得分, 说明), the
	 * evaluation's file kept as evidence. All or nothing; it replaces the indicator's earlier source.
	 */
	@Transactional
	public Imported importScores(long roundId, long indicatorId, String fileName, byte[] content) {
		return importSource(roundId, indicatorId, fileName, content, "IMPORT_SCORES", (indicator, sheet) -> {
			List<SourceRow> rows = new ArrayList<>();
			HeaderedSheet.read(new ByteArrayInputStream(content), SheetLimits.of("assessment-scores"), "得分", SCORE_COLUMNS, line -> {
				Long org = sheet.unit(line);
				if (org == null) {
					return null;
				}
				BigDecimal score;
				try {
					score = new BigDecimal(line.get("得分"));
				}
				catch (NumberFormatException e) {
					score = null;
				}
				if (score == null || score.signum() < 0 || score.compareTo(new BigDecimal(100)) > 0) {
					sheet.errors().add(InputError.line(line.number(), "得分", "error.assessment.score-range", line.get("得分")));
					return null;
				}
				score = score.setScale(2, RoundingMode.HALF_UP);
				String note = line.get("说明");
				rows.add(new SourceRow(org, score, "%s：得分 %s%s".formatted(indicator.title(), score.toPlainString(),
						note.isEmpty() ? "" : "（" + note + "）"), "file=%s;line=%d;score".formatted(fileName, line.number())));
				return null;
			});
			return rows;
		});
	}

	/** One unit's score from a source file, with its reason and inputs. */
	private record SourceRow(long unitId, BigDecimal points, String reason, String inputs) {
	}

	/** The round's units by name, the units seen so far and the errors, while a source file is read. */
	private record SourceSheet(Map<String, Long> units, java.util.Set<Long> seen, List<InputError> errors) {

		/** The unit a line names, or null (the error recorded) when it names none or one already given. */
		Long unit(HeaderedSheet.Line line) {
			Long org = units.get(line.get("单位名称"));
			if (org == null) {
				errors.add(InputError.line(line.number(), "单位名称", "error.assessment.poll-unit", line.get("单位名称")));
				return null;
			}
			if (!seen.add(org)) {
				errors.add(InputError.line(line.number(), "单位名称", "error.assessment.poll-twice", line.get("单位名称")));
				return null;
			}
			return org;
		}
	}

	/**
	 * The one way a source's scores enter a round: the round checked (in view, assessed by the
	 * caller, open) before the file is looked at, the file read whole, then — only without an
	 * error — kept as evidence, the indicator's earlier source replaced, every unit rescored, audited.
	 */
	private Imported importSource(long roundId, long indicatorId, String fileName, byte[] content, String action,
			java.util.function.BiFunction<Indicator, SourceSheet, List<SourceRow>> read) {
		Rounds.Head h = rounds.head(roundId);
		access.requireAssessingSeen(h.orgId());
		if (h.status() != Round.Status.OPEN) {
			throw new ConflictException("status", "error.assessment.round-concluded");
		}
		Scheme scheme = schemes.load(h.schemeId());
		Indicator indicator = scheme.indicators().stream().filter(i -> i.id() == indicatorId && i.rule() == Rule.SOURCE)
				.findFirst().orElseThrow(() -> new NotFoundException("assessment-indicator", indicatorId));
		if (content == null || content.length == 0) {
			throw InvalidInputException.of("file", "error.import.file-missing");
		}
		SourceSheet sheet = new SourceSheet(units(roundId), new java.util.HashSet<>(), new ArrayList<>());
		List<SourceRow> rows = read.apply(indicator, sheet);
		if (rows.isEmpty() && sheet.errors().isEmpty()) {
			sheet.errors().add(InputError.field("file", "error.import.empty"));
		}
		if (!sheet.errors().isEmpty()) {
			throw new InvalidInputException(sheet.errors());
		}
		long evidenceId = files.store(new Attachments.Owner(FILES, roundId), h.orgId(), fileName, new ByteArrayInputStream(content))
				.evidence().id();
		jdbc.sql("DELETE FROM assessment_line WHERE round_id = :round AND indicator_id = :indicator AND col = 'SOURCE'")
				.param("round", roundId).param("indicator", indicatorId).update();
		for (SourceRow r : rows) {
			jdbc.sql("""
					INSERT INTO assessment_line (round_id, org_id, unit_id, indicator_id, col, points, reason, link, inputs, version, created_at)
					SELECT :round, u.org_id, u.unit_id, :indicator, 'SOURCE', :points, :reason, :link, :inputs, :version, :now
					FROM assessment_unit u WHERE u.round_id = :round AND u.unit_id = :unit""")
					.param("round", roundId).param("unit", r.unitId()).param("indicator", indicatorId).param("points", r.points())
					.param("reason", r.reason()).param("link", "/api/v1/assessment/rounds/%d/files/%d".formatted(roundId, evidenceId))
					.param("inputs", r.inputs()).param("version", h.version()).param("now", clock.now()).update();
		}
		rounds.score(roundId, scheme);
		audit.record(new AuditTrail.Change(h.orgId(), "assessment-round", roundId, action,
				"indicator=%s units=%d evidence=%d".formatted(indicator.code(), rows.size(), evidenceId)));
		return new Imported(rows.size(), evidenceId);
	}

	/** The round's units by the name a source file gives them: the organisation's, for a post the committee's and the post's title. */
	private Map<String, Long> units(long roundId) {
		Map<String, Long> units = new HashMap<>();
		jdbc.sql("""
				SELECT CASE WHEN p.id IS NULL THEN o.name ELSE o.name || p.title END, u.unit_id
				FROM assessment_unit u JOIN org o ON o.id = u.org_id LEFT JOIN post p ON p.id = u.post_id WHERE u.round_id = :id""")
				.param("id", roundId).query(rs -> {
					units.put(rs.getString(1), rs.getLong(2));
				});
		return units;
	}

	/** A file of the round the caller sees (the poll as imported). */
	public zeren.evidence.Download file(long roundId, long evidenceId) {
		rounds.head(roundId);
		return files.open(new Attachments.Owner(FILES, roundId), evidenceId);
	}

	/** The unit's organisation: 404 unless it is a unit of the round that the caller sees. */
	private long requireUnit(long roundId, long unitId) {
		Long orgId = jdbc.sql("SELECT org_id FROM assessment_unit WHERE round_id = :round AND unit_id = :unit")
				.param("round", roundId).param("unit", unitId).query(Long.class).optional().orElse(null);
		if (orgId == null || !access.sees(orgId)) {
			throw new NotFoundException("assessment-unit", unitId);
		}
		return orgId;
	}

	static byte[] bytes(InputStream in) {
		try {
			return in.readAllBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
