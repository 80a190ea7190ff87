package zeren.duty;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zeren.audit.AuditTrail;
import zeren.org.OrgTree;
import zeren.org.OrgType;
import zeren.org.Subtree;
import zeren.platform.BusinessClock;
import zeren.platform.CurrentScope;
import zeren.platform.ForbiddenException;
import zeren.platform.InputError;
import zeren.platform.Inputs;
import zeren.platform.InvalidInputException;
import zeren.platform.NotFoundException;
import zeren.platform.ConflictException;
import zeren.platform.Rows;
import zeren.platform.Scope;

/**
 * "1+X": the requirements an upper organisation sets for the organisations below it (明确下一级党委
 * （党组）的责任和履责要求). A publication says whom it reaches ({@link Targeting}): by default the
 * Party committees and groups of the next level, not the branches below them nor the discipline
 * bodies; or the whole subtree, or other organisation types. Publishing gives each organisation
 * reached a list for the year (if it had none) and the requirements as inherited items of it, in
 * two set-based statements over the subtree: O(subtree), seconds for tens of thousands of
 * organisations.
 */
@Service
@Transactional(readOnly = true)
public class Requirements {

	private final JdbcClient jdbc;
	private final OrgTree tree;
	private final BusinessClock clock;
	private final CurrentScope scope;
	private final AuditTrail audit;
	private final org.springframework.context.ApplicationEventPublisher events;
	private final Validator validator;

	Requirements(JdbcClient jdbc, OrgTree tree, BusinessClock clock, CurrentScope scope, AuditTrail audit,
			org.springframework.context.ApplicationEventPublisher events, Validator validator) {
		this.jdbc = jdbc;
		this.validator = validator;
		this.events = events;
		this.tree = tree;
		this.clock = clock;
		this.scope = scope;
		this.audit = audit;
	}

	/** One requirement: its substance binds every level below. */
	public record Requirement(Long id, @Size(max = 32) String itemNo, @Size(max = 200) String category,
			@NotBlank @Size(max = 2000) String task, @Size(max = 4000) String goal, LocalDate deadline) {
	}

	/** How far below the publisher a requirement reaches. */
	public enum Reach {
		/** The publisher's children only (下一级). */
		NEXT_LEVEL,
		/** Every organisation below the publisher. */
		ALL_LEVELS
	}

	/**
	 * Whom a requirement reaches: the organisations of {@code types} at the {@code reach} below the
	 * publisher. The default is {@link #COMMITTEES} of the next level: the source text sets the
	 * duties of 下一级党委（党组）, not of village branches or of the discipline bodies.
	 */
	public record Targeting(Reach reach, List<OrgType> types) {

		/** The organisations that carry principal responsibility: 党委, 党组, 党工委. */
		public static final List<OrgType> COMMITTEES = java.util.Arrays.stream(OrgType.values())
				.filter(OrgType::mayHaveDisciplineBody).toList();

		/** Unset parts are the default's; the types in {@link OrgType}'s order, each once. */
		public Targeting {
			reach = reach == null ? Reach.NEXT_LEVEL : reach;
			types = types == null || types.stream().allMatch(java.util.Objects::isNull) ? COMMITTEES
					: java.util.Arrays.stream(OrgType.values()).filter(types::contains).toList();
		}

		public static Targeting committeesOfNextLevel() {
			return new Targeting(null, null);
		}
	}

	/** Requirements to publish, with whom they reach (null: {@link Targeting#committeesOfNextLevel()}). */
	public record Publication(@NotNull Long orgId, @NotNull Integer year, @NotEmpty @Valid List<Requirement> items,
			Targeting targeting) {

		public Publication {
			// an empty entry is a requirement without a task (refused as such), not a hole in the list
			items = items == null ? null
					: items.stream().map(r -> r != null ? r : new Requirement(null, null, null, null, null, null)).toList();
			targeting = targeting == null ? Targeting.committeesOfNextLevel() : targeting;
		}

		/** Requirements for the committees of the next level. */
		public Publication(Long orgId, Integer year, List<Requirement> items) {
			this(orgId, year, items, null);
		}
	}

