package zeren.tracking;

class TrackingH2Test extends TrackingContract {
}
