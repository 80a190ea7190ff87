package zeren.notification;

class NotificationH2Test extends NotificationContract {
}
