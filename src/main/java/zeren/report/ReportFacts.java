package zeren.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import zeren.duty.DutyList;
import zeren.duty.ResponsibilityLists;
import zeren.interview.Interview;
import zeren.interview.InterviewCoverage;
import zeren.interview.InterviewRecords;
import zeren.org.Org;
import zeren.report.AnnualReport.Kind;
import zeren.tracking.TrackedItem;
import zeren.tracking.TrackedItems;
import zeren.tracking.TrackingFilter;
import zeren.tracking.TrackingOverview;

/**
 * The facts of a year from the other modules, through their public APIs, as the opening
 * paragraphs of a draft: the responsibility list and its tasks (duty), the interviews held and
 * the coverage of the interview rules (interview), the tracked items of the subtree closed and
 * overdue (tracking). The writer edits them freely before submitting.
 */
@Component
class ReportFacts {

	private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	private final ResponsibilityLists lists;
	private final InterviewRecords interviews;
	private final InterviewCoverage coverage;
	private final MessageSource messages;
	private final TrackedItems items;

	ReportFacts(ResponsibilityLists lists, InterviewRecords interviews, InterviewCoverage coverage, TrackedItems items,
			MessageSource messages) {
		this.items = items;
		this.lists = lists;
		this.interviews = interviews;
		this.coverage = coverage;
		this.messages = messages;
	}

	String draft(Org org, int year, Kind kind) {
		List<String> paragraphs = new ArrayList<>();
		paragraphs.add(text("report.facts.intro." + kind, org.name(), String.valueOf(year)));
		DutyList list = lists.find(org.id(), year).orElse(null);
		if (list == null) {
			paragraphs.add(text("report.facts.duty.none", String.valueOf(year)));
		}
		else {
			long inherited = list.items().stream().filter(DutyList.Item::inherited).count();
			StringBuilder p = new StringBuilder(text("report.facts.duty.list", String.valueOf(year),
					text("report.facts.duty.status." + list.status()), list.items().size(), inherited));
			for (DutyList.Item item : list.items()) {
				p.append('\n').append(text("report.facts.duty.item", item.itemNo(), item.task(),
						item.leaderPostTitle() == null ? "—" : item.leaderPostTitle(),
						item.deadline() == null ? "—" : item.deadline().toString()));
			}
			paragraphs.add(p.toString());
		}
		List<Interview> held = interviews.heldBy(org.id(), year);
		StringBuilder p = new StringBuilder(text("report.facts.interviews", String.valueOf(year), held.size()));
		for (Interview i : held) {
			p.append('\n').append(text("report.facts.interview", i.date().toString(),
					text("report.facts.kind." + i.kind()), i.interviewer().personName(), i.interviewer().postTitle(),
					String.join("、", i.interviewees().stream().map(e -> e.personName() + "（" + e.orgName() + e.postTitle() + "）").toList())));
		}
		paragraphs.add(p.toString());
		InterviewCoverage.Coverage c = coverage.coverage(org.id(), year);
		InterviewCoverage.Level own = c.levels().isEmpty() || c.levels().get(0).level() != 0
				? new InterviewCoverage.Level(0, 0, 0, 0, 0) : c.levels().get(0);
		paragraphs.add(text("report.facts.coverage", own.required(), own.covered(), own.missing(), own.vacant(),
				own.notSetUp()));
		TrackingOverview tracked = items.inSubtree(org.id(), year, new TrackingFilter(null, null, null, 1));
		paragraphs.add(text("report.facts.tracking", tracked.total(),
				tracked.byStatus().getOrDefault(TrackedItem.Status.CLOSED, 0L),
				tracked.byWarning().getOrDefault(TrackedItem.Warning.RED, 0L)));
		return String.join("\n\n", paragraphs);
	}

	private String text(String code, Object... args) {
		return messages.getMessage(code, args, CHINESE);
	}
}
