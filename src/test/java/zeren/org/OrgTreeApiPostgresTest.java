package zeren.org;

import zeren.support.OnPostgres;

@OnPostgres
class OrgTreeApiPostgresTest extends OrgTreeApiContract {
}
