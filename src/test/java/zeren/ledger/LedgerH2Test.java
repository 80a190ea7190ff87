package zeren.ledger;

class LedgerH2Test extends LedgerContract {
}
