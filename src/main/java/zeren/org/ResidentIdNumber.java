package zeren.org;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The 18-character citizen identity number (GB 11643-1999): 17 digits, then a check character
 * computed with ISO 7064 MOD 11-2; digits 7-14 are the birth date.
 */
final class ResidentIdNumber {

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
	private static final String CHECK = "10X98765432";

	private ResidentIdNumber() {
	}

	static String normalise(String raw) {
		return raw == null ? null : raw.strip().toUpperCase();
	}

	static boolean isValid(String number) {
		if (number == null || !number.matches("\\d{17}[\\dX]")) {
			return false;
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (number.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK.charAt(sum % 11) == number.charAt(17) && birthDate(number).isPresent();
	}

	static Optional<LocalDate> birthDate(String number) {
		try {
			return Optional.of(LocalDate.of(Integer.parseInt(number.substring(6, 10)),
					Integer.parseInt(number.substring(10, 12)), Integer.parseInt(number.substring(12, 14))));
		}
		catch (DateTimeException | NumberFormatException | IndexOutOfBoundsException e) {
			return Optional.empty();
		}
	}
}
