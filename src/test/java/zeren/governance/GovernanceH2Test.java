package zeren.governance;

class GovernanceH2Test extends GovernanceContract {
}