	/**
	 * A published requirement with whom it was published for and how many lists hold it
	 * ({@code reached}, in the caller's view); {@code locked}: a list holding it is published, so it
	 * can no longer be revised. A requirement published before targeting existed reached every
	 * organisation below: all levels, every type.
	 */
	public record Issued(long id, String itemNo, String category, String task, String goal, LocalDate deadline,
			Reach reach, List<OrgType> types, long reached, boolean locked) {
	}

	/** What a publication did: the requirements written, the lists created and the items inherited below. */
	public record Published(List<Long> requirementIds, long listsCreated, long itemsInherited) {
	}

	@Transactional
	public Published publish(Publication request) {
		List<InputError> errors = new ArrayList<>(Inputs.errors(validator.validate(request)));
		if (request.orgId() == null) {
			throw new InvalidInputException(errors);
		}
		if (!tree.canManage(request.orgId())) {
			throw new ForbiddenException();
		}
		ListRules.checkYear(request.year(), errors);
		List<Requirement> items = request.items() == null ? List.of() : request.items();
		for (int i = 0; i < items.size() && request.year() != null; i++) {
			Requirement r = items.get(i);
			if (r.deadline() != null && r.deadline().getYear() != request.year()) {
				errors.add(InputError.field("items[%d].deadline".formatted(i), "error.duty.deadline-year", request.year()));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		int year = request.year();
		Targeting targeting = request.targeting();
		var now = clock.now();
		int base = jdbc.sql("SELECT COALESCE(MAX(sort_order), 0) FROM duty_requirement WHERE org_id = :org AND duty_year = :year")
				.param("org", request.orgId()).param("year", year).query(Integer.class).single();
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			Requirement r = items.get(i);
			var keys = new GeneratedKeyHolder();
			jdbc.sql("""
					INSERT INTO duty_requirement (org_id, duty_year, item_no, sort_order, category, task, goal, deadline,
					                              published_at, reach, target_types)
					VALUES (:org, :year, :no, :sort, :category, :task, :goal, :deadline, :now, :reach, :types)
					""").param("org", request.orgId()).param("year", year).param("reach", targeting.reach().name())
					.param("types", String.join(",", targeting.types().stream().map(OrgType::name).toList()))
					.param("no", blank(r.itemNo()) == null ? String.valueOf(base + i + 1) : r.itemNo().strip())
					.param("sort", base + i + 1).param("category", blank(r.category())).param("task", r.task().strip())
					.param("goal", blank(r.goal())).param("deadline", r.deadline()).param("now", now).update(keys, "id");
			ids.add(keys.getKey().longValue());
		}
		Reached reached = reached(request.orgId(), targeting);
		long lists = createLists(reached, year, now);
		long inherited = inherit(reached, ids, year, now);
		audit.record(new AuditTrail.Change(request.orgId(), "duty-requirement", ids.get(0), "PUBLISH",
				"year=%d requirements=%s reach=%s types=%s lists-created=%d items-inherited=%d".formatted(year, ids,
						targeting.reach(), targeting.types(), lists, inherited)));
		events.publishEvent(new DutyListsChanged(request.orgId(), year, true));
		return new Published(ids, lists, inherited);
	}

	/**
	 * The organisations a targeting reaches below {@code rootId}, as a condition on {@code o} with
	 * its parameters: in the subtree, not the publisher, of the types targeted, on the next level
	 * only when so targeted, and only where the caller manages (a grant may stop at an organisation).
	 */
	private record Reached(String condition, Subtree subtree, Scope managing, long rootId, List<String> types) {

		JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
			return managing.bind(subtree.bind(spec)).param("root", rootId).param("types", types);
		}
	}

