package zeren.org;

class OrgTreeApiH2Test extends OrgTreeApiContract {
}
