package zeren.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import zeren.support.SheetFile;
import zeren.support.Sibling;
import zeren.support.SiblingData;

/** The assessment module's part of the scope walk: a scheme of the sibling, its round over its child, a poll imported. */
@Component
class AssessmentSiblingData implements SiblingData {

	private static final int YEAR = 2026;

	private final Schemes schemes;
	private final Rounds rounds;
	private final RoundEntries entries;
	private final JdbcClient jdbc;

	private Sibling sibling;
	private Scheme scheme;
	private Round round;
	private long indicator;
	private long evidence;
	private long lines;

	private final SpecialSupervisors supervisors;
	private SpecialSupervisors.Supervisor supervisor;
	private SpecialSupervisors.Visit visit;

	AssessmentSiblingData(Schemes schemes, Rounds rounds, RoundEntries entries, JdbcClient jdbc, SpecialSupervisors supervisors) {
		this.supervisors = supervisors;
		this.schemes = schemes;
		this.rounds = rounds;
		this.entries = entries;
		this.jdbc = jdbc;
	}

	@Override
	public void create(Sibling s) {
		sibling = s;
		scheme = schemes.create(new Schemes.NewScheme(s.b().id(), YEAR, s.secretOrg() + "考核方案", null, null, null));
		round = rounds.create(new Rounds.NewRound(s.b().id(), YEAR, null, List.of(s.bChild().id()), null));
		indicator = schemes.defaultFor(YEAR).indicators().stream().filter(i -> i.rule() == Scheme.Rule.SOURCE).findFirst()
				.orElseThrow().id();
		try {
			evidence = entries.importPoll(round.id(), indicator, s.secretOrg() + "测评.xlsx", SheetFile.of("测评",
					RoundEntries.POLL_COLUMNS, new Object[] { s.bChild().name(), 10, 8, 2, 0, 0 })).evidenceId();
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		lines = count();
		supervisor = supervisors.designate(s.b().id(), new SpecialSupervisors.NewSupervisor(s.personB().id()));
		visit = supervisors.record(s.b().id(), new SpecialSupervisors.NewVisit(supervisor.id(), s.bChild().id(), YEAR + "-01-05",
				s.secretOrg() + "暗访", List.of(new SpecialSupervisors.NewFinding(s.secretOrg() + "发现", true))));
	}

	private long count() {
		return jdbc.sql("SELECT COUNT(*) FROM assessment_line WHERE round_id = :id").param("id", round.id()).query(Long.class).single();
	}

	@Override
	public Object value(String name, String pattern) {
		if (!pattern.startsWith("/api/v1/assessment/") && !pattern.startsWith("/assessment/")) {
			return null;
		}
		return switch (name) {
			case "id" -> pattern.contains("/schemes/") ? scheme.id() : round.id();
			case "orgId" -> sibling.bChild().id();
			case "unitId" -> sibling.bChild().id();
			case "supervisorId" -> supervisor.id();
			case "visitId" -> visit.id();
			case "personId" -> sibling.personB().id();
			case "indicatorId" -> indicator;
			case "evidenceId" -> evidence;
			default -> null;
		};
	}

	@Override
	public Map<String, Object> hostileFields() {
		return Map.of("schemeId", scheme.id(), "indicatorId", indicator, "points", -1, "column", "TEAM", "supervisorId",
				supervisor.id(), "unitOrgId", sibling.bChild().id(), "visitedOn", YEAR + "-01-06", "summary", "敌意", "personId",
				sibling.personB().id());
	}

	@Override
	public void assertUnchanged() {
		assertThat(count()).isEqualTo(lines);
		Round after = rounds.get(round.id());
		assertThat(after.status()).isEqualTo(Round.Status.OPEN);
		assertThat(after.version()).isEqualTo(1);
		assertThat(schemes.get(scheme.id()).status()).isEqualTo(Scheme.Status.DRAFT);
		assertThat(schemes.get(scheme.id()).indicators()).isEqualTo(scheme.indicators());
		assertThat(supervisors.of(sibling.b().id())).singleElement().satisfies(x -> assertThat(x.active()).isTrue());
		assertThat(supervisors.visits(sibling.b().id(), YEAR)).singleElement()
				.satisfies(v -> assertThat(v.findings()).hasSize(1));
		assertThat(supervisors.files(visit.id())).isEmpty();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM assessment_round WHERE org_id = :b").param("b", sibling.b().id())
				.query(Long.class).single()).isEqualTo(1);
	}
}
