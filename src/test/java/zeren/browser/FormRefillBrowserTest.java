package zeren.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.SelectOption;

import zeren.accountability.Cases;
import zeren.accountability.Situations;
import zeren.duty.DutyList;
import zeren.duty.DutyListManagement;
import zeren.duty.ResponsibilityLists;
import zeren.interview.InterviewRecords;
import zeren.org.Leadership;
import zeren.org.Org;
import zeren.org.OrgTree;
import zeren.org.OrgType;
import zeren.org.People;
import zeren.org.Person;
import zeren.org.Post;
import zeren.org.PostKind;

/**
 * A refused form comes back with every value typed and the error beside its field, named by its
 * label (FormRefill + forms.js): the ten-field item of a list, a case registration, an interview.
 */
class FormRefillBrowserTest extends BrowserTest {

	@Autowired
	OrgTree tree;

	@Autowired
	Leadership leadership;

	@Autowired
	People people;

	@Autowired
	ResponsibilityLists lists;

	@Autowired
	DutyListManagement listManagement;

	@Autowired
	Situations situations;

	@Autowired
	Cases cases;

	@Autowired
	InterviewRecords records;

	@Autowired
	zeren.platform.BusinessClock clock;

	Org county() {
		return tree.create(new OrgTree.NewOrg(unique("FR"), "县委" + unique("F"), OrgType.PARTY_COMMITTEE, null, null, null));
	}

	@Test
	void a_refused_list_item_keeps_all_ten_fields() {
		Org county = county();
		Post secretary = leadership.addPost(county.id(), new Leadership.NewPost("县委书记", PostKind.SECRETARY, List.of(), 1));
		DutyList list = listManagement.create(new DutyListManagement.NewList(county.id(), 2026));

		open("/duty?orgId=" + county.id() + "&year=2026");
		page.locator("#duty-add summary").click();
		Locator form = page.locator("#duty-add-form");
		form.locator("[name=itemNo]").fill("3");
		form.locator("[name=category]").fill("教育");
		// the task (工作任务) is left empty: refused
		form.locator("[name=goal]").fill("全覆盖");
		form.locator("[name=leaderPostId]").selectOption(String.valueOf(secretary.id()));
		form.locator("[name=deadline]").fill("2026-10-31");
		form.locator("[name=leadUnit]").fill("县委办");
		form.locator("[name=participatingUnits]").fill("宣传部");
		form.locator("[name=supervisingUnit]").fill("县纪委");
		form.locator("[name=milestones]").fill("2026-06-30 半年小结");
		form.locator("[name=reason]").fill("补充事项");
		page.locator("#duty-add-submit").click();

		form = page.locator("#duty-add-form");
		expect(form).isVisible();
		expect(form.locator(".field-error[data-field=task]")).containsText("工作任务");
		expect(form.locator("[name=task]")).hasClass(java.util.regex.Pattern.compile("is-invalid"));
		expect(form.locator("[name=itemNo]")).hasValue("3");
		expect(form.locator("[name=category]")).hasValue("教育");
		expect(form.locator("[name=goal]")).hasValue("全覆盖");
		expect(form.locator("[name=leaderPostId]")).hasValue(String.valueOf(secretary.id()));
		expect(form.locator("[name=deadline]")).hasValue("2026-10-31");
		expect(form.locator("[name=leadUnit]")).hasValue("县委办");
		expect(form.locator("[name=participatingUnits]")).hasValue("宣传部");
		expect(form.locator("[name=supervisingUnit]")).hasValue("县纪委");
		expect(form.locator("[name=milestones]")).hasValue("2026-06-30 半年小结");
		expect(form.locator("[name=reason]")).hasValue("补充事项");
		assertThat(lists.get(list.id()).items()).isEmpty();
		screenshot("refill-duty-item");

		// filling the one field missing is enough
		form.locator("[name=task]").fill("开展警示教育");
		page.locator("#duty-add-submit").click();
		expect(page.locator(".duty-table tbody tr.duty-item-row")).hasCount(1);
		assertThat(lists.get(list.id()).items()).extracting(DutyList.Item::task).containsExactly("开展警示教育");
	}

