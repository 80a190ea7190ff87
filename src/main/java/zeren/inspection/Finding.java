package zeren.inspection;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A problem an inspection found at one target organisation, under one focus item, with its
 * severity and the posts responsible for it. {@code ref} is the stable reference other modules
 * keep (an accountability case takes a finding as its origin by this reference).
 */
public record Finding(long id, long inspectionId, String inspectionTitle, long inspectingOrgId,
		String inspectingOrgName, long orgId, String orgName, Integer focusNo, String focusItem, String description,
		Severity severity, List<ResponsiblePost> responsiblePosts, OffsetDateTime createdAt, Ref ref) {

	public enum Severity {
		GENERAL("一般"), SERIOUS("严重"), GRAVE("重大");

		private final String chineseName;

		Severity(String chineseName) {
			this.chineseName = chineseName;
		}

		public String chineseName() {
			return chineseName;
		}

		/** The code name or the Chinese name. */
		public static Severity parse(String text) {
			String t = text == null ? "" : text.strip();
			for (Severity s : values()) {
				if (s.name().equalsIgnoreCase(t) || s.chineseName.equals(t)) {
					return s;
				}
			}
			return null;
		}
	}

	public record ResponsiblePost(long postId, String title, long orgId) {
	}

	/** How to point at a finding from elsewhere: its type and id, and where to read it (API and page). */
	public record Ref(String type, long id, String api, String page) {

		public static final String TYPE = "inspection.finding";

		public static Ref of(long id) {
			return new Ref(TYPE, id, "/api/v1/inspection/findings/" + id, "/inspection/findings/" + id);
		}
	}
}
