package zeren.report;

class ReportH2Test extends ReportContract {
}
