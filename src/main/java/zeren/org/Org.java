package zeren.org;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** An organisation in the tree. */
public record Org(long id, String code, String name, OrgType type, Long parentId, int depth, int sortOrder,
		boolean active, Long disciplineBodyId, @JsonIgnore String path) {

	/** Width of one id in {@link #path()}. */
	static final int PATH_SEGMENT = 10;

	static String segment(long id) {
		String digits = Long.toString(id);
		return "0".repeat(PATH_SEGMENT - digits.length()) + digits;
	}
}
