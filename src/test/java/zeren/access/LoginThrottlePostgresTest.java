package zeren.access;

import zeren.support.OnPostgres;

@OnPostgres
class LoginThrottlePostgresTest extends LoginThrottleContract {
}
