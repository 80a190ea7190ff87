package zeren.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.options.FilePayload;

import zeren.org.Org;
import zeren.org.OrgTree;
import zeren.org.OrgType;

/** Uploading organisation files on the import page. */
class OrgImportBrowserTest extends BrowserTest {

	@Autowired
	OrgTree tree;

	private void upload(String fileName, String mimeType, byte[] content) {
		open("/orgs/import");
		page.locator("#file").setInputFiles(new FilePayload(fileName, mimeType, content));
		page.locator(".import-form button[type=submit]").click();
	}

	private void uploadAgain(String fileName, String mimeType, byte[] content) {
		page.locator("#file").setInputFiles(new FilePayload(fileName, mimeType, content));
		page.locator(".import-form button[type=submit]").click();
	}

	@Test
	void a_file_with_several_bad_rows_shows_every_error_with_its_line_and_writes_nothing() {
		String p = unique("IMPBAD");
		String csv = """
				code,name,parent_code,type
				%1$s-1,市委,,党委
				%1$s-2,,%1$s-1,党支部
				%1$s-3,宣传部,%1$s-1,不存在的类型
				%1$s-1,又一个市委,,党委
				%1$s-5,某支部,%1$s-NOPE,党支部
				%1$s-6,好的一行,%1$s-1,BRANCH
				""".formatted(p);
		long before = tree.count();

		// the rows on their own first: a file with such errors goes no further
		upload("bad.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
		expect(page.locator("#import-errors")).containsText("文件未导入，没有写入任何数据。共发现 2 处错误：");
		expect(page.locator("#import-errors .error-list li")).hasText(new String[] {
				"第 3 行 名称：不能为空",
				"第 4 行 类型：未知的组织类型“不存在的类型”" });
		// corrected, the checks across rows
		String corrected = csv.replace(p + "-2,," + p + "-1,党支部", p + "-2,某支部," + p + "-1,党支部")
				.replace(",不存在的类型", ",工作部门");
		upload("bad.csv", "text/csv", corrected.getBytes(StandardCharsets.UTF_8));
		expect(page.locator("#import-errors")).containsText("文件未导入，没有写入任何数据。共发现 2 处错误：");
		expect(page.locator("#import-errors .error-list li")).hasText(new String[] {
				"第 5 行 编码：" + p + "-1 重复（第 2 行已出现）",
				"第 6 行 上级编码：" + p + "-NOPE 既不在文件中，也不是已有组织" });
		expect(page.locator("#import-result")).hasCount(0);
		screenshot("import-errors");

		assertThat(tree.count()).isEqualTo(before);
		for (String suffix : List.of("-1", "-2", "-3", "-5", "-6")) {
			assertThat(tree.findByCode(p + suffix)).as(p + suffix).isEmpty();
		}
		open("/orgs?q=" + p);
		expect(page.locator(".search-results li")).hasCount(0);
	}

	@Test
	void a_valid_file_is_imported_and_importing_it_again_creates_nothing() {
		String p = unique("IMP");
		byte[] csv = """
				code,name,parent_code,type
				%1$s-1,省委,,党委
				%1$s-2,省委组织部,%1$s-1,工作部门
				%1$s-3,干部一处党支部,%1$s-2,BRANCH
				""".formatted(p).getBytes(StandardCharsets.UTF_8);

		upload("orgs.csv", "text/csv", csv);

		expect(page.locator("#import-result")).containsText("导入完成：共 3 行，新建 3，更新 0，未变 0");
		expect(page.locator("#import-errors")).hasCount(0);
		screenshot("import-result");
		Org top = tree.findByCode(p + "-1").orElseThrow();
		Org middle = tree.findByCode(p + "-2").orElseThrow();
		Org bottom = tree.findByCode(p + "-3").orElseThrow();
		assertThat(middle.parentId()).isEqualTo(top.id());
		assertThat(bottom.parentId()).isEqualTo(middle.id());
		assertThat(bottom.type()).isEqualTo(OrgType.BRANCH);
		long after = tree.count();

		uploadAgain("orgs.csv", "text/csv", csv);
		expect(page.locator("#import-result")).containsText("导入完成：共 3 行，新建 0，更新 0，未变 3");
		assertThat(tree.count()).isEqualTo(after);

		// The imported tree is there to browse.
		open("/orgs/" + bottom.id());
		expect(page.locator(".breadcrumb .breadcrumb-item"))
				.hasText(new String[] { "组织机构", "省委", "省委组织部", "干部一处党支部" });
	}

	@Test
	void a_gbk_file_with_chinese_headers_as_excel_saves_it_is_imported() {
		String p = unique("GBK");
		String text = "编码,名称,上级编码,类型\r\n" + p + "-1,自治区党委,,党委\r\n" + p + "-2,自治区纪委,"
				+ p + "-1,纪委\r\n" + p + "-3,办公厅机关党支部," + p + "-1,党支部\r\n";
		byte[] gbk = text.getBytes(Charset.forName("GBK"));
		assertThat(new String(gbk, StandardCharsets.UTF_8)).isNotEqualTo(text); // really not UTF-8

		upload("组织.csv", "text/csv", gbk);

		expect(page.locator("#import-result")).containsText("导入完成：共 3 行，新建 3，更新 0，未变 0");
		assertThat(tree.findByCode(p + "-1").orElseThrow().name()).isEqualTo("自治区党委");
		Org commission = tree.findByCode(p + "-2").orElseThrow();
		assertThat(commission.name()).isEqualTo("自治区纪委");
		assertThat(commission.type()).isEqualTo(OrgType.DISCIPLINE_COMMISSION);

		open("/orgs/" + commission.id());
		expect(page.locator("#org-name")).hasText("自治区纪委");
		expect(page.locator(".breadcrumb .breadcrumb-item")).hasText(new String[] { "组织机构", "自治区党委", "自治区纪委" });

		open("/orgs/import");
		uploadAgain("组织.csv", "text/csv", gbk);
		expect(page.locator("#import-result")).containsText("新建 0，更新 0，未变 3");
	}

	@Test
	void an_xlsx_file_is_imported() throws IOException {
		String p = unique("XLSX");
		byte[] xlsx;
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			var sheet = workbook.createSheet("组织");
			String[][] rows = { { "编码", "名称", "上级编码", "类型" }, { p + "-1", "县委", "", "党委" },
					{ p + "-2", "县委办公室", p + "-1", "工作部门" } };
			for (int r = 0; r < rows.length; r++) {
				var row = sheet.createRow(r);
				for (int c = 0; c < rows[r].length; c++) {
					row.createCell(c).setCellValue(rows[r][c]);
				}
			}
			workbook.write(out);
			xlsx = out.toByteArray();
		}

		upload("orgs.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx);

		expect(page.locator("#import-result")).containsText("导入完成：共 2 行，新建 2，更新 0，未变 0");
		assertThat(tree.findByCode(p + "-2").orElseThrow().parentId())
				.isEqualTo(tree.findByCode(p + "-1").orElseThrow().id());
	}

	@Test
	void importing_without_a_file_asks_for_one() {
		open("/orgs/import");
		page.locator(".import-form button[type=submit]").click();
		expect(page.locator("#import-errors .error-list li")).hasText(new String[] { "文件：请选择要导入的文件" });
	}
}
