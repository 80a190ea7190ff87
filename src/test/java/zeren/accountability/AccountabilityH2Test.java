package zeren.accountability;

class AccountabilityH2Test extends AccountabilityContract {
}
