package zeren.org.importing;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import zeren.org.OrgType;

/**
 * The national administrative-division tree (the {@code china-division} data set: provinces,
 * cities, areas, streets, villages) as organisation rows: every unit down to the township
 * has a Party committee (党委), every village a Party branch (党支部). Line numbers run on
 * through the five files in that order.
 */
public final class ChinaDivisionSource implements RowSource {

	private record Level(String file, String parentColumn, OrgType type) {
	}

	private static final List<Level> LEVELS = List.of(new Level("provinces.csv", null, OrgType.PARTY_COMMITTEE),
			new Level("cities.csv", "provinceCode", OrgType.PARTY_COMMITTEE),
			new Level("areas.csv", "cityCode", OrgType.PARTY_COMMITTEE),
			new Level("streets.csv", "areaCode", OrgType.PARTY_COMMITTEE),
			new Level("villages.csv", "streetCode", OrgType.BRANCH));

	/** Opens one of the five files by name. */
	@FunctionalInterface
	public interface Files {
		java.io.InputStream open(String name) throws IOException;
	}

	private final Files files;

	public ChinaDivisionSource(Path directory) {
		this.files = name -> java.nio.file.Files.newInputStream(directory.resolve(name));
	}

	/** The five files (or an extract of them in the same layout) opened by {@code files}. */
	public ChinaDivisionSource(Files files) {
		this.files = files;
	}

	@Override
	public void forEach(Consumer<ImportRow> handler) throws IOException {
		long line = 0;
		for (Level level : LEVELS) {
			try (Reader reader = new java.io.BufferedReader(
					new java.io.InputStreamReader(files.open(level.file()), StandardCharsets.UTF_8));
					CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
							.parse(reader)) {
				line++;
				for (CSVRecord record : parser) {
					line++;
					handler.accept(new ImportRow(line, record.get("code"), record.get("name"),
							level.parentColumn() == null ? null : record.get(level.parentColumn()), level.type().name()));
				}
			}
		}
	}
}
