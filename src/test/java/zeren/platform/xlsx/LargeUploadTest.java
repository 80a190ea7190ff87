package zeren.platform.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;

/**
 * Issue 13: a valid 16 MB XLSX of 456,000 rows (its sheet about 90 MB) hung the service, which
 * built the whole workbook in memory. Read streaming, it is refused at the row after the limit,
 * in seconds, by a JVM with a heap of 512 MB.
 */
class LargeUploadTest {

	static final int ROWS = 456_000;

	/** Written once into target/ (not committed), reused by later runs and by the API contract. */
	static Path largeFile() {
		return Workbooks.largeTaskTable(Path.of("target", "uploads", "task-table-456k.xlsx"), ROWS);
	}

	@Test
	void the_456k_row_file_is_refused_in_seconds_by_a_jvm_of_512_mb() throws Exception {
		Path file = largeFile();
		long sheetBytes;
		try (ZipFile zip = new ZipFile(file.toFile())) {
			sheetBytes = zip.getEntry("xl/worksheets/sheet1.xml").getSize();
		}
		assertThat(Files.size(file)).isGreaterThan(10L << 20);
		assertThat(sheetBytes).isGreaterThan(80L << 20);

		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		Path output = Files.createTempFile("refuse-large-upload", ".txt");
		Process child = new ProcessBuilder(java, "-Xmx512m", "-cp", classpath, RefuseLargeUpload.class.getName(),
				file.toAbsolutePath().toString(), "2000").redirectErrorStream(true).redirectOutput(output.toFile())
				.start();
		boolean ended = child.waitFor(120, TimeUnit.SECONDS);
		if (!ended) {
			child.destroyForcibly();
		}
		List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
		Files.delete(output);
		assertThat(ended).as("the child JVM ended: %s", lines).isTrue();
		assertThat(child.exitValue()).as("%s", lines).isZero();
		String result = lines.stream().filter(l -> l.startsWith("REFUSED") || l.startsWith("ACCEPTED")).findFirst()
				.orElseThrow(() -> new AssertionError(String.join(File.separator, lines)));
		String[] parts = result.split(" ");
		assertThat(parts[0]).isEqualTo("REFUSED");
		assertThat(parts[1]).isEqualTo("error.upload.too-many-rows");
		// the title, the header, 2,000 rows: refused on the row after them
		assertThat(parts[2]).isEqualTo("2003");
		// the read itself, the file spooled and parsed up to its 2,001st row; the rest is never read
		assertThat(Long.parseLong(parts[3])).as("milliseconds to refuse").isLessThan(15_000);
		System.out.printf("456k-row file (%d MB, sheet %d MB) refused at -Xmx512m: %s%n", Files.size(file) >> 20,
				sheetBytes >> 20, result);
	}
}
