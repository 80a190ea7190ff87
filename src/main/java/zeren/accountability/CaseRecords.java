package zeren.accountability;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import zeren.accountability.AccountabilityCase.Appeal;
import zeren.accountability.AccountabilityCase.AppealOutcome;
import zeren.accountability.AccountabilityCase.Decision;
import zeren.accountability.AccountabilityCase.DecisionKind;
import zeren.accountability.AccountabilityCase.Disposition;
import zeren.accountability.AccountabilityCase.Form;
import zeren.accountability.AccountabilityCase.Origin;
import zeren.accountability.AccountabilityCase.Outcome;
import zeren.accountability.AccountabilityCase.Party;
import zeren.accountability.AccountabilityCase.Responsibility;
import zeren.accountability.AccountabilityCase.Status;
import zeren.accountability.AccountabilityCase.Step;
import zeren.platform.BusinessClock;
import zeren.platform.Rows;
import zeren.tracking.TrackedItem;
import zeren.tracking.TrackedItems;

/**
 * Reads the rows of cases, parties, decisions and appeals, each kind in one query per case (or
 * per batch of parties), and assembles them. Callers have checked the scope.
 */
@Component
class CaseRecords {

	/** A case row with its organisation's path and name. */
	record Head(long id, long orgId, String orgPath, String orgName, Origin origin, String originRef, String title,
			LocalDate periodFrom, LocalDate periodTo, String facts, Long inChargePostId, String inChargePostTitle,
			Status status, LocalDate registeredOn, LocalDate openedOn, String openingApprovedBy, LocalDate reportedOn,
			String report, LocalDate decidedOn, LocalDate announcedOn, LocalDate filedOn, Long executionOwnerPostId) {
	}

	static final String HEAD_SELECT = """
			SELECT c.*, o.path AS org_path, o.name AS org_name, ip.title AS in_charge_post_title
			FROM acc_case c JOIN org o ON o.id = c.org_id LEFT JOIN post ip ON ip.id = c.in_charge_post_id""";

	/**
	 * SQL: whether case {@code c} is a dual investigation (一案双查): a person directly responsible
	 * and a leader or the supervisory body confirmed together.
	 */
	static final String DUAL_INVESTIGATION = """
			(CASE WHEN EXISTS (SELECT 1 FROM acc_party d WHERE d.case_id = c.id AND d.disposition = 'CONFIRMED'
			                   AND d.responsibility = 'DIRECT')
			       AND EXISTS (SELECT 1 FROM acc_party l WHERE l.case_id = c.id AND l.disposition = 'CONFIRMED'
			                   AND l.responsibility <> 'DIRECT')
			      THEN TRUE ELSE FALSE END)""";

	/** A party row with the name of its person or organisation. */
	record PartyRow(long id, long caseId, Long personId, Long partyOrgId, String name, Responsibility responsibility,
			Disposition disposition, String grounds, String dispositionReason, LocalDate factStatementShownOn,
			LocalDate statementOn, String statement, LocalDate deliveredOn) {
	}

	static final String PARTY_SELECT = """
			SELECT p.*, COALESCE(pe.name, po.name) AS name
			FROM acc_party p LEFT JOIN person pe ON pe.id = p.person_id LEFT JOIN org po ON po.id = p.party_org_id""";

	/** The kind of the tracked items that follow the execution of organisational handling. */
	static final String EXECUTION_KIND = "accountability.execution";

	/** The tracked item's source reference for a party. */
	static String executionRef(long partyId) {
		return "party-" + partyId;
	}

	private final JdbcClient jdbc;
	private final BusinessClock clock;
	private final Deadlines deadlines;
	private final TrackedItems trackedItems;

