package zeren.oversight;

class OversightH2Test extends OversightContract {
}
