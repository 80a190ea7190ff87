package zeren.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.options.FilePayload;

import zeren.assessment.Rounds;
import zeren.assessment.Schemes;
import zeren.org.Leadership;
import zeren.org.Org;
import zeren.org.OrgTree;
import zeren.org.OrgType;
import zeren.org.People;
import zeren.org.Person;
import zeren.org.PostKind;
import zeren.support.SheetFile;

/** A round from the default scheme to the feedback sheet: start, poll import, the team's score, export, conclusion. */
class AssessmentBrowserTest extends BrowserTest {

	@Autowired
	OrgTree tree;

	@Autowired
	Leadership leadership;

	@Autowired
	People people;

	@Autowired
	Schemes schemes;

	@Autowired
	Rounds rounds;

	@Test
	void a_round_runs_from_the_default_scheme_to_the_feedback_sheet_and_is_concluded() throws Exception {
		int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
		String p = unique("AS");
		Org city = tree.create(new OrgTree.NewOrg(p + "C", p + "市委", OrgType.PARTY_COMMITTEE, null, null, null));
		Org countyA = tree.create(new OrgTree.NewOrg(p + "A", p + "甲县委", OrgType.PARTY_COMMITTEE, city.id(), null, null));
		Org countyB = tree.create(new OrgTree.NewOrg(p + "B", p + "乙县委", OrgType.PARTY_COMMITTEE, city.id(), null, null));
		for (Org county : List.of(countyA, countyB)) {
			var post = leadership.addPost(county.id(), new Leadership.NewPost("县委书记", PostKind.SECRETARY, List.of(), 1));
			Person person = people.create(new People.NewPerson(county.name() + "书记", null, null, null, null, county.id()));
			leadership.appoint(new Leadership.NewTenure(person.id(), post.id(), LocalDate.of(2020, 1, 1), null));
		}

		open("/assessment?orgId=" + city.id() + "&year=" + year);
		expect(page.locator("#rounds-none")).isVisible();
		button("开展考核").click();
		expect(page.locator("#flash-success")).containsText("已开展考核");
		expect(page.locator("#round-status")).hasText("进行中");
		expect(page.locator("#round-units tr.round-unit")).hasCount(2);
		long roundId = idInUrl();

		// the poll, with a wrong line first: refused by line and column, nothing imported
		long pollId = schemes.defaultFor(year).indicators().stream().filter(i -> i.code().equals("5.1")).findFirst().orElseThrow().id();
		List<String> columns = List.of("单位名称", "参评人数", "满意", "基本满意", "不满意", "不了解");
		page.locator("#poll-file-" + pollId).setInputFiles(new FilePayload("测评.xlsx", "application/octet-stream",
				SheetFile.of("测评", columns, new Object[] { countyA.name(), 100, 80, 10, 5, 4 })));
		button("导入").click();
		expect(page.locator(".error-list")).containsText("参评人数");
		page.locator("#poll-file-" + pollId).setInputFiles(new FilePayload("测评.xlsx", "application/octet-stream",
				SheetFile.of("测评", columns, new Object[] { countyA.name(), 100, 80, 10, 5, 5 },
						new Object[] { countyB.name(), 100, 60, 20, 20, 0 })));
		button("导入").click();
		expect(page.locator("#flash-success")).containsText("已导入 2 个单位的测评结果");
		// the charts are drawn by ECharts under the CSP
		expect(page.locator("#round-ranking-chart canvas")).hasCount(1);
		expect(page.locator("#round-grades-chart canvas")).hasCount(1);

		page.locator("a.unit-sheet", new com.microsoft.playwright.Page.LocatorOptions().setHasText(countyA.name())).click();
		expect(page.locator("#sheet-heading")).containsText(countyA.name());
		// the automatic line of the list nobody published explains itself and links to the record
		expect(page.locator("#sheet-lines")).containsText("年度责任清单按时发布：逾期未完成");
		// a deduction without a reason is refused, and the points typed stay
		page.locator("#team-indicator").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(
				"4.1 主要负责同志管好班子、带好队伍、管好自己，当好廉洁从政表率"));
		page.locator("#team-points").fill("-2");
		page.locator("#team-line button[type=submit]").click();
		expect(page.locator(".error-list")).containsText("理由");
		expect(page.locator("#team-points")).hasValue("-2");
		page.locator("#team-reason").fill("班子成员履行一岗双责不到位");
		page.locator("#team-line button[type=submit]").click();
		expect(page.locator("#flash-success")).containsText("已保存评分");
		expect(page.locator("#sheet-lines")).containsText("班子成员履行一岗双责不到位");
		expect(page.locator("tr[data-code='4.1'] .indicator-team")).hasText("2.00");
		screenshot("assessment-sheet");
		// a deduction can open an accountability case (origin 考核), the form filled in from the line
		page.locator("#sheet-lines tr", new com.microsoft.playwright.Page.LocatorOptions().setHasText("班子成员履行一岗双责不到位"))
				.locator("a.line-case").click();
		expect(page.locator("#title")).hasValue(countyA.name() + year + " 年度考核发现的问题");
		expect(page.locator("#facts")).hasValue("班子成员履行一岗双责不到位");
		expect(page.locator("#origin")).hasValue("ASSESSMENT");
		page.goBack();

