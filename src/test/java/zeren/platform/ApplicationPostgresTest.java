package zeren.platform;

import zeren.support.OnPostgres;

@OnPostgres
class ApplicationPostgresTest extends ApplicationContract {
}
