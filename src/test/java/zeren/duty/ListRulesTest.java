package zeren.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import zeren.duty.DutyList.Milestone;
import zeren.duty.DutyList.Status;
import zeren.duty.DutyList.Step;
import zeren.duty.DutyListManagement.ImportRow;
import zeren.duty.DutyListManagement.ItemInput;
import zeren.duty.ResponsibilityLists.ItemRow;
import zeren.platform.ConflictException;
import zeren.platform.InputError;
import zeren.platform.InvalidInputException;

/** The rules of a responsibility list, without Spring and without a database. */
class ListRulesTest {

	static ItemInput input(String task, Long leader, LocalDate deadline, String reason) {
		return new ItemInput(null, "教育", task, null, leader, null, null, null, deadline, List.of(), reason);
	}

	static ItemRow inherited() {
		return new ItemRow(1, 10, "1", 1, "主体责任", "签订责任书", "层层签订", null, null, null, null, null,
				LocalDate.of(2026, 3, 31), 99L, 5L, null, null, null, null);
	}

	static String code(RuntimeException e) {
		return e instanceof ConflictException c ? c.error().code()
				: ((InvalidInputException) e).errors().get(0).code();
	}

	@Test
	void a_draft_changes_freely_and_publishes_a_published_list_only_takes_amendments() {
		assertThat(Status.DRAFT.allows(Step.CHANGE)).isTrue();
		assertThat(Status.DRAFT.allows(Step.PUBLISH)).isTrue();
		assertThat(Status.DRAFT.allows(Step.AMEND)).isFalse();
		assertThat(Status.PUBLISHED.allows(Step.AMEND)).isTrue();
		assertThat(Status.PUBLISHED.allows(Step.CHANGE)).isFalse();
		assertThat(Status.PUBLISHED.allows(Step.PUBLISH)).isFalse();
		assertThat(ListRules.isAmendment(Status.DRAFT)).isFalse();
		assertThat(ListRules.isAmendment(Status.PUBLISHED)).isTrue();
	}

	@Test
	void a_published_list_is_not_published_again() {
		ListRules.requirePublishable(Status.DRAFT, 0);
		assertThatThrownBy(() -> ListRules.requirePublishable(Status.PUBLISHED, 3))
				.isInstanceOfSatisfying(ConflictException.class, e -> {
					assertThat(e.error().code()).isEqualTo("error.duty.already-published");
					assertThat(e.error().args()).containsExactly(3);
				});
	}

	@Test
	void a_change_to_a_published_list_needs_a_reason_and_a_draft_does_not() {
		assertThat(ListRules.reasonFor(Status.DRAFT, null)).isNull();
		assertThat(ListRules.reasonFor(Status.DRAFT, "  ")).isNull();
		assertThat(ListRules.reasonFor(Status.DRAFT, " 调整 ")).isEqualTo("调整");
		assertThat(ListRules.reasonFor(Status.PUBLISHED, " 县委常委会调整分工 ")).isEqualTo("县委常委会调整分工");
		assertThatThrownBy(() -> ListRules.reasonFor(Status.PUBLISHED, " ")).isInstanceOfSatisfying(
				ConflictException.class, e -> assertThat(e.error().field()).isEqualTo("reason"));
		assertThatThrownBy(() -> ListRules.reasonFor(Status.PUBLISHED, "长".repeat(2001)))
				.isInstanceOf(InvalidInputException.class).satisfies(e -> assertThat(code((RuntimeException) e))
						.isEqualTo("error.field.too-long"));
	}

