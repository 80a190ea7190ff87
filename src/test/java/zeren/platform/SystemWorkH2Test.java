package zeren.platform;

class SystemWorkH2Test extends SystemWorkContract {
}
