package zeren.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;

import zeren.org.importing.ChinaDivisionSource;
import zeren.org.importing.CsvRowSource;
import zeren.org.importing.ImportRow;
import zeren.org.importing.RowSource;
import zeren.org.importing.XlsxRowSource;
import zeren.platform.InputError;
import zeren.platform.InvalidInputException;
import zeren.platform.SystemWork;
import zeren.support.ApiTest;

abstract class OrgImportContract extends ApiTest {

	@Autowired
	OrgImport importer;

	@Autowired
	OrgTree tree;

	@Autowired
	JdbcClient jdbc;

	static final Charset GBK = Charset.forName("GBK");

	OrgImport.Result importCsv(String csv, Charset charset) throws IOException {
		try (CsvRowSource source = new CsvRowSource(new ByteArrayInputStream(csv.getBytes(charset)))) {
			return importer.run(source);
		}
	}

	long countWithPrefix(String p) {
		return jdbc.sql("SELECT COUNT(*) FROM org WHERE code LIKE :p").param("p", p + "%").query(Long.class).single();
	}

	long stagedRows() {
		return jdbc.sql("SELECT COUNT(*) FROM org_import_row").query(Long.class).single();
	}

	String tree(String p) {
		return """
				code,name,parent_code,type
				%1$sP,%1$s省委,,党委
				%1$sC,%1$s市委,%1$sP,PARTY_COMMITTEE
				%1$sX,%1$s县委,%1$sC,party_committee
				%1$sV,%1$s村支部,%1$sX,党支部
				""".formatted(p);
	}

	@Test
	void a_utf8_file_builds_the_tree_with_paths_depths_and_types() throws Exception {
		String p = unique();
		OrgImport.Result result = importCsv(tree(p), StandardCharsets.UTF_8);
		assertThat(result.created()).isEqualTo(4);
		Org village = tree.findByCode(p + "V").orElseThrow();
		assertThat(village.type()).isEqualTo(OrgType.BRANCH);
		assertThat(village.depth()).isEqualTo(3);
		assertThat(tree.ancestors(village.id())).extracting(Org::code).containsExactly(p + "P", p + "C", p + "X");
		assertThat(tree.subtreeSize(tree.findByCode(p + "P").orElseThrow().id())).isEqualTo(4);
		assertThat(stagedRows()).isZero();
	}

	@Test
	void children_may_come_before_their_parents_in_the_file() throws Exception {
		String p = unique();
		String csv = "code,name,parent_code,type\n%1$sV,v,%1$sX,BRANCH\n%1$sX,x,%1$sP,党委\n%1$sP,p,,党委\n".formatted(p);
		assertThat(importCsv(csv, StandardCharsets.UTF_8).created()).isEqualTo(3);
		assertThat(tree.findByCode(p + "V").orElseThrow().depth()).isEqualTo(2);
	}

	@Test
	void a_file_with_a_byte_order_mark_or_in_gbk_reads_the_same() throws Exception {
		String p1 = unique();
		byte[] body = tree(p1).getBytes(StandardCharsets.UTF_8);
		byte[] withBom = new byte[body.length + 3];
		withBom[0] = (byte) 0xef;
		withBom[1] = (byte) 0xbb;
		withBom[2] = (byte) 0xbf;
		System.arraycopy(body, 0, withBom, 3, body.length);
		try (CsvRowSource source = new CsvRowSource(new ByteArrayInputStream(withBom))) {
			assertThat(importer.run(source).created()).isEqualTo(4);
		}
		assertThat(tree.findByCode(p1 + "P").orElseThrow().name()).isEqualTo(p1 + "省委");

		String p2 = unique();
		try (CsvRowSource source = new CsvRowSource(new ByteArrayInputStream(tree(p2).getBytes(GBK)))) {
			assertThat(source.charset().name()).isEqualTo("GB18030");
			assertThat(importer.run(source).created()).isEqualTo(4);
		}
		assertThat(tree.findByCode(p2 + "V").orElseThrow().name()).isEqualTo(p2 + "村支部");
	}

	@Test
	void an_xlsx_file_is_read_from_its_first_sheet() throws Exception {
		String p = unique();
		Path file = Files.createTempFile("orgs", ".xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			XSSFSheet sheet = workbook.createSheet("组织");
			String[][] rows = { { "编码", "名称", "上级编码", "类型" }, { p + "P", p + "省委", "", "党委" },
					{ p + "C", p + "市委", p + "P", "党委" }, { p + "V", p + "村", p + "C", "BRANCH" } };
			for (int r = 0; r < rows.length; r++) {
				var row = sheet.createRow(r);
				for (int c = 0; c < 4; c++) {
					if (!rows[r][c].isEmpty()) {
						row.createCell(c).setCellValue(rows[r][c]);
					}
				}
			}
			try (var out = Files.newOutputStream(file)) {
				workbook.write(out);
			}
		}
		try {
			assertThat(importer.run(new XlsxRowSource(file)).created()).isEqualTo(3);
		}
		finally {
			Files.delete(file);
		}
		assertThat(tree.findByCode(p + "V").orElseThrow().depth()).isEqualTo(2);
	}

