package zeren.inspection;

import zeren.support.OnPostgres;

@OnPostgres
class InspectionPostgresTest extends InspectionContract {
}
