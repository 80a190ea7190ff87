package zeren.duty;

import zeren.support.OnPostgres;

@OnPostgres
class LettersPostgresTest extends LettersContract {
}
