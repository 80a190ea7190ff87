package zeren.platform;

class ApplicationH2Test extends ApplicationContract {
}
