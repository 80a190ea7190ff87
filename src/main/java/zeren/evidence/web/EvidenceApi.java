package zeren.evidence.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import zeren.evidence.Evidence;
import zeren.evidence.EvidenceFiles;
import zeren.platform.InvalidInputException;

/** Evidence files over HTTP: upload for an organisation, describe, download under the original name. */
@RestController
@Tag(name = "Evidence files", description = "佐证材料: checked by content, stored once by SHA-256, downloaded under the original name")
class EvidenceApi {

	private final EvidenceFiles files;

	EvidenceApi(EvidenceFiles files) {
		this.files = files;
	}

	@PostMapping(path = "/api/v1/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Upload a file for an organisation (PDF, image, Word, Excel, text; type checked from the content)")
	ResponseEntity<Evidence> upload(@RequestParam long orgId,
			@RequestPart(name = "file", required = false) MultipartFile file) throws IOException {
		// scope first: a file aimed at another organisation is refused before it is read
		files.requireStorable(orgId);
		if (file == null) {
			throw InvalidInputException.of("file", "error.evidence.file-missing");
		}
		try (InputStream in = file.getInputStream()) {
			Evidence evidence = files.store(orgId, file.getOriginalFilename(), in);
			return ResponseEntity.created(URI.create("/api/v1/evidence/" + evidence.id())).body(evidence);
		}
	}

	@GetMapping("/api/v1/evidence/{id}")
	@Operation(summary = "An evidence record: organisation, original name, type, size, SHA-256, uploader")
	Evidence get(@PathVariable long id) {
		return files.get(id);
	}

	@GetMapping("/api/v1/evidence/{id}/content")
	@Operation(summary = "Download an evidence file under its original name")
	ResponseEntity<InputStreamResource> download(@PathVariable long id) {
		return files.open(id).toResponse();
	}
}
