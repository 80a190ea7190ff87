package zeren.duty;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

	/** A list's year is given and lies between {@link #MIN_YEAR} and {@link #MAX_YEAR}. */
	static void checkYear(Integer year, String field) {
		if (year == null) {
			throw InvalidInputException.of(field, "error.field.required");
		}
		if (year < MIN_YEAR || year > MAX_YEAR) {
			throw InvalidInputException.of(field, "error.duty.year-range", MIN_YEAR, MAX_YEAR);
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
				existing.deadline(), input.milestones(), input.reason());
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
			List<Milestone> milestones) {
	}

	/**
	 * Checks an item of a list of {@code year}: its texts, its leader (a post of the list's
	 * organisation: {@code isPostOfOrg}), its deadline (in the year) and its milestones (a date and
	 * one line of text each). Errors are added, with {@code line} when the item comes from a file.
	 */
	static Clean check(ItemInput in, int year, LongPredicate isPostOfOrg, List<InputError> errors, Long line) {
		String itemNo = text(in.itemNo(), "itemNo", 32, false, errors, line);
		String category = text(in.category(), "category", 200, false, errors, line);
		String task = text(in.task(), "task", 2000, true, errors, line);
		String goal = text(in.goal(), "goal", 4000, false, errors, line);
		String lead = text(in.leadUnit(), "leadUnit", 200, false, errors, line);
		String participating = text(in.participatingUnits(), "participatingUnits", 1000, false, errors, line);
		String supervising = text(in.supervisingUnit(), "supervisingUnit", 200, false, errors, line);
		if (in.leaderPostId() != null && !isPostOfOrg.test(in.leaderPostId())) {
			errors.add(error(line, "leaderPostId", "error.duty.leader-post-unknown", in.leaderPostId()));
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
		return new Clean(itemNo, category, task, goal, in.leaderPostId(), lead, participating, supervising,
				in.deadline(), milestones);
	}

	/** {@link #check} of one input, refused (400) with every error found. */
	static Clean checked(ItemInput in, int year, LongPredicate isPostOfOrg) {
		List<InputError> errors = new ArrayList<>();
		Clean c = check(in, year, isPostOfOrg, errors, null);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return c;
	}

	/**
	 * The organisation's own items among the rows of an imported table: each row's leader named by
	 * the post's title ({@code postsByTitle}), each row checked; a row that repeats an inherited
	 * task is that inherited item and is left out. Errors (with the cells' own) carry each row's line.
	 */
	static List<Clean> ownItems(List<ImportRow> rows, Set<String> inheritedTasks, Map<String, Long> postsByTitle,
			int year, List<InputError> errors) {
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
			Clean c = check(in, year, postsByTitle::containsValue, errors, row.line());
			if (c.task() != null && inheritedTasks.contains(c.task())) {
				continue;
			}
			own.add(c);
		}
		return own;
	}

	private static InputError error(Long line, String field, String code, Object... args) {
		return line == null ? InputError.field(field, code, args) : InputError.line(line, field, code, args);
	}

	private static String text(String value, String field, int max, boolean required, List<InputError> errors,
			Long line) {
		String t = value == null ? "" : value.strip();
		if (t.isEmpty()) {
			if (required) {
				errors.add(error(line, field, "error.field.required"));
			}
			return null;
		}
		if (t.length() > max) {
			errors.add(error(line, field, "error.field.too-long", max));
		}
		return t;
	}
}
