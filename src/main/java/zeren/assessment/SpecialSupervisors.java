package zeren.assessment;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zeren.audit.AuditTrail;
import zeren.evidence.Attachments;
import zeren.evidence.Download;
import zeren.evidence.Evidence;
import zeren.org.Org;
import zeren.org.OrgTree;
import zeren.org.People;
import zeren.org.Person;
import zeren.platform.BusinessClock;
import zeren.platform.ConflictException;
import zeren.platform.CurrentScope;
import zeren.platform.CurrentUser;
import zeren.platform.ForbiddenException;
import zeren.platform.InputError;
import zeren.platform.InvalidInputException;
import zeren.platform.NotFoundException;

/**
 * 特约监督员明察暗访, one of the source text's ways of assessment ("综合运用社会问卷调查、特约监督员明察暗访、
 * 群众满意度测评…"): an assessing organisation designates people as its special supervisors (by
 * who runs its assessments, audited), and a supervisor records their unannounced visits to
 * organisations below it — when, where, what was found (each finding confirmed or not), with
 * files kept by the evidence module. Only the designated supervisor, through their own account,
 * or who runs the organisation's assessments records a visit. The confirmed findings of a year
 * are the record kind {@value #KIND} an AUTO indicator deducts for, read from here, never entered
 * again (one line per finding, capped at the indicator's points).
 */
@Service
@Transactional(readOnly = true)
public class SpecialSupervisors {

	public static final String KIND = "assessment.visit-findings";
	static final String FILES = "assessment-visit";
	private static final int MAX_FINDINGS = 20;

	private final JdbcClient jdbc;
	private final OrgTree tree;
	private final People people;
	private final AssessmentAccess access;
	private final CurrentScope scope;
	private final Attachments files;
	private final BusinessClock clock;
	private final AuditTrail audit;

	SpecialSupervisors(JdbcClient jdbc, OrgTree tree, People people, AssessmentAccess access, CurrentScope scope, Attachments files,
			BusinessClock clock, AuditTrail audit) {
		this.jdbc = jdbc;
		this.tree = tree;
		this.people = people;
		this.access = access;
		this.scope = scope;
		this.files = files;
		this.clock = clock;
		this.audit = audit;
	}

	/** The confirmed findings of the visits of a year, by the organisation visited: what an AUTO indicator reads. */
	@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
	static class VisitRecords {

		@Bean
		RecordSource visitFindings() {
			return RecordSource.of(KIND, year -> new RecordSource.Query("""
					SELECT v.unit_org_id AS org_id, f.id AS ref,
					       SUBSTRING('特约监督员' || pe.name || ' ' || CAST(v.visited_on AS VARCHAR(10)) || ' 明察暗访发现：' || f.text
					                 FROM 1 FOR 300) AS label,
					       '/assessment/visits/' || CAST(v.id AS VARCHAR(20)) AS link
					FROM assessment_visit_finding f JOIN assessment_visit v ON v.id = f.visit_id
					JOIN assessment_supervisor s ON s.id = v.supervisor_id JOIN person pe ON pe.id = s.person_id
					WHERE f.confirmed = TRUE AND v.visited_on >= :visitFrom AND v.visited_on <= :visitTo""",
					Map.of("visitFrom", LocalDate.of(year, 1, 1), "visitTo", LocalDate.of(year, 12, 31))));
		}
	}

	public record Supervisor(long id, long orgId, long personId, String personName, LocalDate designatedOn, LocalDate endedOn) {

		public boolean active() {
			return endedOn == null;
		}
	}

	public record Finding(long id, int position, String text, boolean confirmed) {
	}

	public record Visit(long id, long orgId, String orgName, long supervisorId, String supervisorName, long unitOrgId,
			String unitOrgName, LocalDate visitedOn, String summary, String recordedBy, OffsetDateTime createdAt,
			List<Finding> findings) {

		public long confirmed() {
			return findings.stream().filter(Finding::confirmed).count();
		}
	}

	public record NewSupervisor(Long personId) {
	}

	/** {@code visitedOn}: an ISO date; {@code findings}: each with its text and whether it was confirmed (属实). */
	public record NewVisit(Long supervisorId, Long unitOrgId, String visitedOn, String summary, List<NewFinding> findings) {
	}

