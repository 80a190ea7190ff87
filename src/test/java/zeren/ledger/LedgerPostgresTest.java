package zeren.ledger;

import zeren.support.OnPostgres;

@OnPostgres
class LedgerPostgresTest extends LedgerContract {
}