	CaseRecords(JdbcClient jdbc, BusinessClock clock, Deadlines deadlines, TrackedItems trackedItems) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.deadlines = deadlines;
		this.trackedItems = trackedItems;
	}

	/** The head of a case, whoever may see it: for callers that have checked the scope. */
	Head head(long id) {
		return jdbc.sql(HEAD_SELECT + " WHERE c.id = :id").param("id", id).query(Rows.of(Head.class)).single();
	}

	/** The tracked item following the party's organisational handling, if one was opened (and the caller sees it). */
	Optional<TrackedItem> execution(long partyId) {
		return trackedItems.bySource(EXECUTION_KIND, executionRef(partyId));
	}

	List<PartyRow> partyRows(long caseId) {
		return jdbc.sql(PARTY_SELECT + " WHERE p.case_id = :case ORDER BY p.id").param("case", caseId)
				.query(Rows.of(PartyRow.class)).list();
	}

	List<Situations.Situation> situations(long caseId) {
		return jdbc.sql("""
				SELECT s.* FROM acc_situation s JOIN acc_case_situation cs ON cs.situation_id = s.id
				WHERE cs.case_id = :case ORDER BY s.sort_order, s.id
				""").param("case", caseId).query(Rows.of(Situations.Situation.class)).list();
	}

	/** Every decision of these parties, oldest first, with their forms: two queries. */
	Map<Long, List<Decision>> decisions(List<Long> partyIds) {
		Map<Long, List<Decision>> out = new HashMap<>();
		if (partyIds.isEmpty()) {
			return out;
		}
		Map<Long, List<Form>> forms = new HashMap<>();
		jdbc.sql("""
				SELECT f.decision_id, f.form FROM acc_decision_form f JOIN acc_decision d ON d.id = f.decision_id
				WHERE d.party_id IN (:parties)
				""").param("parties", partyIds).query((rs, n) -> {
			forms.computeIfAbsent(rs.getLong("decision_id"), k -> new ArrayList<>()).add(Form.valueOf(rs.getString("form")));
			return null;
		}).list();
		jdbc.sql("SELECT * FROM acc_decision WHERE party_id IN (:parties) ORDER BY party_id, version")
				.param("parties", partyIds).query((rs, n) -> {
					long id = rs.getLong("id");
					List<Form> list = new ArrayList<>(forms.getOrDefault(id, List.of()));
					list.sort(null);
					out.computeIfAbsent(rs.getLong("party_id"), k -> new ArrayList<>()).add(new Decision(id,
							rs.getInt("version"), DecisionKind.valueOf(rs.getString("kind")),
							Outcome.valueOf(rs.getString("outcome")), rs.getObject("decided_on", LocalDate.class),
							rs.getString("authority"), List.copyOf(list), rs.getString("sanction_detail"),
							rs.getString("reason"), !rs.getBoolean("superseded"), rs.getString("username"),
							rs.getObject("created_at", OffsetDateTime.class)));
					return null;
				}).list();
		return out;
	}

	private RowMapper<Appeal> appealMapper() {
		LocalDate today = clock.today();
		return (rs, n) -> {
			LocalDate due = rs.getObject("due_on", LocalDate.class);
			LocalDate decided = rs.getObject("decided_on", LocalDate.class);
			String outcome = rs.getString("outcome");
			return new Appeal(rs.getLong("id"), rs.getLong("party_id"), rs.getObject("filed_on", LocalDate.class),
					rs.getString("grounds"), due, decided, outcome == null ? null : AppealOutcome.valueOf(outcome),
					rs.getString("reason"), decided == null ? today.isAfter(due) : decided.isAfter(due));
		};
	}

	Map<Long, List<Appeal>> appeals(List<Long> partyIds) {
		Map<Long, List<Appeal>> out = new HashMap<>();
		if (partyIds.isEmpty()) {
			return out;
		}
		jdbc.sql("SELECT * FROM acc_appeal WHERE party_id IN (:parties) ORDER BY party_id, filed_on, id")
				.param("parties", partyIds).query(appealMapper()).list()
				.forEach(a -> out.computeIfAbsent(a.partyId(), k -> new ArrayList<>()).add(a));
		return out;
	}

	Optional<Appeal> appeal(long caseId, long appealId) {
		return jdbc.sql("SELECT a.* FROM acc_appeal a JOIN acc_party p ON p.id = a.party_id WHERE a.id = :id AND p.case_id = :case")
				.param("id", appealId).param("case", caseId).query(appealMapper()).optional();
	}

	List<Step> steps(long caseId) {
		return jdbc.sql("SELECT * FROM acc_step WHERE case_id = :case ORDER BY id").param("case", caseId)
				.query(Rows.of(Step.class)).list();
	}

	/** Parties with their decisions, appeals and time limits. */
	List<Party> parties(Head head) {
		List<PartyRow> rows = partyRows(head.id());
		List<Long> ids = rows.stream().map(PartyRow::id).toList();
		Map<Long, List<Decision>> decisions = decisions(ids);
		Map<Long, List<Appeal>> appeals = appeals(ids);
		List<Party> out = new ArrayList<>();
		for (PartyRow r : rows) {
			List<Decision> ds = decisions.getOrDefault(r.id(), List.of());
			Decision current = ds.stream().filter(Decision::current).findFirst().orElse(null);
			LocalDate executionDue = null;
			if (head.announcedOn() != null && current != null && current.hasOrganisationalHandling()) {
				LocalDate from = current.decidedOn().isAfter(head.announcedOn()) ? current.decidedOn() : head.announcedOn();
				executionDue = from.plus(deadlines.organisationalHandling());
			}
			LocalDate appealUntil = r.deliveredOn() == null ? null : r.deliveredOn().plus(deadlines.appeal());
			out.add(new Party(r.id(), r.personId(), r.personId() == null ? null : r.name(), r.partyOrgId(),
					r.partyOrgId() == null ? null : r.name(), r.responsibility(), r.disposition(), r.grounds(),
					r.dispositionReason(), r.factStatementShownOn(), r.statementOn(), r.statement(), r.deliveredOn(),
					ds, appeals.getOrDefault(r.id(), List.of()), executionDue, appealUntil,
					head.announcedOn() == null ? null : execution(r.id()).orElse(null)));
		}
		return out;
	}

	AccountabilityCase assemble(Head h) {
		return new AccountabilityCase(h.id(), h.orgId(), h.orgName(), h.origin(), h.originRef(), h.title(),
				h.periodFrom(), h.periodTo(), h.facts(), situations(h.id()), h.inChargePostId(), h.inChargePostTitle(),
				h.status(), h.registeredOn(), h.openedOn(), h.openingApprovedBy(), h.reportedOn(), h.report(),
				h.decidedOn(), h.announcedOn(), h.filedOn(), parties(h), steps(h.id()));
	}
}
