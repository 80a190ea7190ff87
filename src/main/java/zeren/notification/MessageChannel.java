package zeren.notification;

/**
 * A channel a person's daily digest can take besides the inbox and e-mail: an SMS gateway, an
 * instant-message robot. One bean of this type is used when it is {@link #enabled()}; the shipped
 * one ({@code internal.WebhookChannel}) posts JSON to {@code zeren.notification.webhook.url}.
 * A user chooses on their account page whether their digest takes it. See docs/NOTIFICATIONS.md
 * for how to add one.
 */
public interface MessageChannel {

	/** Whether the channel is configured (an unconfigured one is skipped and reported as off). */
	boolean enabled();

	/**
	 * Sends the digest to one user; throws on failure (the failure is logged and recorded on the
	 * digest, the inbox keeps the reminders).
	 */
	void send(Digest digest) throws Exception;
}
