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
import zeren.org.Subtree;
import zeren.platform.BusinessClock;
import zeren.platform.CurrentScope;
import zeren.platform.ForbiddenException;
import zeren.platform.InputError;
import zeren.platform.Inputs;
import zeren.platform.InvalidInputException;
import zeren.platform.Rows;
import zeren.platform.Scope;

/**
 * "1+X": the requirements an upper organisation sets for every organisation below it. Publishing
 * them gives each lower organisation a list for the year (if it had none) and the requirements as
 * inherited items of it, in two set-based statements over the subtree: O(subtree), seconds for
 * tens of thousands of organisations.
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

	public record Publication(@NotNull Long orgId, @NotNull Integer year, @NotEmpty @Valid List<Requirement> items) {

		public Publication {
			// an empty entry is a requirement without a task (refused as such), not a hole in the list
			items = items == null ? null
					: items.stream().map(r -> r != null ? r : new Requirement(null, null, null, null, null, null)).toList();
		}
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
		var now = clock.now();
		int base = jdbc.sql("SELECT COALESCE(MAX(sort_order), 0) FROM duty_requirement WHERE org_id = :org AND duty_year = :year")
				.param("org", request.orgId()).param("year", year).query(Integer.class).single();
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			Requirement r = items.get(i);
			var keys = new GeneratedKeyHolder();
			jdbc.sql("""
					INSERT INTO duty_requirement (org_id, duty_year, item_no, sort_order, category, task, goal, deadline, published_at)
					VALUES (:org, :year, :no, :sort, :category, :task, :goal, :deadline, :now)
					""").param("org", request.orgId()).param("year", year)
					.param("no", blank(r.itemNo()) == null ? String.valueOf(base + i + 1) : r.itemNo().strip())
					.param("sort", base + i + 1).param("category", blank(r.category())).param("task", r.task().strip())
					.param("goal", blank(r.goal())).param("deadline", r.deadline()).param("now", now).update(keys, "id");
			ids.add(keys.getKey().longValue());
		}
		Subtree subtree = tree.subtree(request.orgId());
		// Below the publisher only, and only where the caller manages (a grant may stop at an organisation).
		Scope managing = scope.managing();
		String below = "o.id IN (" + Subtree.ORG_IDS + ") AND o.id <> :root AND " + managing.condition("o");
		long lists = managing.bind(subtree.bind(jdbc.sql("""
				INSERT INTO duty_list (org_id, duty_year, status, version, created_at, updated_at)
				SELECT o.id, :year, 'DRAFT', 0, :now, :now FROM org o
				WHERE %s AND NOT EXISTS (SELECT 1 FROM duty_list x WHERE x.org_id = o.id AND x.duty_year = :year)
				""".formatted(below)))).param("root", request.orgId()).param("year", year).param("now", now).update();
		long inherited = managing.bind(subtree.bind(jdbc.sql("""
				INSERT INTO duty_item (list_id, item_no, sort_order, category, task, goal, deadline, requirement_id, created_at)
				SELECT l.id, r.item_no, r.sort_order, r.category, r.task, r.goal, r.deadline, r.id, :now
				FROM duty_list l JOIN org o ON o.id = l.org_id JOIN duty_requirement r ON r.id IN (:ids)
				WHERE l.duty_year = :year AND %s
				""".formatted(below)))).param("root", request.orgId()).param("year", year).param("now", now)
				.param("ids", ids).update();
		audit.record(new AuditTrail.Change(request.orgId(), "duty-requirement", ids.get(0), "PUBLISH",
				"year=%d requirements=%s lists-created=%d items-inherited=%d".formatted(year, ids, lists, inherited)));
		events.publishEvent(new DutyListsChanged(request.orgId(), year, true));
		return new Published(ids, lists, inherited);
	}

	/** The requirements an organisation has published for a year. */
	public List<Requirement> of(long orgId, int year) {
		tree.get(orgId);
		return jdbc.sql("""
				SELECT id, item_no, category, task, goal, deadline FROM duty_requirement
				WHERE org_id = :org AND duty_year = :year ORDER BY sort_order, id
				""").param("org", orgId).param("year", year).query(Rows.of(Requirement.class)).list();
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
