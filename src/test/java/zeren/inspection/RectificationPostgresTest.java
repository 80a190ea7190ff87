package zeren.inspection;

import zeren.support.OnPostgres;

@OnPostgres
class RectificationPostgresTest extends RectificationContract {
}
