package zeren.notification;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import zeren.access.Contacts;
import zeren.audit.AuditTrail;
import zeren.notification.internal.Deliveries;
import zeren.org.Leadership;
import zeren.org.PostKind;
import zeren.platform.BusinessClock;
import zeren.platform.CurrentScope;
import zeren.platform.ForbiddenException;
import zeren.platform.SystemWork;

/**
 * Today's reminders, the one job behind the daily schedule and {@code POST
 * /api/v1/oversight/reminders/run}: asks every {@link ReminderSource}, sends each reminder to the
 * holder today of its post (through tenures) and to its person, a red one also to the holders of
 * its organisation's secretary (书记) post; then per person, in one transaction, records the
 * reminders not yet sent to them ({@code reminder_sent}, unique per key and person) and the day's
 * digest ({@code reminder_digest}, unique per person and day: at most one message a person a day),
 * writes the inbox entries of every user linked to the person, and after the commit sends the
 * digest by e-mail and the message channel as each user chose. Run twice, or on two nodes at
 * once, it sends nothing twice.
 */
@Service
public class Reminders {

	private static final Logger log = LoggerFactory.getLogger(Reminders.class);

	/** What a run did. */
	public record Run(LocalDate day, int reminders, int people, int newReminders, int digests, int emails,
			int messages, int failures, Map<String, Integer> bySource) {
	}

	private final List<ReminderSource> sources;
	private final Leadership leadership;
	private final Contacts contacts;
	private final Notifications notifications;
	private final Deliveries deliveries;
	private final JdbcClient jdbc;
	private final BusinessClock clock;
	private final CurrentScope scope;
	private final AuditTrail audit;
	private final TransactionTemplate transaction;

	Reminders(List<ReminderSource> sources, Leadership leadership, Contacts contacts, Notifications notifications,
			Deliveries deliveries, JdbcClient jdbc, BusinessClock clock, CurrentScope scope, AuditTrail audit,
			PlatformTransactionManager transactions) {
		this.sources = sources;
		this.leadership = leadership;
		this.contacts = contacts;
		this.notifications = notifications;
		this.deliveries = deliveries;
		this.jdbc = jdbc;
		this.clock = clock;
		this.scope = scope;
		this.audit = audit;
		this.transaction = new TransactionTemplate(transactions);
	}

	/** Runs today's reminders (business date); administrators or system work. */
	public Run runToday() {
		return run(clock.today());
	}

	/** Runs the reminders of {@code day}; administrators or system work. */
	public Run run(LocalDate day) {
		if (!SystemWork.active() && !scope.isAdmin()) {
			throw new ForbiddenException();
		}
		return SystemWork.call("reminders", () -> runAsSystem(day));
	}

	private Run runAsSystem(LocalDate day) {
		Map<String, Integer> bySource = new TreeMap<>();
		Map<Long, Map<String, Reminder>> byPerson = new LinkedHashMap<>();
		Map<Long, List<Leadership.Holding>> holdings = new HashMap<>();
		int[] count = { 0 };
		for (ReminderSource source : sources) {
			source.remindersFor(day, reminder -> {
				count[0]++;
				bySource.merge(source.name(), 1, Integer::sum);
				for (long person : recipients(reminder, day, holdings)) {
					byPerson.computeIfAbsent(person, p -> new LinkedHashMap<>()).putIfAbsent(reminder.key(), reminder);
				}
			});
		}
		int newReminders = 0, digests = 0, emails = 0, messages = 0, failures = 0;
		for (Map.Entry<Long, Map<String, Reminder>> e : byPerson.entrySet()) {
			List<Digest> toSend;
			try {
				toSend = transaction.execute(status -> digest(e.getKey(), e.getValue(), day));
			}
			catch (DuplicateKeyException | org.springframework.dao.PessimisticLockingFailureException raced) {
				log.debug("reminders of person {}: another node wrote them first", e.getKey());
				continue; // another node wrote this person's digest first
			}
			if (toSend == null) {
				continue;
			}
			digests++;
			newReminders += toSend.isEmpty() ? 0 : toSend.get(0).lines().size();
			Deliveries.Outcome outcome = deliveries.send(toSend, contactsOf(e.getKey()));
			emails += outcome.emails();
			messages += outcome.messages();
			failures += outcome.failures();
			jdbc.sql("UPDATE reminder_digest SET email_status = :email, message_status = :message WHERE person_id = :person AND sent_on = :day")
					.param("email", outcome.emailStatus()).param("message", outcome.messageStatus())
					.param("person", e.getKey()).param("day", day).update();
		}
		Run run = new Run(day, count[0], byPerson.size(), newReminders, digests, emails, messages, failures, bySource);
		log.info("reminders of {}: {}", day, run);
		return run;
	}

