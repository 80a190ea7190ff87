package zeren.org.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

import org.springframework.web.multipart.MultipartFile;

import zeren.org.OrgImport;
import zeren.org.importing.CsvRowSource;
import zeren.org.importing.XlsxRowSource;
import zeren.platform.InputError;
import zeren.platform.InvalidInputException;
import zeren.platform.web.Uploads;

/** Turns an uploaded organisation file (CSV or XLSX) into an import. */
final class OrgFiles {

	private OrgFiles() {
	}

	static OrgImport.Result importUpload(OrgImport importer, MultipartFile file) throws IOException {
		Uploads.required(file);
		String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().toLowerCase(Locale.ROOT);
		boolean xlsx;
		try (InputStream in = file.getInputStream()) {
			byte[] magic = in.readNBytes(4);
			xlsx = magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
		}
		if (name.endsWith(".xls")) {
			throw new InvalidInputException(List.of(InputError.field("file", "error.import.xls-unsupported")));
		}
		if (xlsx) {
			Path temp = Files.createTempFile("zeren-import-", ".xlsx");
			try {
				try (InputStream in = file.getInputStream()) {
					Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
				}
				return importer.run(new XlsxRowSource(temp));
			}
			finally {
				Files.deleteIfExists(temp);
			}
		}
		try (InputStream in = file.getInputStream(); CsvRowSource csv = new CsvRowSource(in)) {
			return importer.run(csv);
		}
	}
}
