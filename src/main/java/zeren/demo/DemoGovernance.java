package zeren.demo;

import java.util.List;

import org.springframework.stereotype.Component;

import zeren.governance.CoordinationGroup;
import zeren.governance.CoordinationGroups;
import zeren.governance.FollowUp;
import zeren.governance.FollowUps;
import zeren.governance.Meeting;
import zeren.governance.Meetings;

/**
 * The county committee's own work in the demo: a 常委会 on Party conduct early in the year (one
 * member away, two decisions, the first followed by a township), the discipline commission's
 * report heard, a deputy hearing their areas, the coordination group with its members and first
 * meeting, and the secretary's instruction on a letter from the public, a 督办 of a township that
 * is overdue by now. The second topic meeting of the year is not held: the dashboard shows it.
 */
@Component
class DemoGovernance {

	private final Meetings meetings;
	private final CoordinationGroups groups;
	private final FollowUps followUps;

	DemoGovernance(Meetings meetings, CoordinationGroups groups, FollowUps followUps) {
		this.meetings = meetings;
		this.groups = groups;
		this.followUps = followUps;
	}

	void seed(DemoCounty.County c, DemoCalendar calendar) {
		long county = c.county().id();
		Meeting topic = meetings.record(new Meetings.NewMeeting(county, calendar.at(0.08), Meeting.Kind.TOPIC,
				"县委常委会专题研究党风廉政建设和反腐败工作", c.secretary().id(),
				List.of("传达学习上级纪委全会精神", "审议本年度党风廉政建设责任清单", "研究部署警示教育和作风建设专项督查"),
				List.of(new Meetings.Absence(c.publicity().id(), null, "参加市委党校专题培训")),
				"""
						会议传达学习了上级纪委全会精神，审议通过了本年度党风廉政建设主体责任清单。
						会议指出，要坚持把党风廉政建设与经济社会发展同部署、同落实、同检查、同考核，层层传导压力。""",
				List.of("各乡镇党委于年内开展一次警示教育大会", "县纪委牵头开展作风建设专项督查，每季度通报一次")));
		DemoCounty.Township huaiyang = c.township(DemoCounty.HUAIYANG);
		meetings.track(topic.id(), 1, new Meetings.TrackDecision(huaiyang.secretary().id(), calendar.quarterEnd(4)));
		meetings.record(new Meetings.NewMeeting(county, calendar.at(0.3), Meeting.Kind.DISCIPLINE_REPORT,
				"听取县纪委监委上半年工作汇报", c.secretary().id(), List.of("县纪委书记汇报上半年监督执纪问责情况"), List.of(),
				"县纪委书记汇报了上半年监督执纪问责情况。会议要求对问题线索快查快结，对履责不力的严肃问责。", List.of()));
		meetings.record(new Meetings.NewMeeting(county, calendar.at(0.35), Meeting.Kind.AREA_HEARING,
				"听取分管领域党风廉政建设情况汇报", c.deputy().id(), List.of("分管部门汇报一岗双责落实情况"), List.of(),
				"分管部门逐一汇报了党风廉政建设情况，对发现的问题提出了整改要求。", List.of()));
		groups.save(county, new CoordinationGroups.GroupInput(c.county().name() + "反腐败工作协调领导小组",
				"小组每半年至少召开一次会议，分析研判党风廉政建设和反腐败形势；成员单位按职责通报情况、协作配合；"
						+ "对重大案件的查办加强指导、协调和推动。"));
		groups.addMember(county, new CoordinationGroups.NewMember(CoordinationGroup.Role.LEADER, null, c.secretary().id(),
				"主持小组全面工作"));
		groups.addMember(county, new CoordinationGroups.NewMember(CoordinationGroup.Role.DEPUTY, null,
				c.disciplineSecretary().id(), "负责小组日常工作，协调重大案件查办"));
		groups.addMember(county, new CoordinationGroups.NewMember(CoordinationGroup.Role.MEMBER, null, c.organisation().id(),
				"负责干部监督和选人用人问题线索的移送"));
		groups.addMember(county, new CoordinationGroups.NewMember(CoordinationGroup.Role.UNIT, c.discipline().id(), null,
				"承担小组办公室职责，汇总分析案件情况"));
		meetings.record(new Meetings.NewMeeting(county, calendar.at(0.45), Meeting.Kind.GROUP, "反腐败工作协调领导小组第一次会议",
				c.secretary().id(), List.of("分析研判上半年反腐败形势", "协调重点案件查办"), List.of(),
				"会议分析了上半年反腐败形势，对重点案件的查办进行了协调。", List.of()));
		DemoCounty.Township nanzuo = c.township(DemoCounty.NANZUO);
		followUps.record(new FollowUps.NewFollowUp(county, calendar.at(0.6), c.secretary().id(), FollowUp.SourceKind.LETTER,
				null, "群众来信反映" + nanzuo.org().name() + "征地补偿款发放不及时", "请" + nanzuo.org().name()
						+ "党委认真核查，一个月内报告处理结果，县纪委跟踪问效。",
				FollowUp.Category.MAJOR_MATTER, nanzuo.org().id(), null, calendar.at(0.6).plusDays(30)));
	}
}
