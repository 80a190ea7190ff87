package zeren.inspection;

class RectificationH2Test extends RectificationContract {
}
