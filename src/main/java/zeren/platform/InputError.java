package zeren.platform;

import java.util.List;

/**
 * One thing wrong with the caller's input: the field (or column) at fault, the line of an
 * uploaded file when there is one, and a message key with its arguments, resolved in the
 * caller's language when the error is rendered.
 */
public record InputError(String field, Long line, String code, List<Object> args) {

	public static InputError field(String field, String code, Object... args) {
		return new InputError(field, null, code, List.of(args));
	}

	public static InputError line(long line, String field, String code, Object... args) {
		return new InputError(field, line, code, List.of(args));
	}
}
