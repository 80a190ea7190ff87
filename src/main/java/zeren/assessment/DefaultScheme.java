package zeren.assessment;

import java.math.BigDecimal;
import java.util.List;

import zeren.assessment.Scheme.Rule;

/**
 * The default scheme shipped with Zeren (100 points, a bonus of up to 5, one veto), for a Party
 * committee. Sources: the 明责/履责/督责/追责 obligations of the oversight module, each read from
 * Zeren's own records; the five key check items of the source text ("重点考核党委（党组）主要负责同志
 * 管好班子，带好队伍，管好自己…；加强领导，选好用好干部…；坚决纠正损害群众利益行为…；强化对权力运行的
 * 制约和监督…；领导和支持执纪执法机关查处违纪违法案件情况"); the satisfaction poll among its
 * sources ("群众满意度测评"); and the published 党风廉政建设责任制考核 sheets for the bonus and the
 * veto (窝案串案、重大腐败案件). Deductions count duties not met, never the volume of entries.
 */
public final class DefaultScheme {

	public static final String SOURCE_NOTE = "依据《落实党风廉政建设主体责任》原文：明责、履责、督责、追责各项制度要求（由系统记录自动计分），"
			+ "“重点考核”五项内容，社会问卷调查、群众满意度测评等评价方式；加分与一票否决参照各地公开的党风廉政建设责任制考核细则。";

	private DefaultScheme() {
	}

	/** One indicator to store: its parent is the code before the last dot ("1.2" belongs to "1"). */
	public record IndicatorInput(String code, String title, BigDecimal points, Rule rule, String obligationKind,
			BigDecimal perMissed, BigDecimal perLate, String guidance) {

		public String parentCode() {
			int dot = code.lastIndexOf('.');
			return dot < 0 ? null : code.substring(0, dot);
		}
	}

	public static String name(int year) {
		return year + " 年度党风廉政建设责任制考核（默认方案）";
	}

	public static List<IndicatorInput> indicators() {
		return List.of(
				group("1", "明责：责任分解与责任书", 20),
				auto("1.1", "年度责任清单按时发布", 10, "duty.list", 10, 4, "未发布扣 10 分，逾期发布扣 4 分"),
				auto("1.2", "责任书层层签订（下一级党委和班子成员）", 10, "duty.letters", 10, 4, "未签全扣 10 分，逾期签全扣 4 分"),
				group("2", "履责：约谈、报告与台账", 28),
				auto("2.1", "逐级约谈全覆盖（书记、纪委书记两项规则）", 10, "interview.coverage", 5, 2,
						"每项规则未覆盖扣 5 分、逾期覆盖扣 2 分；岗位空缺或未设置的不扣分"),
				auto("2.2", "年度报告按时报送（党委和主要负责人）", 8, "report.annual", 4, 2, "每份未报扣 4 分，逾期报送扣 2 分"),
				auto("2.3", "台账任务按期办结", 10, "ledger.tasks", 2, 1, "每项逾期未办结扣 2 分，逾期办结扣 1 分"),
				group("3", "督责与追责：检查、整改、质询与问责", 22),
				auto("3.1", "每年由班子成员带队检查下级党委", 5, "inspection.annual-checks", 5, 2, "未覆盖全部下级扣 5 分，逾期扣 2 分"),
				auto("3.2", "督查发现问题按期整改销号", 6, "inspection.rectifications", 2, 1, "每项逾期未整改扣 2 分，逾期整改扣 1 分"),
				auto("3.3", "质询按期答复", 5, "report.answers", 2, 1, "每项逾期未答复扣 2 分，逾期答复扣 1 分"),
				auto("3.4", "问责决定按时限执行", 6, "accountability.steps", 2, 1, "每项超出时限扣 2 分，超时完成扣 1 分"),
				group("4", "重点考核内容（考核组评分）", 20),
				manual("4.1", "主要负责同志管好班子、带好队伍、管好自己，当好廉洁从政表率", 4),
				manual("4.2", "加强领导，选好用好干部，防止选人用人上的不正之风和腐败问题", 4),
				manual("4.3", "坚决纠正损害群众利益行为", 4),
				manual("4.4", "强化对权力运行的制约和监督，从源头上防治腐败", 4),
				manual("4.5", "领导和支持执纪执法机关查处违纪违法案件", 4),
				group("5", "群众评价", 10),
				new IndicatorInput("5.1", "群众满意度测评", new BigDecimal(10), Rule.SOURCE, null, null, null,
						"得分 = 10 × 测评得分 ÷ 100；测评得分 =（满意 × 100 + 基本满意 × 60 + 不满意 × 0）÷（参评人数 − 不了解）"),
				new IndicatorInput("6", "加分：工作经验被上级推广、受到上级表彰等", new BigDecimal(5), Rule.BONUS, null, null, null,
						"考核组据实加分并写明理由，最多加 5 分"),
				new IndicatorInput("7", "一票否决：发生窝案串案或连续发生重大腐败案件", BigDecimal.ZERO, Rule.VETO, null, null, null,
						"考核组写明事实与依据；否决后考核等次为“差”"));
	}

	private static IndicatorInput group(String code, String title, int points) {
		return new IndicatorInput(code, title, new BigDecimal(points), Rule.GROUP, null, null, null, null);
	}

	private static IndicatorInput auto(String code, String title, int points, String kind, int perMissed, int perLate,
			String guidance) {
		return new IndicatorInput(code, title, new BigDecimal(points), Rule.AUTO, kind, new BigDecimal(perMissed),
				new BigDecimal(perLate), guidance);
	}

	private static IndicatorInput manual(String code, String title, int points) {
		return new IndicatorInput(code, title, new BigDecimal(points), Rule.MANUAL, null, null, null,
				"考核组按检查情况扣分并写明理由；无问题得满分");
	}
}
