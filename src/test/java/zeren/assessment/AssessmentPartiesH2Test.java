package zeren.assessment;

class AssessmentPartiesH2Test extends AssessmentPartiesContract {
}
