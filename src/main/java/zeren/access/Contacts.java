package zeren.access;

import java.util.Collection;
import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zeren.audit.AuditTrail;
import zeren.platform.CurrentScope;
import zeren.platform.CurrentUser;
import zeren.platform.ForbiddenException;
import zeren.platform.Inputs;
import zeren.platform.NotFoundException;
import zeren.platform.Rows;

/**
 * How a user is reached: their e-mail address (set by an administrator, like the user) and the
 * channels they choose for their daily reminders (on their own account page): the inbox always,
 * e-mail and the message channel (SMS or instant messages) each on or off. Every change audited.
 */
@Service
@Transactional(readOnly = true)
public class Contacts {

	/** An enabled user linked to a person, with how they want to be reached. */
	public record Contact(long userId, String username, long personId, String personName, String email,
			boolean byEmail, boolean byMessage) {
	}

	/** The channels a user chose besides the inbox. */
	public record Channels(Boolean email, Boolean message) {
	}

	public record EmailChange(@Email @Size(max = 254) String email) {
	}

	private final JdbcClient jdbc;
	private final AuditTrail audit;
	private final CurrentScope scope;
	private final Inputs inputs;

	Contacts(JdbcClient jdbc, AuditTrail audit, CurrentScope scope, Inputs inputs) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.scope = scope;
		this.inputs = inputs;
	}

	/** A blank address is none; others are kept as typed, without surrounding spaces. */
	static String normalEmail(String email) {
		return email == null || email.isBlank() ? null : email.strip();
	}

	/**
	 * The enabled users linked to these people, with their channels. For the reminder job (system
	 * work) and for administrators; anyone else gets nothing.
	 */
	public List<Contact> ofPersons(Collection<Long> personIds) {
		if (personIds.isEmpty() || !(scope.isAdmin() || zeren.platform.SystemWork.active())) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT u.id AS user_id, u.username, u.person_id, p.name AS person_name, u.email,
				       u.notify_email AS by_email, u.notify_message AS by_message
				FROM app_user u JOIN person p ON p.id = u.person_id
				WHERE u.enabled = TRUE AND u.person_id IN (:persons) ORDER BY u.person_id, u.id
				""").param("persons", List.copyOf(personIds)).query(Rows.of(Contact.class)).list();
	}

	/** The signed-in user's channels. */
	public Channels mine() {
		long userId = CurrentUser.id().orElseThrow(ForbiddenException::new);
		return jdbc.sql("SELECT notify_email AS email, notify_message AS message FROM app_user WHERE id = :id")
				.param("id", userId).query(Rows.of(Channels.class)).optional()
				.orElseThrow(() -> new NotFoundException("user", userId));
	}

	/** Sets the signed-in user's channels (a missing one stays as it was). */
	@Transactional
	public Channels setMine(Channels channels) {
		long userId = CurrentUser.id().orElseThrow(ForbiddenException::new);
		Channels old = mine();
		boolean email = channels.email() == null ? old.email() : channels.email();
		boolean message = channels.message() == null ? old.message() : channels.message();
		jdbc.sql("UPDATE app_user SET notify_email = :email, notify_message = :message WHERE id = :id")
				.param("email", email).param("message", message).param("id", userId).update();
		audit.record(new AuditTrail.Change(null, "user", userId, "CHANNELS", "email=%s message=%s".formatted(email, message)));
		return new Channels(email, message);
	}

	/** Sets a user's e-mail address, or removes it with a blank one (administrators). */
	@Transactional
	public void setEmail(long userId, EmailChange change) {
		if (!scope.isAdmin()) {
			throw new ForbiddenException();
		}
		inputs.check(change);
		String email = normalEmail(change.email());
		if (jdbc.sql("UPDATE app_user SET email = :email WHERE id = :id").param("email", email).param("id", userId)
				.update() == 0) {
			throw new NotFoundException("user", userId);
		}
		audit.record(new AuditTrail.Change(null, "user", userId, "EMAIL", email == null ? "email=" : "email=set"));
	}
}
