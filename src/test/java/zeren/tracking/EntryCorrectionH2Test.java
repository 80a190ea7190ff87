package zeren.tracking;

class EntryCorrectionH2Test extends EntryCorrectionContract {
}
