package zeren.notification.internal;

import java.nio.charset.StandardCharsets;

import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import zeren.notification.Digest;

/**
 * The digest as one plain-text e-mail, through Spring Boot's mail support ({@code spring.mail.*},
 * set from {@code ZEREN_MAIL_HOST}, {@code _PORT}, {@code _USERNAME}, {@code _PASSWORD}; the
 * sender {@code ZEREN_MAIL_FROM}). Off while no host is set, which the log says at start-up.
 */
@Component
public class EmailChannel {

	private static final Logger log = LoggerFactory.getLogger(EmailChannel.class);

	private final ObjectProvider<JavaMailSender> sender;
	private final String host;
	private final String from;
	private final String baseUrl;

	EmailChannel(ObjectProvider<JavaMailSender> sender, @Value("${spring.mail.host:}") String host,
			@Value("${zeren.notification.mail-from:}") String from,
			@Value("${zeren.notification.base-url:}") String baseUrl) {
		this.sender = sender;
		this.host = host == null ? "" : host.strip();
		this.from = from == null || from.isBlank() ? "zeren@localhost" : from.strip();
		this.baseUrl = baseUrl == null ? "" : baseUrl.strip().replaceAll("/+$", "");
	}

	public boolean enabled() {
		return !host.isEmpty() && sender.getIfAvailable() != null;
	}

	@EventListener(ApplicationReadyEvent.class)
	void sayAtStart() {
		if (enabled()) {
			log.info("E-mail reminders on: SMTP host {} (sender {})", host, from);
		}
		else {
			log.info("E-mail reminders off: ZEREN_MAIL_HOST is not set (reminders still reach the inbox)");
		}
	}

	/** The digest's link as the reader should follow it: absolute when a base URL is configured. */
	String link(String path) {
		return path == null ? null : baseUrl + path;
	}

	String body(Digest digest) {
		StringBuilder b = new StringBuilder();
		b.append(digest.personName() == null ? "" : digest.personName()).append("：\n\n");
		for (Digest.Line line : digest.lines()) {
			b.append("· ").append(line.text());
			if (line.link() != null) {
				b.append("\n  ").append(link(line.link()));
			}
			b.append('\n');
		}
		return b.toString();
	}

	void send(Digest digest) throws Exception {
		JavaMailSender mail = sender.getObject();
		MimeMessage message = mail.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
		helper.setFrom(from);
		helper.setTo(digest.email());
		helper.setSubject(digest.subject());
		helper.setText(body(digest), false);
		mail.send(message);
	}
}
