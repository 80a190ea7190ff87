package zeren.inspection;

class InspectionH2Test extends InspectionContract {
}
