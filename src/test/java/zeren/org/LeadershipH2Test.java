package zeren.org;

class LeadershipH2Test extends LeadershipContract {
}
