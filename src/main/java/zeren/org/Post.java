package zeren.org;

import java.util.List;

/** A post of an organisation's leadership team; {@code areas} are its areas in charge (分管领域). */
public record Post(long id, long orgId, String title, PostKind kind, List<String> areas, int sortOrder,
		boolean active) {
}
