package zeren.bench;

import java.util.Locale;

/** The generator's report (markdown), and its progress on the console. */
final class GenerationReport {

	private final StringBuilder text = new StringBuilder();

	/** A step done: what, how many rows, since when ({@link System#nanoTime()}). */
	void step(String what, long rows, long startedNanos) {
		String line = String.format(Locale.ROOT, "- %s: %,d in %.1f s", what, rows, (System.nanoTime() - startedNanos) / 1e9);
		text.append(line).append('\n');
		System.out.println("province-data: " + line.substring(2));
	}

	void line(String format, Object... args) {
		text.append(args.length == 0 ? format : String.format(Locale.ROOT, format, args)).append('\n');
	}

	void line() {
		text.append('\n');
	}

	String text() {
		return text.toString();
	}
}
