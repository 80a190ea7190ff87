package zeren.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import zeren.governance.Analyses;
import zeren.governance.Analysis;
import zeren.governance.AnalysisSeed;
import zeren.org.Leadership;
import zeren.org.Org;
import zeren.org.OrgTree;
import zeren.org.OrgType;
import zeren.org.People;
import zeren.org.Post;
import zeren.org.PostKind;
import zeren.tracking.TrackedItems;

/**
 * A situation analysis made on the pages: the figures pre-filled with their charts, the judgement,
 * a measure refused then added and tracked, the adoption confirmed, the PDF.
 */
class AnalysisBrowserTest extends BrowserTest {

	@Autowired
	OrgTree tree;

	@Autowired
	Leadership leadership;

	@Autowired
	People people;

	@Autowired
	Analyses analyses;

	@Autowired
	TrackedItems items;

	@Autowired
	JdbcClient jdbc;

	@Test
	void an_analysis_is_made_from_the_records_judged_given_a_tracked_measure_adopted_and_exported() {
		int year = LocalDate.now().getYear();
		Org city = tree.create(new OrgTree.NewOrg(unique("AC"), "市委" + unique("A"), OrgType.PARTY_COMMITTEE, null, null, null));
		Org county = tree.create(new OrgTree.NewOrg(unique("AX"), "县委" + unique("A"), OrgType.PARTY_COMMITTEE, city.id(), null, null));
		leadership.addPost(city.id(), new Leadership.NewPost("市委书记", PostKind.SECRETARY, List.of(), 1));
		Post countySecretary = leadership.addPost(county.id(), new Leadership.NewPost("县委书记", PostKind.SECRETARY, List.of(), 1));
		long person = people.create(new People.NewPerson("张" + unique("P"), null, null, null, null, county.id())).id();
		AnalysisSeed seed = new AnalysisSeed(jdbc, unique("A"), person);
		seed.decide(seed.accCase(county, LocalDate.of(year, 1, 15), "S03"), false, "ADMONISHMENT");
		seed.accCase(county, LocalDate.of(year - 1, 3, 1), "S03");
		seed.finding(seed.inspection(city, LocalDate.of(year, 1, 10), "作风建设"), county, 1);

		open("/governance/analyses?orgId=" + city.id() + "&year=" + year);
		expect(page.locator("#analyses-none")).isVisible();
		page.locator("#analysis-new").click();
		page.locator("#analysis-create").click();
		expect(page.locator("#flash-success")).isVisible();
		expect(page.locator("#analysis-heading")).hasText(city.name() + year + "年度党风廉政建设形势研判");
		expect(page.locator("#analysis-cases")).hasText("本期受理问责案件 1 件，上年同期 1 件。");
		expect(page.locator("#facts-situation tbody tr")).hasCount(1);
		expect(page.locator("#facts-situation tbody tr td").nth(0)).hasText("1");
		expect(page.locator("#facts-form tbody tr th")).hasText("诫勉");
		expect(page.locator("#facts-level tbody tr th")).hasText("下 1 级");
		expect(page.locator("#facts-focus tbody tr th")).hasText("作风建设");
		expect(page.locator("#analysis-findings")).containsText("本期监督检查发现问题 1 个，已整改销号 0 个，整改率 0%");
		// ECharts draws each section's chart from its table
		expect(page.locator("#facts-situation-chart canvas")).hasCount(1);
		expect(page.locator("#facts-focus-chart canvas")).hasCount(1);
		long id = idInUrl();

		page.locator("#judgement").fill("问责案件与上年持平，作风问题仍较突出");
		page.locator("#judgement-save").click();
		expect(page.locator("#flash-success")).isVisible();
		expect(page.locator("#judgement")).hasValue("问责案件与上年持平，作风问题仍较突出");

		// a measure without its text is refused, naming the field, and the form keeps what was chosen
		page.locator("#measure-owner").selectOption(String.valueOf(countySecretary.id()));
		page.locator("#measure-add").click();
		expect(page.locator(".error-list")).containsText("措施内容：不能为空");
		expect(page.locator("#measure-owner")).hasValue(String.valueOf(countySecretary.id()));
		assertThat(analyses.get(id).measures()).isEmpty();
		page.locator("#measure-text").fill("开展作风建设专项整治");
		page.locator("#measure-owner").selectOption(String.valueOf(countySecretary.id()));
		page.locator("#measure-add").click();
		expect(page.locator("#flash-success")).isVisible();
		expect(page.locator("tr.analysis-measure")).hasCount(1);
		page.locator("tr.analysis-measure button.measure-track").click();
		expect(page.locator("#flash-success")).isVisible();
		expect(page.locator("tr.analysis-measure a.measure-tracked")).isVisible();
		Analysis.Measure measure = analyses.get(id).measures().get(0);
		assertThat(items.get(measure.trackedItemId()).ownerPostId()).isEqualTo(countySecretary.id());
		screenshot("analysis-draft");

		page.locator("#analysis-adopt").click();
		confirm();
		expect(page.locator("#flash-success")).isVisible();
		expect(page.locator("#analysis-status")).hasText("研判会议已通过（" + LocalDate.now() + "）");
		expect(page.locator("#analysis-judgement")).hasText("问责案件与上年持平，作风问题仍较突出");
		expect(page.locator("#judgement")).hasCount(0);
		expect(page.locator("#measure-form")).hasCount(0);
		assertThat(analyses.get(id).status()).isEqualTo(Analysis.Status.ADOPTED);

		var pdf = page.waitForDownload(() -> page.locator("#analysis-pdf").click());
		try (var in = pdf.createReadStream()) {
			assertThat(new String(in.readNBytes(5), java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		page.locator("a", new com.microsoft.playwright.Page.LocatorOptions().setHasText("返回形势研判列表")).click();
		expect(page.locator("#analyses tbody tr")).hasCount(1);
		open("/governance/analyses/" + id + "?lang=en");
		expect(page.locator("#analysis-cases")).hasText("1 accountability cases registered in the period, 1 in the same period last year.");
	}
}
