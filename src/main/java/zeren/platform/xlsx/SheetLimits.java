package zeren.platform.xlsx;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How much one uploaded file of a kind may hold: rows of data, characters in one cell, and
 * characters of text in the whole file (the shared-strings table and every cell read). A file
 * past a limit is refused as soon as the reader gets there, with an error naming the limit, so
 * that no upload can hold the memory or the time of the service. Configured per kind under
 * {@code zeren.uploads.limits.<kind>} (see application.yml).
 */
public record SheetLimits(int maxRows, int maxCellChars, long maxTextChars) {

	/** For a kind that is not configured. */
	public static final SheetLimits DEFAULT = new SheetLimits(10_000, 4_000, 8_000_000);

	private static final Map<String, SheetLimits> CONFIGURED = new ConcurrentHashMap<>();

	public SheetLimits {
		if (maxRows < 1 || maxCellChars < 1 || maxTextChars < 1) {
			throw new IllegalArgumentException("upload limits must be positive");
		}
	}

	/**
	 * The limits of a kind of file ({@code task-table}, {@code findings}, {@code org-import}).
	 * Static, so that the readers of the modules' sheets need no bean: the configuration is
	 * installed once at start-up by {@link UploadLimits}.
	 */
	public static SheetLimits of(String kind) {
		return CONFIGURED.getOrDefault(kind, DEFAULT);
	}

	static void install(Map<String, SheetLimits> limits) {
		CONFIGURED.putAll(limits);
	}
}
