package zeren.notification;

import zeren.support.OnPostgres;

@OnPostgres
class NotificationPostgresTest extends NotificationContract {
}
