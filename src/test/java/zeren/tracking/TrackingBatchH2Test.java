package zeren.tracking;

class TrackingBatchH2Test extends TrackingBatchContract {
}
