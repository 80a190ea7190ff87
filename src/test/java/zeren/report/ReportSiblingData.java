package zeren.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import zeren.platform.BusinessClock;
import zeren.support.Sibling;
import zeren.support.SiblingData;

/** The report module's part of the scope walk: the sibling county's submitted and queried report. */
@Component
class ReportSiblingData implements SiblingData {

	private final AnnualReports reports;

	private final ReportReviews reviews;

	private final BusinessClock clock;

	private Sibling sibling;

	private AnnualReport report;

	ReportSiblingData(AnnualReports reports, ReportReviews reviews, BusinessClock clock) {
		this.reports = reports;
		this.reviews = reviews;
		this.clock = clock;
	}

	private long attachment;

	@Override
	public void create(Sibling s) {
		sibling = s;
		int year = clock.today().getYear();
		AnnualReport draft = reports.create(new AnnualReports.NewReport(s.b().id(), year, AnnualReport.Kind.PRINCIPAL, false));
		reports.edit(draft.id(), new AnnualReports.Draft(s.secretOrg() + "报告", s.secretOrg() + "正文"));
		attachment = reports.attach(draft.id(), s.secretOrg() + ".txt",
				new java.io.ByteArrayInputStream((s.secretOrg() + "附件").getBytes(java.nio.charset.StandardCharsets.UTF_8)))
				.attachments().get(0).evidenceId();
		reports.submit(draft.id());
		report = reviews.query(draft.id(), new ReportReviews.NewQuery(List.of(s.secretOrg() + "问题"),
				LocalDate.of(year, 12, 31)));
	}

	@Override
	public Object value(String name, String pattern) {
		if (!pattern.startsWith("/api/v1/reports") && !pattern.startsWith("/reports")) {
			return null;
		}
		return switch (name) {
			case "id" -> report.id();
			case "evidenceId" -> attachment;
			default -> null;
		};
	}

	@Override
	public void assertUnchanged() {
		AnnualReport after = reports.get(report.id());
		assertThat(after.status()).isEqualTo(AnnualReport.Status.QUERIED);
		assertThat(after.rounds()).isEqualTo(1);
		assertThat(after.sha256()).isEqualTo(report.sha256());
		assertThat(after.body()).isEqualTo(sibling.secretOrg() + "正文");
		assertThat(after.questions()).hasSize(1);
		assertThat(after.attachments()).extracting(AnnualReport.Attachment::evidenceId).containsExactly(attachment);
		assertThat(after.questions().get(0).answerStatus()).isEqualTo("OPEN");
	}
}
