package zeren.org.web;

import java.util.List;
import java.util.regex.Pattern;

import zeren.platform.InputError;
import zeren.platform.InvalidInputException;

/**
 * The page an organisation switcher opens: a path of this application ({@code /ledger},
 * {@code /inspection/board} …), never another site's address or a path with a query.
 */
final class SwitcherTarget {

	private static final Pattern LOCAL_PAGE = Pattern.compile("(/[a-z]+(-[a-z]+)*){1,3}");

	private SwitcherTarget() {
	}

	static String check(String to) {
		if (!LOCAL_PAGE.matcher(to).matches()) {
			throw new InvalidInputException(List.of(InputError.field("to", "error.switcher.target")));
		}
		return to;
	}
}
