package zeren.access;

import zeren.support.OnPostgres;

@OnPostgres
class EndpointScopePostgresTest extends EndpointScopeContract {
}
