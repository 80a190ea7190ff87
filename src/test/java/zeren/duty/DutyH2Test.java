package zeren.duty;

class DutyH2Test extends DutyContract {
}
