package zeren.governance;

class AnalysisH2Test extends AnalysisContract {
}