	@Test
	void every_bad_row_is_listed_by_line_and_nothing_is_written() throws Exception {
		// The rows are checked on their own first; a file with such errors goes no further.
		String p = unique();
		String csv = """
				code,name,parent_code,type
				%1$sA,ok,,党委
				%1$sB,,%1$sA,党委
				%1$sC,c,%1$sA,委员会
				%1$sD,d,%1$sNOPE,党委
				%1$sA,again,,党委
				%1$sE,e,%1$sF,党委
				%1$sF,f,%1$sE,党委
				,g,%1$sA,党委
				%1$sS,self,%1$sS,党委
				""".formatted(p);
		assertThatThrownBy(() -> importCsv(csv, StandardCharsets.UTF_8)).isInstanceOfSatisfying(
				InvalidInputException.class, e -> {
					assertThat(e.errors()).extracting(InputError::line, InputError::field).containsExactly(
							org.assertj.core.groups.Tuple.tuple(3L, "name"),
							org.assertj.core.groups.Tuple.tuple(4L, "type"),
							org.assertj.core.groups.Tuple.tuple(9L, "code"));
					assertThat(e.errorCount()).isEqualTo(3);
				});
		assertThat(countWithPrefix(p)).isZero();
		assertThat(stagedRows()).isZero();

		// Without them, the checks across rows: unknown parents and duplicates first, then cycles.
		String across = """
				code,name,parent_code,type
				%1$sA,ok,,党委
				%1$sD,d,%1$sNOPE,党委
				%1$sA,again,,党委
				%1$sE,e,%1$sF,党委
				%1$sF,f,%1$sE,党委
				%1$sS,self,%1$sS,党委
				""".formatted(p);
		assertThatThrownBy(() -> importCsv(across, StandardCharsets.UTF_8)).isInstanceOfSatisfying(
				InvalidInputException.class, e -> {
					assertThat(e.errors()).extracting(InputError::line, InputError::field).containsExactly(
							org.assertj.core.groups.Tuple.tuple(3L, "parent_code"),
							org.assertj.core.groups.Tuple.tuple(4L, "code"));
					assertThat(e.errorCount()).isEqualTo(2);
				});
		String cycles = """
				code,name,parent_code,type
				%1$sA,ok,,党委
				%1$sE,e,%1$sF,党委
				%1$sF,f,%1$sE,党委
				%1$sS,self,%1$sS,党委
				""".formatted(p);
		assertThatThrownBy(() -> importCsv(cycles, StandardCharsets.UTF_8)).isInstanceOfSatisfying(
				InvalidInputException.class, e -> {
					assertThat(e.errors()).extracting(InputError::line, InputError::field).containsExactly(
							org.assertj.core.groups.Tuple.tuple(3L, "parent_code"),
							org.assertj.core.groups.Tuple.tuple(4L, "parent_code"),
							org.assertj.core.groups.Tuple.tuple(5L, "parent_code"));
					assertThat(e.errorCount()).isEqualTo(3);
				});
		assertThat(countWithPrefix(p)).isZero();
		assertThat(stagedRows()).isZero();
	}

