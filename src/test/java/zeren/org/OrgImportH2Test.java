package zeren.org;

class OrgImportH2Test extends OrgImportContract {
}
