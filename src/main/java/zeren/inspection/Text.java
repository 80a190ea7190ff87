package zeren.inspection;

import java.util.List;

import zeren.platform.InputError;

/** Checks of free text fields, each error naming the field (and the line of a file). */
final class Text {

	private Text() {
	}

	static String required(String value, String field, int max, List<InputError> errors) {
		return check(value, field, max, true, errors, null);
	}

	static String optional(String value, String field, int max, List<InputError> errors) {
		return check(value, field, max, false, errors, null);
	}

	static String check(String value, String field, int max, boolean required, List<InputError> errors, Long line) {
		String text = value == null ? "" : value.strip();
		if (text.isEmpty()) {
			if (required) {
				errors.add(line == null ? InputError.field(field, "error.field.required")
						: InputError.line(line, field, "error.field.required"));
			}
			return null;
		}
		if (text.length() > max) {
			errors.add(line == null ? InputError.field(field, "error.field.too-long", max)
					: InputError.line(line, field, "error.field.too-long", max));
			return null;
		}
		return text;
	}
}
