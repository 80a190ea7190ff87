package zeren.governance;

import zeren.support.OnPostgres;

@OnPostgres
class GovernancePostgresTest extends GovernanceContract {
}