	public record NewFinding(String text, Boolean confirmed) {
	}

	// ---- designation ---------------------------------------------------------------------------

	/** The supervisors of an organisation the caller sees, active first. */
	public List<Supervisor> of(long orgId) {
		tree.get(orgId);
		return jdbc.sql(SUPERVISOR_SELECT + " WHERE s.org_id = :org ORDER BY s.ended_on NULLS FIRST, pe.name, s.id")
				.param("org", orgId).query(SUPERVISOR).list();
	}

	@Transactional
	public Supervisor designate(long orgId, NewSupervisor in) {
		Org org = access.requireAssessing(orgId);
		if (in.personId() == null) {
			throw InvalidInputException.of("personId", "error.field.required");
		}
		Person person = people.get(in.personId());
		boolean already = jdbc.sql("SELECT COUNT(*) FROM assessment_supervisor WHERE org_id = :org AND person_id = :person AND ended_on IS NULL")
				.param("org", org.id()).param("person", person.id()).query(Long.class).single() > 0;
		if (already) {
			throw new ConflictException("personId", "error.assessment.supervisor-twice", person.name());
		}
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO assessment_supervisor (org_id, person_id, designated_on, created_at)
				VALUES (:org, :person, :today, :now)""").param("org", org.id()).param("person", person.id())
				.param("today", clock.today()).param("now", clock.now()).update(keys, "id");
		long id = keys.getKey().longValue();
		audit.record(new AuditTrail.Change(org.id(), "assessment-supervisor", id, "DESIGNATE", "person=" + person.id()));
		return supervisor(id);
	}

	/** Ends a designation (the visits recorded stay). */
	@Transactional
	public Supervisor end(long supervisorId) {
		Supervisor s = seenSupervisor(supervisorId);
		access.requireAssessingSeen(s.orgId());
		if (!s.active()) {
			throw new ConflictException("status", "error.assessment.supervisor-ended");
		}
		jdbc.sql("UPDATE assessment_supervisor SET ended_on = :today WHERE id = :id AND ended_on IS NULL")
				.param("today", clock.today()).param("id", supervisorId).update();
		audit.record(new AuditTrail.Change(s.orgId(), "assessment-supervisor", supervisorId, "END", "person=" + s.personId()));
		return supervisor(supervisorId);
	}

	/** The active designations of the caller's own person: the supervisors they may record visits as. */
	public List<Supervisor> mine(long orgId) {
		tree.get(orgId);
		Long person = scope.person().orElse(null);
		if (person == null) {
			return List.of();
		}
		return jdbc.sql(SUPERVISOR_SELECT + " WHERE s.org_id = :org AND s.person_id = :person AND s.ended_on IS NULL ORDER BY s.id")
				.param("org", orgId).param("person", person).query(SUPERVISOR).list();
	}

	/** Whether the caller runs this organisation's assessments (designates its supervisors). */
	public boolean mayAssess(long orgId) {
		return access.mayAssess(orgId);
	}

	/** Whether the caller may record visits for this organisation: as one of its supervisors or as who runs its assessments. */
	public boolean mayRecord(long orgId) {
		return access.mayAssess(orgId) || !mine(orgId).isEmpty();
	}

	private Supervisor seenSupervisor(long id) {
		Supervisor s = supervisor(id);
		if (!access.sees(s.orgId())) {
			throw new NotFoundException("assessment-supervisor", id);
		}
		return s;
	}

	private Supervisor supervisor(long id) {
		return jdbc.sql(SUPERVISOR_SELECT + " WHERE s.id = :id").param("id", id).query(SUPERVISOR).optional()
				.orElseThrow(() -> new NotFoundException("assessment-supervisor", id));
	}

	// ---- visits --------------------------------------------------------------------------------

	/**
	 * Records a visit: the supervisor one of the organisation's, active; the caller that supervisor
	 * (their own account) or who runs the organisation's assessments (else 403); the unit visited
	 * below the organisation; every field checked before anything is kept.
	 */
	@Transactional
	public Visit record(long orgId, NewVisit in) {
		Org org = tree.get(orgId);
		List<InputError> errors = new ArrayList<>();
		Supervisor supervisor = null;
		if (in.supervisorId() == null) {
			errors.add(InputError.field("supervisorId", "error.field.required"));
		}
		else {
			supervisor = jdbc.sql(SUPERVISOR_SELECT + " WHERE s.id = :id AND s.org_id = :org AND s.ended_on IS NULL")
					.param("id", in.supervisorId()).param("org", org.id()).query(SUPERVISOR).optional().orElse(null);
			if (supervisor == null) {
				errors.add(InputError.field("supervisorId", "error.assessment.supervisor-unknown"));
			}
		}
		// who may record, before the content is judged: who runs the organisation's assessments, or
		// the designated supervisor as themselves (a supervisor's wrong choice of designation is their field's error)
		Supervisor named = supervisor;
		boolean own = named != null && scope.person().map(p -> p == named.personId()).orElse(false);
		if (!access.mayAssess(org.id()) && !own && (named != null || mine(org.id()).isEmpty())) {
			throw new ForbiddenException();
		}
		if (in.unitOrgId() == null) {
			errors.add(InputError.field("unitOrgId", "error.field.required"));
		}
		else if (!below(org, in.unitOrgId())) {
			errors.add(InputError.field("unitOrgId", "error.assessment.visit-unit"));
		}
		LocalDate on = null;
		if (in.visitedOn() == null || in.visitedOn().isBlank()) {
			errors.add(InputError.field("visitedOn", "error.field.required"));
		}
		else {
			try {
				on = LocalDate.parse(in.visitedOn().strip());
				if (on.isAfter(clock.today())) {
					errors.add(InputError.field("visitedOn", "error.field.future"));
				}
			}
			catch (DateTimeParseException e) {
				errors.add(InputError.field("visitedOn", "error.field.format", in.visitedOn()));
			}
		}
		String summary = in.summary() == null ? "" : in.summary().strip();
		if (summary.length() > 1000) {
			errors.add(InputError.field("summary", "error.field.too-long", 1000));
		}
		List<NewFinding> findings = new ArrayList<>();
		List<NewFinding> given = in.findings() == null ? List.of() : in.findings();
		for (int i = 0; i < given.size(); i++) {
			NewFinding f = given.get(i);
			String text = f == null || f.text() == null ? "" : f.text().strip();
			if (text.isEmpty()) {
				continue;
			}
			if (text.length() > 1000) {
				errors.add(InputError.field("findings[%d].text".formatted(i), "error.field.too-long", 1000));
			}
			findings.add(new NewFinding(text, f.confirmed() != null && f.confirmed()));
		}
		if (findings.size() > MAX_FINDINGS) {
			errors.add(InputError.field("findings", "error.field.too-many", MAX_FINDINGS));
		}
		if (findings.isEmpty() && summary.isEmpty()) {
			errors.add(InputError.field("summary", "error.assessment.visit-empty"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO assessment_visit (supervisor_id, org_id, unit_org_id, visited_on, summary, recorded_by, created_at)
				VALUES (:supervisor, :org, :unit, :on, :summary, :by, :now)""").param("supervisor", supervisor.id())
				.param("org", org.id()).param("unit", in.unitOrgId()).param("on", on).param("summary", summary.isEmpty() ? null : summary)
				.param("by", CurrentUser.actor()).param("now", clock.now()).update(keys, "id");
		long id = keys.getKey().longValue();
		int position = 0;
		for (NewFinding f : findings) {
			jdbc.sql("""
					INSERT INTO assessment_visit_finding (visit_id, position, text, confirmed) VALUES (:visit, :position, :text, :confirmed)""")
					.param("visit", id).param("position", ++position).param("text", f.text()).param("confirmed", f.confirmed()).update();
		}
		audit.record(new AuditTrail.Change(org.id(), "assessment-visit", id, "RECORD", "supervisor=%d unit=%d on=%s findings=%d confirmed=%d"
				.formatted(supervisor.id(), in.unitOrgId(), on, findings.size(), findings.stream().filter(NewFinding::confirmed).count())));
		return visit(id);
	}

	/** Whether the organisation lies strictly below the assessing one (read unscoped: the supervisor need not see it). */
	private boolean below(Org org, long unitOrgId) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM org u JOIN org a ON a.id = :org
				WHERE u.id = :unit AND u.id <> a.id AND u.path > a.path AND u.path < a.path || 'z'""").param("org", org.id())
				.param("unit", unitOrgId).query(Long.class).single() > 0;
	}

	/** The visits an organisation's supervisors recorded in a year (the caller sees the organisation), latest first. */
	public List<Visit> visits(long orgId, int year) {
		tree.get(orgId);
		if (year < 2000 || year > 2100) {
			throw InvalidInputException.of("year", "error.assessment.year-range", 2000, 2100);
		}
		List<Long> ids = jdbc.sql("""
				SELECT id FROM assessment_visit WHERE org_id = :org AND visited_on >= :from AND visited_on <= :to
				ORDER BY visited_on DESC, id DESC""").param("org", orgId).param("from", LocalDate.of(year, 1, 1))
				.param("to", LocalDate.of(year, 12, 31)).query(Long.class).list();
		return ids.stream().map(this::visit).toList();
	}

	/** A visit: its organisation's readers see it (404 otherwise). */
	public Visit get(long visitId) {
		Visit v = visit(visitId);
		if (!access.sees(v.orgId())) {
			throw new NotFoundException("assessment-visit", visitId);
		}
		return v;
	}

	private Visit visit(long id) {
		List<Finding> findings = jdbc.sql("SELECT id, position, text, confirmed FROM assessment_visit_finding WHERE visit_id = :id ORDER BY position")
				.param("id", id).query((rs, n) -> new Finding(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getBoolean(4))).list();
		return jdbc.sql("""
				SELECT v.id, v.org_id, o.name, v.supervisor_id, pe.name, v.unit_org_id, u.name, v.visited_on, v.summary, v.recorded_by,
				       v.created_at
				FROM assessment_visit v JOIN org o ON o.id = v.org_id JOIN org u ON u.id = v.unit_org_id
				JOIN assessment_supervisor s ON s.id = v.supervisor_id JOIN person pe ON pe.id = s.person_id
				WHERE v.id = :id""").param("id", id)
				.query((rs, n) -> new Visit(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5), rs.getLong(6),
						rs.getString(7), rs.getObject(8, LocalDate.class), rs.getString(9), rs.getString(10),
						rs.getObject(11, OffsetDateTime.class), findings))
				.optional().orElseThrow(() -> new NotFoundException("assessment-visit", id));
	}

	/** Whether the caller may add to this visit: its supervisor, or who runs the organisation's assessments. */
	public boolean mayEdit(Visit v) {
		if (access.mayAssess(v.orgId())) {
			return true;
		}
		Long person = scope.person().orElse(null);
		return person != null && jdbc.sql("SELECT COUNT(*) FROM assessment_supervisor WHERE id = :id AND person_id = :person AND ended_on IS NULL")
				.param("id", v.supervisorId()).param("person", person).query(Long.class).single() > 0;
	}

	/** Attaches a file to a visit (kept by the evidence module for the assessing organisation). */
	@Transactional
	public Evidence attach(long visitId, String name, InputStream content) {
		Visit v = get(visitId);
		if (!mayEdit(v)) {
			throw new ForbiddenException();
		}
		if (content == null) {
			throw InvalidInputException.of("file", "error.import.file-missing");
		}
		Evidence stored = files.store(new Attachments.Owner(FILES, visitId), v.orgId(), name, content).evidence();
		audit.record(new AuditTrail.Change(v.orgId(), "assessment-visit", visitId, "ATTACH",
				"evidence=%d %s sha256=%s".formatted(stored.id(), stored.originalName(), stored.sha256())));
		return stored;
	}

	public List<Evidence> files(long visitId) {
		get(visitId);
		return files.of(new Attachments.Owner(FILES, visitId));
	}

	public Download file(long visitId, long evidenceId) {
		get(visitId);
		return files.open(new Attachments.Owner(FILES, visitId), evidenceId);
	}

	private static final String SUPERVISOR_SELECT = """
			SELECT s.id, s.org_id, s.person_id, pe.name, s.designated_on, s.ended_on
			FROM assessment_supervisor s JOIN person pe ON pe.id = s.person_id""";

	private static final org.springframework.jdbc.core.RowMapper<Supervisor> SUPERVISOR = (rs, n) -> new Supervisor(rs.getLong(1),
			rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class));
}
