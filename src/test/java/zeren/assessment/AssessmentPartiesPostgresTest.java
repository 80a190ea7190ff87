package zeren.assessment;

import zeren.support.OnPostgres;

@OnPostgres
class AssessmentPartiesPostgresTest extends AssessmentPartiesContract {
}
