package zeren.org.importing;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * Rows of an organisation file, handed over one at a time so that memory does not grow with
 * the file. A source reports an unreadable file (bad encoding, missing header) as an
 * {@link zeren.platform.InvalidInputException} naming the line.
 */
public interface RowSource {

	void forEach(Consumer<ImportRow> handler) throws IOException;
}
