package zeren.oversight;

/**
 * Published by a module in the transaction of a change that may fulfil or create an obligation
 * of an organisation (a list published, a letter signed, a report submitted, a tracked item
 * moved). After commit, oversight sweeps that organisation again for the year (and rolls the
 * counts up to its ancestors), through the event publication registry: a failure is retried.
 */
public record ObligationsAffected(long orgId, int year) {
}
