package zeren.org;

import java.util.ArrayList;
import java.util.List;

import zeren.platform.InputError;
import zeren.platform.Inputs;
import zeren.platform.InvalidInputException;

/**
 * The errors of a request's declared constraints (Bean Validation, see {@link Inputs}), as a
 * list the service adds its own checks to, so that one answer names every field at fault.
 */
final class DeclaredChecks {

	private DeclaredChecks() {
	}

	static List<InputError> errors(Inputs inputs, Object request) {
		try {
			inputs.check(request);
			return new ArrayList<>();
		}
		catch (InvalidInputException e) {
			return new ArrayList<>(e.errors());
		}
	}
}
