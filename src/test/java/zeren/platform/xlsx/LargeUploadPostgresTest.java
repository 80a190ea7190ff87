package zeren.platform.xlsx;

import zeren.support.OnPostgres;

@OnPostgres
class LargeUploadPostgresTest extends LargeUploadContract {
}
