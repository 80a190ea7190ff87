package zeren.tracking;

import zeren.support.OnPostgres;

@OnPostgres
class TrackingPostgresTest extends TrackingContract {
}
