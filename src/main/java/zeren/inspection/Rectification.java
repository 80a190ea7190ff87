package zeren.inspection;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import zeren.tracking.TrackedItem;

/**
 * The rectification (整改) of a finding: the problem list and the measures (措施) are the
 * inspection's; the owner (the responsible post), the verifier (the inspecting organisation), the
 * deadline and the state are those of its tracked item ({@code item}, kind
 * {@value Rectifications#KIND}, source = the finding's id), which is closed (销号) only by the
 * inspecting organisation.
 */
public record Rectification(long findingId, String findingDescription, long orgId, String orgName,
		long inspectingOrgId, String problems, String measures, long responsiblePostId, String responsiblePostTitle,
		LocalDate deadline, OffsetDateTime createdAt, TrackedItem item) {
}
