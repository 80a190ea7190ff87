package zeren.browser;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;

import zeren.accountability.AccountabilityCase;
import zeren.accountability.CaseProcedure;
import zeren.accountability.Situations;
import zeren.org.Leadership;
import zeren.org.Org;
import zeren.org.OrgTree;
import zeren.org.OrgType;
import zeren.org.People;
import zeren.org.Person;
import zeren.org.Post;
import zeren.org.PostKind;
import zeren.org.Tenure;

/** A case is opened, its proposed parties reviewed, decided, and the decision appears in the integrity file. */
class AccountabilityBrowserTest extends BrowserTest {

	@Autowired
	OrgTree tree;

	@Autowired
	Leadership leadership;

	@Autowired
	People people;

	@Autowired
	Situations situations;

	@Autowired
	CaseProcedure procedure;

	Locator button(Locator within, String label) {
		return within.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(label).setExact(true));
	}

	@Test
	void a_case_is_opened_its_parties_reviewed_and_decided_and_the_decision_is_in_the_integrity_file() {
		Org city = tree.create(new OrgTree.NewOrg(unique("AC"), "市委" + unique("A"), OrgType.PARTY_COMMITTEE, null, null, null));
		Org county = tree.create(new OrgTree.NewOrg(unique("AX"), "甲县委" + unique("A"), OrgType.PARTY_COMMITTEE, city.id(), null, null));
		Org other = tree.create(new OrgTree.NewOrg(unique("AY"), "乙县委" + unique("A"), OrgType.PARTY_COMMITTEE, city.id(), null, null));
		Post secretary = leadership.addPost(county.id(), new Leadership.NewPost("县委书记", PostKind.SECRETARY, List.of(), 1));
		Post otherSecretary = leadership.addPost(other.id(), new Leadership.NewPost("县委书记", PostKind.SECRETARY, List.of(), 1));
		Person moved = people.create(new People.NewPerson("王" + unique("P"), null, null, null, null, county.id()));
		Person direct = people.create(new People.NewPerson("李" + unique("P"), null, null, null, null, county.id()));
		Tenure then = leadership.appoint(new Leadership.NewTenure(moved.id(), secretary.id(), LocalDate.of(2018, 1, 1), null));
		leadership.end(then.id(), LocalDate.of(2022, 6, 30), Tenure.EndReason.TRANSFER);
		leadership.appoint(new Leadership.NewTenure(moved.id(), otherSecretary.id(), LocalDate.of(2022, 7, 1), null));
		long s03 = situations.list(true).stream().filter(s -> s.code().equals("S03")).findFirst().orElseThrow().id();

		// open the case
		open("/accountability?orgId=" + county.id());
		String title = "违规发放津贴案" + unique("C");
		page.locator("#title").fill(title);
		page.locator("#origin").selectOption("INSPECTION_TOUR");
		page.locator("#periodFrom").fill("2021-01-01");
		page.locator("#periodTo").fill("2022-12-31");
		pick("directPersonIds", direct.name(), direct.id());
		page.locator("#facts").fill("2021 年至 2022 年违规发放津贴补贴");
		page.locator("#situation-" + s03).check();
		button("登记").click();
		expect(page.locator("#acc-title")).hasText(title);
		expect(page.locator("#acc-status")).hasText("待批准立案");
		// the stepper shows where the case is, and only the tab of that step is open
		expect(page.locator("#acc-progress [aria-current=step]")).containsText("登记与批准立案");
		expect(page.locator("#acc-progress [aria-current=step]")).containsText("当前步骤");
		expect(page.locator("#acc-progress li").nth(1)).containsText("待办");
		expect(page.locator("#acc-tab-opening")).hasClass(java.util.regex.Pattern.compile(".*\\bactive\\b.*"));
		expect(page.locator("#acc-approve")).isVisible();
		expect(page.locator("#acc-proposals")).isHidden();
		page.locator("#approvedBy").fill("市纪委书记");
		button("批准立案").click();
		confirm();
		expect(page.locator("#acc-status")).hasText("调查中");
		expect(page.locator("#acc-progress li").nth(0)).containsText("已完成");
		expect(page.locator("#acc-progress [aria-current=step]")).containsText("调查核实");
		expect(page.locator("#acc-approve")).hasCount(0);
		expect(page.locator("#acc-proposals")).isVisible();
		String caseUrl = page.url();

		// review the proposed parties: the secretary since transferred is proposed, with posts then and now
		Locator secretaryRow = page.locator("tr.acc-proposal[data-name='" + moved.name() + "']");
		expect(secretaryRow.locator(".acc-proposal-responsibility")).hasText("主要领导责任");
		expect(secretaryRow.locator(".acc-proposal-reason")).containsText("县委书记");
		expect(secretaryRow.locator(".acc-proposal-reason")).containsText("2018-01-01 至 2022-06-30");
		expect(secretaryRow.locator(".acc-proposal-now")).containsText(other.name());
		expect(secretaryRow.locator(".acc-proposal-where")).hasText("已调离");
		expect(page.locator("tr.acc-proposal[data-name='" + direct.name() + "'] .acc-proposal-responsibility")).hasText("直接责任");
		for (String name : List.of(moved.name(), direct.name())) {
			Locator row = page.locator("tr.acc-proposal[data-name='" + name + "']");
			row.locator("input[name=reason]").fill("经调查属实");
			button(row, "确认").click();
			expect(page.locator("tr.acc-proposal[data-name='" + name + "'] .acc-disposition")).hasText("已确认");
		}
		Locator teamRow = page.locator("tr.acc-proposal[data-name='" + county.name() + "']");
		teamRow.locator("input[name=reason]").fill("班子已调整，不追究集体责任");
		button(teamRow, "排除").click();
		expect(page.locator("tr.acc-proposal[data-name='" + county.name() + "'] .acc-disposition")).hasText("已排除");

		// each confirmed party is shown the facts and heard; then the report
		for (String name : List.of(moved.name(), direct.name())) {
			button(hearing(name), "出示事实材料").click();
			expect(hearing(name)).containsText("已向其出示事实材料");
			hearing(name).locator("input[name=text]").fill("对事实无异议");
			button(hearing(name), "记录陈述和申辩").click();
			expect(hearing(name)).containsText("对事实无异议");
		}
		page.locator("#report-text").fill("事实清楚，证据确凿");
		button("形成调查报告").click();
		expect(page.locator("#acc-status")).hasText("已形成调查报告");
		expect(page.locator("#acc-progress [aria-current=step]")).containsText("作出问责决定");
		expect(party(moved.name()).locator(".acc-decide")).isVisible();
		expect(page.locator("#acc-report")).hasCount(0);

		// decide: combined forms for the secretary, admonishment for the person directly responsible
		party(moved.name()).locator("input[name=authority]").fill("市委");
		party(moved.name()).getByLabel("通报", new Locator.GetByLabelOptions().setExact(true)).check();
		party(moved.name()).getByLabel("诫勉", new Locator.GetByLabelOptions().setExact(true)).check();
		button(party(moved.name()), "作出问责决定").click();
		confirm();
		expect(party(moved.name()).locator(".acc-forms")).containsText("诫勉");
		// no form chosen is 不予或者免予问责: without its reason the decision is refused, nothing is decided
		party(direct.name()).locator("input[name=authority]").fill("县委");
		button(party(direct.name()), "作出问责决定").click();
		confirm();
		expect(page.locator("body")).containsText("不予或者免予问责须说明理由");
		expect(party(direct.name()).locator(".acc-decisions")).hasCount(0);
		// with its reason the exemption is decided: no form, the reason shown beside the outcome
		party(direct.name()).locator("input[name=authority]").fill("县委");
		party(direct.name()).locator(".acc-decide input[name=reason]").fill("主动交代问题并挽回损失，情节轻微");
		button(party(direct.name()), "作出问责决定").click();
		confirm();
		expect(party(direct.name()).locator(".acc-decisions .acc-forms")).hasText("不予或者免予问责");
		expect(party(direct.name()).locator(".acc-decisions")).containsText("主动交代问题并挽回损失，情节轻微");
		expect(page.locator("#acc-status")).hasText("已作出问责决定");
		expect(page.locator("#acc-locked")).isVisible();
		// the step is now the announcement: its tab is open, the record of steps one click away
		expect(page.locator("#acc-pane-closing")).isVisible();
		expect(page.locator("#acc-progress [aria-current=step]")).containsText("宣布送达");
		page.locator("#acc-tab-steps").click();
		expect(page.locator("#acc-steps tbody tr").nth(9)).isVisible();
		expect(page.locator("#acc-steps")).containsText("全部对象已作出决定");
		screenshot("accountability-case");

		// the integrity file of the secretary, now in another county
		page.locator("#acc-tab-investigation").click();
		secretaryRow = page.locator("tr.acc-proposal[data-name='" + moved.name() + "']");
		secretaryRow.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("廉政档案")).click();
		expect(page.locator("#acc-person-heading")).containsText(moved.name());
		Locator entry = page.locator("tr.acc-entry").filter(new Locator.FilterOptions().setHasText(title));
		expect(entry.locator(".acc-entry-responsibility")).hasText("主要领导责任");
		expect(entry.locator(".acc-entry-decisions")).containsText("通报");
		expect(entry.locator(".acc-entry-decisions")).containsText("诫勉");
		expect(page.locator(".acc-posts")).containsText(other.name());
		screenshot("accountability-integrity-file");
		open("/accountability/people/" + moved.id() + "?lang=en");
		expect(page.locator("tr.acc-entry").filter(new Locator.FilterOptions().setHasText(title))
				.locator(".acc-entry-decisions")).containsText("Admonishment");

		// announced, then filed: the banner and the stepper follow the case, nothing stale is left
		page.navigate(caseUrl + "?lang=zh_CN");
		button("宣布并送达").click();
		confirm();
		expect(page.locator("#acc-status")).hasText("已宣布送达，执行中");
		expect(page.locator("#flash-success")).isVisible();
		expect(page.locator("#acc-locked")).hasText(java.util.regex.Pattern.compile("已宣布送达"));
		expect(page.locator("#acc-locked")).not().containsText("问责决定已作出，案件锁定");
		expect(page.locator("#acc-progress [aria-current=step]")).containsText("执行");
		button("归档（廉政档案、人事档案）").click();
		confirm();
		expect(page.locator("#acc-status")).hasText("已归档");
		expect(page.locator("#acc-locked")).hasText(java.util.regex.Pattern.compile("案件已归档"));
		expect(page.locator("#acc-progress [data-state=done]")).hasCount(6);
		expect(page.locator("#acc-progress [aria-current=step]")).hasCount(0);
		screenshot("accountability-case-filed");
	}

	Locator hearing(String name) {
		return page.locator(".acc-hearing[data-name='" + name + "']");
	}

	@Test
	void the_case_history_suggests_a_recurring_situation_with_the_earlier_case_and_the_worker_adds_it_with_one_click() {
		Org county = tree.create(new OrgTree.NewOrg(unique("RX"), "丙县委" + unique("R"), OrgType.PARTY_COMMITTEE, null, null, null));
		Org town = tree.create(new OrgTree.NewOrg(unique("RT"), "丙县某镇党委" + unique("R"), OrgType.PARTY_COMMITTEE, county.id(), null, null));
		long s03 = situations.list(true).stream().filter(s -> s.code().equals("S03")).findFirst().orElseThrow().id();
		Situations.Situation s02 = situations.list(true).stream().filter(s -> s.code().equals("S02")).findFirst().orElseThrow();
		// a township's case of last year citing the same situation
		LocalDate lastYear = LocalDate.now().minusYears(1);
		String earlierTitle = "镇违规吃喝案" + unique("E");
		AccountabilityCase earlier = procedure.create(new CaseProcedure.NewCase(town.id(), AccountabilityCase.Origin.REPORT, null,
				earlierTitle, lastYear.minusYears(1), lastYear, "违规公款吃喝", List.of(s03), null, List.of(), lastYear));
		String title = "县违规吃喝案" + unique("C");
		AccountabilityCase c = procedure.create(new CaseProcedure.NewCase(county.id(), AccountabilityCase.Origin.REPORT, null, title,
				lastYear.minusYears(1), lastYear, "违规公款吃喝", List.of(s03), null, List.of(), null));

		open("/accountability/cases/" + c.id());
		Locator suggestion = page.locator("#acc-suggestions .acc-suggestion[data-code='S02']");
		expect(suggestion.locator(".acc-suggestion-name")).hasText(s02.name());
		expect(suggestion).containsText("近年已在 1 起案件中出现");
		expect(suggestion.locator(".acc-suggestion-cases")).containsText(town.name());
		// suggested, not added: the case cites S03 only
		expect(page.locator("main dl")).not().containsText(s02.name());
		screenshot("accountability-suggestion");
		// the earlier case is one click away
		suggestion.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(earlierTitle)).click();
		expect(page.locator("#acc-title")).hasText(earlierTitle);
		open("/accountability/cases/" + c.id());
		button(suggestion, "添加此情形").click();
		expect(page.locator("#flash-success")).isVisible();
		expect(page.locator("main dl")).containsText(s02.name());
		expect(page.locator("#acc-suggestions")).hasCount(0);
		expect(page.locator("#acc-steps")).containsText("添加追责情形");
		expect(page.locator("#acc-title")).hasText(title);
	}

	Locator party(String name) {
		return page.locator(".acc-party[data-name='" + name + "']");
	}

}
