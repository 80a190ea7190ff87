package zeren.duty;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongPredicate;

import zeren.duty.DutyList.Milestone;
import zeren.duty.DutyList.Status;
import zeren.duty.DutyList.Step;
import zeren.duty.DutyListManagement.ImportRow;
import zeren.duty.DutyListManagement.ItemInput;
import zeren.duty.ResponsibilityLists.ItemRow;
import zeren.platform.ConflictException;
import zeren.platform.InputError;
import zeren.platform.InvalidInputException;

/**
 * The rules of a responsibility list as pure functions: which years a list may have, when it may
 * be published, when a change needs a reason (an amendment), what an inherited item keeps from
 * the level that set it, what an item must say, and which rows of an imported table are the
 * organisation's own. {@link DutyListManagement} loads and stores; these decide.
 */
final class ListRules {

	static final int MIN_YEAR = 2000;
	static final int MAX_YEAR = 2100;
	static final int MAX_REASON = 2000;
	static final int MAX_MILESTONE = 500;

	private ListRules() {
	}

	/** A list's year lies between {@link #MIN_YEAR} and {@link #MAX_YEAR} (that it is given is a constraint). */
	static void checkYear(Integer year, List<InputError> errors) {
		if (year != null && (year < MIN_YEAR || year > MAX_YEAR)) {
			errors.add(InputError.field("year", "error.duty.year-range", MIN_YEAR, MAX_YEAR));
		}
	}

	/** Only a draft is published (409 naming the version a published list has). */
	static void requirePublishable(Status status, int version) {
		if (!status.allows(Step.PUBLISH)) {
			throw new ConflictException("status", "error.duty.already-published", version);
		}
	}

	/**
	 * The reason a change gives, or null: optional while the list is a draft, required once it is
	 * published (the change is then an amendment). Blank is no reason.
	 */
	static String reasonFor(Status status, String reason) {
		String text = reason == null ? "" : reason.strip();
		if (!status.allows(Step.CHANGE) && text.isEmpty()) {
			throw new ConflictException("reason", "error.duty.locked");
		}
		if (text.length() > MAX_REASON) {
			throw InvalidInputException.of("reason", "error.field.too-long", MAX_REASON);
		}
		return text.isEmpty() ? null : text;
	}

	/** Whether a change to a list in this status is an amendment: a new version with its reason. */
	static boolean isAmendment(Status status) {
		return !status.allows(Step.CHANGE) && status.allows(Step.AMEND);
	}

	/**
	 * What an edit of {@code existing} says. An inherited item keeps the upper level's substance
	 * (category, task, goal, deadline): an input that says something else there is refused (409),
	 * one that leaves it blank keeps it. An own item is what the input says.
	 */
	static ItemInput edited(ItemRow existing, ItemInput input) {
		if (existing.requirementId() == null) {
			return input;
		}
		if (changesSubstance(existing, input)) {
			throw new ConflictException("task", "error.duty.inherited-substance");
		}
		return new ItemInput(existing.itemNo(), existing.category(), existing.task(), existing.goal(),
				input.leaderPostId(), input.leadUnit(), input.participatingUnits(), input.supervisingUnit(),
				existing.deadline(), input.milestones(), input.reason(), input.leadOrgId(), input.participatingOrgIds(),
				input.supervisingOrgId());
	}

	/** Inherited items cannot be removed below the level that set them. */
	static void requireRemovable(ItemRow row) {
		if (row.requirementId() != null) {
			throw new ConflictException("requirementId", "error.duty.inherited-remove");
		}
	}

	/** Whether the input says something else than the upper level about the substance (blank says nothing). */
	private static boolean changesSubstance(ItemRow row, ItemInput in) {
		return differs(in.category(), row.category()) || differs(in.task(), row.task())
				|| differs(in.goal(), row.goal()) || (in.deadline() != null && !in.deadline().equals(row.deadline()));
	}

