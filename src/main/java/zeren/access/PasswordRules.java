package zeren.access;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import zeren.platform.InputError;

/**
 * What a new password must be (NIST SP 800-63B 5.1.1.2, OWASP ASVS V2.1): at least
 * {@link #MIN_LENGTH} characters and at most {@link #MAX_BYTES} bytes in UTF-8 (all that bcrypt
 * compares), not the user name, not one of the commonest passwords (a bundled
 * list, {@code common-passwords.txt}, compared without regard to case), and not a trivial
 * repetition or sequence ({@code aaaaaaaaaa}, {@code abcabcabcabc}, {@code 1234567890}). No rules
 * of composition: length and the list do the work. A pure function, tested without Spring.
 */
final class PasswordRules {

	static final int MIN_LENGTH = 10;

	/** bcrypt's limit; a longer password would be cut silently, so it is refused. */
	static final int MAX_BYTES = 72;

	/** Fewer different characters than this make a trivial password, whatever its length. */
	static final int MIN_DISTINCT = 4;

	private static final Set<String> COMMON = load("common-passwords.txt");

	private PasswordRules() {
	}

	/** The errors of {@code password} as the new password of {@code username}, for {@code field}. */
	static List<InputError> check(String field, String username, String password) {
		List<InputError> errors = new ArrayList<>();
		if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
			errors.add(InputError.field(field, "error.password.too-short", MIN_LENGTH));
		}
		else if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			errors.add(InputError.field(field, "error.password.too-long", MAX_BYTES));
		}
		else if (username != null && password.strip().equalsIgnoreCase(username.strip())) {
			errors.add(InputError.field(field, "error.password.is-username"));
		}
		else if (common(password)) {
			errors.add(InputError.field(field, "error.password.common"));
		}
		else if (trivial(password)) {
			errors.add(InputError.field(field, "error.password.trivial"));
		}
		return errors;
	}

	/** On the bundled list, whatever the case. */
	static boolean common(String password) {
		return COMMON.contains(password.strip().toLowerCase(Locale.ROOT));
	}

	/**
	 * Few different characters ({@code aaaaaaaaab}), one short piece repeated
	 * ({@code abcabcabca}), or a run up or down the alphabet or the digits ({@code 1234567890},
	 * {@code 9876543210}, {@code abcdefghij}).
	 */
	static boolean trivial(String password) {
		int[] cps = password.toLowerCase(Locale.ROOT).codePoints().toArray();
		if (java.util.Arrays.stream(cps).distinct().count() < MIN_DISTINCT) {
			return true;
		}
		return repeated(cps) || run(cps);
	}

	/** The whole is a piece of at most half its length, repeated (the last copy may be cut short). */
	static boolean repeated(int[] cps) {
		for (int period = 1; period <= cps.length / 2; period++) {
			boolean repeats = true;
			for (int i = period; i < cps.length && repeats; i++) {
				repeats = cps[i] == cps[i - period];
			}
			if (repeats) {
				return true;
			}
		}
		return false;
	}

	/** Each character one step from the last, all the same way (digits wrap: …8, 9, 0, 1…). */
	static boolean run(int[] cps) {
		for (int step : new int[] { 1, -1 }) {
			boolean run = true;
			for (int i = 1; i < cps.length && run; i++) {
				run = next(cps[i - 1], step) == cps[i];
			}
			if (run) {
				return true;
			}
		}
		return false;
	}

	private static int next(int cp, int step) {
		if (cp >= '0' && cp <= '9') {
			return '0' + Math.floorMod(cp - '0' + step, 10);
		}
		return cp + step;
	}

	private static Set<String> load(String resource) {
		Set<String> words = new HashSet<>();
		try (InputStream in = PasswordRules.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("the list of common passwords is missing: " + resource);
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				String word = line.strip();
				if (!word.isEmpty() && !word.startsWith("#")) {
					words.add(word.toLowerCase(Locale.ROOT));
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return Set.copyOf(words);
	}

	/** How many passwords the bundled list holds. */
	static int listed() {
		return COMMON.size();
	}
}
