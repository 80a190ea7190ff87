package zeren.support;

import java.util.Map;

/**
 * A module's part of the scope walk: each module that adds endpoints or pages adds one of
 * these as a {@code @Component} in its own test package. The walk creates the module's data
 * in the sibling county, fills the path variables of the module's endpoints with it, and
 * after walking every endpoint as user A asks the module whether anything changed.
 * The walk fails for a path variable no module fills, so a new endpoint cannot go unwalked.
 */
public interface SiblingData {

	/** Creates this module's data in {@link Sibling#b()} (or its child), as the administrator. */
	void create(Sibling sibling);

	/**
	 * The sibling's value for the path variable {@code name} of {@code pattern} (an API path
	 * such as {@code /api/v1/duty/lists/{id}} or a page path such as {@code /duty/lists/{id}}),
	 * or null when the pattern is not this module's.
	 */
	Object value(String name, String pattern);

	/** Extra JSON fields for the hostile body of every write, aimed at the sibling's data. */
	default Map<String, Object> hostileFields() {
		return Map.of();
	}

	/** Extra form parameters for every page request, aimed at the sibling's data. */
	default Map<String, String> hostileParams() {
		return Map.of();
	}

	/** Fails when anything of the sibling's data changed during the walk. */
	void assertUnchanged();
}
