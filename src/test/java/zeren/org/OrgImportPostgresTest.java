package zeren.org;

import zeren.support.OnPostgres;

@OnPostgres
class OrgImportPostgresTest extends OrgImportContract {
}
