package zeren.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import zeren.platform.Sha256;
import zeren.report.AnnualReport.Attachment;
import zeren.report.AnnualReport.Kind;
import zeren.report.AnnualReport.Status;

/**
 * The canonical text of a submitted report is what its stored SHA-256 is over: a change of the
 * format makes every submitted report look altered. This test pins the text and its hash for a
 * fixed report as literal values, so such a change fails here first.
 */
class ReportCanonicalTest {

	static final String SHA256 = "87cc30ade1b5bbf0728fc960102d65cde6425a41ec108a367d5421900a54c738";

	static final String TEXT = """
			zeren-annual-report 1
			org: 1001 某县委
			year: 2025
			kind: PRINCIPAL
			author: 张三 / 县委书记
			submitted-on: 2026-01-15
			title: 某县委书记2025年度履行第一责任人职责情况报告

			一、履行职责情况
			全年召开专题会议 4 次。

			二、存在的问题
			  三、下步打算
			attachment: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 会议记录.pdf
			attachment: 60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752 台账 2025.xlsx
			""";

	static AnnualReport report(String body) {
		return new AnnualReport(7, 1001, "某县委", 2025, Kind.PRINCIPAL, "某县委书记2025年度履行第一责任人职责情况报告", body,
				Status.DRAFT, LocalDate.of(2026, 1, 31), null, null, null, null, null, null, null, null, 0, null,
				List.of(),
				List.of(new Attachment(31, "会议记录.pdf", "application/pdf", 1024,
						"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"),
						new Attachment(32, "台账 2025.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
								2048, "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752")),
				List.of());
	}

	static final String BODY = "一、履行职责情况  \r\n全年召开专题会议 4 次。\r\n\r\n\r\n\r\n二、存在的问题\n  三、下步打算\n\n";

	@Test
	void the_canonical_text_of_a_fixed_report_and_its_sha256_are_what_they_always_were() {
		String text = AnnualReports.canonical(report(BODY), "张三 / 县委书记", LocalDate.of(2026, 1, 15));
		assertThat(text).isEqualTo(TEXT);
		assertThat(Sha256.hex(text)).isEqualTo(SHA256);
	}

	@Test
	void line_ends_trailing_spaces_and_extra_blank_lines_do_not_change_the_text() {
		String tidy = "一、履行职责情况\n全年召开专题会议 4 次。\n\n二、存在的问题\n  三、下步打算";
		assertThat(AnnualReports.canonical(report(tidy), "张三 / 县委书记", LocalDate.of(2026, 1, 15))).isEqualTo(TEXT);
	}
}
