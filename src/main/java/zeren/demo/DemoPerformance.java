package zeren.demo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.stereotype.Component;

import zeren.duty.DutyList;
import zeren.interview.Interview;
import zeren.interview.InterviewRecords;
import zeren.ledger.WorkLedger;
import zeren.report.AnnualReport;
import zeren.report.AnnualReports;
import zeren.report.ReportReviews;
import zeren.tracking.TrackedItem;
import zeren.tracking.TrackedItemMoves;

/**
 * 履责 of the demo year: progress entries with evidence files in the ledger (some tasks submitted
 * for the verifier to close), the county's interviews of the township leaders — two townships
 * never interviewed by the secretary and five never by the discipline secretary, the gaps in
 * coverage —, and the townships' annual reports: most submitted, most of those accepted, one
 * (槐阳镇) queried by the county committee with a question the township answers on its tracked item;
 * the accepted ones accepted by both recipients, the county committee and the county discipline commission.
 */
@Component
class DemoPerformance {

	/** The townships the county secretary did not interview this year. */
	static final List<String> NOT_INTERVIEWED = List.of(DemoDuty.LATE_TOWNSHIP, "130132208");

	/** The townships whose reports are still drafts. */
	static final List<String> REPORT_DRAFTS = List.of(DemoDuty.LATE_TOWNSHIP, "130132207", "130132208");

	/** What was made, for the later steps and the checks. */
	record Made(int entries, List<Long> toClose, List<Interview> interviews, List<AnnualReport> reports,
			AnnualReport queried) {
	}

	private final WorkLedger ledger;
	private final TrackedItemMoves moves;
	private final InterviewRecords interviews;
	private final AnnualReports reports;
	private final ReportReviews reviews;

	DemoPerformance(WorkLedger ledger, TrackedItemMoves moves, InterviewRecords interviews, AnnualReports reports,
			ReportReviews reviews) {
		this.ledger = ledger;
		this.moves = moves;
		this.interviews = interviews;
		this.reports = reports;
		this.reviews = reviews;
	}

	Made seed(DemoCounty.County county, DemoDuty.Made duty, DemoCalendar calendar) {
		int entries = 0;
		List<Long> toClose = new ArrayList<>();
		int n = 0;
		for (DutyList list : duty.townshipLists()) {
			if (list.status() != DutyList.Status.PUBLISHED) {
				continue;
			}
			n++;
			DutyList.Item first = list.items().get(0);
			TrackedItem item = ledger.itemOf(first.id()).orElseThrow();
			String org = list.orgName();
			moves.addEntryWithFiles(item.id(), calendar.at(0.20 + n * 0.01),
					"召开党委会议专题研究党风廉政建设工作，传达县委部署", List.of(file(org + "党委会议纪要.txt",
							org + "党委会议纪要\n时间：" + calendar.at(0.20 + n * 0.01) + "\n议题：研究部署本年度党风廉政建设工作。\n")));
			entries++;
			if (n % 2 == 0) {
				moves.addEntryWithFiles(item.id(), calendar.at(0.55 + n * 0.01), "召开上半年党风廉政建设专题会议",
						List.of(file(org + "上半年专题会议纪要.txt", org + "上半年专题会议纪要\n时间：" + calendar.at(0.55 + n * 0.01)
								+ "\n")));
				entries++;
				moves.submit(item.id(), "两次专题会议均已召开，请核验");
				toClose.add(item.id()); // closed by the county, not by whoever submitted (DemoSeed)
			}
		}
		for (DutyList.Item countyItem : duty.countyItems()) {
			TrackedItem item = ledger.itemOf(countyItem.id()).orElseThrow();
			moves.addEntryWithFiles(item.id(), calendar.at(0.35), "听取分管领域党风廉政建设情况汇报",
					List.of(file(countyItem.category() + "汇报记录.txt", countyItem.task() + "\n汇报记录，" + calendar.at(0.35)
							+ "\n")));
			entries++;
		}
		List<AnnualReport> made = reports(county, calendar);
		long huaiyang = county.township(DemoCounty.HUAIYANG).org().id();
		return new Made(entries, toClose, interviews(county, calendar), made,
				made.stream().filter(r -> r.orgId() == huaiyang).findFirst().orElseThrow());
	}

