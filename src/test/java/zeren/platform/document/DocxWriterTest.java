package zeren.platform.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipInputStream;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import zeren.support.Docx;

class DocxWriterTest {

	static byte[] sample(DocumentFormat format) {
		return format.writer().info("关于甲镇问题的通报", "县纪委", "通报")
				.title("关于甲镇问题的通报")
				.paragraph("为落实全面从严治党主体责任，现将有关情况通报如下。\n第二行")
				.heading("一、存在的问题")
				.paragraph("镇党委主体责任落实不力。")
				.note("SHA-256: 0123abcd")
				.table(List.of("序号", "单位", "问题"), new float[] { 1, 3, 6 },
						List.of(List.of("1", "甲镇", "会议记录缺失"), Arrays.asList("2", null, "台账不全")))
				.signatures(List.of(new DocumentWriter.Signature("发文机关", List.of("中共某县纪律检查委员会",
						DocumentWriter.date(LocalDate.of(2026, 7, 1))))))
				.toBytes();
	}

	@Test
	void a_docx_opens_with_poi_and_keeps_the_gbt_9704_layout() throws Exception {
		byte[] docx = sample(DocumentFormat.DOCX);
		Docx.assertGbt9704(docx, "关于甲镇问题的通报");
		String text = Docx.text(docx);
		assertThat(text).contains("为落实全面从严治党主体责任", "第二行", "一、存在的问题", "镇党委主体责任落实不力", "SHA-256: 0123abcd",
				"会议记录缺失", "台账不全", "中共某县纪律检查委员会", "2026年7月1日");
		try (XWPFDocument doc = Docx.open(docx)) {
			assertThat(doc.getProperties().getCoreProperties().getTitle()).isEqualTo("关于甲镇问题的通报");
			XWPFTable table = doc.getTables().get(0);
			assertThat(table.getRows()).hasSize(3);
			assertThat(table.getRow(0).isRepeatHeader()).isTrue();
			assertThat(table.getRow(2).getCell(1).getText()).isEmpty();
			// heading in 黑体, the closing lines at the right
			assertThat(doc.getParagraphs().stream().filter(p -> p.getText().equals("一、存在的问题")).findFirst().orElseThrow()
					.getRuns().get(0).getFontFamily(org.apache.poi.xwpf.usermodel.XWPFRun.FontCharRange.eastAsia))
					.isEqualTo(DocxWriter.HEADING_FONT);
			assertThat(doc.getParagraphs().stream().filter(p -> p.getText().equals("2026年7月1日")).findFirst().orElseThrow()
					.getAlignment()).isEqualTo(org.apache.poi.xwpf.usermodel.ParagraphAlignment.RIGHT);
			assertThat(doc.getEvenAndOddHeadings()).isTrue();
			assertThat(doc.getFooterList()).hasSize(2);
		}
		// the font table names the bundled font as the alternate of each 公文 font
		String fontTable = part(docx, "word/fontTable.xml");
		assertThat(fontTable).contains("w:name=\"" + DocxWriter.TITLE_FONT + "\"", "w:name=\"" + DocxWriter.BODY_FONT + "\"",
				"w:altName w:val=\"" + DocxWriter.FALLBACK_FONT + "\"");
		// each declared a Chinese (GB2312) font, so a reader lacking both substitutes a Chinese one
		assertThat(fontTable).contains("w:charset w:val=\"86\"", "w:csb0=\"00040001\"", "w:panose1");
		// the runs name their East Asian font with the East Asian hint; the defaults are Chinese 仿宋
		String body = part(docx, "word/document.xml");
		assertThat(body).contains("w:eastAsia=\"" + DocxWriter.TITLE_FONT + "\"", "w:eastAsia=\"" + DocxWriter.BODY_FONT + "\"",
				"w:hint=\"eastAsia\"");
		String styles = part(docx, "word/styles.xml");
		assertThat(styles).contains("w:eastAsia=\"" + DocxWriter.BODY_FONT + "\"", "w:eastAsia=\"zh-CN\"");
	}

	@Test
	void the_same_content_renders_as_pdf() throws Exception {
		byte[] pdf = sample(DocumentFormat.PDF);
		try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc)).contains("关于甲镇问题的通报", "镇党委主体责任落实不力",
					"会议记录缺失", "2026年7月1日");
		}
	}

	@Test
	void control_characters_do_not_break_the_document() throws Exception {
		byte[] docx = DocumentFormat.DOCX.writer().title("标题").paragraph("甲\u0001乙\t丙").toBytes();
		assertThat(Docx.text(docx)).contains("甲乙 丙");
	}

	@Test
	void a_download_is_named_in_chinese_per_rfc_5987() {
		var response = DocumentFormat.DOCX.response(new byte[] { 1 }, "关于甲镇/问题的通报");
		assertThat(response.getHeaders().getContentType().toString())
				.isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
		String disposition = response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION);
		assertThat(disposition).startsWith("attachment;").contains("filename*=UTF-8''")
				.contains(java.net.URLEncoder.encode("关于甲镇_问题的通报", StandardCharsets.UTF_8).replace("+", "%20"))
				.contains(".docx");
	}

	static String part(byte[] zip, String name) throws Exception {
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
				if (e.getName().equals(name)) {
					return new String(in.readAllBytes(), StandardCharsets.UTF_8);
				}
			}
		}
		throw new AssertionError("no part " + name);
	}
}
