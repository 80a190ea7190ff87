package zeren.tracking;

/** Narrows {@link TrackedItems#inSubtree}; a null field does not narrow. {@code limit}: most items listed (counts are always complete). */
public record TrackingFilter(String kind, TrackedItem.Status status, TrackedItem.Warning warning, Integer limit) {

	public static TrackingFilter all() {
		return new TrackingFilter(null, null, null, null);
	}

	public static TrackingFilter ofKind(String kind) {
		return new TrackingFilter(kind, null, null, null);
	}
}