	@Test
	void bytes_that_are_not_valid_in_the_detected_encoding_reject_the_file_with_their_line() throws Exception {
		// UTF-8 throughout the first 64 KiB, then a bad byte far down the file
		String p = unique();
		StringBuilder csv = new StringBuilder(tree(p));
		for (int i = 0; i < 3000; i++) {
			csv.append("%1$sB%2$d,%1$s第%2$d村党支部,%1$sX,党支部%n".formatted(p, i));
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		bytes.write(csv.toString().getBytes(StandardCharsets.UTF_8));
		bytes.write((p + "Z,").getBytes(StandardCharsets.UTF_8));
		bytes.write(new byte[] { (byte) 0xe6, (byte) 0x9d });
		bytes.write((",," + "党委\n").getBytes(StandardCharsets.UTF_8));
		assertThat(bytes.size()).isGreaterThan(64 * 1024);
		assertThatThrownBy(() -> {
			try (CsvRowSource source = new CsvRowSource(new ByteArrayInputStream(bytes.toByteArray()))) {
				assertThat(source.charset()).isEqualTo(StandardCharsets.UTF_8);
				importer.run(source);
			}
		}).isInstanceOfSatisfying(InvalidInputException.class, e -> {
			assertThat(e.errors()).hasSize(1);
			assertThat(e.errors().get(0).code()).isEqualTo("error.import.encoding");
			assertThat(e.errors().get(0).line()).isEqualTo(3006L);
		});
		assertThat(countWithPrefix(p)).isZero();

		// GBK, with a byte that no GBK character starts with, on line 3
		String q = unique();
		ByteArrayOutputStream gbk = new ByteArrayOutputStream();
		gbk.write("code,name,parent_code,type\n%1$sP,%1$s省委,,党委\n%1$sC,".formatted(q).getBytes(GBK));
		gbk.write(new byte[] { (byte) 0xff });
		gbk.write(",%1$sP,党委\n%1$sD,县委,%1$sP,党委\n".formatted(q).getBytes(GBK));
		assertThatThrownBy(() -> {
			try (CsvRowSource source = new CsvRowSource(new ByteArrayInputStream(gbk.toByteArray()))) {
				importer.run(source);
			}
		}).isInstanceOfSatisfying(InvalidInputException.class,
				e -> assertThat(e.errors()).extracting(InputError::line).containsExactly(3L));
		assertThat(countWithPrefix(q)).isZero();
	}

	@Test
	void a_missing_header_column_is_named() {
		assertThatThrownBy(() -> importCsv("code,name,type\nA,b,党委\n", StandardCharsets.UTF_8))
				.isInstanceOfSatisfying(InvalidInputException.class, e -> {
					assertThat(e.errors().get(0).line()).isEqualTo(1L);
					assertThat(e.errors().get(0).args()).first().isEqualTo("parent_code");
				});
	}

	@Test
	void importing_the_same_file_again_changes_nothing() throws Exception {
		String p = unique();
		importCsv(tree(p), StandardCharsets.UTF_8);
		Org before = tree.findByCode(p + "V").orElseThrow();
		OrgImport.Result again = importCsv(tree(p), StandardCharsets.UTF_8);
		assertThat(again.created()).isZero();
		assertThat(again.updated()).isZero();
		assertThat(again.unchanged()).isEqualTo(4);
		assertThat(tree.findByCode(p + "V").orElseThrow()).isEqualTo(before);
	}

	@Test
	void a_changed_name_or_parent_updates_the_organisation_and_moves_its_subtree() throws Exception {
		String p = unique();
		importCsv(tree(p) + "%1$sC2,%1$s另一市委,%1$sP,党委\n".formatted(p), StandardCharsets.UTF_8);
		String changed = """
				code,name,parent_code,type
				%1$sX,%1$s新县委,%1$sC2,党委
				""".formatted(p);
		OrgImport.Result result = importCsv(changed, StandardCharsets.UTF_8);
		assertThat(result.updated()).isEqualTo(1);
		Org county = tree.findByCode(p + "X").orElseThrow();
		assertThat(county.name()).isEqualTo(p + "新县委");
		assertThat(tree.ancestors(tree.findByCode(p + "V").orElseThrow().id())).extracting(Org::code)
				.containsExactly(p + "P", p + "C2", p + "X");
		assertThat(tree.subtreeSize(tree.findByCode(p + "C").orElseThrow().id())).isEqualTo(1);
	}

	@Test
	void a_new_parent_that_lies_below_the_organisation_is_refused_with_its_line() throws Exception {
		String p = unique();
		importCsv(tree(p), StandardCharsets.UTF_8);
		String cycle = "code,name,parent_code,type\n%1$sN,new,,党委\n%1$sC,%1$s市委,%1$sV,党委\n".formatted(p);
		assertThatThrownBy(() -> importCsv(cycle, StandardCharsets.UTF_8)).isInstanceOfSatisfying(
				InvalidInputException.class, e -> {
					assertThat(e.errors().get(0).line()).isEqualTo(3L);
					assertThat(e.errors().get(0).field()).isEqualTo("parent_code");
				});
		assertThat(tree.findByCode(p + "N")).isEmpty();
		assertThat(tree.findByCode(p + "C").orElseThrow().parentId())
				.isEqualTo(tree.findByCode(p + "P").orElseThrow().id());
	}

	@Test
	void the_api_imports_a_multipart_file_and_lists_errors_as_problem_details() throws Exception {
		String p = unique();
		mvc.perform(multipart("/api/v1/orgs/import").file(new MockMultipartFile("file", "orgs.csv", "text/csv",
				tree(p).getBytes(GBK)))).andExpect(status().isOk()).andExpect(jsonPath("$.created").value(4));
		String bad = "code,name,parent_code,type\n%1$sQ,q,,xx\n%1$sR,r,%2$s,党委\n".formatted(p, "Z".repeat(65));
		mvc.perform(multipart("/api/v1/orgs/import").file(new MockMultipartFile("file", "bad.csv", "text/csv",
				bad.getBytes(StandardCharsets.UTF_8))))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors", hasSize(2)))
				.andExpect(jsonPath("$.errors[0].line").value(2))
				.andExpect(jsonPath("$.errors[0].field").value("type"))
				.andExpect(jsonPath("$.errors[1].line").value(3))
				.andExpect(jsonPath("$.errors[1].field").value("parent_code"));
		mvc.perform(multipart("/api/v1/orgs/import")).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("file"));
		assertThat(tree.findByCode(p + "Q")).isEmpty();
	}

