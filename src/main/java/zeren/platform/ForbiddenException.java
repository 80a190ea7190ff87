package zeren.platform;

import java.util.List;

/**
 * A change outside the caller's scope or role. Rendered as 403; nothing was changed. With a
 * reason ({@link #error()}) when saying why helps the caller and tells nothing of data outside
 * their scope (e.g. "you do not hold the post that signs this letter").
 */
public class ForbiddenException extends RuntimeException {

	private final InputError error;

	public ForbiddenException() {
		super("forbidden");
		this.error = null;
	}

	public ForbiddenException(String field, String code, Object... args) {
		super(code);
		this.error = new InputError(field, null, code, List.of(args));
	}

	/** Why, or null. */
	public InputError error() {
		return error;
	}
}
