package zeren.platform;

import java.util.List;

/**
 * One page of a list that is searched, sorted and paged in the database: the rows of page
 * {@code page} (from 1) of {@code size} rows, and how many rows there are in all. The pages show it
 * with {@code fragments/paging :: pager}.
 */
public record Paged<T>(List<T> items, int page, int size, long total) {

	/** The largest page size a caller may ask for. */
	public static final int MAX_SIZE = 200;

	/** A page number made safe: at least 1. */
	public static int page(Integer page) {
		return page == null || page < 1 ? 1 : page;
	}

	/** A page size made safe: between 1 and {@link #MAX_SIZE}, {@code fallback} when not given. */
	public static int size(Integer size, int fallback) {
		return size == null ? fallback : Math.max(1, Math.min(size, MAX_SIZE));
	}

	/** The row to start from, for {@code OFFSET}. */
	public static long offset(int page, int size) {
		return (long) (page - 1) * size;
	}

	/**
	 * The LIKE pattern of a search text found anywhere in a column, its own {@code %}, {@code _}
	 * and {@code \\} escaped: bind it and write {@code col LIKE :pattern ESCAPE '\\'}.
	 */
	public static String containing(String text) {
		return "%" + escapeLike(text) + "%";
	}

	/** A text with LIKE's wildcards escaped (by backslash). */
	public static String escapeLike(String s) {
		return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	/**
	 * The constant of {@code type} named {@code name} (a list's sort or filter as a page sends it),
	 * {@code fallback} when the name is blank or none of them.
	 */
	public static <E extends Enum<E>> E choice(Class<E> type, String name, E fallback) {
		for (E e : type.getEnumConstants()) {
			if (e.name().equals(name)) {
				return e;
			}
		}
		return fallback;
	}

	public int pages() {
		return total == 0 ? 1 : (int) ((total + size - 1) / size);
	}

	public boolean hasPrevious() {
		return page > 1;
	}

	public boolean hasNext() {
		return page < pages();
	}

	public boolean isEmpty() {
		return items.isEmpty();
	}
}
