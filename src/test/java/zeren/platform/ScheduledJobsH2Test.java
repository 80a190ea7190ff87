package zeren.platform;

class ScheduledJobsH2Test extends ScheduledJobsContract {
}
