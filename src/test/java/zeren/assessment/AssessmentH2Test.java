package zeren.assessment;

class AssessmentH2Test extends AssessmentContract {
}
