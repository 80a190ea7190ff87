package zeren.demo;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import zeren.duty.DutyList;
import zeren.duty.DutyListManagement;
import zeren.duty.LetterManagement;
import zeren.duty.Requirements;
import zeren.duty.ResponsibilityLetter;
import zeren.duty.ResponsibilityLists;
import zeren.ledger.WorkLedger;
import zeren.org.Post;

/**
 * 明责 of the demo year: the county's "1+X" requirements published to the whole county, the
 * county's own list with a leader per task, each township's list with two tasks of its own —
 * published by all but one township (苏阳乡, late: still a draft) —, the ledger in step with the
 * published lists, and the county's letters to every township and team member generated and issued.
 */
@Component
class DemoDuty {

	static final String LATE_TOWNSHIP = "130132205";

	/** What was made, for the later steps. */
	record Made(DutyList countyList, List<DutyList> townshipLists, List<DutyList.Item> countyItems,
			List<ResponsibilityLetter> letters) {
	}

	private final Requirements requirements;
	private final DutyListManagement lists;
	private final ResponsibilityLists reading;
	private final LetterManagement letters;
	private final WorkLedger ledger;

	DemoDuty(Requirements requirements, DutyListManagement lists, ResponsibilityLists reading, LetterManagement letters,
			WorkLedger ledger) {
		this.requirements = requirements;
		this.lists = lists;
		this.reading = reading;
		this.letters = letters;
		this.ledger = ledger;
	}

	Made seed(DemoCounty.County county, DemoCalendar calendar) {
		int year = calendar.year();
		long countyId = county.county().id();
		requirements.publish(new Requirements.Publication(countyId, year, List.of(
				new Requirements.Requirement(null, "1", "主体责任", "召开党委（党组）会议专题研究党风廉政建设，每半年不少于一次",
						"会议纪要、研究议题清单", calendar.quarterEnd(2)),
				new Requirements.Requirement(null, "2", "廉政教育", "开展警示教育，组织党员干部旁听庭审或参观警示教育基地",
						"全年不少于两次，覆盖全体班子成员", calendar.quarterEnd(3)),
				new Requirements.Requirement(null, "3", "作风建设", "整治群众身边不正之风和腐败问题，建立问题台账并逐项销号",
						"问题线索按期办结", calendar.quarterEnd(4)))));

		DutyList countyList = reading.find(countyId, year).orElseGet(() -> lists.create(countyId, year));
		List<DutyList.Item> countyItems = new ArrayList<>();
		countyItems.add(item(countyList, "X1", "一岗双责", "县委常委落实分管领域党风廉政建设责任，每季度听取分管部门汇报",
				county.deputy(), "县委办公室", county.discipline(), calendar.quarterEnd(4)));
		countyItems.add(item(countyList, "X2", "选人用人", "加强干部选拔任用全程监督，落实“凡提四必”",
				county.organisation(), "县委组织部", county.discipline(), calendar.quarterEnd(4)));
		countyItems.add(item(countyList, "X3", "意识形态", "落实意识形态工作责任制，开展廉洁文化进机关、进农村活动",
				county.publicity(), "县委宣传部", county.discipline(), calendar.quarterEnd(3)));
		countyItems.add(item(countyList, "X4", "基层减负", "精简文件会议，整治形式主义为基层减负",
				county.mayor(), "县政府办公室", county.discipline(), calendar.quarterEnd(2)));
		countyList = lists.publish(countyList.id());

		List<DutyList> townshipLists = new ArrayList<>();
		for (DemoCounty.Township t : county.townships().values()) {
			DutyList list = reading.find(t.org().id(), year).orElseThrow();
			// the requirements from above get their leader and units here; their substance stays the county's
			List<Post> leaders = List.of(t.secretary(), t.member(), t.deputy());
			for (int i = 0; i < list.items().size() && i < leaders.size(); i++) {
				DutyList.Item inherited = list.items().get(i);
				lists.editItem(list.id(), inherited.id(), new DutyListManagement.ItemInput(inherited.itemNo(),
						inherited.category(), inherited.task(), inherited.goal(), leaders.get(i).id(),
						t.org().name() + "党政办", null, null, inherited.deadline(), List.of(), null, null, null,
						t.discipline().id()));
			}
			item(list, "X1", "村级监督", "落实村务监督委员会工作，村级“三资”管理每季度公开", t.deputy(), t.org().name() + "党政办", t.discipline(), calendar.quarterEnd(4));
			item(list, "X2", "基层党建", "抓好软弱涣散村党组织整顿，年内完成转化", t.member(), t.org().name() + "组织办",
					t.discipline(), calendar.quarterEnd(4));
			if (!t.org().code().equals(LATE_TOWNSHIP)) {
				list = lists.publish(list.id());
			}
			townshipLists.add(list);
		}
		// the ledger follows published lists after commit; here it is made to follow at once, in this transaction
		ledger.sync(countyId, year, true);

		List<ResponsibilityLetter> issued = new ArrayList<>();
		for (long id : letters.generate(countyId, year).created()) {
			issued.add(letters.issue(id));
		}
		return new Made(countyList, townshipLists, countyItems, issued);
	}

	/** An own item: its lead unit named (the departments are not in the tree), its supervising unit the discipline body. */
	private DutyList.Item item(DutyList list, String no, String category, String task, Post leader, String unit,
			zeren.org.Org supervising, java.time.LocalDate deadline) {
		return lists.addItem(list.id(), new DutyListManagement.ItemInput(no, category, task, "按期完成，资料归档",
				leader.id(), unit, null, null, deadline, List.of(), null, null, null, supervising.id()));
	}
}
