package zeren.assessment;

import java.math.BigDecimal;
import java.util.List;

import zeren.assessment.Scheme.Rule;

/**
 * The default schemes shipped with Zeren (100 points, a bonus of up to 5, one veto), one per kind
 * of assessed party ({@link Scheme.Party}); the committee's is {@link #indicators()}, the others
 * are cited at their notes below. Sources: the 明责/履责/督责/追责 obligations of the oversight module, each read from
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

	/** The name of a party's default scheme of a year. */
	public static String name(int year, Scheme.Party party) {
		return switch (party) {
			case COMMITTEE -> name(year);
			case SECRETARY -> year + " 年度党委（党组）书记履行第一责任人职责考核（默认方案）";
			case TEAM_MEMBER -> year + " 年度领导班子成员履行“一岗双责”考核（默认方案）";
			case DISCIPLINE_BODY -> year + " 年度纪委（纪检组）履行监督责任考核（默认方案）";
		};
	}

	/** The source note of a party's default scheme. */
	public static String sourceNote(Scheme.Party party) {
		return switch (party) {
			case COMMITTEE -> SOURCE_NOTE;
			case SECRETARY -> SECRETARY_NOTE;
			case TEAM_MEMBER -> TEAM_MEMBER_NOTE;
			case DISCIPLINE_BODY -> DISCIPLINE_NOTE;
		};
	}

	/** The indicators of a party's default scheme. */
	public static List<IndicatorInput> indicators(Scheme.Party party) {
		return switch (party) {
			case COMMITTEE -> indicators();
			case SECRETARY -> secretary();
			case TEAM_MEMBER -> teamMember();
			case DISCIPLINE_BODY -> disciplineBody();
		};
	}

	/**
	 * The secretary's: the source text's "党委班子主要负责人是第一责任人…要亲自抓、主动抓、严格抓、经常抓，
	 * 既管好自己、当好表率，又管好班子、带好队伍…旗帜鲜明地支持、扎实有效地推动纪检监察机关履行监督职责", and
	 * its duties of the principal: the list (每年年初…细化分解), the report ("主要负责人报告履行第一责任人职责的
	 * 情况"), the interviews ("主要负责人每年至少约谈一次下级党委（党组）主要负责人") and the check led by a team
	 * member — each obligation read from the instances whose responsible post is the secretary's.
	 */
	public static final String SECRETARY_NOTE = "依据《落实党风廉政建设主体责任》原文：“党委班子主要负责人是第一责任人……亲自抓、主动抓、严格抓、经常抓，"
			+ "既管好自己、当好表率，又管好班子、带好队伍”；责任清单、第一责任人履责报告、逐级约谈、带队检查由系统按书记岗位的履责记录自动计分。";

	/** The team members': "领导班子成员…根据工作分工，履行“一岗双责”，对职责范围内的党风廉政建设负主要领导责任…". */
	public static final String TEAM_MEMBER_NOTE = "依据《落实党风廉政建设主体责任》原文：“领导班子成员……根据工作分工，履行‘一岗双责’，"
			+ "对职责范围内的党风廉政建设负主要领导责任……切实做到业务工作分管到哪里，党风廉政建设工作就跟进到哪里”；"
			+ "分管领域听取汇报、台账任务、整改事项由系统按本人岗位的履责记录自动计分。";

	/**
	 * The discipline body's: "纪委（纪检组）主要负责人每年至少约谈一次下级党委（党组）、纪委（纪检组）主要负责人…
	 * 了解掌握履行主体责任和监督责任的情况" and "既追究党委（党组）的主体责任，也追究纪委（纪检组）的监督责任".
	 */
	public static final String DISCIPLINE_NOTE = "依据《落实党风廉政建设主体责任》原文：“纪委（纪检组）主要负责人每年至少约谈一次下级党委（党组）、"
			+ "纪委（纪检组）主要负责人……了解掌握履行主体责任和监督责任的情况”，“既追究党委（党组）的主体责任，也追究纪委（纪检组）的监督责任”；"
			+ "约谈、问责执行、申诉办理由系统按纪检机构及纪委书记岗位的履责记录自动计分。";

	private static List<IndicatorInput> secretary() {
		return List.of(
				group("1", "履行第一责任人职责（系统记录）", 40),
				auto("1.1", "年度责任清单按时发布", 10, "duty.list", 10, 4, "未发布扣 10 分，逾期发布扣 4 分"),
				auto("1.2", "按时报告履行第一责任人职责情况", 10, "report.annual", 5, 2, "每份未报扣 5 分，逾期报送扣 2 分"),
				auto("1.3", "每年至少约谈一次下级党委（党组）主要负责人", 10, "interview.coverage", 5, 2, "未覆盖扣 5 分，逾期覆盖扣 2 分"),
				auto("1.4", "带队检查下级党委（党组）落实责任制情况", 10, "inspection.annual-checks", 5, 2, "未覆盖全部下级扣 5 分，逾期扣 2 分"),
				group("2", "亲自抓、主动抓、严格抓、经常抓（考核组评分）", 60),
				manual("2.1", "重要工作亲自部署、重大问题亲自过问、重点环节亲自协调、重要案件亲自督办", 15),
				manual("2.2", "管好自己、当好表率", 15),
				manual("2.3", "管好班子、带好队伍", 15),
				manual("2.4", "支持、推动纪检监察机关履行监督职责", 15),
				bonus(), veto());
	}

	private static List<IndicatorInput> teamMember() {
		return List.of(
				group("1", "履行“一岗双责”（系统记录）", 30),
				auto("1.1", "听取分管领域党风廉政建设情况汇报", 10, "governance.area-hearings", 5, 2, "每半年未听取扣 5 分，逾期扣 2 分"),
				auto("1.2", "本人负责的台账任务按期办结", 10, "ledger.tasks", 2, 1, "每项逾期未办结扣 2 分，逾期办结扣 1 分"),
				auto("1.3", "本人负责的整改事项按期销号", 10, "inspection.rectifications", 2, 1, "每项逾期未整改扣 2 分，逾期整改扣 1 分"),
				group("2", "分管领域党风廉政建设（考核组评分）", 70),
				manual("2.1", "对职责范围内的党风廉政建设负主要领导责任", 20),
				manual("2.2", "把党风廉政建设与业务工作统筹安排、齐抓共管", 15),
				manual("2.3", "扎实做好组织和主要负责人交办的工作", 15),
				manual("2.4", "结合分管领域细化职责分工，制定有效管控的措施办法", 20),
				bonus(), veto());
	}

	private static List<IndicatorInput> disciplineBody() {
		return List.of(
				group("1", "履行监督责任（系统记录）", 40),
				auto("1.1", "纪委（纪检组）主要负责人约谈下级党委（党组）、纪委（纪检组）主要负责人", 15, "interview.coverage", 5, 2,
						"未覆盖扣 5 分，逾期覆盖扣 2 分"),
				auto("1.2", "问责决定按时限执行", 15, "accountability.steps", 2, 1, "每项超出时限扣 2 分，超时完成扣 1 分"),
				auto("1.3", "申诉按期办理", 10, "accountability.appeals", 2, 1, "每项逾期未办扣 2 分，逾期办结扣 1 分"),
				group("2", "监督执纪问责（考核组评分）", 60),
				manual("2.1", "协助党委（党组）加强党风廉政建设、组织协调反腐败工作", 15),
				manual("2.2", "督促检查落实党风廉政建设责任制情况", 15),
				manual("2.3", "查办违纪违法案件，实行“一案双查”", 15),
				manual("2.4", "加强纪检监察干部队伍自身建设", 15),
				bonus(), veto());
	}

	private static IndicatorInput bonus() {
		return new IndicatorInput("3", "加分：工作经验被上级推广、受到上级表彰等", new BigDecimal(5), Rule.BONUS, null, null, null,
				"考核组据实加分并写明理由，最多加 5 分");
	}

	private static IndicatorInput veto() {
		return new IndicatorInput("4", "一票否决：发生窝案串案或连续发生重大腐败案件而不制止、不查处、不报告", BigDecimal.ZERO, Rule.VETO, null,
				null, null, "考核组写明事实与依据；否决后考核等次为“差”");
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
