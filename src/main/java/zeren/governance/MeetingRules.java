package zeren.governance;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many meetings of each kind a committee holds a year (the county's own rule of "经常听取",
 * "定期分析研判", set once and used by the obligations and the pages): {@code zeren.governance.topic-meetings},
 * {@code .discipline-reports} and {@code .group-meetings} (default 2 each); an area hearing is
 * once each half year for each team member.
 */
@Component
public class MeetingRules {

	private final int topic;
	private final int disciplineReports;
	private final int group;

	MeetingRules(@Value("${zeren.governance.topic-meetings:2}") int topic,
			@Value("${zeren.governance.discipline-reports:2}") int disciplineReports,
			@Value("${zeren.governance.group-meetings:2}") int group) {
		for (int n : new int[] { topic, disciplineReports, group }) {
			if (n < 1 || n > 12) {
				throw new IllegalArgumentException("zeren.governance meeting counts are 1..12, not " + n);
			}
		}
		this.topic = topic;
		this.disciplineReports = disciplineReports;
		this.group = group;
	}

	/** The meetings of {@code kind} a committee holds a year; for area hearings, per team member. */
	public int perYear(Meeting.Kind kind) {
		return switch (kind) {
			case TOPIC -> topic;
			case DISCIPLINE_REPORT -> disciplineReports;
			case GROUP -> group;
			case AREA_HEARING -> 2;
		};
	}
}
