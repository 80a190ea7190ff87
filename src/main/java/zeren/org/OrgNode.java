package zeren.org;

/** An organisation with the number of its children, for lazy tree browsing. */
public record OrgNode(Org org, long childCount) {
}
