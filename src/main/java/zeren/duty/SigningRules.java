package zeren.duty;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import zeren.duty.ResponsibilityLetter.Party;
import zeren.duty.ResponsibilityLetter.Side;
import zeren.duty.ResponsibilityLetter.Step;
import zeren.platform.ConflictException;
import zeren.platform.ForbiddenException;

/**
 * Who signs a letter, as pure functions: each side is signed once, by the person who holds that
 * side's post on the signing day (through tenures), whatever their grants. The caller passes the
 * posts of the letter that the signer's person holds on that day; {@link LetterManagement} reads
 * them and stores the signature.
 */
final class SigningRules {

	private SigningRules() {
	}

	/**
	 * The side a signer signs when they name none: the first side whose post they hold and that
	 * has not signed; else the first side whose post they hold (refused then as signed already);
	 * else the recipient (refused as not theirs).
	 */
	static Side sideFor(ResponsibilityLetter letter, Collection<Long> heldPosts, Side asked) {
		if (asked != null) {
			return asked;
		}
		boolean issuer = heldPosts.contains(letter.issuer().postId());
		boolean recipient = heldPosts.contains(letter.recipient().postId());
		return issuer && !letter.signedBy(Side.ISSUER) ? Side.ISSUER
				: recipient && !letter.signedBy(Side.RECIPIENT) ? Side.RECIPIENT
				: issuer ? Side.ISSUER : Side.RECIPIENT;
	}

	/**
	 * The party the signer signs for, checked: only the holder of its post on {@code day} (403,
	 * naming the post and the day), and only once (409).
	 */
	static Party signer(ResponsibilityLetter letter, Side side, Collection<Long> heldPosts, LocalDate day) {
		Party party = letter.party(side);
		if (!heldPosts.contains(party.postId())) {
			throw new ForbiddenException("party", "error.letters.not-holder", party.orgName() + party.postTitle(),
					day.toString());
		}
		if (letter.signedBy(side)) {
			throw new ConflictException("party", "error.letters.already-signed");
		}
		return party;
	}

	/** Whether signing {@code side} completes the letter: the other side has signed already. */
	static boolean completes(ResponsibilityLetter letter, Side side) {
		return letter.signedBy(side == Side.ISSUER ? Side.RECIPIENT : Side.ISSUER);
	}

	/** The sides of a letter the holder of {@code heldPosts} could sign: an issued letter, their post, not yet signed. */
	static List<Side> signable(ResponsibilityLetter letter, Collection<Long> heldPosts) {
		List<Side> sides = new ArrayList<>();
		if (!letter.status().allows(Step.SIGN)) {
			return sides;
		}
		for (Side side : Side.values()) {
			if (heldPosts.contains(letter.party(side).postId()) && !letter.signedBy(side)) {
				sides.add(side);
			}
		}
		return sides;
	}
}
