package zeren.platform;

class BadInputH2Test extends BadInputContract {
}
