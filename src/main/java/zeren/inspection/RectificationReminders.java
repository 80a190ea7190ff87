package zeren.inspection;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import zeren.audit.AuditTrail;
import zeren.org.Leadership;
import zeren.org.OrgTree;
import zeren.org.PostKind;
import zeren.org.Subtree;
import zeren.platform.BusinessClock;
import zeren.platform.CurrentScope;
import zeren.platform.CurrentUser;
import zeren.platform.Rows;
import zeren.platform.Scope;
import zeren.tracking.TrackedItem;
import zeren.tracking.TrackedItems;
import zeren.tracking.TrackingRules;

/**
 * Overdue rectifications escalate: besides the tracked item's red warning, a reminder goes to
 * the responsible post and to the principal (the secretary) of its organisation, once per
 * rectification and deadline. {@link #remind(LocalDate)} is the job: run daily by
 * {@code internal.ReminderSchedule} with the business date, and by tests with any date. It is
 * safe on every node of a cluster at once: each rectification is locked while its reminders are
 * written, and a unique key refuses a second copy.
 */
@Service
public class RectificationReminders {

	public enum Recipient {
		/** The responsible post. */
		OWNER,
		/** The principal (书记) of the responsible post's organisation. */
		PRINCIPAL
	}

	/** A reminder as its recipient reads it. */
	public record Reminder(long id, long findingId, String findingDescription, long orgId, String orgName, long postId,
			String postTitle, Long personId, String personName, Recipient recipient, LocalDate deadline,
			LocalDate remindedOn, long trackedItemId) {
	}

	private final JdbcClient jdbc;
	private final TrackedItems items;
	private final Leadership leadership;
	private final OrgTree tree;
	private final CurrentScope scope;
	private final BusinessClock clock;
	private final AuditTrail audit;
	private final TransactionTemplate transaction;
	private final TrackingRules rules;

	RectificationReminders(JdbcClient jdbc, TrackedItems items, TrackingRules rules, Leadership leadership, OrgTree tree,
			CurrentScope scope, BusinessClock clock, AuditTrail audit,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.items = items;
		this.leadership = leadership;
		this.tree = tree;
		this.scope = scope;
		this.clock = clock;
		this.audit = audit;
		this.transaction = new TransactionTemplate(transactions);
		this.rules = rules;
	}

	private record Candidate(long findingId, long itemId, long postId, long orgId) {
	}

	/**
	 * Writes the reminders due on {@code today}: for every rectification whose tracked item is red
	 * (overdue by the tracking module's rule) and not closed, and not yet reminded for its
	 * deadline. Returns how many reminders were written.
	 */
	public int remind(LocalDate today) {
		// a cheap first cut (red needs the deadline passed); the tracked item decides
		List<Candidate> candidates = jdbc.sql("""
				SELECT r.finding_id, r.tracked_item_id AS item_id, r.responsible_post_id AS post_id, p.org_id
				FROM inspection_rectification r JOIN post p ON p.id = r.responsible_post_id
				WHERE r.deadline < :today
				  AND NOT EXISTS (SELECT 1 FROM inspection_reminder m WHERE m.finding_id = r.finding_id AND m.deadline = r.deadline)
				ORDER BY r.deadline, r.finding_id
				""").param("today", today).query(Rows.of(Candidate.class)).list();
		int written = 0;
		for (Candidate c : candidates) {
			try {
				Integer n = transaction.execute(status -> remindOne(c, today));
				written += n == null ? 0 : n;
			}
			catch (DuplicateKeyException e) {
				// another node wrote them first
			}
		}
		return written;
	}