	private List<Interview> interviews(DemoCounty.County county, DemoCalendar calendar) {
		List<Interview> held = new ArrayList<>();
		long countyId = county.county().id();
		int n = 0;
		for (DemoCounty.Township t : county.townships().values()) {
			n++;
			String code = t.org().code();
			if (!NOT_INTERVIEWED.contains(code)) {
				held.add(interviews.record(new InterviewRecords.NewInterview(countyId, calendar.at(0.10 + n * 0.02),
						Interview.Kind.ROUTINE, new InterviewRecords.Attendee(county.secretary().id(), null),
						List.of(new InterviewRecords.Attendee(t.secretary().id(), null)),
						"县委书记与" + t.org().name() + "党委书记进行履行主体责任例行约谈，听取落实情况汇报，指出存在的问题。",
						List.of("压实班子成员“一岗双责”", "按期完成年度责任清单任务"))));
			}
			if (n <= 10) {
				held.add(interviews.record(new InterviewRecords.NewInterview(countyId, calendar.at(0.30 + n * 0.02),
						Interview.Kind.ROUTINE, new InterviewRecords.Attendee(county.disciplineSecretary().id(), null),
						List.of(new InterviewRecords.Attendee(t.secretary().id(), null),
								new InterviewRecords.Attendee(t.disciplineSecretary().id(), null)),
						"县纪委书记与" + t.org().name() + "党委书记、纪委书记进行监督约谈。", List.of())));
			}
		}
		DemoCounty.Township dongzhang = county.township("130132201");
		Interview reminder = interviews.record(new InterviewRecords.NewInterview(countyId, calendar.at(0.62),
				Interview.Kind.REMINDER, new InterviewRecords.Attendee(county.disciplineSecretary().id(), null),
				List.of(new InterviewRecords.Attendee(dongzhang.secretary().id(), null)),
				"针对群众反映的村级工程项目管理不规范问题进行提醒谈话。", List.of("一个月内完成村级工程项目专项清理")));
		held.add(interviews.track(reminder.id(), 1, new InterviewRecords.TrackRequirement(null, calendar.today().plusDays(30))));
		return held;
	}

	private List<AnnualReport> reports(DemoCounty.County county, DemoCalendar calendar) {
		List<AnnualReport> made = new ArrayList<>();
		for (DemoCounty.Township t : county.townships().values()) {
			AnnualReport draft = reports.create(new AnnualReports.NewReport(t.org().id(), calendar.year(),
					AnnualReport.Kind.COMMITTEE, true));
			String body = draft.body() + (draft.body().isBlank() ? "" : "\n\n") + "今年以来，" + t.org().name()
					+ "党委认真落实党风廉政建设主体责任，班子成员履行“一岗双责”，定期研究部署，压实责任。";
			AnnualReport report = reports.edit(draft.id(), new AnnualReports.Draft(draft.title(), body));
			if (!REPORT_DRAFTS.contains(t.org().code())) {
				report = reports.submit(report.id());
				if (t.org().code().equals(DemoCounty.HUAIYANG)) {
					report = reviews.query(report.id(), new ReportReviews.NewQuery(List.of(
							"报告称“定期研究部署”，请说明全年党委会议专题研究党风廉政建设的次数和议题，并附会议纪要。"),
							calendar.today().plusDays(20)));
				}
				else if (!t.org().code().equals("130132206")) {
					// the county committee and the county discipline commission each accept it
					reviews.accept(report.id(), AnnualReport.Recipient.COMMITTEE);
					report = reviews.accept(report.id(), AnnualReport.Recipient.DISCIPLINE);
				}
			}
			made.add(report);
		}
		return made;
	}

	private static TrackedItemMoves.NewFile file(String name, String text) {
		return new TrackedItemMoves.NewFile(name, new ByteArrayResource(text.getBytes(StandardCharsets.UTF_8)));
	}
}
