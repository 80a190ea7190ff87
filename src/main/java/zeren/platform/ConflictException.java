package zeren.platform;

import java.util.List;

/**
 * The request is well formed but contradicts the current state (an overlapping tenure, a move
 * that would make a cycle). Rendered as 409 with the field at fault.
 */
public class ConflictException extends RuntimeException {

	private final InputError error;

	public ConflictException(String field, String code, Object... args) {
		super(code);
		this.error = new InputError(field, null, code, List.of(args));
	}

	public InputError error() {
		return error;
	}
}