	private static boolean differs(String given, String current) {
		return given != null && !given.isBlank() && !given.strip().equals(current);
	}

	/** An item's input, checked and trimmed (blank texts are null). */
	record Clean(String itemNo, String category, String task, String goal, Long leaderPostId, String leadUnit,
			String participatingUnits, String supervisingUnit, java.time.LocalDate deadline,
			List<Milestone> milestones, Long leadOrgId, List<Long> participatingOrgIds, Long supervisingOrgId) {
	}

	/** An item that names no unit from the tree: {@link #check(ItemInput, int, LongPredicate, LongPredicate, List, Long)} with none allowed. */
	static Clean check(ItemInput in, int year, LongPredicate isPostOfOrg, List<InputError> errors, Long line) {
		return check(in, year, isPostOfOrg, orgId -> false, errors, line);
	}

	/**
	 * Checks an item of a list of {@code year} beyond its declared constraints: its leader (a post
	 * of the list's organisation: {@code isPostOfOrg}), its deadline (in the year) and its
	 * milestones (a date and one line of text each), its units from the tree (each the list's
	 * organisation or one below it: {@code isUnitOfList}; a participating unit named once); its
	 * texts are trimmed. Errors are added, with {@code line} when the item comes from a file.
	 */
	static Clean check(ItemInput in, int year, LongPredicate isPostOfOrg, LongPredicate isUnitOfList,
			List<InputError> errors, Long line) {
		if (in.leaderPostId() != null && !isPostOfOrg.test(in.leaderPostId())) {
			errors.add(error(line, "leaderPostId", "error.duty.leader-post-unknown", in.leaderPostId()));
		}
		if (in.leadOrgId() != null && !isUnitOfList.test(in.leadOrgId())) {
			errors.add(error(line, "leadOrgId", "error.duty.unit-outside", in.leadOrgId()));
		}
		if (in.supervisingOrgId() != null && !isUnitOfList.test(in.supervisingOrgId())) {
			errors.add(error(line, "supervisingOrgId", "error.duty.unit-outside", in.supervisingOrgId()));
		}
		List<Long> participants = new ArrayList<>();
		for (Long orgId : in.participatingOrgIds() == null ? List.<Long>of() : in.participatingOrgIds()) {
			if (orgId == null || participants.contains(orgId)) {
				continue;
			}
			if (!isUnitOfList.test(orgId)) {
				errors.add(error(line, "participatingOrgIds", "error.duty.unit-outside", orgId));
				continue;
			}
			participants.add(orgId);
		}
		if (in.deadline() != null && in.deadline().getYear() != year) {
			errors.add(error(line, "deadline", "error.duty.deadline-year", year));
		}
		List<Milestone> milestones = new ArrayList<>();
		for (Milestone m : in.milestones() == null ? List.<Milestone>of() : in.milestones()) {
			if (m == null || m.dueDate() == null) {
				errors.add(error(line, "milestones", "error.duty.milestone-date"));
				continue;
			}
			String d = m.description() == null ? "" : m.description().strip();
			if (d.isEmpty() || d.length() > MAX_MILESTONE || d.contains("\n")) {
				errors.add(error(line, "milestones", "error.duty.milestone-text", MAX_MILESTONE));
				continue;
			}
			milestones.add(new Milestone(m.dueDate(), d));
		}
		return new Clean(text(in.itemNo()), text(in.category()), text(in.task()), text(in.goal()), in.leaderPostId(),
				text(in.leadUnit()), text(in.participatingUnits()), text(in.supervisingUnit()), in.deadline(),
				milestones, in.leadOrgId(), List.copyOf(participants), in.supervisingOrgId());
	}

