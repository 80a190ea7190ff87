package zeren.duty;

class LettersH2Test extends LettersContract {
}