	private List<Contacts.Contact> contactsOf(long personId) {
		return contacts.ofPersons(List.of(personId));
	}

	/** The people a reminder goes to on {@code day}. */
	private Set<Long> recipients(Reminder reminder, LocalDate day, Map<Long, List<Leadership.Holding>> holdings) {
		Set<Long> people = new java.util.LinkedHashSet<>();
		if (reminder.personId() != null) {
			people.add(reminder.personId());
		}
		if (reminder.postId() != null || reminder.urgency() == Urgency.RED) {
			List<Leadership.Holding> held = holdings.computeIfAbsent(reminder.orgId(), org -> {
				try {
					return leadership.leadersAt(org, day);
				}
				catch (zeren.platform.NotFoundException gone) {
					return List.of();
				}
			});
			for (Leadership.Holding h : held) {
				if (h.person() == null) {
					continue;
				}
				boolean owner = reminder.postId() != null && h.post().id() == reminder.postId();
				boolean principal = reminder.urgency() == Urgency.RED && h.post().kind() == PostKind.SECRETARY;
				if (owner || principal) {
					people.add(h.person().id());
				}
			}
		}
		return people;
	}

	/**
	 * In the transaction of one person: the reminders not yet sent to them, recorded, the day's
	 * digest row and the inbox entries. Null when there is nothing new or the digest of the day
	 * was already sent (the new ones wait for tomorrow's); otherwise one digest per linked user.
	 */
	private List<Digest> digest(long personId, Map<String, Reminder> reminders, LocalDate day) {
		if (jdbc.sql("SELECT COUNT(*) FROM reminder_digest WHERE person_id = :person AND sent_on = :day")
				.param("person", personId).param("day", day).query(Long.class).single() > 0) {
			return null;
		}
		Set<String> sent = Set.copyOf(jdbc.sql("SELECT reminder_key FROM reminder_sent WHERE person_id = :person AND reminder_key IN (:keys)")
				.param("person", personId).param("keys", List.copyOf(reminders.keySet())).query(String.class).list());
		List<Reminder> fresh = reminders.values().stream().filter(r -> !sent.contains(r.key()))
				.sorted(java.util.Comparator.comparing(Reminder::urgency).reversed()).toList();
		if (fresh.isEmpty()) {
			return null;
		}
		// the digest row first: a second node doing the same person waits here, then fails on the key
		jdbc.sql("""
				INSERT INTO reminder_digest (person_id, sent_on, reminder_count, email_status, message_status, created_at)
				VALUES (:person, :day, :count, 'PENDING', 'PENDING', :now)
				""").param("person", personId).param("day", day).param("count", fresh.size()).param("now", clock.now()).update();
		for (Reminder r : fresh) {
			jdbc.sql("INSERT INTO reminder_sent (reminder_key, person_id, sent_on) VALUES (:key, :person, :day)")
					.param("key", r.key()).param("person", personId).param("day", day).update();
		}
		List<Contacts.Contact> users = contactsOf(personId);
		for (Contacts.Contact c : users) {
			for (Reminder r : fresh) {
				notifications.insert(c.userId(), r.key(), r);
			}
		}
		audit.record(new AuditTrail.Change(null, "reminder-digest", personId, "REMIND",
				"day=%s reminders=%d users=%d".formatted(day, fresh.size(), users.size())));
		Locale zh = Locale.SIMPLIFIED_CHINESE;
		List<Digest.Line> lines = new ArrayList<>();
		for (Reminder r : fresh) {
			lines.add(new Digest.Line(r.urgency(), notifications.render(r, zh), r.link()));
		}
		String subject = notifications.render(new Reminder("subject", 0, null, personId, Urgency.BLUE,
				"notification.digest.subject", List.of(day.toString(), Integer.toString(fresh.size())), null), zh);
		List<Digest> out = new ArrayList<>();
		for (Contacts.Contact c : users) {
			out.add(new Digest(c.userId(), c.username(), personId, c.personName(), c.email(), day, subject, lines));
		}
		if (out.isEmpty()) {
			// a person without a user: recorded all the same (the reminders are not held back for ever)
			out.add(new Digest(0, null, personId, null, null, day, subject, lines));
		}
		return out;
	}
}
