package zeren.duty;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import zeren.platform.ConflictException;

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

	/**
	 * Where a letter stands: draft → issued → signed, each status with the steps it allows and
	 * why it refuses the others.
	 */
	public enum Status {
		/** Generated, being prepared: text and items may change. */
		DRAFT("error.letters.not-issued", Step.EDIT, Step.ISSUE),
		/** Content fixed (its canonical text and SHA-256 stored), waiting for signatures. */
		ISSUED("error.letters.issued", Step.SIGN),
		/** Both parties signed: immutable. */
		SIGNED("error.letters.signed");

		private final String refusal;
		private final Set<Step> allowed;

		Status(String refusal, Step... allowed) {
			this.refusal = refusal;
			this.allowed = allowed.length == 0 ? EnumSet.noneOf(Step.class) : EnumSet.copyOf(List.of(allowed));
		}

		public boolean allows(Step step) {
			return allowed.contains(step);
		}

		/** Refuses a step this status does not allow (409, with why). */
		public void require(Step step) {
			if (!allows(step)) {
				throw new ConflictException("status", refusal);
			}
		}
	}

	/** What can be done to a letter. */
	public enum Step {
		/** Change the title, the text or the items. */
		EDIT,
		/** Fix the content and its hash. */
		ISSUE,
		/** Sign for one side. */
		SIGN
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
