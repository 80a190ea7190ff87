package zeren.duty;

class LetterListsH2Test extends LetterListsContract {
}
