package zeren.report;

import zeren.support.OnPostgres;

@OnPostgres
class ReportPostgresTest extends ReportContract {
}
