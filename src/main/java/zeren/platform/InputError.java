package zeren.platform;

import java.util.List;
import java.util.Optional;

/**
 * One thing wrong with the caller's input: the field (or column) at fault, the line of an
 * uploaded file when there is one, and a message key with its arguments, resolved in the
 * caller's language when the error is rendered. {@code module} is the module whose labels name
 * the field ({@code field.<module>.<field>} in its bundle); the factories take it from the class
 * that raised the error, so an inspection's {@code title} is never labelled as a post's.
 */
public record InputError(String field, Long line, String code, List<Object> args, String module) {

	public InputError {
		args = args == null ? List.of() : List.copyOf(args);
	}

	/** An error whose module is taken from the class that creates it. */
	public InputError(String field, Long line, String code, List<Object> args) {
		this(field, line, code, args, callerModule().orElse(null));
	}

	public static InputError field(String field, String code, Object... args) {
		return new InputError(field, null, code, List.of(args), callerModule().orElse(null));
	}

	public static InputError line(long line, String field, String code, Object... args) {
		return new InputError(field, line, code, List.of(args), callerModule().orElse(null));
	}

	/** The module of a class: {@code zeren.inspection.web.InspectionApi} → {@code inspection}. */
	public static Optional<String> moduleOf(Class<?> type) {
		String name = type.getPackageName();
		if (!name.startsWith("zeren.")) {
			return Optional.empty();
		}
		String rest = name.substring("zeren.".length());
		int dot = rest.indexOf('.');
		return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
	}

	/** The module of the first caller outside the platform's own error types. */
	private static Optional<String> callerModule() {
		return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
				.walk(frames -> frames.map(StackWalker.StackFrame::getDeclaringClass)
						.filter(c -> c.getName().startsWith("zeren.") && !ERROR_TYPES.contains(c)).findFirst())
				.flatMap(InputError::moduleOf);
	}

	private static final java.util.Set<Class<?>> ERROR_TYPES = java.util.Set.of(InputError.class,
			InvalidInputException.class, ConflictException.class, ForbiddenException.class);
}