	/**
	 * The organisation's own items among the rows of an imported table: each row's leader named by
	 * the post's title ({@code postsByTitle}), each row checked against its declared
	 * {@code constraints} and {@link #check}; a row that repeats an inherited task is that inherited
	 * item and is left out. Errors (with the cells' own) carry each row's line.
	 */
	static List<Clean> ownItems(List<ImportRow> rows, Set<String> inheritedTasks, Map<String, Long> postsByTitle,
			int year, Function<ItemInput, List<InputError>> constraints, List<InputError> errors) {
		List<Clean> own = new ArrayList<>();
		for (ImportRow row : rows) {
			Long postId = null;
			if (row.leaderPostTitle() != null && !row.leaderPostTitle().isBlank()) {
				postId = postsByTitle.get(row.leaderPostTitle().strip());
				if (postId == null) {
					errors.add(InputError.line(row.line(), "leaderPostId", "error.duty.leader-title-unknown",
							row.leaderPostTitle().strip()));
				}
			}
			errors.addAll(row.errors());
			ItemInput in = new ItemInput(row.itemNo(), row.category(), row.task(), row.goal(), postId, row.leadUnit(),
					row.participatingUnits(), row.supervisingUnit(), row.deadline(), row.milestones(), null);
			constraints.apply(in).forEach(e -> errors.add(new InputError(e.field(), row.line(), e.code(), e.args(),
					e.module())));
			Clean c = check(in, year, postsByTitle::containsValue, errors, row.line());
			if (c.task() != null && inheritedTasks.contains(c.task())) {
				continue;
			}
			own.add(c);
		}
		return own;
	}

	/** How a table's cell lists several participating units: 、 , ， ; ； or a new line between them. */
	private static final java.util.regex.Pattern UNIT_SEPARATORS = java.util.regex.Pattern.compile("[、,，;；\\n]+");

	/** The unit names an imported item's texts hold, for {@link #unitsByName}. */
	static Set<String> unitNames(Clean c) {
		Set<String> names = new java.util.HashSet<>();
		for (String text : java.util.Arrays.asList(c.leadUnit(), c.supervisingUnit(), c.participatingUnits())) {
			if (text != null) {
				for (String part : UNIT_SEPARATORS.split(text)) {
					if (!part.isBlank()) {
						names.add(part.strip());
					}
				}
			}
		}
		return names;
	}

	/**
	 * An imported item whose units, written as text, name organisations of the list's subtree
	 * ({@code orgsByName}: each name that names exactly one of them): those become the organisations
	 * chosen, what names none stays text. A table exported and imported again keeps its units.
	 */
	static Clean unitsByName(Clean c, Map<String, Long> orgsByName) {
		Long lead = c.leadOrgId() != null || c.leadUnit() == null ? c.leadOrgId() : orgsByName.get(c.leadUnit());
		Long supervising = c.supervisingOrgId() != null || c.supervisingUnit() == null ? c.supervisingOrgId()
				: orgsByName.get(c.supervisingUnit());
		List<Long> participants = new ArrayList<>(c.participatingOrgIds());
		List<String> rest = new ArrayList<>();
		if (c.participatingUnits() != null) {
			for (String part : UNIT_SEPARATORS.split(c.participatingUnits())) {
				String name = part.strip();
				Long id = orgsByName.get(name);
				if (id != null && !participants.contains(id)) {
					participants.add(id);
				}
				else if (id == null && !name.isEmpty()) {
					rest.add(name);
				}
			}
		}
		return new Clean(c.itemNo(), c.category(), c.task(), c.goal(), c.leaderPostId(),
				lead != null && c.leadOrgId() == null ? null : c.leadUnit(), rest.isEmpty() ? null : String.join("、", rest),
				supervising != null && c.supervisingOrgId() == null ? null : c.supervisingUnit(), c.deadline(),
				c.milestones(), lead, List.copyOf(participants), supervising);
	}

	private static InputError error(Long line, String field, String code, Object... args) {
		return line == null ? InputError.field(field, code, args) : InputError.line(line, field, code, args);
	}

	/** A text as stored: trimmed, blank as null. */
	private static String text(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
