package zeren.interview;

import zeren.support.OnPostgres;

@OnPostgres
class InterviewPostgresTest extends InterviewContract {
}
