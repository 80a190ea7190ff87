package zeren.org.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

import zeren.platform.InputError;
import zeren.platform.InvalidInputException;

/** The checks of one row, and the collection of an import's errors: pure, without Spring. */
class RowChecksTest {

	@Test
	void a_complete_row_has_no_errors_whether_its_type_is_a_code_name_or_chinese() {
		assertThat(RowChecks.check(new ImportRow(2, "A", "甲", null, "PARTY_COMMITTEE"))).isEmpty();
		assertThat(RowChecks.check(new ImportRow(3, "B", "乙", "A", "党支部"))).isEmpty();
		assertThat(RowChecks.check(new ImportRow(4, "C", "丙", "A", "branch"))).isEmpty();
		assertThat(RowChecks.typeName(new ImportRow(3, "B", "乙", "A", "党支部"))).isEqualTo("BRANCH");
	}

	@Test
	void missing_cells_and_an_unknown_type_are_named_by_line_and_column_in_column_order() {
		assertThat(RowChecks.check(new ImportRow(7, null, null, null, null)))
			.extracting(InputError::line, InputError::field, InputError::code)
			.containsExactly(tuple(7L, "code", "error.field.required"), tuple(7L, "name", "error.field.required"),
					tuple(7L, "type", "error.field.required"));
		assertThat(RowChecks.check(new ImportRow(8, "A", "甲", null, "委员会")))
			.extracting(InputError::field, InputError::code, InputError::args)
			.containsExactly(tuple("type", "error.import.type-unknown", java.util.List.of("委员会")));
	}

	@Test
	void cells_longer_than_their_columns_are_refused_with_the_limit() {
		String code = "C".repeat(RowChecks.MAX_CODE + 1);
		assertThat(RowChecks.check(new ImportRow(9, code, "名".repeat(RowChecks.MAX_NAME + 1), code, "党委")))
			.extracting(InputError::field, InputError::code, InputError::args)
			.containsExactly(tuple("code", "error.field.too-long", java.util.List.of(64)),
					tuple("name", "error.field.too-long", java.util.List.of(200)),
					tuple("parent_code", "error.field.too-long", java.util.List.of(64)));
		assertThat(RowChecks.check(new ImportRow(9, "C".repeat(64), "名".repeat(200), "P".repeat(64), "党委"))).isEmpty();
	}

	@Test
	void errors_are_listed_up_to_a_thousand_in_line_order_and_all_counted() {
		ImportErrors errors = new ImportErrors();
		errors.throwIfAny();
		for (long line = 1500; line > 0; line--) {
			errors.add(InputError.line(line, "type", "error.import.type-unknown", "x"));
		}
		assertThat(errors.count()).isEqualTo(1500);
		assertThatThrownBy(errors::throwIfAny).isInstanceOfSatisfying(InvalidInputException.class, e -> {
			assertThat(e.errorCount()).isEqualTo(1500);
			assertThat(e.errors()).hasSize(ImportErrors.MAX_LISTED);
			assertThat(e.errors().get(0).line()).isEqualTo(501L);
			assertThat(e.errors()).extracting(InputError::line).isSorted();
		});
	}
}
