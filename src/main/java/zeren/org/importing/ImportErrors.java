package zeren.org.importing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import zeren.platform.InputError;
import zeren.platform.InvalidInputException;

/**
 * The errors of one stage of an import: the first {@value #MAX_LISTED} are listed (in line
 * order when thrown), all are counted. An import stops after the first stage that has any.
 */
public final class ImportErrors {

	public static final int MAX_LISTED = 1000;

	private final List<InputError> listed = new ArrayList<>();
	private long count;

	public void add(InputError error) {
		count++;
		if (listed.size() < MAX_LISTED) {
			listed.add(error);
		}
	}

	public void addAll(List<InputError> errors) {
		errors.forEach(this::add);
	}

	public long count() {
		return count;
	}

	public boolean any() {
		return count > 0;
	}

	/** Refuses the file when there is any error: the listed ones by line, with the count of all. */
	public void throwIfAny() {
		if (count > 0) {
			List<InputError> sorted = new ArrayList<>(listed);
			sorted.sort(Comparator.comparing(InputError::line, Comparator.nullsFirst(Comparator.naturalOrder())));
			throw new InvalidInputException(sorted, count);
		}
	}
}
