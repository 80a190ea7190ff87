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

	/**
	 * {@code attachment} with the original name: Spring writes it once as {@code filename*=UTF-8''...}
	 * and once as a plain ASCII {@code filename="..."} for old clients.
	 */
	public String contentDisposition() {
		return ContentDisposition.attachment().filename(evidence.originalName(), StandardCharsets.UTF_8).build().toString();
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
