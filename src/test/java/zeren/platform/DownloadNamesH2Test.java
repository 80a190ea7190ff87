package zeren.platform;

class DownloadNamesH2Test extends DownloadNamesContract {
}
