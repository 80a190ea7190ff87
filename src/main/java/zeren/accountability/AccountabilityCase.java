package zeren.accountability;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

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
	 *
	 * <p>Each status lists the actions it allows: the table below is the whole procedure.
	 */
	public enum Status {
		REGISTERED(Action.UPDATE, Action.DIRECT_PARTY, Action.APPROVE_OPENING, Action.REFUSE_OPENING),
		NOT_OPENED,
		INVESTIGATING(Action.UPDATE, Action.DIRECT_PARTY, Action.DISPOSE, Action.FACT_STATEMENT, Action.STATEMENT,
				Action.REPORT),
		REPORTED(Action.DECIDE),
		/** Every confirmed party decided: the case is locked, a change is a new decision (a correction). */
		DECIDED(Action.CORRECT, Action.ANNOUNCE),
		/** Execution runs; a party may appeal, which does not suspend it. */
		ANNOUNCED(Action.CORRECT, Action.FILE, Action.APPEAL, Action.DECIDE_APPEAL),
		FILED(Action.CORRECT, Action.APPEAL, Action.DECIDE_APPEAL);

		private final Set<Action> allowed;

		Status(Action... allowed) {
			this.allowed = allowed.length == 0 ? EnumSet.noneOf(Action.class) : EnumSet.copyOf(List.of(allowed));
		}

		/** Whether a case in this status allows the action. */
		public boolean allows(Action action) {
			return allowed.contains(action);
		}

		/**
		 * The status a case moves to by the action: the opening approved or refused, the report, the
		 * last party decided, the announcement and the filing move it on; every other action leaves
		 * it where it is. Refuses an action this status does not allow.
		 */
		public Status next(Action action) {
			if (!allows(action)) {
				throw new IllegalStateException(action + " is not allowed in " + this);
			}
			return switch (action) {
				case APPROVE_OPENING -> INVESTIGATING;
				case REFUSE_OPENING -> NOT_OPENED;
				case REPORT -> REPORTED;
				case DECIDE -> DECIDED;
				case ANNOUNCE -> ANNOUNCED;
				case FILE -> FILED;
				default -> this;
			};
		}

		/** Once every party is decided the case is locked: a change is a new, audited decision. */
		public boolean isDecided() {
			return allows(Action.CORRECT);
		}
	}

	/**
	 * What can be done to a case; {@link Status#allows} says when. {@code code} names the action in
	 * the message that refuses it.
	 */
	public enum Action {
		UPDATE("update"),
		DIRECT_PARTY("direct-party"),
		APPROVE_OPENING("approve-opening"),
		REFUSE_OPENING("refuse-opening"),
		DISPOSE("dispose"),
		FACT_STATEMENT("fact-statement"),
		STATEMENT("statement"),
		REPORT("report"),
		/** A party's decision; the last one moves the case to DECIDED. */
		DECIDE("decide"),
		/** A new decision that supersedes the one in force. */
		CORRECT("correct"),
		ANNOUNCE("announce"),
		FILE("file"),
		APPEAL("appeal"),
		DECIDE_APPEAL("decide-appeal");

		private final String code;

		Action(String code) {
			this.code = code;
		}

		public String code() {
			return code;
		}

		/** The statuses that allow this action, in the order of the procedure. */
		public List<Status> allowedIn() {
			return Stream.of(Status.values()).filter(s -> s.allows(this)).toList();
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
