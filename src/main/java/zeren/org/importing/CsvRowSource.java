package zeren.org.importing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import zeren.platform.InputError;
import zeren.platform.InvalidInputException;
import zeren.platform.xlsx.SheetLimits;

/**
 * A CSV organisation file: UTF-8 with or without a byte-order mark, or GBK (GB18030) as Excel
 * writes it in China, detected from the first 64 KiB. Decoding is strict: a byte sequence that
 * is not valid in the detected encoding is reported with its line, never replaced.
 */
public final class CsvRowSource implements RowSource, java.io.Closeable {

	static final List<String> COLUMNS = List.of("code", "name", "parent_code", "type");

	/** The line limit, in cells of the largest size: the four columns and a few more. */
	static final int COLUMNS_PER_LINE = 8;

	/** Chinese headers as people write them in Excel. */
	private static final Map<String, String> HEADER_ALIASES = Map.of("编码", "code", "代码", "code", "名称", "name",
			"上级编码", "parent_code", "上级代码", "parent_code", "类型", "type");

	private static final int SNIFF = 64 * 1024;
	private static final char REPLACEMENT = '\uFFFD';
	private final List<InputError> encodingErrors = new java.util.ArrayList<>();
	private long encodingErrorCount;
	static final Charset GBK = Charset.forName("GB18030");

	private final CSVParser parser;
	private final Iterator<CSVRecord> records;
	private final int[] index = new int[4];
	private final Charset charset;

	public CsvRowSource(InputStream raw) throws IOException {
		this(raw, SheetLimits.of("org-import"));
	}

	/** @param limits a line may hold {@value #COLUMNS_PER_LINE} cells of {@link SheetLimits#maxCellChars()} */
	public CsvRowSource(InputStream raw, SheetLimits limits) throws IOException {
		BufferedInputStream in = new BufferedInputStream(raw, SNIFF + 3);
		in.mark(SNIFF + 3);
		byte[] head = in.readNBytes(SNIFF);
		in.reset();
		boolean bom = head.length >= 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb
				&& (head[2] & 0xff) == 0xbf;
		if (bom) {
			in.skipNBytes(3);
			charset = StandardCharsets.UTF_8;
		}
		else {
			charset = looksLikeUtf8(head) ? StandardCharsets.UTF_8 : GBK;
		}
		// Bad bytes become U+FFFD and are reported with the line they are on: the reader decodes
		// ahead of the parser, so an exception from the decoder could not name the line.
		CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
				.onUnmappableCharacter(CodingErrorAction.REPLACE).replaceWith(String.valueOf(REPLACEMENT));
		Reader reader = new BoundedLineReader(new InputStreamReader(in, decoder),
				(int) Math.min(Integer.MAX_VALUE, (long) COLUMNS_PER_LINE * limits.maxCellChars()));
		parser = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).get().parse(reader);
		records = parser.iterator();
		CSVRecord header = advance(1);
		if (header == null) {
			throw new InvalidInputException(List.of(InputError.line(1, "header", "error.import.header-missing",
					String.join(",", COLUMNS))));
		}
		java.util.Arrays.fill(index, -1);
		for (int i = 0; i < header.size(); i++) {
			String name = header.get(i).strip().toLowerCase(Locale.ROOT).replace('\ufeff', ' ').strip();
			name = HEADER_ALIASES.getOrDefault(name, name);
			int column = COLUMNS.indexOf(name);
			if (column >= 0 && index[column] < 0) {
				index[column] = i;
			}
		}
		for (int c = 0; c < COLUMNS.size(); c++) {
			if (index[c] < 0) {
				throw new InvalidInputException(List.of(InputError.line(1, "header", "error.import.header-column-missing",
						COLUMNS.get(c), String.join(",", COLUMNS))));
			}
		}
	}

	public Charset charset() {
		return charset;
	}

	/** Valid UTF-8 throughout the sample, allowing a sequence cut off at its end. */
	static boolean looksLikeUtf8(byte[] head) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT);
		int length = head.length;
		// Do not judge a multi-byte sequence cut by the end of the sample.
		int back = 0;
		while (back < 3 && length - back - 1 >= 0 && (head[length - back - 1] & 0xc0) == 0x80) {
			back++;
		}
		if (length - back - 1 >= 0 && (head[length - back - 1] & 0xc0) == 0xc0) {
			length = length - back - 1;
		}
		try {
			decoder.decode(ByteBuffer.wrap(head, 0, length));
			return true;
		}
		catch (CharacterCodingException e) {
			return false;
		}
	}

	private long lastLine = 1;

	private CSVRecord advance(long expectedLine) {
		try {
			if (!records.hasNext()) {
				return null;
			}
			CSVRecord record = records.next();
			lastLine = parser.getCurrentLineNumber();
			return record;
		}
		catch (UncheckedIOException e) {
			if (e.getCause() instanceof CharacterCodingException) {
				throw new InvalidInputException(List.of(InputError.line(parser.getCurrentLineNumber() + 1, "file",
						"error.import.encoding", charset.name())));
			}
			throw e;
		}
		catch (IllegalStateException e) {
			throw new InvalidInputException(List.of(InputError.line(lastLine + 1, "file", "error.import.csv-syntax",
					String.valueOf(e.getMessage()))));
		}
	}

	@Override
	public void forEach(java.util.function.Consumer<ImportRow> handler) {
		for (ImportRow row = next(); row != null; row = next()) {
			if (encodingErrorCount == 0) {
				handler.accept(row);
			}
		}
		if (encodingErrorCount > 0) {
			throw new InvalidInputException(encodingErrors, encodingErrorCount);
		}
	}

	ImportRow next() {
		CSVRecord record;
		do {
			record = advance(lastLine + 1);
			if (record == null) {
				return null;
			}
		}
		while (isBlank(record));
		long line = record.getRecordNumber();
		for (String value : record) {
			if (value != null && value.indexOf(REPLACEMENT) >= 0) {
				if (encodingErrorCount++ < 1000) {
					encodingErrors.add(InputError.line(line, "file", "error.import.encoding", charset.name()));
				}
				break;
			}
		}
		return new ImportRow(line, get(record, 0), get(record, 1), get(record, 2), get(record, 3));
	}

	private static boolean isBlank(CSVRecord record) {
		for (String value : record) {
			if (value != null && !value.isBlank()) {
				return false;
			}
		}
		return true;
	}

	private String get(CSVRecord record, int column) {
		int i = index[column];
		if (i >= record.size()) {
			return null;
		}
		String value = record.get(i);
		return value == null || value.isBlank() ? null : value.strip();
	}

	@Override
	public void close() throws IOException {
		parser.close();
	}
}