	private int remindOne(Candidate c, LocalDate today) {
		// one node at a time per rectification: the others wait here, then find the reminders written
		LocalDate deadline = jdbc.sql("SELECT deadline FROM inspection_rectification WHERE finding_id = :id FOR UPDATE")
				.param("id", c.findingId()).query(LocalDate.class).optional().orElse(null);
		if (deadline == null || jdbc.sql("SELECT COUNT(*) FROM inspection_reminder WHERE finding_id = :id AND deadline = :deadline")
				.param("id", c.findingId()).param("deadline", deadline).query(Long.class).single() > 0) {
			return 0;
		}
		TrackedItem item = items.get(c.itemId());
		if (item.status() == TrackedItem.Status.CLOSED || !overdue(item, today)) {
			return 0;
		}
		Map<Long, Recipient> posts = new LinkedHashMap<>();
		posts.put(c.postId(), Recipient.OWNER);
		leadership.posts(c.orgId()).stream().filter(p -> p.kind() == PostKind.SECRETARY && p.active())
				.forEach(p -> posts.putIfAbsent(p.id(), Recipient.PRINCIPAL));
		Map<Long, Long> holders = leadership.leadersAt(c.orgId(), today).stream()
				.filter(h -> h.person() != null && posts.containsKey(h.post().id()))
				.collect(Collectors.toMap(h -> h.post().id(), h -> h.person().id(), (a, b) -> a));
		OffsetDateTime now = clock.now();
		for (Map.Entry<Long, Recipient> e : posts.entrySet()) {
			jdbc.sql("""
					INSERT INTO inspection_reminder (finding_id, post_id, person_id, recipient, deadline, reminded_on, created_at)
					VALUES (:finding, :post, :person, :recipient, :deadline, :today, :now)
					""").param("finding", c.findingId()).param("post", e.getKey()).param("person", holders.get(e.getKey()))
					.param("recipient", e.getValue().name()).param("deadline", deadline).param("today", today)
					.param("now", now).update();
		}
		audit.record(new AuditTrail.Change(c.orgId(), "inspection-reminder", c.findingId(), "REMIND",
				"item=%d deadline=%s posts=%s".formatted(c.itemId(), deadline, posts.keySet())), CurrentUser.actor());
		return posts.size();
	}

	/** Red on {@code today} by the tracking module's rule (the same rule the item's warning follows). */
	private boolean overdue(TrackedItem item, LocalDate today) {
		return rules.warning(item.status(), item.deadline(), today) == TrackedItem.Warning.RED;
	}


	// ---- reading ------------------------------------------------------------------------------

	private static final String SELECT = """
			SELECT m.id, m.finding_id, f.description AS finding_description, f.org_id, o.name AS org_name, m.post_id,
			       p.title AS post_title, m.person_id, pe.name AS person_name, m.recipient, m.deadline, m.reminded_on,
			       r.tracked_item_id
			FROM inspection_reminder m JOIN inspection_finding f ON f.id = m.finding_id JOIN org o ON o.id = f.org_id
			JOIN post p ON p.id = m.post_id JOIN org po ON po.id = p.org_id
			JOIN inspection_rectification r ON r.finding_id = m.finding_id
			LEFT JOIN person pe ON pe.id = m.person_id
			""";

	/** The caller's reminders: those to the posts the caller's person holds today, newest first. */
	public List<Reminder> mine() {
		Long personId = scope.person().orElse(null);
		if (personId == null) {
			return List.of();
		}
		LocalDate today = clock.today();
		Set<Long> posts;
		try {
			posts = leadership.career(personId).stream().filter(e -> e.tenure().covers(today)).map(e -> e.post().id())
					.collect(Collectors.toSet());
		}
		catch (zeren.platform.NotFoundException e) {
			// the account's person lies outside the caller's own grants
			return List.of();
		}
		if (posts.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(SELECT + " WHERE m.post_id IN (:posts) ORDER BY m.reminded_on DESC, m.id DESC")
				.param("posts", List.copyOf(posts)).query(Rows.of(Reminder.class)).list();
	}

	/** The reminders to posts of an organisation and everything below it that the caller sees, newest first. */
	public List<Reminder> inSubtree(long orgId) {
		Subtree subtree = tree.subtree(orgId);
		Scope reading = scope.reading();
		List<Reminder> list = new ArrayList<>(reading.bind(subtree.bind(jdbc.sql(SELECT + " WHERE p.org_id IN ("
				+ Subtree.ORG_IDS + ") AND " + reading.condition("po") + " ORDER BY m.reminded_on DESC, m.id DESC"
				+ " FETCH FIRST 2000 ROWS ONLY"))).query(Rows.of(Reminder.class)).list());
		return list;
	}
}
