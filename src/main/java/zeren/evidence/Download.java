package zeren.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The bytes of an evidence file to send, with what to send them as. The caller closes
 * {@link #content()} (a {@code ResponseEntity<InputStreamResource>} does).
 */
public record Download(Evidence evidence, InputStream content) implements AutoCloseable {

	/** {@code attachment} with the original name, as {@code filename*=UTF-8''...} plus an ASCII fallback. */
	public String contentDisposition() {
		String name = evidence.originalName();
		String ascii = name.replaceAll("[^\\x20-\\x7e]", "_").replace("\"", "_").replace("\\", "_");
		String encoded = ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString();
		// Spring writes only filename*=; old clients read the plain filename
		return encoded.replaceFirst("^attachment", "attachment; filename=\"" + ascii + "\"");
	}

	/** The answer that streams the file under its original name, never sniffed as something else. */
	public ResponseEntity<InputStreamResource> toResponse() {
		return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition())
				.header("X-Content-Type-Options", "nosniff")
				.contentType(MediaType.parseMediaType(evidence.mediaType())).contentLength(evidence.size())
				.body(new InputStreamResource(content));
	}

	@Override
	public void close() throws IOException {
		content.close();
	}
}
