package zeren.org.importing;

/** One row of an organisation file, as read: {@code line} is the line (or sheet row) number. */
public record ImportRow(long line, String code, String name, String parentCode, String type) {
}
