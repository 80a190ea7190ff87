package zeren.platform.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import zeren.platform.Sha256;

class PdfWriterTest {

	static String text(byte[] pdf) throws Exception {
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(doc);
		}
	}

	@Test
	void chinese_text_a_table_over_pages_signatures_and_page_numbers_come_back_out_of_the_pdf() throws Exception {
		String hash = Sha256.hex("责任书内容");
		List<List<String>> rows = new ArrayList<>();
		for (int i = 1; i <= 60; i++) {
			rows.add(List.of(String.valueOf(i), "落实全面从严治党主体责任第" + i + "项，定期研究部署党风廉政建设工作", "2026-12-31"));
		}
		byte[] pdf = PdfWriter.a4().info("责任书", "Zeren", "测试")
				.title("2026 年度党风廉政建设责任书")
				.paragraph("为深入贯彻落实全面从严治党要求，压紧压实管党治党政治责任，特签订本责任书。"
						+ "本段文字足够长，必须在页面宽度处折行，而不是溢出页面。Latin words wrap at spaces too.")
				.table(List.of("序号", "工作任务", "完成时限"), new float[] { 1, 8, 2 }, rows)
				.note("内容摘要 SHA-256: " + hash)
				.signatures(List.of(new PdfWriter.Signature("发文方", List.of("县委书记 张三", "2026-02-01 10:00")),
						new PdfWriter.Signature("受文方", List.of("镇党委书记 李四", "未签署"))))
				.toBytes();
		String text = text(pdf);
		assertThat(text).contains("2026 年度党风廉政建设责任书").contains("特签订本责任书").contains("第60项")
				.contains(hash).contains("县委书记 张三").contains("受文方").contains("镇党委书记 李四");
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			int pages = doc.getNumberOfPages();
			assertThat(pages).isGreaterThan(1);
			assertThat(text).contains("第 1 页 共 " + pages + " 页").contains("第 " + pages + " 页 共 " + pages + " 页");
			// the header row is repeated on every page of the table
			assertThat(text.split("工作任务", -1).length - 1).isGreaterThanOrEqualTo(pages - 1);
			PDFont font = doc.getPage(0).getResources().getFont(doc.getPage(0).getResources().getFontNames().iterator().next());
			assertThat(font.getName()).matches("[A-Z]{6}\\+NotoSansSC.*");
			assertThat(font.isEmbedded()).isTrue();
		}
		// a subset: far smaller than the 10 MB font
		assertThat(pdf.length).isLessThan(400_000);
	}

	@Test
	void lines_wrap_between_chinese_characters_and_never_start_with_closing_punctuation() {
		PdfWriter w = PdfWriter.a4();
		List<String> lines = w.wrap("一二三四五六七八九十，一二三四五六七八九十。", 10, 100);
		assertThat(lines).hasSizeGreaterThan(1);
		assertThat(String.join("", lines)).isEqualTo("一二三四五六七八九十，一二三四五六七八九十。");
		assertThat(lines).noneMatch(l -> l.startsWith("，") || l.startsWith("。"));
		assertThat(w.wrap("alpha beta gamma delta", 10, 60)).allMatch(l -> !l.startsWith(" ") && !l.endsWith(" "))
				.contains("alpha beta");
		String hash = Sha256.hex("x");
		assertThat(String.join("", w.wrap(hash, 10, 80))).isEqualTo(hash);
		assertThat(w.wrap("第一行\n\n第三行", 10, 400)).containsExactly("第一行", "", "第三行");
		assertThat(w.wrap("emoji \uD83D\uDE00 end", 10, 400)).containsExactly("emoji ? end");
		w.toBytes();
	}

	@Test
	void a_letter_sized_document_takes_well_under_a_second_once_the_font_is_loaded() throws Exception {
		PdfWriter.a4().title("预热").toBytes();
		long best = Long.MAX_VALUE;
		for (int i = 0; i < 3; i++) {
			long started = System.nanoTime();
			List<List<String>> rows = new ArrayList<>();
			for (int r = 1; r <= 20; r++) {
				rows.add(List.of(String.valueOf(r), "党风廉政建设任务" + r, "目标要求" + r, "2026-12-31"));
			}
			byte[] pdf = PdfWriter.a4().title("责任书").paragraph("正文").table(List.of("序号", "任务", "目标", "时限"),
					new float[] { 1, 5, 5, 2 }, rows).toBytes();
			best = Math.min(best, (System.nanoTime() - started) / 1_000_000);
			assertThat(text(pdf)).contains("党风廉政建设任务20");
		}
		org.slf4j.LoggerFactory.getLogger(PdfWriterTest.class).info("letter-sized PDF: best of 3 {} ms", best);
		assertThat(best).isLessThan(1000);
	}
}
