package zeren.assessment;

import zeren.support.OnPostgres;

@OnPostgres
class AssessmentPostgresTest extends AssessmentContract {
}
