package zeren.interview;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import zeren.org.Leadership;
import zeren.org.People;
import zeren.org.Person;
import zeren.org.Post;
import zeren.org.PostKind;
import zeren.support.Sibling;
import zeren.support.SiblingData;

/** The interview module's part of the scope walk: an interview held by the sibling county. */
@Component
class InterviewSiblingData implements SiblingData {

	private final InterviewRecords records;

	private final Leadership leadership;

	private final People people;

	private final JdbcClient jdbc;

	private Sibling sibling;

	private Interview interview;

	private long before;

	private long attachment;

	InterviewSiblingData(InterviewRecords records, Leadership leadership, People people, JdbcClient jdbc) {
		this.records = records;
		this.leadership = leadership;
		this.people = people;
		this.jdbc = jdbc;
	}

	@Override
	public void create(Sibling s) {
		sibling = s;
		// (the walk checks that b keeps its one post: the interviewee's post is in b's child)
		Post deputy = leadership.addPost(s.bChild().id(), new Leadership.NewPost(s.secretOrg() + "支部书记",
				PostKind.SECRETARY, List.of(), 1));
		Person holder = people.create(new People.NewPerson(s.secretPerson() + "二", null, null, null, null, s.bChild().id()));
		leadership.appoint(new Leadership.NewTenure(holder.id(), deputy.id(), LocalDate.of(2020, 1, 1), null));
		interview = records.record(new InterviewRecords.NewInterview(s.b().id(), LocalDate.of(2026, 3, 1),
				Interview.Kind.REMINDER, new InterviewRecords.Attendee(s.postB().id(), null),
				List.of(new InterviewRecords.Attendee(deputy.id(), null)), s.secretOrg() + "约谈内容",
				List.of(s.secretOrg() + "要求")));
		attachment = records.attach(interview.id(), s.secretOrg() + ".txt",
				new java.io.ByteArrayInputStream((s.secretOrg() + "约谈记录附件").getBytes(java.nio.charset.StandardCharsets.UTF_8)))
				.attachments().get(0).evidenceId();
		before = count();
	}

	private long count() {
		return jdbc.sql("SELECT COUNT(*) FROM interview i JOIN org o ON o.id = i.org_id WHERE o.parent_id = :city")
				.param("city", sibling.city().id()).query(Long.class).single();
	}

	@Override
	public Object value(String name, String pattern) {
		if (!pattern.startsWith("/api/v1/interviews") && !pattern.startsWith("/interviews")) {
			return null;
		}
		return switch (name) {
			case "id" -> interview.id();
			case "no" -> 1;
			case "evidenceId" -> attachment;
			default -> null;
		};
	}

	@Override
	public void assertUnchanged() {
		assertThat(count()).isEqualTo(before);
		Interview after = records.get(interview.id());
		assertThat(after.content()).isEqualTo(sibling.secretOrg() + "约谈内容");
		assertThat(after.requirements()).extracting(Interview.Requirement::text).containsExactly(sibling.secretOrg() + "要求");
		assertThat(after.requirements().get(0).trackedItemId()).isNull();
		assertThat(after.attachments()).extracting(Interview.Attachment::evidenceId).containsExactly(attachment);
	}
}