	private Reached reached(long rootId, Targeting targeting) {
		Scope managing = scope.managing();
		String condition = "o.id IN (" + Subtree.ORG_IDS + ") AND o.id <> :root AND o.type IN (:types) AND "
				+ (targeting.reach() == Reach.NEXT_LEVEL ? "o.parent_id = :root AND " : "") + managing.condition("o");
		return new Reached(condition, tree.subtree(rootId), managing, rootId,
				targeting.types().stream().map(OrgType::name).toList());
	}

	/** Creates the (draft) list of the year of each organisation reached that has none. */
	private long createLists(Reached reached, int year, java.time.OffsetDateTime now) {
		return reached.bind(jdbc.sql("""
				INSERT INTO duty_list (org_id, duty_year, status, version, created_at, updated_at)
				SELECT o.id, :year, 'DRAFT', 0, :now, :now FROM org o
				WHERE %s AND NOT EXISTS (SELECT 1 FROM duty_list x WHERE x.org_id = o.id AND x.duty_year = :year)
				""".formatted(reached.condition()))).param("year", year).param("now", now).update();
	}

	/** Puts the requirements {@code ids} into the lists of the year of the organisations reached that lack them. */
	private long inherit(Reached reached, List<Long> ids, int year, java.time.OffsetDateTime now) {
		return reached.bind(jdbc.sql("""
				INSERT INTO duty_item (list_id, item_no, sort_order, category, task, goal, deadline, requirement_id, created_at)
				SELECT l.id, r.item_no, r.sort_order, r.category, r.task, r.goal, r.deadline, r.id, :now
				FROM duty_list l JOIN org o ON o.id = l.org_id JOIN duty_requirement r ON r.id IN (:ids)
				WHERE l.duty_year = :year AND %s
				  AND NOT EXISTS (SELECT 1 FROM duty_item x WHERE x.list_id = l.id AND x.requirement_id = r.id)
				""".formatted(reached.condition()))).param("year", year).param("now", now).param("ids", ids).update();
	}

	// ---- revising -------------------------------------------------------------------------------

	/** A requirement as revised, with whom it reaches now. */
	public record Revision(@Size(max = 32) String itemNo, @Size(max = 200) String category,
			@NotBlank @Size(max = 2000) String task, @Size(max = 4000) String goal, LocalDate deadline,
			Targeting targeting) {

		public Revision {
			targeting = targeting == null ? Targeting.committeesOfNextLevel() : targeting;
		}
	}

	private record Stored(long id, long orgId, int year, String itemNo) {
	}