		var xlsx = page.waitForDownload(() -> page.locator("#sheet-export").click());
		try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(xlsx.createReadStream())) {
			assertThat(workbook.getSheetAt(1).getSheetName()).isEqualTo("加减分明细（反馈意见）");
			boolean found = false;
			for (var row : workbook.getSheetAt(1)) {
				found |= row.getCell(3) != null && row.getCell(3).getStringCellValue().equals("班子成员履行一岗双责不到位");
			}
			assertThat(found).isTrue();
		}
		var pdf = page.waitForDownload(() -> page.locator("#sheet-pdf").click());
		try (var in = pdf.createReadStream()) {
			assertThat(new String(in.readNBytes(5), java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		}

		page.locator("a", new com.microsoft.playwright.Page.LocatorOptions().setHasText("返回考核")).click();
		button("完成考核（锁定结果）").click();
		confirm();
		expect(page.locator("#flash-success")).containsText("考核已完成");
		expect(page.locator("#round-status")).hasText("已完成（结果已锁定）");
		assertThat(rounds.get(roundId).status().name()).isEqualTo("CONCLUDED");
		screenshot("assessment-round");
	}

	@Test
	void a_scheme_is_copied_from_the_default_published_and_used_for_a_round() {
		int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
		String p = unique("SC");
		Org city = tree.create(new OrgTree.NewOrg(p + "C", p + "市委", OrgType.PARTY_COMMITTEE, null, null, null));
		tree.create(new OrgTree.NewOrg(p + "A", p + "甲县委", OrgType.PARTY_COMMITTEE, city.id(), null, null));

		open("/assessment?orgId=" + city.id() + "&year=" + year);
		page.locator("#schemes-link").click();
		expect(page.locator("#scheme-default")).containsText("默认方案");
		button("以默认方案为基础新建").click();
		expect(page.locator("#flash-success")).containsText("已新建方案草稿");
		expect(page.locator("#scheme-status")).hasText("草稿");
		expect(page.locator("#scheme-indicators")).containsText("系统计分");
		expect(page.locator("#scheme-indicators")).containsText("责任清单发布");
		long schemeId = idInUrl();
		button("发布方案").click();
		confirm();
		expect(page.locator("#flash-success")).containsText("方案已发布");
		expect(page.locator("#scheme-status")).hasText("已发布");
		// a published scheme is locked: no publish button any more, a new version instead
		assertThat(page.locator("#scheme-publish").count()).isZero();
		expect(page.locator("#scheme-copy")).isVisible();

		open("/assessment?orgId=" + city.id() + "&year=" + year);
		page.locator("#round-scheme").selectOption(String.valueOf(schemeId));
		button("开展考核").click();
		expect(page.locator("#flash-success")).containsText("已开展考核");
		assertThat(rounds.get(idInUrl()).schemeId()).isEqualTo(schemeId);
	}

	@Autowired
	zeren.access.Users users;

	@Test
	void a_special_supervisor_is_designated_and_records_a_visit_with_its_findings_and_a_file() {
		int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
		String p = unique("SV");
		Org city = tree.create(new OrgTree.NewOrg(p + "C", p + "市委", OrgType.PARTY_COMMITTEE, null, null, null));
		Org county = tree.create(new OrgTree.NewOrg(p + "A", p + "甲县委", OrgType.PARTY_COMMITTEE, city.id(), null, null));
		Person person = people.create(new People.NewPerson(p + "监督员", null, null, null, null, city.id()));
		var account = users.create(new zeren.access.Users.NewUser(p.toLowerCase() + "sup", "password-sup-1", person.id(), true));
		users.addGrant(account.id(), new zeren.access.Users.NewGrant(zeren.access.Role.LEADER, city.id(), true));

		open("/assessment?orgId=" + city.id() + "&year=" + year);
		page.locator("#supervisors-link").click();
		page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
		expect(page.locator("#supervisors-none")).isVisible();
		pick("personId", person.name(), person.id());
		page.locator("#supervisor-designate").click();
		expect(page.locator("#flash-success")).containsText("已聘请特约监督员");
		expect(page.locator("#supervisors tr.supervisor-row")).containsText(person.name());

		// the supervisor, signed in as themselves, records the visit
		context.clearCookies();
		signIn(account.username(), "password-sup-1");
		open("/assessment/supervisors?orgId=" + city.id() + "&year=" + year);
		expect(page.locator("#visit-supervisor")).containsText(person.name());
		assertThat(page.locator("#supervisor-new").count()).isZero();
		page.locator("#visit-record").click();
		expect(page.locator(".error-list")).containsText("被暗访单位");
		pick("unitOrgId", county.name(), county.id());
		page.locator("#visit-date").fill(LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
		page.locator("#visit-summary").fill("暗访县政务服务中心");
		page.locator("#visit-finding-0").fill("窗口工作人员上班时间玩手机");
		page.locator("#visit-confirmed-0").check();
		page.locator("#visit-finding-1").fill("接待群众态度生硬");
		page.locator("#visit-record").click();
		expect(page.locator("#flash-success")).containsText("明察暗访已登记");
		expect(page.locator("#visit-heading")).containsText(county.name());
		expect(page.locator("#visit-findings li.visit-finding")).hasCount(2);
		expect(page.locator("#visit-findings li.visit-finding").first()).containsText("属实");
		page.locator("#visit-file").setInputFiles(new FilePayload("暗访记录.txt", "text/plain", "记录".getBytes()));
		page.locator("#visit-attach button[type=submit]").click();
		expect(page.locator("#flash-success")).containsText("附件已上传");
		expect(page.locator("#visit-files")).containsText("暗访记录.txt");
		screenshot("assessment-visit");
	}

	@Test
	void one_indicator_of_a_draft_scheme_is_edited_in_place_and_keeps_what_was_typed_when_refused() {
		int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
		String p = unique("IE");
		Org city = tree.create(new OrgTree.NewOrg(p + "C", p + "市委", OrgType.PARTY_COMMITTEE, null, null, null));
		var draft = schemes.create(new Schemes.NewScheme(city.id(), year, p + "方案", schemes.defaultFor(year).id(), null, null));

		open("/assessment/schemes/" + draft.id());
		page.locator("tr[data-code='4.1'] .indicator-edit").click();
		expect(page.locator("#indicator-form")).isVisible();
		page.locator("#indicator-points").fill("六");
		page.locator("#indicator-title").fill("管好班子、带好队伍");
		page.locator("#indicator-save").click();
		expect(page.locator("#scheme-editor-errors")).containsText("分数");
		expect(page.locator("#indicator-points")).hasValue("六");
		expect(page.locator("#indicator-title")).hasValue("管好班子、带好队伍");
		page.locator("#indicator-points").fill("6");
		page.locator("#indicator-save").click();
		expect(page.locator("#scheme-editor-notice")).containsText("考核指标已保存");
		expect(page.locator("tr[data-code='4.1']")).containsText("管好班子、带好队伍");
		expect(page.locator("tr[data-code='4.1'] .indicator-points")).hasText("6.00");
		expect(page.locator("tr[data-code='4'] .indicator-points")).hasText("22.00");
		// a child added to the heading opens in its form; removed after a confirmation
		page.locator("tr[data-code='4'] .indicator-add").click();
		expect(page.locator("#indicator-form")).containsText("4.6");
		page.locator("#indicator-cancel").click();
		page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
		page.locator("tr[data-code='4.6'] .indicator-remove").click();
		confirm();
		expect(page.locator("#scheme-editor-notice")).containsText("考核指标已删除");
		assertThat(page.locator("tr[data-code='4.6']").count()).isZero();
		screenshot("assessment-scheme-edit");
	}
}
