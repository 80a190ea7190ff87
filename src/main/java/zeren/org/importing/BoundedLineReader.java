package zeren.org.importing;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

import zeren.platform.InvalidInputException;

/**
 * A CSV text that refuses a record longer than {@code max} characters as soon as it gets there,
 * so that no field can grow without bound in the parser's memory. A record ends at a line break
 * outside quotes; quotes are counted by parity, which doubled quotes inside a field keep.
 */
final class BoundedLineReader extends FilterReader {

	private final int max;
	private int length;
	private boolean quoted;

	BoundedLineReader(Reader in, int max) {
		super(in);
		this.max = max;
	}

	@Override
	public int read() throws IOException {
		int c = super.read();
		if (c >= 0) {
			count((char) c);
		}
		return c;
	}

	@Override
	public int read(char[] buffer, int offset, int count) throws IOException {
		int n = super.read(buffer, offset, count);
		for (int i = 0; i < n; i++) {
			count(buffer[offset + i]);
		}
		return n;
	}

	private void count(char c) {
		if (c == '"') {
			quoted = !quoted;
		}
		if (c == '\n' && !quoted) {
			length = 0;
		}
		else if (++length > max) {
			throw InvalidInputException.of("file", "error.upload.line-too-long", max);
		}
	}
}
