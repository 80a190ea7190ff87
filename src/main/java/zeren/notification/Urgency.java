package zeren.notification;

/**
 * How urgent a reminder is, the colours of the warnings: {@code BLUE} due within the blue window,
 * {@code YELLOW} due soon (or just overdue), {@code RED} overdue beyond the threshold. A red
 * reminder also goes to the principal (书记) of the organisation it belongs to.
 */
public enum Urgency {
	BLUE, YELLOW, RED
}
