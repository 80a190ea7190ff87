package zeren.duty;

/**
 * Published within the transaction of a change that touches published lists: a list published
 * or amended ({@code subtree} false: the list of {@code orgId}), or requirements published to
 * every list below {@code orgId} ({@code subtree} true). Listeners (the ledger) read the
 * published tasks again with {@link ResponsibilityLists#publishedTasks}.
 */
public record DutyListsChanged(long orgId, int year, boolean subtree) {
}
