package zeren.access;

import zeren.support.OnPostgres;

@OnPostgres
class PageScopePostgresTest extends PageScopeContract {
}
