package zeren.platform;

import zeren.support.OnPostgres;

@OnPostgres
class BadInputPostgresTest extends BadInputContract {
}
