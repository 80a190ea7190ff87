package zeren.evidence;

import java.time.OffsetDateTime;

/**
 * One uploaded file: the organisation it belongs to, the SHA-256 of its bytes (shared by every
 * upload of the same bytes, which are stored once), the name it was uploaded under, the media
 * type found in its content, and who uploaded it when.
 */
public record Evidence(long id, long orgId, String sha256, String originalName, String mediaType, long size,
		String uploadedBy, OffsetDateTime uploadedAt) {

	/** Names stored before control and bidi characters were stripped from them are stripped when read. */
	public Evidence {
		originalName = EvidenceFiles.safeName(originalName);
	}
}
