package zeren.governance;

import zeren.support.OnPostgres;

@OnPostgres
class AnalysisPostgresTest extends AnalysisContract {
}