	@Test
	void the_national_division_loader_maps_levels_to_committees_and_branches() throws Exception {
		Path dir = Files.createTempDirectory("division");
		String p = unique().substring(0, 6);
		Files.writeString(dir.resolve("provinces.csv"), "code,name\n%s1,\"某省\"\n".formatted(p));
		Files.writeString(dir.resolve("cities.csv"), "code,name,provinceCode\n%1$s101,\"某市\",%1$s1\n".formatted(p));
		Files.writeString(dir.resolve("areas.csv"),
				"code,name,cityCode,provinceCode\n%1$s10101,\"某县\",%1$s101,%1$s1\n".formatted(p));
		Files.writeString(dir.resolve("streets.csv"),
				"code,name,areaCode,provinceCode,cityCode\n%1$s10101001,\"某镇\",%1$s10101,%1$s1,%1$s101\n".formatted(p));
		Files.writeString(dir.resolve("villages.csv"),
				"code,name,streetCode,provinceCode,cityCode,areaCode\n%1$s10101001001,\"某村\",%1$s10101001,%1$s1,%1$s101,%1$s10101\n%1$s10101001002,\"另一村\",%1$s10101001,%1$s1,%1$s101,%1$s10101\n"
						.formatted(p));
		OrgImport.Result result = importer.run(new ChinaDivisionSource(dir));
		assertThat(result.created()).isEqualTo(6);
		Org village = tree.findByCode(p + "10101001002").orElseThrow();
		assertThat(village.type()).isEqualTo(OrgType.BRANCH);
		assertThat(tree.findByCode(p + "10101001").orElseThrow().type()).isEqualTo(OrgType.PARTY_COMMITTEE);
		assertThat(tree.ancestors(village.id())).extracting(Org::name).containsExactly("某省", "某市", "某县", "某镇");
		assertThat(importer.run(new ChinaDivisionSource(dir)).created()).isZero();
	}

