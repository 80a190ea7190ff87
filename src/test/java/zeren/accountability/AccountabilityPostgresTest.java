package zeren.accountability;

import zeren.support.OnPostgres;

@OnPostgres
class AccountabilityPostgresTest extends AccountabilityContract {
}
