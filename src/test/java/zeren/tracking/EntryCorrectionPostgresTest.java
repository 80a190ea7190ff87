package zeren.tracking;

import zeren.support.OnPostgres;

@OnPostgres
class EntryCorrectionPostgresTest extends EntryCorrectionContract {
}
