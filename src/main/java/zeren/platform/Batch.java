package zeren.platform;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A batch action (sign several letters, close several items): the same service method for each
 * chosen row, with its own checks and its own audit event, all or nothing. Call it inside the
 * caller's transaction: the first row refused stops the batch with a 409 that names the row and
 * says why ("“某镇党委 书记”未能办理：该方已签署；整批均未办理"), and the transaction rolls back what the
 * rows before it did. At most {@link #MAX} rows at once; each row once.
 */
public final class Batch {

	/** The most rows one batch takes (a page of a list at its largest). */
	public static final int MAX = Paged.MAX_SIZE;

	private Batch() {
	}

	/**
	 * Runs {@code action} for each of {@code rows} (duplicates once) and answers how many were done.
	 * {@code name} names a row in the refusal (it runs only for the row refused).
	 */
	public static <T> int each(Collection<T> rows, Function<T, String> name, Consumer<T> action) {
		Set<T> chosen = rows == null ? new LinkedHashSet<>() : new LinkedHashSet<>(rows);
		chosen.remove(null);
		if (chosen.isEmpty()) {
			throw new InvalidInputException(List.of(new InputError(null, null, "error.batch.none", List.of(), "platform")));
		}
		if (chosen.size() > MAX) {
			throw new InvalidInputException(List.of(new InputError(null, null, "error.batch.too-many",
					List.of(String.valueOf(MAX)), "platform")));
		}
		for (T row : chosen) {
			try {
				action.accept(row);
			}
			catch (InvalidInputException | ConflictException | ForbiddenException | NotFoundException e) {
				throw new ConflictException(null, "error.batch.refused", name.apply(row), reason(e));
			}
		}
		return chosen.size();
	}

	/** Why a row was refused, resolved in the caller's language when the refusal is rendered. */
	private static MessageSourceResolvable reason(RuntimeException e) {
		InputError error = null;
		if (e instanceof InvalidInputException invalid && !invalid.errors().isEmpty()) {
			error = invalid.errors().get(0);
		}
		else if (e instanceof ConflictException conflict) {
			error = conflict.error();
		}
		else if (e instanceof ForbiddenException forbidden) {
			error = forbidden.error();
		}
		if (error == null) {
			return new DefaultMessageSourceResolvable(
					new String[] { e instanceof NotFoundException ? "error.batch.not-found" : "error.forbidden" });
		}
		Object[] args = error.args().stream()
				.map(arg -> arg instanceof Long || arg instanceof Integer ? (Object) arg.toString() : arg).toArray();
		return new DefaultMessageSourceResolvable(new String[] { error.code() }, args, error.code());
	}
}
