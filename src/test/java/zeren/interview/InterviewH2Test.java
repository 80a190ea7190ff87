package zeren.interview;

class InterviewH2Test extends InterviewContract {
}
