package zeren.oversight;

import zeren.support.OnPostgres;

@OnPostgres
class OversightPostgresTest extends OversightContract {
}
