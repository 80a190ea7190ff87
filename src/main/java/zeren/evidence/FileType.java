package zeren.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipFile;

import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * The kinds of file accepted as evidence, each recognised from its first bytes (and, for Office
 * files, from the entries inside), never from the name. The name's extension must agree with
 * what the content is, so that a renamed executable or a mislabelled file is refused.
 */
enum FileType {

	PDF("application/pdf", "pdf"),
	PNG("image/png", "png"),
	JPEG("image/jpeg", "jpg", "jpeg"),
	GIF("image/gif", "gif"),
	WEBP("image/webp", "webp"),
	DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
	XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
	DOC("application/msword", "doc"),
	XLS("application/vnd.ms-excel", "xls"),
	TEXT_UTF8("text/plain; charset=UTF-8", "txt", "csv"),
	TEXT_GBK("text/plain; charset=GBK", "txt", "csv");

	final String mediaType;

	final List<String> extensions;

	FileType(String mediaType, String... extensions) {
		this.mediaType = mediaType;
		this.extensions = List.of(extensions);
	}

	/** Every extension accepted, for the error that lists them. */
	static String accepted() {
		return String.join(", ", Arrays.stream(values()).flatMap(t -> t.extensions.stream()).distinct().toList());
	}

	static String extensionOf(String name) {
		int dot = name.lastIndexOf('.');
		return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
	}

	/** What the content is, from its bytes, or why it is not acceptable. */
	sealed interface Finding {
	}

	record Known(FileType type) implements Finding {
	}

	/** An executable program (Windows, Linux, macOS, Java archive): refused whatever its name. */
	record Executable(String what) implements Finding {
	}

	record Unknown() implements Finding {
	}

	static Finding detect(Path file) throws IOException {
		byte[] head = new byte[16];
		int n;
		try (InputStream in = Files.newInputStream(file)) {
			n = in.readNBytes(head, 0, head.length);
		}
		if (startsWith(head, n, "%PDF-")) {
			return new Known(PDF);
		}
		if (startsWith(head, n, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
			return new Known(PNG);
		}
		if (startsWith(head, n, 0xFF, 0xD8, 0xFF)) {
			return new Known(JPEG);
		}
		if (startsWith(head, n, "GIF87a") || startsWith(head, n, "GIF89a")) {
			return new Known(GIF);
		}
		if (n >= 12 && startsWith(head, n, "RIFF") && head[8] == 'W' && head[9] == 'E' && head[10] == 'B' && head[11] == 'P') {
			return new Known(WEBP);
		}
		if (startsWith(head, n, "MZ")) {
			return new Executable("Windows");
		}
		if (startsWith(head, n, 0x7F, 'E', 'L', 'F')) {
			return new Executable("ELF");
		}
		if (startsWith(head, n, 0xCF, 0xFA, 0xED, 0xFE) || startsWith(head, n, 0xFE, 0xED, 0xFA, 0xCF)
				|| startsWith(head, n, 0xCA, 0xFE, 0xBA, 0xBE)) {
			return new Executable("Mach-O/class");
		}
		if (startsWith(head, n, "#!")) {
			return new Executable("script");
		}
		if (startsWith(head, n, 'P', 'K', 3, 4)) {
			return officeOpenXml(file);
		}
		if (startsWith(head, n, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
			return compoundDocument(file);
		}
		return text(file);
	}

	/** A ZIP is accepted only as a Word or Excel document: it must hold their parts (and no program). */
	private static Finding officeOpenXml(Path file) {
		try (ZipFile zip = new ZipFile(file.toFile())) {
			if (zip.getEntry("[Content_Types].xml") == null) {
				return new Unknown();
			}
			boolean hasProgram = zip.stream().anyMatch(e -> e.getName().endsWith(".class")
					|| e.getName().equals("META-INF/MANIFEST.MF"));
			if (hasProgram) {
				return new Executable("Java");
			}
			if (zip.getEntry("word/document.xml") != null) {
				return new Known(DOCX);
			}
			if (zip.getEntry("xl/workbook.xml") != null) {
				return new Known(XLSX);
			}
			return new Unknown();
		}
		catch (IOException e) {
			return new Unknown();
		}
	}

	/** An OLE2 compound document: a Word 97-2003 or an Excel 97-2003 file, from the streams inside. */
	private static Finding compoundDocument(Path file) {
		try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
			var root = fs.getRoot();
			if (root.hasEntry("WordDocument")) {
				return new Known(DOC);
			}
			if (root.hasEntry("Workbook") || root.hasEntry("Book")) {
				return new Known(XLS);
			}
			return new Unknown();
		}
		catch (IOException | RuntimeException e) {
			return new Unknown();
		}
	}

	/** Plain text: decodes entirely as UTF-8 (or else as GBK) with no control characters but tab, CR, LF, FF. */
	private static Finding text(Path file) throws IOException {
		if (Files.size(file) == 0) {
			return new Unknown();
		}
		if (decodesCleanly(file, StandardCharsets.UTF_8)) {
			return new Known(TEXT_UTF8);
		}
		if (decodesCleanly(file, Charset.forName("GBK"))) {
			return new Known(TEXT_GBK);
		}
		return new Unknown();
	}

	private static boolean decodesCleanly(Path file, Charset charset) throws IOException {
		CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT);
		char[] buffer = new char[8192];
		try (Reader reader = new java.io.InputStreamReader(Files.newInputStream(file), decoder)) {
			int read;
			while ((read = reader.read(buffer)) >= 0) {
				for (int i = 0; i < read; i++) {
					char c = buffer[i];
					if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' || c == 0x7F) {
						return false;
					}
				}
			}
			return true;
		}
		catch (java.nio.charset.CharacterCodingException e) {
			return false;
		}
	}

	private static boolean startsWith(byte[] head, int n, String ascii) {
		return startsWith(head, n, ascii.chars().toArray());
	}

	private static boolean startsWith(byte[] head, int n, int... expected) {
		if (n < expected.length) {
			return false;
		}
		for (int i = 0; i < expected.length; i++) {
			if ((head[i] & 0xFF) != expected[i]) {
				return false;
			}
		}
		return true;
	}

	static Optional<FileType> byExtension(String extension) {
		return Arrays.stream(values()).filter(t -> t.extensions.contains(extension)).findFirst();
	}
}
