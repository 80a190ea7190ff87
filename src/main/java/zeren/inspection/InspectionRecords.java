package zeren.inspection;

import java.time.LocalDate;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import zeren.assessment.RecordSource;

/**
 * 督责's records that an assessment deducts for: each finding of an inspection tour (巡视巡察)
 * started in the year, about the organisation it names ({@code inspection.tour-findings}) — the
 * source's "把巡视中发现的问题与党风廉政建设年度考核结合起来".
 */
@Configuration(proxyBeanMethods = false)
class InspectionRecords {

	@Bean
	RecordSource tourFindings() {
		return RecordSource.of("inspection.tour-findings", year -> new RecordSource.Query("""
				SELECT f.org_id, f.id AS ref,
				       SUBSTRING('巡察发现问题（' || i.title || '）：' || f.description FROM 1 FOR 300) AS label,
				       '/inspection/findings/' || CAST(f.id AS VARCHAR(20)) AS link
				FROM inspection_finding f JOIN inspection i ON i.id = f.inspection_id
				WHERE i.kind = 'TOUR' AND i.start_date >= :tourFrom AND i.start_date <= :tourTo""",
				Map.of("tourFrom", LocalDate.of(year, 1, 1), "tourTo", LocalDate.of(year, 12, 31))));
	}
}
