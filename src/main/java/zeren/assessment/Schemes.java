package zeren.assessment;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zeren.assessment.DefaultScheme.IndicatorInput;
import zeren.assessment.Scheme.Indicator;
import zeren.assessment.Scheme.Rule;
import zeren.audit.AuditTrail;
import zeren.org.Org;
import zeren.org.OrgTree;
import zeren.oversight.ObligationRule;
import zeren.platform.BusinessClock;
import zeren.platform.ConflictException;
import zeren.platform.InputError;
import zeren.platform.InvalidInputException;
import zeren.platform.NotFoundException;

/**
 * Indicator schemes: the shipped default of each year (stored once, on first use, published),
 * and an organisation's own schemes, drafted (copied from the default, from last year's or from
 * an earlier version), then published and locked. A change to a published scheme is a new
 * version. Reads: the default by everyone, an organisation's scheme by who sees the
 * organisation; writes by who may run assessments there ({@link AssessmentAccess}).
 */
@Service
@Transactional(readOnly = true)
public class Schemes {

	private final JdbcClient jdbc;
	private final OrgTree tree;
	private final AssessmentAccess access;
	private final BusinessClock clock;
	private final AuditTrail audit;
	private final AutoKinds kinds;

	Schemes(JdbcClient jdbc, OrgTree tree, AssessmentAccess access, BusinessClock clock, AuditTrail audit,
			AutoKinds kinds) {
		this.jdbc = jdbc;
		this.tree = tree;
		this.access = access;
		this.clock = clock;
		this.audit = audit;
		this.kinds = kinds;
	}

	public record Summary(long id, Long orgId, String orgName, int year, String name, int version, Scheme.Status status,
			Scheme.Party party) {
	}

	/** The schemes of a year the caller sees: the default, and those of organisations in view. */
	public List<Summary> list(int year) {
		var reading = access.reading();
		return reading.bind(jdbc.sql("""
				SELECT s.id, s.org_id, o.name AS org_name, s.scheme_year, s.name, s.version, s.status, s.party
				FROM assessment_scheme s LEFT JOIN org o ON o.id = s.org_id
				WHERE s.scheme_year = :year AND (s.org_id IS NULL OR %s)
				ORDER BY s.org_id NULLS FIRST, s.party, s.name, s.version""".formatted(reading.condition("o"))))
				.param("year", year)
				.query((rs, n) -> new Summary(rs.getLong("id"), (Long) rs.getObject("org_id", Long.class), rs.getString("org_name"),
						rs.getInt("scheme_year"), rs.getString("name"), rs.getInt("version"),
						Scheme.Status.valueOf(rs.getString("status")), Scheme.Party.valueOf(rs.getString("party"))))
				.list();
	}

	public Scheme get(long id) {
		Scheme s = load(id);
		if (s.orgId() != null && !access.sees(s.orgId())) {
			throw new NotFoundException("assessment-scheme", id);
		}
		return s;
	}

	/** The scheme of a round the caller has been shown (it may be the assessing organisation's, out of the caller's view). */
	public Scheme ofRound(Round round) {
		return load(round.schemeId());
	}

	/** The stored scheme, unscoped (the rounds the caller sees name it). */
	Scheme load(long id) {
		record Row(long id, Long orgId, int year, String party, String name, int version, Long basedOn, String status,
				String sourceNote, OffsetDateTime createdAt) {
		}
		Row r = jdbc.sql("""
				SELECT id, org_id, scheme_year, party, name, version, based_on, status, source_note, created_at
				FROM assessment_scheme WHERE id = :id""").param("id", id)
				.query((rs, n) -> new Row(rs.getLong(1), (Long) rs.getObject(2, Long.class), rs.getInt(3), rs.getString(4),
						rs.getString(5), rs.getInt(6), (Long) rs.getObject(7, Long.class), rs.getString(8), rs.getString(9),
						rs.getObject(10, OffsetDateTime.class)))
				.optional().orElseThrow(() -> new NotFoundException("assessment-scheme", id));
		List<Indicator> indicators = jdbc.sql("""
				SELECT id, parent_id, position, code, title, points, rule_kind, obligation_kind, per_missed, per_late, guidance
				FROM assessment_indicator WHERE scheme_id = :id ORDER BY position""").param("id", id)
				.query((rs, n) -> new Indicator(rs.getLong(1), (Long) rs.getObject(2, Long.class), rs.getInt(3), rs.getString(4),
						rs.getString(5), rs.getBigDecimal(6), Rule.valueOf(rs.getString(7)), rs.getString(8), rs.getBigDecimal(9),
						rs.getBigDecimal(10), rs.getString(11)))
				.list();
		return new Scheme(r.id(), r.orgId(), r.year(), Scheme.Party.valueOf(r.party()), r.name(), r.version(), r.basedOn(),
				Scheme.Status.valueOf(r.status()), r.sourceNote(), r.createdAt(), indicators);
	}

	/** The party a request names (its code; empty: a committee); an unknown one is the field's error. */
	public static Scheme.Party party(String text) {
		if (text == null || text.isBlank()) {
			return Scheme.Party.COMMITTEE;
		}
		Scheme.Party party = Scheme.Party.parse(text);
		if (party == null) {
			throw InvalidInputException.of("party", "error.assessment.party");
		}
		return party;
	}

