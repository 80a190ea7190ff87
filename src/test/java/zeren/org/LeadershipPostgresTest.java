package zeren.org;

import zeren.support.OnPostgres;

@OnPostgres
class LeadershipPostgresTest extends LeadershipContract {
}
