package zeren.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

import zeren.platform.document.DocxWriter;

/**
 * A DOCX as a test reads it with POI: its whole text (body, tables, footers), and the checks of
 * the 公文 layout (GB/T 9704) every document of Zeren keeps.
 */
public final class Docx {

	private Docx() {
	}

	/** The text of every paragraph and table cell, and of the footers. */
	public static String text(byte[] docx) throws IOException {
		try (XWPFDocument doc = open(docx); XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
			return extractor.getText();
		}
	}

	public static XWPFDocument open(byte[] docx) throws IOException {
		return new XWPFDocument(new ByteArrayInputStream(docx));
	}

	/**
	 * Asserts the layout: A4 with the standard's margins, the first paragraph the centred title
	 * {@code title} in 22 pt 小标宋, body paragraphs in 16 pt 仿宋 at the fixed line pitch with a
	 * two-character indent, and the "— PAGE —" footer.
	 */
	public static void assertGbt9704(byte[] docx, String title) throws IOException {
		try (XWPFDocument doc = open(docx)) {
			CTSectPr section = doc.getDocument().getBody().getSectPr();
			CTPageSz size = section.getPgSz();
			assertThat(new BigInteger(size.getW().toString())).as("A4 width").isEqualTo(BigInteger.valueOf(11906));
			assertThat(new BigInteger(size.getH().toString())).as("A4 height").isEqualTo(BigInteger.valueOf(16838));
			CTPageMar m = section.getPgMar();
			assertThat(twips(m.getTop())).as("top 37 mm").isEqualTo(2098);
			assertThat(twips(m.getBottom())).as("bottom 35 mm").isEqualTo(1984);
			assertThat(twips(m.getLeft())).as("left 28 mm").isEqualTo(1587);
			assertThat(twips(m.getRight())).as("right 26 mm").isEqualTo(1474);

			XWPFParagraph first = doc.getParagraphs().get(0);
			assertThat(first.getText()).isEqualTo(title);
			assertThat(first.getAlignment()).isEqualTo(ParagraphAlignment.CENTER);
			XWPFRun titleRun = first.getRuns().get(0);
			assertThat(titleRun.getFontSizeAsDouble()).as("title 二号").isEqualTo(22.0);
			assertThat(titleRun.getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo(DocxWriter.TITLE_FONT);

			List<XWPFParagraph> body = new ArrayList<>();
			for (XWPFParagraph p : doc.getParagraphs()) {
				if (!p.getRuns().isEmpty() && DocxWriter.BODY_FONT.equals(p.getRuns().get(0).getFontFamily(XWPFRun.FontCharRange.eastAsia))
						&& Double.valueOf(16.0).equals(p.getRuns().get(0).getFontSizeAsDouble()) && p.getIndentationFirstLine() > 0) {
					body.add(p);
				}
			}
			assertThat(body).as("body paragraphs in 三号 仿宋").isNotEmpty();
			for (XWPFParagraph p : body) {
				assertThat(p.getIndentationFirstLine()).as("two characters of 16 pt").isEqualTo(640);
				assertThat(p.getCTP().getPPr().getSpacing().getLine().toString()).as("28.95 pt exactly").isEqualTo("579");
				assertThat(p.getCTP().getPPr().getSpacing().getLineRule().toString()).isEqualTo("exact");
			}
			assertThat(doc.getFooterList()).isNotEmpty();
			String footer = doc.getFooterList().get(0)._getHdrFtr().xmlText();
			assertThat(footer).contains("— ").contains(" PAGE ").contains(" —");
			assertThat(doc.getFooterList().get(0).getParagraphs().get(0).getRuns().get(0).getFontSizeAsDouble())
					.as("page number 四号").isEqualTo(14.0);
		}
	}

	private static long twips(Object value) {
		return Long.parseLong(value.toString());
	}
}
