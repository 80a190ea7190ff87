package zeren.accountability;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An accountability case (问责案件) with its parties, their decisions and appeals, and the
 * steps of its procedure so far.
 */
public record AccountabilityCase(long id, long orgId, String orgName, Origin origin, String originRef, String title,
		LocalDate periodFrom, LocalDate periodTo, String facts, List<Situations.Situation> situations,
		Long inChargePostId, String inChargePostTitle, Status status, LocalDate registeredOn, LocalDate openedOn,
		String openingApprovedBy, LocalDate reportedOn, String report, LocalDate decidedOn, LocalDate announcedOn,
		LocalDate filedOn, List<Party> parties, List<Step> steps) {

	/** Where the case came from. */
	public enum Origin {
		/** 监督检查发现的问题 */
		INSPECTION_FINDING,
		/** 巡视巡察 */
		INSPECTION_TOUR,
		/** 信访举报 */
		REPORT,
		/** 考核 */
		ASSESSMENT,
		OTHER
	}

	/**
	 * The procedure (2019 Accountability Regulations): registered → opening approved (Art. 9) →
	 * investigation, with the fact statement shown and the party's statement of case → report →
	 * a decision per party by the organisation with management authority (Art. 12) → announced
	 * and delivered, executed (organisational handling within one month, Art. 14) → filed in the
	 * integrity and personnel files (Art. 14). Appeals (Art. 15) run beside, without suspending
	 * execution.
	 */
	public enum Status {
		REGISTERED, NOT_OPENED, INVESTIGATING, REPORTED, DECIDED, ANNOUNCED, FILED;

		/** Once every party is decided the case is locked: a change is a new, audited decision. */
		public boolean isDecided() {
			return this == DECIDED || this == ANNOUNCED || this == FILED;
		}
	}

	/**
	 * Grades of responsibility (2019 Accountability Regulations, Art. 6): the team carries full
	 * leadership responsibility; the principal leader and the member directly in charge carry
	 * principal leadership responsibility; other members who took part carry important leadership
	 * responsibility. Dual investigation (一案双查) adds the person directly responsible and the
	 * discipline body's supervisory responsibility.
	 */
	public enum Responsibility {
		/** 直接责任 */
		DIRECT,
		/** 主要领导责任 */
		PRINCIPAL_LEADERSHIP,
		/** 监督责任 */
		SUPERVISORY,
		/** 重要领导责任 */
		IMPORTANT_LEADERSHIP,
		/** 全面领导责任 (an organisation: the leadership team) */
		FULL_LEADERSHIP
	}

	/** What the investigators made of a proposed party. */
	public enum Disposition {
		PENDING, CONFIRMED, DROPPED
	}

	/**
	 * Forms of accountability (Art. 8): for an organisation 检查, 通报, 改组; for a cadre 通报, 诫勉,
	 * 组织调整或者组织处理 (停职检查, 调整职务, 责令辞职, 免职, 降职) and 纪律处分. Forms may be combined.
	 */
	public enum Form {
		ORG_SELF_EXAMINATION(true, false),
		ORG_CIRCULATION(true, false),
		ORG_REORGANISATION(true, false),
		CIRCULATION(false, false),
		ADMONISHMENT(false, false),
		SUSPENSION(false, true),
		REASSIGNMENT(false, true),
		ORDERED_RESIGNATION(false, true),
		DISMISSAL(false, true),
		DEMOTION(false, true),
		DISCIPLINARY_SANCTION(false, false);

		private final boolean forOrganisation;
		private final boolean organisationalHandling;

		Form(boolean forOrganisation, boolean organisationalHandling) {
			this.forOrganisation = forOrganisation;
			this.organisationalHandling = organisationalHandling;
		}

		public boolean forOrganisation() {
			return forOrganisation;
		}

		/** 组织调整或者组织处理: to be completed within one month (Art. 14). */
		public boolean organisationalHandling() {
			return organisationalHandling;
		}
	}

	/** DECISION: the first; CORRECTION: a later decision that replaces it; APPEAL: the outcome of an appeal. */
	public enum DecisionKind {
		DECISION, CORRECTION, APPEAL
	}

	/** ACCOUNTABLE: with forms; EXEMPT: 不予或者免予问责, with its reason; REVOKED: withdrawn on appeal. */
	public enum Outcome {
		ACCOUNTABLE, EXEMPT, REVOKED
	}

	public enum AppealOutcome {
		/** 维持 */
		UPHELD,
		/** 变更 */
		VARIED,
		/** 撤销 */
		REVOKED
	}

	/**
	 * A party: a cadre ({@code personId}) or an organisation ({@code partyOrgId}). {@code execution}:
	 * the tracked item that follows the organisational handling of the decision in force, due
	 * {@code executionDueOn} (Art. 14), once the decision is announced.
	 */
	public record Party(long id, Long personId, String personName, Long partyOrgId, String partyOrgName,
			Responsibility responsibility, Disposition disposition, String grounds, String dispositionReason,
			LocalDate factStatementShownOn, LocalDate statementOn, String statement, LocalDate deliveredOn,
			List<Decision> decisions, List<Appeal> appeals, LocalDate executionDueOn, LocalDate appealUntil,
			zeren.tracking.TrackedItem execution) {

		public boolean isOrganisation() {
			return partyOrgId != null;
		}

		public String name() {
			return isOrganisation() ? partyOrgName : personName;
		}

		/** The decision in force, or null while undecided. */
		public Decision current() {
			return decisions.stream().filter(Decision::current).findFirst().orElse(null);
		}
	}

	public record Decision(long id, int version, DecisionKind kind, Outcome outcome, LocalDate decidedOn,
			String authority, List<Form> forms, String sanctionDetail, String reason, boolean current,
			String username, OffsetDateTime createdAt) {

		public boolean hasOrganisationalHandling() {
			return outcome == Outcome.ACCOUNTABLE && forms.stream().anyMatch(Form::organisationalHandling);
		}
	}

	/** An appeal (申诉), filed within a month of delivery, to be decided within a month (Art. 15). */
	public record Appeal(long id, long partyId, LocalDate filedOn, String grounds, LocalDate dueOn, LocalDate decidedOn,
			AppealOutcome outcome, String reason, boolean overdue) {
	}

	/** One step of the procedure as it happened. */
	public record Step(String step, LocalDate onDate, Long partyId, String note, String username,
			OffsetDateTime createdAt) {
	}
}
