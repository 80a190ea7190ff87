package zeren.access;

class EndpointScopeH2Test extends EndpointScopeContract {
}