	/** The default scheme of a year for a committee. */
	@Transactional
	public Scheme defaultFor(int year) {
		return defaultFor(year, Scheme.Party.COMMITTEE);
	}

	/** The default scheme of a year for a kind of party: stored, published, on first use (system work: nobody owns it). */
	@Transactional
	public Scheme defaultFor(int year, Scheme.Party party) {
		if (year < 2000 || year > 2100) {
			throw InvalidInputException.of("year", "error.assessment.year-range", 2000, 2100);
		}
		String key = party == Scheme.Party.COMMITTEE ? "default-" + year : "default-" + party.name() + "-" + year;
		Long id = jdbc.sql("SELECT id FROM assessment_scheme WHERE default_key = :key").param("key", key)
				.query(Long.class).optional().orElse(null);
		if (id == null) {
			try {
				id = insert(null, year, party, DefaultScheme.name(year, party), 1, null, Scheme.Status.PUBLISHED, key,
						DefaultScheme.sourceNote(party), DefaultScheme.indicators(party));
				audit.record(new AuditTrail.Change(null, "assessment-scheme", id, "CREATE_DEFAULT", "year=" + year + " party=" + party));
			}
			catch (DuplicateKeyException e) {
				// stored at the same moment by another request
				id = jdbc.sql("SELECT id FROM assessment_scheme WHERE default_key = :key").param("key", key)
						.query(Long.class).single();
			}
		}
		return load(id);
	}

	/**
	 * A new draft of an organisation: {@code indicators} given, or copied from {@code basedOn}
	 * (a scheme the caller sees), or from the year's default. Based on a scheme of the same
	 * organisation and year, it is that scheme's next version. {@code party}: who it assesses
	 * ({@link Scheme.Party}'s code; empty: the base's, else a committee).
	 */
	public record NewScheme(Long orgId, Integer year, String name, Long basedOn, List<IndicatorInput> indicators, String party) {
	}

	@Transactional
	public Scheme create(NewScheme in) {
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
		Scheme base = in.basedOn() != null ? get(in.basedOn()) : null;
		if (party == null) {
			party = base != null ? base.party() : Scheme.Party.COMMITTEE;
		}
		else if (base != null && base.party() != party) {
			throw InvalidInputException.of("party", "error.assessment.party-base");
		}
		List<IndicatorInput> indicators = in.indicators() != null ? in.indicators()
				: base != null ? inputs(base) : DefaultScheme.indicators(party);
		String name = in.name() == null || in.name().isBlank() ? (base != null ? base.name() : DefaultScheme.name(in.year(), party))
				: in.name().strip();
		if (name.length() > 200) {
			errors.add(InputError.field("name", "error.field.too-long", 200));
		}
		errors.addAll(validate(indicators));
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		int version = 1;
		if (base != null && base.orgId() != null && base.orgId() == org.id() && base.year() == in.year()) {
			version = jdbc.sql("SELECT MAX(version) FROM assessment_scheme WHERE org_id = :org AND scheme_year = :year AND name = :name")
					.param("org", org.id()).param("year", in.year()).param("name", base.name()).query(Integer.class).single() + 1;
			name = base.name();
		}
		long id = insert(org.id(), in.year(), party, name, version, base == null ? null : base.id(), Scheme.Status.DRAFT, null,
				base == null ? DefaultScheme.sourceNote(party) : base.sourceNote(), indicators);
		audit.record(new AuditTrail.Change(org.id(), "assessment-scheme", id, "CREATE",
				"year=%d version=%d indicators=%d basedOn=%s".formatted(in.year(), version, indicators.size(), in.basedOn())));
		return load(id);
	}

	/** A new draft from an uploaded sheet ({@link SchemeSheet}) for a party (empty: a committee): the organisation is checked before the file is read. */
	@Transactional
	public Scheme importSheet(Long orgId, Integer year, String name, String party, byte[] content, SchemeSheet sheet) {
		if (orgId != null) {
			access.requireAssessing(orgId);
		}
		if (content == null || content.length == 0) {
			throw InvalidInputException.of("file", "error.import.file-missing");
		}
		return create(new NewScheme(orgId, year, name, null, sheet.read(content), party));
	}

	@Transactional
	public Scheme publish(long id) {
		Scheme s = get(id);
		if (s.orgId() == null) {
			throw new ConflictException("status", "error.assessment.scheme-published");
		}
		access.requireAssessing(s.orgId());
		if (s.status() == Scheme.Status.PUBLISHED) {
			throw new ConflictException("status", "error.assessment.scheme-published");
		}
		jdbc.sql("UPDATE assessment_scheme SET status = 'PUBLISHED' WHERE id = :id AND status = 'DRAFT'").param("id", id).update();
		audit.record(new AuditTrail.Change(s.orgId(), "assessment-scheme", id, "PUBLISH", "version=" + s.version()));
		return load(id);
	}

