package zeren.platform;

import zeren.support.OnPostgres;

@OnPostgres
class DownloadNamesPostgresTest extends DownloadNamesContract {
}
