package zeren.evidence;

class EvidenceH2Test extends EvidenceContract {
}