	static List<IndicatorInput> inputs(Scheme s) {
		return s.indicators().stream().map(i -> new IndicatorInput(i.code(), i.title(), i.points(), i.rule(),
				i.obligationKind(), i.perMissed(), i.perLate(), i.guidance())).toList();
	}

	/** Each indicator's errors, named by its place in the list ({@code indicators[3].points}). */
	List<InputError> validate(List<IndicatorInput> indicators) {
		List<InputError> errors = new ArrayList<>();
		if (indicators.isEmpty()) {
			errors.add(InputError.field("indicators", "error.field.required"));
		}
		Map<String, IndicatorInput> byCode = new HashMap<>();
		for (int i = 0; i < indicators.size(); i++) {
			IndicatorInput in = indicators.get(i);
			String at = "indicators[%d].".formatted(i);
			if (in.code() == null || !in.code().matches("[0-9]{1,3}(\\.[0-9]{1,3}){0,3}")) {
				errors.add(InputError.field(at + "code", "error.assessment.code"));
				continue;
			}
			if (byCode.putIfAbsent(in.code(), in) != null) {
				errors.add(InputError.field(at + "code", "error.assessment.code-twice", in.code()));
			}
			if (in.parentCode() != null && (!byCode.containsKey(in.parentCode()) || byCode.get(in.parentCode()).rule() != Rule.GROUP)) {
				errors.add(InputError.field(at + "code", "error.assessment.parent", in.code(), in.parentCode()));
			}
			if (in.title() == null || in.title().isBlank() || in.title().length() > 300) {
				errors.add(InputError.field(at + "title", "error.field.required"));
			}
			if (in.rule() == null) {
				errors.add(InputError.field(at + "rule", "error.field.required"));
				continue;
			}
			if (in.points() == null || in.points().signum() < 0 || in.points().compareTo(new BigDecimal(1000)) > 0
					|| (in.rule() == Rule.VETO && in.points().signum() != 0)) {
				errors.add(InputError.field(at + "points", "error.assessment.points"));
			}
			if (in.rule() == Rule.AUTO) {
				if (in.obligationKind() == null || !kinds.known(in.obligationKind())) {
					errors.add(InputError.field(at + "obligationKind", "error.assessment.obligation-kind", String.valueOf(in.obligationKind())));
				}
				if (in.perMissed() == null || in.perMissed().signum() < 0 || (in.perLate() != null && in.perLate().signum() < 0)) {
					errors.add(InputError.field(at + "perMissed", "error.assessment.points"));
				}
			}
		}
		// a heading's points are its items' (bonus and veto aside)
		for (int i = 0; i < indicators.size(); i++) {
			IndicatorInput g = indicators.get(i);
			if (g.rule() != Rule.GROUP || g.points() == null) {
				continue;
			}
			BigDecimal sum = indicators.stream().filter(c -> g.code().equals(c.parentCode()) && c.points() != null
					&& c.rule() != Rule.BONUS && c.rule() != Rule.VETO).map(IndicatorInput::points).reduce(BigDecimal.ZERO, BigDecimal::add);
			if (sum.compareTo(g.points()) != 0) {
				errors.add(InputError.field("indicators[%d].points".formatted(i), "error.assessment.group-sum", g.code(), g.points(), sum));
			}
		}
		return errors;
	}

	private long insert(Long orgId, int year, Scheme.Party party, String name, int version, Long basedOn, Scheme.Status status,
			String key, String note, List<IndicatorInput> indicators) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO assessment_scheme (org_id, scheme_year, party, name, version, based_on, status, default_key, source_note, created_at)
				VALUES (:org, :year, :party, :name, :version, :basedOn, :status, :key, :note, :now)""")
				.param("org", orgId).param("year", year).param("party", party.name()).param("name", name).param("version", version).param("basedOn", basedOn)
				.param("status", status.name()).param("key", key).param("note", note).param("now", clock.now())
				.update(keys, "id");
		long id = keys.getKey().longValue();
		Map<String, Long> ids = new HashMap<>();
		int position = 0;
		for (IndicatorInput in : indicators) {
			GeneratedKeyHolder k = new GeneratedKeyHolder();
			jdbc.sql("""
					INSERT INTO assessment_indicator (scheme_id, parent_id, position, code, title, points, rule_kind,
					  obligation_kind, per_missed, per_late, guidance)
					VALUES (:scheme, :parent, :position, :code, :title, :points, :rule, :kind, :missed, :late, :guidance)""")
					.param("scheme", id).param("parent", in.parentCode() == null ? null : ids.get(in.parentCode()))
					.param("position", ++position).param("code", in.code()).param("title", in.title().strip())
					.param("points", in.points()).param("rule", in.rule().name()).param("kind", in.rule() == Rule.AUTO ? in.obligationKind() : null)
					.param("missed", in.rule() == Rule.AUTO ? in.perMissed() : null)
					.param("late", in.rule() == Rule.AUTO ? (in.perLate() == null ? BigDecimal.ZERO : in.perLate()) : null)
					.param("guidance", in.guidance()).update(k, "id");
			ids.put(in.code(), k.getKey().longValue());
		}
		return id;
	}
}
