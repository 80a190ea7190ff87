package zeren.accountability;

import java.time.LocalDate;
import java.util.List;

import zeren.accountability.AccountabilityCase.Disposition;
import zeren.accountability.AccountabilityCase.Responsibility;
import zeren.org.PostKind;
import zeren.org.Tenure;

/**
 * A party proposed by dual investigation (一案双查): a cadre ({@code personId}) or an
 * organisation ({@code orgId}), with the grade of responsibility, the grounds (which post, which
 * dates) in {@code grounds} and as a sentence in {@code reason}, where the person is now, and what
 * the investigators made of it so far.
 *
 * @param postsNow the posts the person holds today (in the organisations the caller may see)
 * @param retired the person holds no post today and their last tenure ended in retirement
 * @param whereNow where a leader of the period is now (null for organisations and for people
 *        entered without a post of the period)
 * @param triggers the case's retrospective triggers (倒查) that pursue this party: the principal,
 *        the discipline principal and the discipline body of the period
 * @param partyId the stored party once entered, confirmed or dropped
 */
public record ProposedParty(Long personId, String personName, Long orgId, String orgName,
		Responsibility responsibility, List<Ground> grounds, String reason, List<PostNow> postsNow, boolean retired,
		Whereabouts whereNow, List<Trigger> triggers, Disposition disposition, String dispositionReason,
		Long partyId) {

	/**
	 * Where a leader of the period is now, against the posts held then: the source text's "不管是现职还是
	 * 已经调离或者升迁". Read from the end of the tenures of the period (a promotion, a transfer) and the
	 * posts held today, so that a promotion out of the caller's view is still told.
	 */
	public enum Whereabouts {
		/** still holds a post held during the period (现职) */
		IN_POST,
		/** moved to another post (调离) */
		TRANSFERRED,
		/** promoted (升迁): the tenure ended by promotion, or a post now at a higher level */
		PROMOTED,
		RETIRED,
		/** no post now and no known move */
		LEFT
	}

	/** A retrospective trigger (倒查) of the case under which the party is pursued. */
	public record Trigger(String code, String name) {
	}

	/**
	 * Why: the post held during the incident period ({@code heldFrom}..{@code heldTo}, inside the
	 * tenure {@code tenureStart}..{@code tenureEnd}). {@code role} is one of: entered, team,
	 * upper-team, principal, in-charge, member, discipline, upper-principal, upper-member.
	 */
	public record Ground(Responsibility responsibility, String role, Long postId, String postTitle, PostKind postKind,
			Long orgId, String orgName, LocalDate heldFrom, LocalDate heldTo, LocalDate tenureStart,
			LocalDate tenureEnd, Tenure.EndReason endReason) {
	}

	/** A post the person holds today. */
	public record PostNow(long postId, String postTitle, long orgId, String orgName, LocalDate since) {
	}

	public String name() {
		return personId != null ? personName : orgName;
	}
}
