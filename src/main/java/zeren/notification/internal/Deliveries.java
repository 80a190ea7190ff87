package zeren.notification.internal;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import zeren.access.Contacts;
import zeren.notification.Digest;
import zeren.notification.MessageChannel;

/**
 * Sends a person's digest to each of their users by the channels that user chose and that are
 * configured. A failure is logged and counted; it never undoes the inbox entries.
 */
@Component
public class Deliveries {

	private static final Logger log = LoggerFactory.getLogger(Deliveries.class);

	/** What became of one person's digest: counts, and a status per channel for the digest row. */
	public record Outcome(int emails, int messages, int failures, String emailStatus, String messageStatus) {
	}

	private final EmailChannel email;
	private final ObjectProvider<MessageChannel> message;

	Deliveries(EmailChannel email, ObjectProvider<MessageChannel> message) {
		this.email = email;
		this.message = message;
	}

	public Outcome send(List<Digest> digests, List<Contacts.Contact> contacts) {
		Map<Long, Contacts.Contact> byUser = contacts.stream()
				.collect(Collectors.toMap(Contacts.Contact::userId, Function.identity(), (a, b) -> a));
		MessageChannel channel = message.getIfUnique();
		int emails = 0, messages = 0, failures = 0;
		String emailStatus = byUser.isEmpty() ? "NO_USER" : "NOT_CHOSEN";
		String messageStatus = emailStatus;
		for (Digest digest : digests) {
			Contacts.Contact c = byUser.get(digest.userId());
			if (c == null) {
				continue;
			}
			if (c.byEmail()) {
				if (!email.enabled()) {
					emailStatus = "OFF";
				}
				else if (digest.email() == null) {
					emailStatus = emailStatus.equals("SENT") ? emailStatus : "NO_ADDRESS";
				}
				else {
					try {
						email.send(digest);
						emails++;
						emailStatus = emailStatus.equals("FAILED") ? emailStatus : "SENT";
					}
					catch (Exception e) {
						failures++;
						emailStatus = "FAILED";
						log.warn("e-mail to user {} failed: {}", digest.userId(), e.toString());
					}
				}
			}
			if (c.byMessage()) {
				if (channel == null || !channel.enabled()) {
					messageStatus = "OFF";
				}
				else {
					try {
						channel.send(digest);
						messages++;
						messageStatus = messageStatus.equals("FAILED") ? messageStatus : "SENT";
					}
					catch (Exception e) {
						failures++;
						messageStatus = "FAILED";
						log.warn("message to user {} failed: {}", digest.userId(), e.toString());
					}
				}
			}
		}
		return new Outcome(emails, messages, failures, emailStatus, messageStatus);
	}
}
