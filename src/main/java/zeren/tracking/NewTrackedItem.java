package zeren.tracking;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What a module asks to track. The owner is a post of {@code orgId}; the verifier is the
 * organisation {@code verifierOrgId} (the supervising unit or an upper organisation) and
 * optionally one of its posts. The item's year is the deadline's. {@code kind} is lower-case
 * words joined by dots ("ledger.task"), checked by {@link Tracking#open}. {@code ownerPostId} may
 * be null only for items opened with {@link Tracking#openAll}, which takes the module's own data
 * unchecked (a task with no leader yet: its organisation as a whole owns it).
 */
public record NewTrackedItem(String kind, @NotBlank @Size(max = Tracking.MAX_REF) String sourceRef, long orgId,
		@NotBlank @Size(max = Tracking.MAX_TITLE) String title, @NotNull Long ownerPostId, Long verifierPostId,
		long verifierOrgId, @NotNull LocalDate deadline) {
}
