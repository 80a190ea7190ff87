package zeren.audit;

class AuditH2Test extends AuditContract {
}
