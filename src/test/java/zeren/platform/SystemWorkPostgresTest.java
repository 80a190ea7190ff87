package zeren.platform;

import zeren.support.OnPostgres;

@OnPostgres
class SystemWorkPostgresTest extends SystemWorkContract {
}
