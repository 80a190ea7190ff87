package zeren.duty;

import zeren.support.OnPostgres;

@OnPostgres
class DutyPostgresTest extends DutyContract {
}
