package zeren.org;

/** Kinds of post in a leadership team. */
public enum PostKind {

	/** 书记: the first responsible person. */
	SECRETARY("书记"),
	DEPUTY_SECRETARY("副书记"),
	/** 班子成员: a team member, with the areas in charge (分管领域) of the dual duty of the post. */
	MEMBER("班子成员"),
	/** 纪委书记 / 纪检组长: carries supervisory responsibility. */
	DISCIPLINE_SECRETARY("纪委书记"),
	/** 联络员 / 信息员: does the data entry. */
	LIAISON("联络员"),
	OTHER("其他");

	private final String chineseName;

	PostKind(String chineseName) {
		this.chineseName = chineseName;
	}

	public String chineseName() {
		return chineseName;
	}

	/** Accepts the code name or the Chinese name in JSON. */
	@com.fasterxml.jackson.annotation.JsonCreator
	public static PostKind fromJson(String text) {
		String t = text == null ? "" : text.strip();
		for (PostKind kind : values()) {
			if (kind.name().equalsIgnoreCase(t) || kind.chineseName.equals(t)) {
				return kind;
			}
		}
		throw new IllegalArgumentException("unknown post kind: " + text);
	}

	/** Posts that one person holds at a time: overlapping tenures are refused. */
	public boolean hasSingleHolder() {
		return this == SECRETARY || this == DISCIPLINE_SECRETARY;
	}
}
