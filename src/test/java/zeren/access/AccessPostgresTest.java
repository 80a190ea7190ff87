package zeren.access;

import zeren.support.OnPostgres;

@OnPostgres
class AccessPostgresTest extends AccessContract {
}