	@Test
	void the_real_national_data_set_is_readable_by_the_loader() throws Exception {
		Path dir = Path.of("../shared/data/china-division");
		org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(dir), "shared data set not present");
		long[] counts = new long[2];
		new ChinaDivisionSource(dir).forEach(row -> {
			counts[0]++;
			if (OrgType.parse(row.type()).orElseThrow() == OrgType.BRANCH) {
				counts[1]++;
			}
		});
		assertThat(counts[0]).isEqualTo(665_276);
		assertThat(counts[1]).isEqualTo(620_573);
	}

	@Test
	void rows_read_from_a_source_report_their_line_numbers() throws Exception {
		List<Long> lines = new java.util.ArrayList<>();
		try (CsvRowSource source = new CsvRowSource(new ByteArrayInputStream(
				"code,name,parent_code,type\nA,a,,党委\n\nB,\"多行\n名称\",A,党委\nC,c,A,党委\n".getBytes(StandardCharsets.UTF_8)))) {
			source.forEach(row -> lines.add(row.line()));
		}
		assertThat(lines).hasSize(3).startsWith(2L);
	}

	@Test
	void an_organisation_administrator_imports_only_below_what_they_manage() throws Exception {
		String p = unique();
		importCsv(tree(p) + "%1$sOTHER,%1$s别处,,党委\n".formatted(p), StandardCharsets.UTF_8);
		var user = users.create(new zeren.access.Users.NewUser(p.toLowerCase() + "oa", "org-admin-pw-1", null, true));
		users.addGrant(user.id(), new zeren.access.Users.NewGrant(zeren.access.Role.ORG_ADMIN,
				tree.findByCode(p + "C").orElseThrow().id(), true));
		String outside = """
				code,name,parent_code,type
				%1$sNEWROOT,顶级,,党委
				%1$sOTHER,改名,%1$sC,党委
				%1$sOK,可以,%1$sX,党支部
				%1$sUP,上面,%1$sP,党支部
				""".formatted(p);
		mvc.perform(multipart("/api/v1/orgs/import").file(new MockMultipartFile("file", "o.csv", "text/csv",
				outside.getBytes(StandardCharsets.UTF_8))).with(as(user.id(), user.username())))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].line").value(2))
				.andExpect(jsonPath("$.errors[0].code").value("error.import.root-needs-admin"))
				.andExpect(jsonPath("$.errors[1].line").value(3))
				.andExpect(jsonPath("$.errors[1].code").value("error.import.code-unavailable"))
				// whose code it is stays untold
				.andExpect(jsonPath("$.errors[1].message").value("第 3 行 编码：编码 %sOTHER 不可用，请换一个编码".formatted(p)))
				.andExpect(jsonPath("$.errors[2].line").value(5))
				.andExpect(jsonPath("$.errors[2].code").value("error.import.parent-unknown"))
				.andExpect(jsonPath("$.errorCount").value(3));
		assertThat(tree.findByCode(p + "OK")).isEmpty();
		assertThat(tree.findByCode(p + "OTHER").orElseThrow().name()).isEqualTo(p + "别处");
		mvc.perform(multipart("/api/v1/orgs/import").file(new MockMultipartFile("file", "ok.csv", "text/csv",
				"code,name,parent_code,type\n%1$sOK,可以,%1$sX,党支部\n".formatted(p).getBytes(StandardCharsets.UTF_8)))
				.with(as(user.id(), user.username()))).andExpect(status().isOk()).andExpect(jsonPath("$.created").value(1));
	}

	@Test
	void a_second_import_while_one_runs_is_refused_at_once_with_409() throws Exception {
		String p = unique();
		CountDownLatch inside = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		RowSource slow = handler -> {
			inside.countDown();
			try {
				release.await(60, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			handler.accept(new ImportRow(2, p + "SLOW", "慢", null, "党委"));
		};
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try {
			Future<OrgImport.Result> first = executor.submit(() -> SystemWork.call("test", () -> importer.run(slow)));
			try {
				assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();
				mvc.perform(multipart("/api/v1/orgs/import").file(new MockMultipartFile("file", "orgs.csv", "text/csv",
						tree(p).getBytes(StandardCharsets.UTF_8))))
						.andExpect(status().isConflict())
						.andExpect(jsonPath("$.errors[0].code").value("error.import.busy"))
						.andExpect(jsonPath("$.errors[0].message").value(containsString("另一个导入正在进行")));
			}
			finally {
				release.countDown();
			}
			assertThat(first.get(60, TimeUnit.SECONDS).created()).isEqualTo(1);
		}
		finally {
			executor.shutdownNow();
		}
		// once the first has ended, the next one runs
		mvc.perform(multipart("/api/v1/orgs/import").file(new MockMultipartFile("file", "orgs.csv", "text/csv",
				tree(p).getBytes(StandardCharsets.UTF_8)))).andExpect(status().isOk())
				.andExpect(jsonPath("$.created").value(4));
	}

	@Test
	void a_zip_bomb_is_refused_with_400_not_500() throws Exception {
		mvc.perform(multipart("/api/v1/orgs/import").file(new MockMultipartFile("file", "bomb.xlsx",
				"application/octet-stream", zeren.platform.xlsx.Workbooks.zipBomb())))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].code").value("error.upload.zip-bomb"));
	}

	@Test
	void a_cell_or_a_csv_line_past_the_limit_is_refused_naming_it() throws Exception {
		int max = zeren.platform.xlsx.SheetLimits.of("org-import").maxCellChars();
		String longName = "长".repeat(max + 1);
		mvc.perform(multipart("/api/v1/orgs/import").file(new MockMultipartFile("file", "o.xlsx",
				"application/octet-stream", zeren.platform.xlsx.Workbooks.xlsx(List.of(
						List.of("code", "name", "parent_code", "type"), List.of("A", longName, "", "党委"))))))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].code").value("error.upload.cell-too-long"))
				.andExpect(jsonPath("$.errors[0].line").value(2))
				.andExpect(jsonPath("$.errors[0].message").value(containsString(String.valueOf(max))));
		String csv = "code,name,parent_code,type\nA,\"" + "长".repeat(8 * max + 1) + "\",,党委\n";
		mvc.perform(multipart("/api/v1/orgs/import").file(new MockMultipartFile("file", "o.csv", "text/csv",
				csv.getBytes(StandardCharsets.UTF_8))))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].code").value("error.upload.line-too-long"));
	}
}
