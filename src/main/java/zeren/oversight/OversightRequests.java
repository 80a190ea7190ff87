package zeren.oversight;

import zeren.platform.InvalidInputException;

/** Checks of the parameters the API and the pages take, named by their field (labels: field.oversight.*). */
public final class OversightRequests {

	public static final int MIN_YEAR = 2000;
	public static final int MAX_YEAR = 2100;
	public static final int MAX_LIMIT = 5000;

	private OversightRequests() {
	}

	public static int year(int year) {
		if (year < MIN_YEAR) {
			throw InvalidInputException.of("year", "error.field.min", MIN_YEAR);
		}
		if (year > MAX_YEAR) {
			throw InvalidInputException.of("year", "error.field.max", MAX_YEAR);
		}
		return year;
	}

	public static int limit(int limit) {
		if (limit < 1) {
			throw InvalidInputException.of("limit", "error.field.min", 1);
		}
		if (limit > MAX_LIMIT) {
			throw InvalidInputException.of("limit", "error.field.max", MAX_LIMIT);
		}
		return limit;
	}
}
