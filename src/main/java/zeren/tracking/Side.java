package zeren.tracking;

import zeren.platform.Scope;

/**
 * The sides of a tracked item that move it, decided from where the caller works (pure): the
 * owner side has a working grant over the item's organisation, the verifier side over the
 * verifier organisation, an upper organisation over an ancestor of the item's organisation (not
 * the organisation itself).
 */
enum Side {

	OWNER, VERIFIER, UPPER;

	/** An organisation's path is its ancestors' ids and its own, ten digits each (zeren.org.Org). */
	private static final int SEGMENT = 10;

	/** Whether a caller working where {@code acting} says is on this side of an item with these organisations. */
	boolean includes(Scope acting, String orgPath, String verifierOrgPath) {
		return switch (this) {
			case OWNER -> acting.contains(orgPath);
			case VERIFIER -> acting.contains(verifierOrgPath);
			case UPPER -> isAbove(acting, orgPath);
		};
	}

	/** Whether the caller works in an organisation above the one with this path. */
	private static boolean isAbove(Scope acting, String orgPath) {
		for (int end = SEGMENT; end < orgPath.length(); end += SEGMENT) {
			if (acting.contains(orgPath.substring(0, end))) {
				return true;
			}
		}
		return false;
	}
}
