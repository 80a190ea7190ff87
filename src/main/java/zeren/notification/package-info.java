/**
 * Notifications and reminders that reach people: the in-app inbox (per user, unread count in
 * the header), the daily reminders — every {@link zeren.notification.ReminderSource} bean
 * contributes today's due-soon and overdue reminders, the job resolves posts to their holders
 * through tenures, adds the principal for red ones, records each reminder once and sends each
 * person at most one digest a day — and the channels a digest goes through: the inbox always,
 * e-mail (Spring Boot's mail support) and one pluggable {@link zeren.notification.MessageChannel}
 * (SMS or instant messages; the shipped one posts JSON to a webhook), as each user chooses.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications and reminders",
		allowedDependencies = { "access", "org", "tracking", "oversight", "audit", "platform" })
package zeren.notification;
