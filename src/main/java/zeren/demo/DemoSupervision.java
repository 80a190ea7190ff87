package zeren.demo;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.stereotype.Component;

import zeren.accountability.AccountabilityCase;
import zeren.accountability.CaseProcedure;
import zeren.accountability.Situations;
import zeren.inspection.Finding;
import zeren.inspection.Inspection;
import zeren.inspection.Inspections;
import zeren.inspection.Findings;
import zeren.inspection.Notice;
import zeren.inspection.Notices;
import zeren.inspection.Rectification;
import zeren.inspection.Rectifications;
import zeren.tracking.TrackedItemMoves;

/**
 * 督责 and 追责 of the demo year: the county's annual check of three townships with three findings,
 * the rectification of each ordered (殷村镇's done and closed by the county), a notice circulating
 * the serious finding with criticism of 南佐镇, and the accountability case it led to against 南佐镇,
 * opened and under investigation — its 一案双查 proposal names the secretary of the incident period,
 * since transferred to 宋曹镇.
 */
@Component
class DemoSupervision {

	/** What was made, for the checks. */
	record Made(Inspection inspection, List<Finding> findings, List<Rectification> rectifications, Notice notice,
			AccountabilityCase accountabilityCase) {
	}

	private final Inspections inspections;
	private final Findings findings;
	private final Rectifications rectifications;
	private final Notices notices;
	private final TrackedItemMoves moves;
	private final CaseProcedure procedure;
	private final Situations situations;

	DemoSupervision(Inspections inspections, Findings findings, Rectifications rectifications, Notices notices,
			TrackedItemMoves moves, CaseProcedure procedure, Situations situations) {
		this.inspections = inspections;
		this.findings = findings;
		this.rectifications = rectifications;
		this.notices = notices;
		this.moves = moves;
		this.procedure = procedure;
		this.situations = situations;
	}

	Made seed(DemoCounty.County county, DemoCalendar calendar) {
		long countyId = county.county().id();
		DemoCounty.Township nanzuo = county.township(DemoCounty.NANZUO);
		DemoCounty.Township yincun = county.township("130132101");
		DemoCounty.Township dongzhang = county.township("130132201");
		Inspection inspection = inspections.create(new Inspections.NewInspection(countyId, Inspection.Kind.ANNUAL_CHECK,
				calendar.year() + "年度党风廉政建设责任制检查", calendar.at(0.58), calendar.at(0.62),
				List.of(new Inspections.TeamInput(county.organisation().id(), true),
						new Inspections.TeamInput(county.publicity().id(), false)),
				List.of(new Inspections.TargetInput(nanzuo.org().id(), true),
						new Inspections.TargetInput(yincun.org().id(), true),
						new Inspections.TargetInput(dongzhang.org().id(), true)),
				null));
		Finding serious = findings.add(inspection.id(), new Findings.FindingInput(nanzuo.org().id(), 1,
				"党委会议全年未专题研究党风廉政建设，村级“三资”管理混乱，多个村连续两年未公开账目。", "严重",
				List.of(nanzuo.secretary().id())));
		findings.attach(serious.id(), "南佐镇检查记录.txt", new java.io.ByteArrayInputStream(
				"南佐镇检查记录：查阅党委会议记录12本，未见专题研究党风廉政建设的议题。".getBytes(StandardCharsets.UTF_8)));
		Finding minor = findings.add(inspection.id(), new Findings.FindingInput(yincun.org().id(), 2,
				"廉政教育形式单一，班子成员参加警示教育记录不全。", "一般", List.of(yincun.member().id())));
		Finding third = findings.add(inspection.id(), new Findings.FindingInput(dongzhang.org().id(), 3,
				"村级工程项目招投标资料不完整。", "一般", List.of(dongzhang.deputy().id())));
		LocalDate due = calendar.today().plusDays(45);
		Rectification r1 = rectifications.assign(serious.id(), new Rectifications.RectificationInput(serious.description(),
				"党委专题研究整改方案；逐村清理“三资”账目并公开；建立党委会议议题台账。", due, nanzuo.secretary().id()));
		Rectification r2 = rectifications.assign(minor.id(), new Rectifications.RectificationInput(minor.description(),
				"补齐警示教育记录，组织班子成员到警示教育基地参观。", calendar.today().plusDays(15), yincun.member().id()));
		Rectification r3 = rectifications.assign(third.id(), new Rectifications.RectificationInput(third.description(),
				"补全招投标资料，建立工程项目档案。", due, dongzhang.deputy().id()));
		moves.addEntryWithFiles(r2.item().id(), calendar.at(0.80), "已组织班子成员参观警示教育基地，补齐记录",
				List.of(new TrackedItemMoves.NewFile("殷村镇警示教育记录.txt", new ByteArrayResource(
						"殷村镇警示教育活动记录：班子成员9人全部参加。".getBytes(StandardCharsets.UTF_8)))));
		moves.submit(r2.item().id(), "整改完成，请县委核验");
		Notice notice = notices.issue(new Notices.NewNotice(countyId, "关于" + calendar.year() + "年度党风廉政建设责任制检查发现问题的通报",
				"县委对" + nanzuo.org().name() + "等三个乡镇开展了党风廉政建设责任制检查。现将发现的突出问题通报如下，各乡镇要引以为戒，举一反三。",
				Notice.ScopeKind.SUBTREE, countyId, List.of(serious.id()), List.of(nanzuo.org().id())));

		long s01 = situations.list(true).stream().filter(s -> s.code().equals("S06")).findFirst().orElseThrow().id();
		AccountabilityCase opened = procedure.create(new CaseProcedure.NewCase(nanzuo.org().id(),
				AccountabilityCase.Origin.INSPECTION_FINDING, Finding.Ref.TYPE + ":" + serious.id(),
				nanzuo.org().name() + "党委落实主体责任不力问责案", LocalDate.of(calendar.year() - 1, 1, 1), calendar.at(0.45),
				"年度检查发现：" + serious.description(), List.of(s01), nanzuo.deputy().id(), List.of(),
				calendar.at(0.70)));
		opened = procedure.approveOpening(opened.id(), new CaseProcedure.Opening(calendar.at(0.72), "县纪委常委会"));
		return new Made(inspection, List.of(serious, minor, third), List.of(r1, r2, r3), notice, opened);
	}
}
