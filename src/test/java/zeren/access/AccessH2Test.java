package zeren.access;

class AccessH2Test extends AccessContract {
}
