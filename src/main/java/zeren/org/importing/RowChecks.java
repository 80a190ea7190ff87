package zeren.org.importing;

import java.util.ArrayList;
import java.util.List;

import zeren.org.OrgType;
import zeren.platform.InputError;

/**
 * The checks of one row of an organisation file on its own, before anything is written: a
 * code, a name and a known type are required, and the code, name and parent code fit their
 * columns. A pure function of the row; the checks across rows (duplicate codes, unknown
 * parents, cycles) need the whole file and run in the database.
 */
public final class RowChecks {

	public static final int MAX_CODE = 64;
	public static final int MAX_NAME = 200;

	private RowChecks() {
	}

	/** The errors of one row, in column order; none when the row may be staged. */
	public static List<InputError> check(ImportRow row) {
		List<InputError> errors = null;
		long line = row.line();
		if (row.code() == null) {
			errors = add(errors, InputError.line(line, "code", "error.field.required"));
		}
		else if (row.code().length() > MAX_CODE) {
			errors = add(errors, InputError.line(line, "code", "error.field.too-long", MAX_CODE));
		}
		if (row.name() == null) {
			errors = add(errors, InputError.line(line, "name", "error.field.required"));
		}
		else if (row.name().length() > MAX_NAME) {
			errors = add(errors, InputError.line(line, "name", "error.field.too-long", MAX_NAME));
		}
		if (row.type() == null) {
			errors = add(errors, InputError.line(line, "type", "error.field.required"));
		}
		else if (OrgType.parse(row.type()).isEmpty()) {
			errors = add(errors, InputError.line(line, "type", "error.import.type-unknown", row.type()));
		}
		if (row.parentCode() != null && row.parentCode().length() > MAX_CODE) {
			errors = add(errors, InputError.line(line, "parent_code", "error.field.too-long", MAX_CODE));
		}
		return errors == null ? List.of() : errors;
	}

	/** The type as staged: its code name. Only for a row without errors. */
	public static String typeName(ImportRow row) {
		return OrgType.parse(row.type()).orElseThrow().name();
	}

	private static List<InputError> add(List<InputError> errors, InputError error) {
		List<InputError> list = errors == null ? new ArrayList<>(2) : errors;
		list.add(error);
		return list;
	}
}
