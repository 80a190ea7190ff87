package zeren.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import zeren.platform.web.Messages;

/** Declared constraints become input errors that name the field by its label, in either language. */
class InputsTest {

	record Person(@NotNull Long postId) {
	}

	record Request(@NotBlank @Size(max = 5) String title, @Min(2000) int year, @Valid List<Person> interviewees) {
	}

	record Questions(List<@NotBlank @Size(max = 3) String> questions) {
	}

	final Inputs inputs = new Inputs(Validation.buildDefaultValidatorFactory().getValidator());

	final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

	{
		messages.setBasenames("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		messages.setUseCodeAsDefaultMessage(false);
	}

	@Test
	void each_violation_is_an_error_naming_its_field_with_a_shared_message_key() {
		InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
				() -> inputs.check(new Request("too long a title", 1999, List.of(new Person(1L), new Person(null)))));
		assertThat(e.errors()).extracting(InputError::field, InputError::code).containsExactly(
				org.assertj.core.groups.Tuple.tuple("interviewees[1].postId", "error.field.required"),
				org.assertj.core.groups.Tuple.tuple("title", "error.field.too-long"),
				org.assertj.core.groups.Tuple.tuple("year", "error.field.min"));
		assertThat(e.errors()).allSatisfy(error -> assertThat(error.module()).isEqualTo("platform"));
		assertThat(e.errors().get(1).args()).containsExactly(5);
	}

	@Test
	void a_constraint_on_the_entries_of_a_list_of_values_names_the_entry() {
		InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
				() -> inputs.check(new Questions(List.of("ok", " ", "toolong"))));
		assertThat(e.errors()).extracting(InputError::field).containsExactly("questions[1]", "questions[2]");
	}

	@Test
	void an_error_reads_as_a_sentence_with_the_label_and_the_entry_number() {
		InputError blank = new InputError("title", null, "error.field.required", List.of(), "nowhere");
		InputError indexed = new InputError("startDate", null, "error.field.required", List.of(), "nowhere");
		assertThat(Messages.render(messages, blank, Locale.SIMPLIFIED_CHINESE)).isEqualTo("职务名称：不能为空");
		assertThat(Messages.render(messages, indexed, Locale.ENGLISH)).endsWith(": must not be empty")
				.doesNotContain("startDate");
		InputError second = new InputError("items[1].startDate", null, "error.field.required", List.of(), "nowhere");
		assertThat(Messages.render(messages, second, Locale.SIMPLIFIED_CHINESE)).isEqualTo("任职起始日（第 2 项）：不能为空");
	}

	@Test
	void an_error_raised_in_a_module_is_labelled_from_that_module_first() {
		assertThat(zeren.platform.web.FieldLabels.candidates(List.of("inspection"), "team.leader")).containsExactly(
				"field.inspection.team.leader", "field.team.leader", "field.inspection.leader", "field.leader");
	}
}
