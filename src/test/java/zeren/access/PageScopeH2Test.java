package zeren.access;

class PageScopeH2Test extends PageScopeContract {
}
