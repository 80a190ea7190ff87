package zeren.governance;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import zeren.org.Org;

/**
 * Records for an analysis to count, written straight into the other modules' tables (their own
 * procedures are tested in their modules): accountability cases with their situations and
 * decisions, inspections with focus items and findings. Test data only.
 */
public final class AnalysisSeed {

	private final JdbcClient jdbc;
	private final String prefix;
	private final long personId;

	/** Cases' parties are {@code personId}; titles start with {@code prefix}. */
	public AnalysisSeed(JdbcClient jdbc, String prefix, long personId) {
		this.jdbc = jdbc;
		this.prefix = prefix;
		this.personId = personId;
	}

	/** A case of {@code org} registered on the date, citing the situations of the given codes. */
	public long accCase(Org org, LocalDate registered, String... situations) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO acc_case (org_id, origin, title, period_from, period_to, facts, status, registered_on, created_at,
				                      updated_at)
				VALUES (:org, 'OTHER', :title, :day, :day, '事实', 'REGISTERED', :day, :now, :now)
				""").param("org", org.id()).param("title", prefix + "案件").param("day", registered)
				.param("now", OffsetDateTime.now()).update(keys, "id");
		long id = keys.getKey().longValue();
		for (String code : situations) {
			jdbc.sql("INSERT INTO acc_case_situation (case_id, situation_id) SELECT :id, id FROM acc_situation WHERE code = :code")
					.param("id", id).param("code", code).update();
		}
		return id;
	}

	/** A decision on the case's one party (created with the first decision), with its forms. */
	public void decide(long caseId, boolean superseded, String... forms) {
		Long party = jdbc.sql("SELECT id FROM acc_party WHERE case_id = :id").param("id", caseId).query(Long.class).list()
				.stream().findFirst().orElse(null);
		if (party == null) {
			var keys = new GeneratedKeyHolder();
			jdbc.sql("""
					INSERT INTO acc_party (case_id, person_id, responsibility, disposition, created_at, updated_at)
					VALUES (:id, :person, 'DIRECT', 'CONFIRMED', :now, :now)
					""").param("id", caseId).param("person", personId).param("now", OffsetDateTime.now()).update(keys, "id");
			party = keys.getKey().longValue();
		}
		int version = jdbc.sql("SELECT COUNT(*) FROM acc_decision WHERE party_id = :p").param("p", party).query(Integer.class)
				.single() + 1;
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO acc_decision (party_id, version, kind, outcome, decided_on, authority, superseded, created_at)
				VALUES (:p, :v, 'DECISION', 'ACCOUNTABLE', DATE '2026-08-01', '市委', :s, :now)
				""").param("p", party).param("v", version).param("s", superseded).param("now", OffsetDateTime.now())
				.update(keys, "id");
		for (String form : forms) {
			jdbc.sql("INSERT INTO acc_decision_form (decision_id, form) VALUES (:d, :f)").param("d", keys.getKey().longValue())
					.param("f", form).update();
		}
	}

	/** An inspection by {@code org} started on the date, with the focus items numbered from 1. */
	public long inspection(Org org, LocalDate start, String... focus) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO inspection (org_id, kind, title, start_date, end_date, created_at)
				VALUES (:org, 'SPECIAL_SUPERVISION', :title, :start, :start, :now)
				""").param("org", org.id()).param("title", prefix + "专项督导").param("start", start)
				.param("now", OffsetDateTime.now()).update(keys, "id");
		long id = keys.getKey().longValue();
		for (int i = 0; i < focus.length; i++) {
			jdbc.sql("INSERT INTO inspection_focus (inspection_id, focus_no, text) VALUES (:id, :no, :text)").param("id", id)
					.param("no", i + 1).param("text", focus[i]).update();
		}
		return id;
	}

	/** A finding of the inspection about {@code org}, under focus item {@code focusNo} (null: none). */
	public long finding(long inspectionId, Org org, Integer focusNo) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO inspection_finding (inspection_id, org_id, focus_no, description, severity, created_at)
				VALUES (:i, :org, :focus, '问题', 'GENERAL', :now)
				""").param("i", inspectionId).param("org", org.id()).param("focus", focusNo)
				.param("now", OffsetDateTime.now()).update(keys, "id");
		return keys.getKey().longValue();
	}
}