	/**
	 * Revises a requirement: its substance and whom it reaches. Allowed while no list holding it
	 * has been published, as a list is while a draft; after that it binds published lists and the
	 * ledger, and the upper level publishes another requirement instead (409). The lists no longer
	 * reached lose the item; those newly reached get it (and a list, if they had none).
	 */
	@Transactional
	public Issued revise(long requirementId, Revision revision) {
		Stored stored = jdbc.sql("""
				SELECT id, org_id, duty_year AS "year", item_no FROM duty_requirement WHERE id = :id FOR UPDATE
				""").param("id", requirementId).query(Rows.of(Stored.class)).optional()
				.filter(r -> tree.find(r.orgId()).isPresent())
				.orElseThrow(() -> new NotFoundException("duty-requirement", requirementId));
		if (!tree.canManage(stored.orgId())) {
			throw new ForbiddenException();
		}
		List<InputError> errors = new ArrayList<>(Inputs.errors(validator.validate(revision)));
		if (revision.deadline() != null && revision.deadline().getYear() != stored.year()) {
			errors.add(InputError.field("deadline", "error.duty.deadline-year", stored.year()));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		long published = jdbc.sql("""
				SELECT COUNT(*) FROM duty_item i JOIN duty_list l ON l.id = i.list_id
				WHERE i.requirement_id = :id AND l.status <> 'DRAFT'
				""").param("id", requirementId).query(Long.class).single();
		if (published > 0) {
			throw new ConflictException("id", "error.duty.requirement-published", published);
		}
		Targeting targeting = revision.targeting();
		String itemNo = blank(revision.itemNo()) == null ? stored.itemNo() : revision.itemNo().strip();
		jdbc.sql("""
				UPDATE duty_requirement SET item_no = :no, category = :category, task = :task, goal = :goal,
				       deadline = :deadline, reach = :reach, target_types = :types WHERE id = :id
				""").param("no", itemNo).param("category", blank(revision.category())).param("task", revision.task().strip())
				.param("goal", blank(revision.goal())).param("deadline", revision.deadline())
				.param("reach", targeting.reach().name())
				.param("types", String.join(",", targeting.types().stream().map(OrgType::name).toList()))
				.param("id", requirementId).update();
		jdbc.sql("""
				UPDATE duty_item SET item_no = :no, category = :category, task = :task, goal = :goal, deadline = :deadline
				WHERE requirement_id = :id
				""").param("no", itemNo).param("category", blank(revision.category())).param("task", revision.task().strip())
				.param("goal", blank(revision.goal())).param("deadline", revision.deadline()).param("id", requirementId)
				.update();
		Reached reached = reached(stored.orgId(), targeting);
		long removed = reached.bind(jdbc.sql("""
				DELETE FROM duty_item WHERE requirement_id = :id AND list_id IN (
				  SELECT l.id FROM duty_list l JOIN org o ON o.id = l.org_id
				  WHERE l.duty_year = :year AND %s AND NOT (%s))
				""".formatted(reached.managing().condition("o"), reached.condition()))).param("id", requirementId)
				.param("year", stored.year()).update();
		var now = clock.now();
		long lists = createLists(reached, stored.year(), now);
		long added = inherit(reached, List.of(requirementId), stored.year(), now);
		audit.record(new AuditTrail.Change(stored.orgId(), "duty-requirement", requirementId, "REVISE",
				"task=%s reach=%s types=%s removed=%d lists-created=%d added=%d".formatted(revision.task().strip(),
						targeting.reach(), targeting.types(), removed, lists, added)));
		return of(stored.orgId(), stored.year()).stream().filter(r -> r.id() == requirementId).findFirst().orElseThrow();
	}

	private record IssuedRow(long id, String itemNo, String category, String task, String goal, LocalDate deadline,
			String reach, String targetTypes, long reached, boolean locked) {
	}

	/** The requirements an organisation has published for a year, each with whom it reaches and how many lists hold it. */
	public List<Issued> of(long orgId, int year) {
		tree.get(orgId);
		Scope reading = scope.reading();
		return reading.bind(jdbc.sql("""
				SELECT r.id, r.item_no, r.category, r.task, r.goal, r.deadline, r.reach, r.target_types,
				       (SELECT COUNT(*) FROM duty_item i JOIN duty_list l ON l.id = i.list_id JOIN org o ON o.id = l.org_id
				        WHERE i.requirement_id = r.id AND %s) AS reached,
				       EXISTS (SELECT 1 FROM duty_item i JOIN duty_list l ON l.id = i.list_id
				               WHERE i.requirement_id = r.id AND l.status <> 'DRAFT') AS locked
				FROM duty_requirement r WHERE r.org_id = :org AND r.duty_year = :year ORDER BY r.sort_order, r.id
				""".formatted(reading.condition("o")))).param("org", orgId).param("year", year)
				.query(Rows.of(IssuedRow.class)).list().stream()
				.map(r -> new Issued(r.id(), r.itemNo(), r.category(), r.task(), r.goal(), r.deadline(),
						Reach.valueOf(r.reach()), r.targetTypes() == null ? List.of(OrgType.values())
								: java.util.Arrays.stream(r.targetTypes().split(",")).filter(t -> !t.isBlank())
										.map(OrgType::valueOf).toList(),
						r.reached(), r.locked()))
				.toList();
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
