package zeren.tracking;

import java.time.LocalDate;

/**
 * What a module asks to track. The owner is a post of {@code orgId}; the verifier is the
 * organisation {@code verifierOrgId} (the supervising unit or an upper organisation) and
 * optionally one of its posts. The item's year is the deadline's. {@code ownerPostId} may be
 * null only for items opened with {@link Tracking#openAll} (a task with no leader yet: its
 * organisation as a whole owns it).
 */
public record NewTrackedItem(String kind, String sourceRef, long orgId, String title, Long ownerPostId,
		Long verifierPostId, long verifierOrgId, LocalDate deadline) {
}
