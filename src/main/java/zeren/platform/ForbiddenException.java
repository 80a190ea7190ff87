package zeren.platform;

/** A change outside the caller's scope or role. Rendered as 403; nothing was changed. */
public class ForbiddenException extends RuntimeException {

	public ForbiddenException() {
		super("forbidden");
	}
}
