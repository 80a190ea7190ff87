package zeren.platform.xlsx;

class LargeUploadH2Test extends LargeUploadContract {
}
