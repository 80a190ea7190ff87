package zeren.governance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zeren.evidence.Attachments;
import zeren.evidence.Evidence;
import zeren.governance.Meeting.Attendee;
import zeren.governance.Meeting.Kind;
import zeren.org.OrgTree;
import zeren.org.Subtree;
import zeren.platform.CurrentScope;
import zeren.platform.NotFoundException;
import zeren.platform.Scope;

/** Reading meetings, cut to the caller's scope: one meeting (404 outside it) or those of a subtree and a year. */
@Service
@Transactional(readOnly = true)
public class MeetingReads {

	/** The most meetings a list returns (newest first). */
	public static final int LIST_LIMIT = 1000;

	private final JdbcClient jdbc;
	private final OrgTree tree;
	private final CurrentScope scope;
	private final Attachments files;

	MeetingReads(JdbcClient jdbc, OrgTree tree, CurrentScope scope, Attachments files) {
		this.jdbc = jdbc;
		this.tree = tree;
		this.scope = scope;
		this.files = files;
	}

	private record Head(long id, long orgId, String orgName, LocalDate date, Kind kind, String title, Attendee chair,
			String minutes, String createdBy, OffsetDateTime createdAt) {
	}

	private static final String HEAD = """
			SELECT m.id, m.org_id, o.name AS org_name, m.meeting_date, m.kind, m.title, m.minutes, m.created_by, m.created_at,
			       p.id AS post_id, p.title AS post_title, po.id AS post_org_id, po.name AS post_org_name,
			       pe.id AS person_id, pe.name AS person_name
			FROM gov_meeting m JOIN org o ON o.id = m.org_id
			JOIN post p ON p.id = m.chair_post_id JOIN org po ON po.id = p.org_id
			JOIN person pe ON pe.id = m.chair_person_id
			""";

	private static Head head(ResultSet rs) throws SQLException {
		return new Head(rs.getLong("id"), rs.getLong("org_id"), rs.getString("org_name"),
				rs.getObject("meeting_date", LocalDate.class), Kind.valueOf(rs.getString("kind")), rs.getString("title"),
				attendee(rs, true, null), rs.getString("minutes"), rs.getString("created_by"),
				rs.getObject("created_at", OffsetDateTime.class));
	}

	private static Attendee attendee(ResultSet rs, boolean present, String reason) throws SQLException {
		return new Attendee(rs.getLong("post_id"), rs.getString("post_title"), rs.getLong("post_org_id"),
				rs.getString("post_org_name"), rs.getObject("person_id", Long.class), rs.getString("person_name"), present,
				reason);
	}

	/** A meeting the caller may see (its committee is in their scope), or 404. */
	public Meeting get(long id) {
		Scope reading = scope.reading();
		Head h = reading.bind(jdbc.sql(HEAD + " WHERE m.id = :id AND " + reading.condition("o"))).param("id", id)
				.query((rs, n) -> head(rs)).optional().orElseThrow(() -> new NotFoundException("gov-meeting", id));
		return assemble(List.of(h)).get(0);
	}

	/** The meetings held in {@code year} by the organisations of {@code orgId}'s subtree, newest first. */
	public List<Meeting> inSubtree(long orgId, int year) {
		Subtree subtree = tree.subtree(orgId);
		Scope reading = scope.reading();
		List<Head> heads = reading.bind(subtree.bind(jdbc.sql(HEAD + """
				WHERE o.path >= :subtreeFrom AND o.path < :subtreeTo AND %s
				  AND m.meeting_date >= :start AND m.meeting_date <= :end
				ORDER BY m.meeting_date DESC, m.id DESC FETCH FIRST %d ROWS ONLY
				""".formatted(reading.condition("o"), LIST_LIMIT)))).param("start", LocalDate.of(year, 1, 1))
				.param("end", LocalDate.of(year, 12, 31)).query((rs, n) -> head(rs)).list();
		return assemble(heads);
	}

	private List<Meeting> assemble(List<Head> heads) {
		if (heads.isEmpty()) {
			return List.of();
		}
		List<Long> ids = heads.stream().map(Head::id).toList();
		Map<Long, List<Attendee>> attendees = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT a.meeting_id, a.present, a.absence_reason, p.id AS post_id, p.title AS post_title,
				       po.id AS post_org_id, po.name AS post_org_name, pe.id AS person_id, pe.name AS person_name
				FROM gov_meeting_attendee a JOIN post p ON p.id = a.post_id JOIN org po ON po.id = p.org_id
				LEFT JOIN person pe ON pe.id = a.person_id
				WHERE a.meeting_id IN (:ids) ORDER BY a.meeting_id, a.sort_order
				""").param("ids", ids).query(rs -> {
			attendees.computeIfAbsent(rs.getLong("meeting_id"), k -> new ArrayList<>())
					.add(attendee(rs, rs.getBoolean("present"), rs.getString("absence_reason")));
		});
		Map<Long, List<String>> agenda = new LinkedHashMap<>();
		jdbc.sql("SELECT meeting_id, text FROM gov_meeting_agenda WHERE meeting_id IN (:ids) ORDER BY meeting_id, sort_order")
				.param("ids", ids).query(rs -> {
					agenda.computeIfAbsent(rs.getLong("meeting_id"), k -> new ArrayList<>()).add(rs.getString("text"));
				});
		Map<Long, List<Meeting.Decision>> decisions = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT meeting_id, sort_order, text, tracked_item_id FROM gov_meeting_decision
				WHERE meeting_id IN (:ids) ORDER BY meeting_id, sort_order
				""").param("ids", ids).query(rs -> {
					decisions.computeIfAbsent(rs.getLong("meeting_id"), k -> new ArrayList<>())
							.add(new Meeting.Decision(rs.getInt("sort_order"), rs.getString("text"),
									rs.getObject("tracked_item_id", Long.class)));
				});
		// the caller sees the meetings, so they see what is attached to them
		Map<Long, List<Evidence>> attached = files.of(Meetings.ATTACHMENTS, ids);
		return heads.stream().map(h -> new Meeting(h.id(), h.orgId(), h.orgName(), h.date(), h.kind(), h.title(), h.chair(),
				agenda.getOrDefault(h.id(), List.of()), attendees.getOrDefault(h.id(), List.of()), h.minutes(),
				decisions.getOrDefault(h.id(), List.of()),
				attached.getOrDefault(h.id(), List.of()).stream()
						.map(e -> new Meeting.Attachment(e.id(), e.originalName(), e.mediaType(), e.size(), e.sha256())).toList(),
				h.createdBy(), h.createdAt())).toList();
	}
}
