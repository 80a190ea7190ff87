package zeren.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import zeren.support.Sibling;
import zeren.support.SiblingData;

/** The situation analysis's part of the scope walk: a draft analysis of the sibling county with one measure. */
@Component
class AnalysisSiblingData implements SiblingData {

	private final Analyses analyses;
	private final JdbcClient jdbc;

	private Sibling sibling;
	private Analysis analysis;
	private long measure;

	AnalysisSiblingData(Analyses analyses, JdbcClient jdbc) {
		this.analyses = analyses;
		this.jdbc = jdbc;
	}

	@Override
	public void create(Sibling s) {
		sibling = s;
		int year = LocalDate.now().getYear();
		Analysis created = analyses.create(new Analyses.NewAnalysis(s.b().id(), year, null, null, s.secretOrg() + "形势研判"));
		analyses.judge(created.id(), new Analyses.Judgement(s.secretOrg() + "研判意见"));
		analysis = analyses.addMeasure(created.id(), new Analyses.MeasureInput(s.secretOrg() + "措施", s.postB().id(),
				LocalDate.now().plusYears(1)));
		measure = analysis.measures().get(0).id();
	}

	@Override
	public Object value(String name, String pattern) {
		if (!pattern.startsWith("/api/v1/governance/analyses") && !pattern.startsWith("/governance/analyses")) {
			return null;
		}
		return switch (name) {
			case "id" -> analysis.id();
			case "measureId" -> measure;
			default -> null;
		};
	}

	@Override
	public Map<String, String> hostileParams() {
		return Map.of("judgement", "越权研判意见", "text", "越权措施", "deadline", LocalDate.now().plusYears(1).toString());
	}

	@Override
	public void assertUnchanged() {
		Analysis after = analyses.get(analysis.id());
		assertThat(after.status()).isEqualTo(Analysis.Status.DRAFT);
		assertThat(after.judgement()).isEqualTo(sibling.secretOrg() + "研判意见");
		assertThat(after.factsAt()).isEqualTo(analysis.factsAt());
		assertThat(after.measures()).hasSize(1);
		assertThat(after.measures().get(0).text()).isEqualTo(sibling.secretOrg() + "措施");
		assertThat(after.measures().get(0).trackedItemId()).isNull();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM gov_analysis WHERE org_id = :b").param("b", sibling.b().id())
				.query(Long.class).single()).isEqualTo(1);
	}
}
