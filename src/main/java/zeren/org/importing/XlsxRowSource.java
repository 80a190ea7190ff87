package zeren.org.importing;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import zeren.platform.InputError;
import zeren.platform.InvalidInputException;
import zeren.platform.xlsx.SheetLimits;
import zeren.platform.xlsx.StreamingSheet;

/**
 * The first sheet of an XLSX organisation file, read streaming ({@link StreamingSheet}): rows
 * are handed over as they are parsed, within the limits of {@code zeren.uploads.limits.org-import}
 * (a cell too long, too much text, a zip bomb: refused as soon as seen). Only the
 * shared-strings table is held in memory.
 */
public final class XlsxRowSource implements RowSource {

	private final Path file;
	private final SheetLimits limits;

	/** @param file the workbook on disk (an upload is spooled to a temporary file first) */
	public XlsxRowSource(Path file) {
		this(file, SheetLimits.of("org-import"));
	}

	public XlsxRowSource(Path file, SheetLimits limits) {
		this.file = file;
		this.limits = limits;
	}

	@Override
	public void forEach(Consumer<ImportRow> handler) {
		RowCollector collector = new RowCollector(handler);
		StreamingSheet.read(file, limits, collector::row);
		if (!collector.headerSeen) {
			throw new InvalidInputException(List.of(InputError.line(1, "header", "error.import.header-missing",
					String.join(",", CsvRowSource.COLUMNS))));
		}
	}

	private static final class RowCollector {

		private final Consumer<ImportRow> handler;
		private final int[] index = new int[4];
		private boolean headerSeen;

		RowCollector(Consumer<ImportRow> handler) {
			this.handler = handler;
			Arrays.fill(index, -1);
		}

		void row(StreamingSheet.Row row) {
			if (row.blank()) {
				return;
			}
			if (!headerSeen) {
				header(row);
				return;
			}
			handler.accept(new ImportRow(row.number(), value(row, 0), value(row, 1), value(row, 2), value(row, 3)));
		}

		private String value(StreamingSheet.Row row, int c) {
			String text = row.text(index[c]);
			return text.isBlank() ? null : text.strip();
		}

		private void header(StreamingSheet.Row row) {
			headerSeen = true;
			for (int i = 0; i < StreamingSheet.MAX_COLUMNS; i++) {
				String cell = row.text(i).strip();
				if (cell.isEmpty()) {
					continue;
				}
				String name = switch (cell.toLowerCase(Locale.ROOT)) {
					case "编码", "代码" -> "code";
					case "名称" -> "name";
					case "上级编码", "上级代码" -> "parent_code";
					case "类型" -> "type";
					default -> cell.toLowerCase(Locale.ROOT);
				};
				int c = CsvRowSource.COLUMNS.indexOf(name);
				if (c >= 0 && index[c] < 0) {
					index[c] = i;
				}
			}
			for (int c = 0; c < 4; c++) {
				if (index[c] < 0) {
					throw new InvalidInputException(List.of(InputError.line(row.number(), "header",
							"error.import.header-column-missing", CsvRowSource.COLUMNS.get(c),
							String.join(",", CsvRowSource.COLUMNS))));
				}
			}
		}
	}
}