	@Test
	void a_year_outside_2000_to_2100_is_refused() {
		List<InputError> errors = new ArrayList<>();
		ListRules.checkYear(2000, errors);
		ListRules.checkYear(2100, errors);
		ListRules.checkYear(null, errors);
		assertThat(errors).isEmpty();
		ListRules.checkYear(1999, errors);
		assertThat(errors).extracting(InputError::field, InputError::code)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("year", "error.duty.year-range"));
	}

	@Test
	void an_inherited_item_keeps_the_upper_levels_substance_and_takes_its_own_leader() {
		ItemInput edit = new ItemInput(null, " ", null, "", 7L, "县委办", null, null, null, List.of(), "分工");
		ItemInput effective = ListRules.edited(inherited(), edit);
		assertThat(effective.task()).isEqualTo("签订责任书");
		assertThat(effective.goal()).isEqualTo("层层签订");
		assertThat(effective.deadline()).isEqualTo(LocalDate.of(2026, 3, 31));
		assertThat(effective.leaderPostId()).isEqualTo(7L);
		assertThat(effective.leadUnit()).isEqualTo("县委办");
		// repeating the substance as it stands is no change of it
		ListRules.edited(inherited(), new ItemInput(null, "主体责任", " 签订责任书 ", null, null, null, null, null,
				LocalDate.of(2026, 3, 31), List.of(), null));
		assertThatThrownBy(() -> ListRules.edited(inherited(), input("改掉上级要求", null, null, null)))
				.isInstanceOfSatisfying(ConflictException.class, e -> {
					assertThat(e.error().field()).isEqualTo("task");
					assertThat(e.error().code()).isEqualTo("error.duty.inherited-substance");
				});
		assertThatThrownBy(() -> ListRules.edited(inherited(), input(null, null, LocalDate.of(2026, 6, 30), null)))
				.isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> ListRules.requireRemovable(inherited())).isInstanceOfSatisfying(
				ConflictException.class, e -> assertThat(e.error().code()).isEqualTo("error.duty.inherited-remove"));
	}

	@Test
	void an_own_item_is_what_its_input_says_and_can_be_removed() {
		ItemRow own = new ItemRow(2, 10, "2", 2, null, "自定任务", null, null, null, null, null, null, null, null, null,
				null, null, null, null);
		ItemInput edit = input("改过的任务", null, null, null);
		assertThat(ListRules.edited(own, edit)).isSameAs(edit);
		ListRules.requireRemovable(own);
	}

	@Test
	void an_item_needs_a_leader_of_the_organisation_a_deadline_in_the_year_and_dated_milestones() {
		List<InputError> errors = new ArrayList<>();
		ItemInput bad = new ItemInput(null, null, " ", null, 8L, null, null, null, LocalDate.of(2027, 1, 1),
				java.util.Arrays.asList(new Milestone(null, "x"), new Milestone(LocalDate.of(2026, 5, 1), "两\n行")), null);
		ListRules.check(bad, 2026, id -> id == 7L, errors, null);
		assertThat(errors).extracting(InputError::field).containsExactly("leaderPostId", "deadline", "milestones",
				"milestones");
		assertThat(errors).extracting(InputError::line).containsOnlyNulls();

		errors.clear();
		ListRules.Clean clean = ListRules.check(new ItemInput(" 2.1 ", " 教育 ", " 开展警示教育 ", "", 7L, null, null, null,
				LocalDate.of(2026, 12, 31), List.of(new Milestone(LocalDate.of(2026, 6, 30), " 半年小结 ")), null), 2026,
				id -> id == 7L, errors, null);
		assertThat(errors).isEmpty();
		assertThat(clean.itemNo()).isEqualTo("2.1");
		assertThat(clean.task()).isEqualTo("开展警示教育");
		assertThat(clean.goal()).isNull();
		assertThat(clean.milestones()).containsExactly(new Milestone(LocalDate.of(2026, 6, 30), "半年小结"));
	}

	@Test
	void an_imported_table_names_leaders_by_title_leaves_inherited_rows_out_and_names_each_line() {
		List<ImportRow> rows = List.of(
				new ImportRow(3, "1", "a", "签订责任书", null, null, null, null, null, null, List.of(), List.of()),
				new ImportRow(4, "2", "b", "好的任务", null, "书记", null, null, null, LocalDate.of(2026, 5, 1), List.of(),
						List.of()),
				new ImportRow(5, "3", "c", "", null, "没有的职务", null, null, null, null, List.of(),
						List.of(InputError.line(5, "deadline", "error.field.format", "明年"))));
		List<InputError> errors = new ArrayList<>();
		// the declared constraints, as the service applies them: here only that a task is given
		java.util.function.Function<ItemInput, List<InputError>> constraints = in -> in.task() == null
				|| in.task().isBlank() ? List.of(InputError.field("task", "error.field.required")) : List.of();
		List<ListRules.Clean> own = ListRules.ownItems(rows, Set.of("签订责任书"), Map.of("书记", 7L), 2026, constraints,
				errors);
		assertThat(own).extracting(ListRules.Clean::task).containsExactly("好的任务", null);
		assertThat(own.get(0).leaderPostId()).isEqualTo(7L);
		assertThat(errors).extracting(InputError::field).containsExactly("leaderPostId", "deadline", "task");
		assertThat(errors).extracting(InputError::line).containsOnly(5L);
	}

	@Test
	void units_from_the_tree_must_be_the_list_organisation_or_below_each_error_naming_its_field() {
		List<InputError> errors = new ArrayList<>();
		ItemInput in = new ItemInput(null, null, "任务", null, null, null, null, null, null, List.of(), null, 3L,
				java.util.Arrays.asList(4L, 9L, 4L, null), 8L);
		ListRules.Clean clean = ListRules.check(in, 2026, id -> false, id -> id < 5, errors, null);
		assertThat(errors).extracting(InputError::field).containsExactly("supervisingOrgId", "participatingOrgIds");
		assertThat(clean.participatingOrgIds()).containsExactly(4L);
		assertThat(clean.leadOrgId()).isEqualTo(3L);

		errors.clear();
		ListRules.check(in, 2026, id -> false, id -> id == 4L || id == 9L || id == 8L, errors, null);
		assertThat(errors).extracting(InputError::field).containsExactly("leadOrgId");
	}

	@Test
	void imported_unit_texts_that_name_organisations_of_the_subtree_become_those_organisations() {
		ListRules.Clean imported = new ListRules.Clean(null, null, "任务", null, null, "县委办", "宣传部、县融媒体中心；教育局",
				"县纪委", null, List.of(), null, List.of(), null);
		assertThat(ListRules.unitNames(imported)).containsExactlyInAnyOrder("县委办", "宣传部", "县融媒体中心", "教育局", "县纪委");
		ListRules.Clean c = ListRules.unitsByName(imported, Map.of("县委办", 1L, "宣传部", 2L, "教育局", 3L));
		assertThat(c.leadOrgId()).isEqualTo(1L);
		assertThat(c.leadUnit()).isNull();
		assertThat(c.participatingOrgIds()).containsExactly(2L, 3L);
		assertThat(c.participatingUnits()).isEqualTo("县融媒体中心");
		assertThat(c.supervisingOrgId()).isNull();
		assertThat(c.supervisingUnit()).isEqualTo("县纪委");
	}
}
