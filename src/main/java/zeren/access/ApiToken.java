package zeren.access;

import java.time.OffsetDateTime;

/** A personal access token; {@code secret} is filled only in the answer that creates it. */
public record ApiToken(long id, long userId, String name, OffsetDateTime createdAt, OffsetDateTime expiresAt,
		OffsetDateTime revokedAt, OffsetDateTime lastUsedAt, String secret) {
}
