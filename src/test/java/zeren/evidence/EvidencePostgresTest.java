package zeren.evidence;

import zeren.support.OnPostgres;

@OnPostgres
class EvidencePostgresTest extends EvidenceContract {
}
