package zeren.platform;

import java.util.List;

/** The request was refused because of its input; nothing was changed. Rendered as 400. */
public class InvalidInputException extends RuntimeException {

	private final List<InputError> errors;
	private final long errorCount;

	public InvalidInputException(List<InputError> errors) {
		this(errors, errors.size());
	}

	/** @param errorCount all errors found, when {@code errors} lists only the first ones */
	public InvalidInputException(List<InputError> errors, long errorCount) {
		super(errors.isEmpty() ? "invalid input" : errors.get(0).code());
		this.errors = List.copyOf(errors);
		this.errorCount = errorCount;
	}

	public static InvalidInputException of(String field, String code, Object... args) {
		return new InvalidInputException(List.of(InputError.field(field, code, args)));
	}

	public List<InputError> errors() {
		return errors;
	}

	public long errorCount() {
		return errorCount;
	}
}
