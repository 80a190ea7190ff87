package zeren.notification.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;
import zeren.notification.Digest;
import zeren.notification.MessageChannel;

/**
 * The shipped {@link MessageChannel}: posts each digest as JSON to
 * {@code zeren.notification.webhook.url} ({@code ZEREN_NOTIFY_WEBHOOK_URL}), for an SMS gateway
 * or an instant-message robot that maps the user name to a phone or an account. Off while no URL
 * is set. Connect and response timeouts ({@code zeren.notification.webhook.timeout}, default 5 s);
 * an answer other than 2xx is a failure. The body:
 * <pre>{"userId":…,"username":"…","personId":…,"personName":"…","day":"2026-12-02",
 *  "subject":"…","lines":[{"urgency":"RED","text":"…","link":"/tracking/items/42"}]}</pre>
 */
@Component
class WebhookChannel implements MessageChannel {

	private static final Logger log = LoggerFactory.getLogger(WebhookChannel.class);

	private final URI url;
	private final Duration timeout;
	private final String token;
	private final JsonMapper json;
	private final HttpClient http;

	WebhookChannel(@Value("${zeren.notification.webhook.url:}") String url,
			@Value("${zeren.notification.webhook.timeout:5s}") Duration timeout,
			@Value("${zeren.notification.webhook.token:}") String token, JsonMapper json) {
		this.url = url == null || url.isBlank() ? null : URI.create(url.strip());
		if (this.url != null && !List.of("http", "https").contains(String.valueOf(this.url.getScheme()))) {
			throw new IllegalArgumentException("zeren.notification.webhook.url must be an http or https URL");
		}
		this.timeout = timeout;
		this.token = token == null ? "" : token.strip();
		this.json = json;
		this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	@Override
	public boolean enabled() {
		return url != null;
	}

	@EventListener(ApplicationReadyEvent.class)
	void sayAtStart() {
		log.info(enabled() ? "Message reminders on: webhook " + url.getHost() : "Message reminders off: no webhook URL");
	}

	@Override
	public void send(Digest digest) throws Exception {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("userId", digest.userId());
		body.put("username", digest.username());
		body.put("personId", digest.personId());
		body.put("personName", digest.personName());
		body.put("day", digest.day().toString());
		body.put("subject", digest.subject());
		body.put("lines", digest.lines());
		HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout)
				.header("Content-Type", "application/json; charset=utf-8")
				.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
		if (!token.isEmpty()) {
			request.header("Authorization", "Bearer " + token);
		}
		HttpResponse<Void> answer = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
		if (answer.statusCode() / 100 != 2) {
			throw new IllegalStateException("the webhook answered " + answer.statusCode());
		}
	}
}
