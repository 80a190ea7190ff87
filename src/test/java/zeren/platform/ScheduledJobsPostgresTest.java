package zeren.platform;

import zeren.support.OnPostgres;

@OnPostgres
class ScheduledJobsPostgresTest extends ScheduledJobsContract {
}
