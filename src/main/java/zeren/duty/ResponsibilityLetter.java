package zeren.duty;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A responsibility letter (责任书) of one year between two posts: from an organisation's
 * principal to the principal of a directly lower organisation ({@link Kind#ORG}), or to a member
 * of its own leadership team ({@link Kind#TEAM}). The parties are posts; the people who signed
 * are in {@link #signatures()}, each resolved through tenures on the day they signed.
 */
public record ResponsibilityLetter(long id, int year, Kind kind, Party issuer, Party recipient, String title,
		String preamble, Status status, String contentSha256, OffsetDateTime createdAt, OffsetDateTime issuedAt,
		OffsetDateTime signedAt, List<Item> items, List<Signature> signatures) {

	public enum Kind {
		/** From an organisation to a directly lower organisation (书记 to 书记). */
		ORG,
		/** From the principal (书记) to a member of the leadership team (一岗双责). */
		TEAM
	}

	public enum Status {
		/** Generated, being prepared: text and items may change. */
		DRAFT,
		/** Content fixed (its canonical text and SHA-256 stored), waiting for signatures. */
		ISSUED,
		/** Both parties signed: immutable. */
		SIGNED
	}

	/** The two sides of a letter. */
	public enum Side {
		ISSUER, RECIPIENT
	}

	/** One side: a post of an organisation (names as printed once issued). */
	public record Party(long orgId, String orgName, long postId, String postTitle) {
	}

	public record Item(long id, String itemNo, String category, String task, String goal, LocalDate deadline) {
	}

	/** Who signed for one side, as holder of which post, when, and the hash of what they signed. */
	public record Signature(Side party, long personId, String personName, long postId, String username,
			LocalDate signedOn, OffsetDateTime signedAt, String contentSha256) {
	}

	public boolean signedBy(Side side) {
		return signatures.stream().anyMatch(s -> s.party() == side);
	}

	public Party party(Side side) {
		return side == Side.ISSUER ? issuer : recipient;
	}
}
