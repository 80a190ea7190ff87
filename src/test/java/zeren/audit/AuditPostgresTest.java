package zeren.audit;

import zeren.support.OnPostgres;

@OnPostgres
class AuditPostgresTest extends AuditContract {
}