	@Test
	void a_refused_case_registration_keeps_what_was_typed() {
		Org county = county();
		Post deputy = leadership.addPost(county.id(), new Leadership.NewPost("副书记", PostKind.DEPUTY_SECRETARY, List.of(), 2));
		Person direct = people.create(new People.NewPerson("孙" + unique("P"), null, null, null, null, county.id()));
		long s03 = situations.list(true).stream().filter(s -> s.code().equals("S03")).findFirst().orElseThrow().id();

		open("/accountability?orgId=" + county.id());
		page.locator("#title").fill("违规发放津贴案");
		page.locator("#origin").selectOption("INSPECTION_TOUR");
		page.locator("#originRef").fill("XS-2026-7");
		page.locator("#periodFrom").fill("2023-01-01");
		page.locator("#periodTo").fill("2021-12-31");
		page.locator("#inChargePostId").selectOption(new SelectOption().setValue(String.valueOf(deputy.id())));
		pick("directPersonIds", direct.name(), direct.id());
		page.locator("#facts").fill("违规发放津贴补贴");
		page.locator("#situation-" + s03).check();
		button("登记").click();

		expect(page.locator("#acc-new .field-error")).not().hasCount(0);
		expect(page.locator("#title")).hasValue("违规发放津贴案");
		expect(page.locator("#origin")).hasValue("INSPECTION_TOUR");
		expect(page.locator("#originRef")).hasValue("XS-2026-7");
		expect(page.locator("#periodFrom")).hasValue("2023-01-01");
		expect(page.locator("#periodTo")).hasValue("2021-12-31");
		expect(page.locator("#inChargePostId")).hasValue(String.valueOf(deputy.id()));
		expect(page.locator("#picker-directPersonIds .picker-chip")).hasText(direct.name());
		expect(page.locator("#facts")).hasValue("违规发放津贴补贴");
		expect(page.locator("#situation-" + s03)).isChecked();
		screenshot("refill-case");
		assertThat(cases.page(county.id(), clock.today().getYear(), null, null, null, 1, 50).total()).isZero();
	}

	@Test
	void a_refused_interview_keeps_what_was_typed() {
		Org county = county();
		Org township = tree.create(new OrgTree.NewOrg(unique("FT"), "镇党委" + unique("F"), OrgType.PARTY_COMMITTEE,
				county.id(), null, null));
		Post secretary = leadership.addPost(county.id(), new Leadership.NewPost("县委书记", PostKind.SECRETARY, List.of(), 1));
		leadership.addPost(township.id(), new Leadership.NewPost("镇党委书记", PostKind.SECRETARY, List.of(), 1));
		Person a = people.create(new People.NewPerson("周" + unique("P"), null, null, null, null, county.id()));
		leadership.appoint(new Leadership.NewTenure(a.id(), secretary.id(), LocalDate.of(2020, 1, 1), null));

		open("/interviews/new?orgId=" + county.id());
		page.locator("#date").fill("2026-04-15");
		page.locator("#kind").selectOption("ADMONISHMENT");
		page.locator("#interviewerPostId").selectOption(String.valueOf(secretary.id()));
		page.getByLabel(township.name() + " · 镇党委书记").check();
		// the content is left empty: refused
		page.locator("#requirements").fill("一个月内报送整改报告");
		button("保存").click();

		expect(page.locator(".field-error[data-field=content]")).containsText("约谈内容：不能为空");
		expect(page.locator("#date")).hasValue("2026-04-15");
		expect(page.locator("#kind")).hasValue("ADMONISHMENT");
		expect(page.locator("#interviewerPostId")).hasValue(String.valueOf(secretary.id()));
		expect(page.getByLabel(township.name() + " · 镇党委书记")).isChecked();
		expect(page.locator("#requirements")).hasValue("一个月内报送整改报告");
		assertThat(records.heldBy(county.id(), 2026)).isEmpty();
	}
}
