package zeren.access;

class LoginThrottleH2Test extends LoginThrottleContract {
}
