package zeren.platform.document;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import zeren.platform.pdf.PdfWriter;

/**
 * The formats a document is downloaded in: each gives a new {@link DocumentWriter} and turns the
 * written bytes into a download with its content type and a Chinese file name (RFC 5987
 * {@code filename*}, with an ASCII fallback that browsers ignore when they read the other).
 */
public enum DocumentFormat {

	PDF("pdf", MediaType.APPLICATION_PDF),
	DOCX("docx", MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document"));

	private final String extension;
	private final MediaType mediaType;

	DocumentFormat(String extension, MediaType mediaType) {
		this.extension = extension;
		this.mediaType = mediaType;
	}

	public String extension() {
		return extension;
	}

	public MediaType mediaType() {
		return mediaType;
	}

	/** A new, empty document of A4 pages in this format. */
	public DocumentWriter writer() {
		return this == PDF ? PdfWriter.a4() : DocxWriter.a4();
	}

	/** The document as an attachment named {@code name} (e.g. its title) plus the extension. */
	public ResponseEntity<byte[]> response(byte[] document, String name) {
		return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, disposition(name, extension))
				.contentType(mediaType).body(document);
	}

	/**
	 * An attachment's Content-Disposition for a file named {@code name.extension}: characters no
	 * file system takes are replaced, the name is cut to 80 characters, and it is sent UTF-8
	 * encoded per RFC 5987.
	 */
	public static String disposition(String name, String extension) {
		String safe = name == null ? "" : name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
		if (safe.length() > 80) {
			safe = safe.substring(0, 80);
		}
		if (safe.isEmpty()) {
			safe = "document";
		}
		return ContentDisposition.attachment().filename(safe + "." + extension, StandardCharsets.UTF_8).build().toString();
	}
}
