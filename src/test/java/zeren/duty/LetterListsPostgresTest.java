package zeren.duty;

import zeren.support.OnPostgres;

@OnPostgres
class LetterListsPostgresTest extends LetterListsContract {
}
