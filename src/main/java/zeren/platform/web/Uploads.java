package zeren.platform.web;

import org.springframework.web.multipart.MultipartFile;

import zeren.platform.InvalidInputException;

/**
 * The one check of an upload field: a form or an API call that needs a file refuses a request
 * without one (or with an empty one) as 400 on field {@code file}, "请选择要导入的文件" — the same
 * for a page (shown at the top of the form) and for the API (a problem detail). What the container
 * cannot read at all is {@link UploadProblems}' business.
 */
public final class Uploads {

	private Uploads() {
	}

	/** The uploaded file, or a refusal on field {@code file} when none (or an empty one) was sent. */
	public static MultipartFile required(MultipartFile file) {
		if (file == null || file.isEmpty()) {
			throw InvalidInputException.of("file", "error.import.file-missing");
		}
		return file;
	}
}
