package zeren.org;

import java.util.Locale;
import java.util.Optional;

/** Kinds of organisation (see the glossary in DESIGN.md). */
public enum OrgType {

	PARTY_COMMITTEE("党委"),
	PARTY_GROUP("党组"),
	WORKING_COMMITTEE("党工委"),
	GENERAL_BRANCH("党总支"),
	BRANCH("党支部"),
	DISCIPLINE_COMMISSION("纪委"),
	DISCIPLINE_GROUP("纪检组"),
	WORK_DEPARTMENT("工作部门");

	private final String chineseName;

	OrgType(String chineseName) {
		this.chineseName = chineseName;
	}

	public String chineseName() {
		return chineseName;
	}

	/** A discipline body carries supervisory responsibility for the committee it is linked to. */
	public boolean isDisciplineBody() {
		return this == DISCIPLINE_COMMISSION || this == DISCIPLINE_GROUP;
	}

	/** Party organisations that carry principal responsibility and may have a discipline body. */
	public boolean mayHaveDisciplineBody() {
		return this == PARTY_COMMITTEE || this == PARTY_GROUP || this == WORKING_COMMITTEE;
	}

	/** Accepts the code name or the Chinese name in JSON. */
	@com.fasterxml.jackson.annotation.JsonCreator
	public static OrgType fromJson(String text) {
		return parse(text).orElseThrow(() -> new IllegalArgumentException("unknown organisation type: " + text));
	}

	/** By code name ({@code PARTY_COMMITTEE}, any case) or by Chinese name ({@code 党委}). */
	public static Optional<OrgType> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String t = text.strip();
		for (OrgType type : values()) {
			if (type.name().equals(t.toUpperCase(Locale.ROOT)) || type.chineseName.equals(t)) {
				return Optional.of(type);
			}
		}
		return Optional.empty();
	}
}
