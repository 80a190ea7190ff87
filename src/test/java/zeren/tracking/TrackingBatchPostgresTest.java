package zeren.tracking;

import zeren.support.OnPostgres;

@OnPostgres
class TrackingBatchPostgresTest extends TrackingBatchContract {
}
