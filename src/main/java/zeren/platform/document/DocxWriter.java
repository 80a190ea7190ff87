package zeren.platform.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackagePartName;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRelation;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDocGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STDocGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STHint;

/**
 * The Word (DOCX) renderer of a {@link DocumentWriter} document, in the layout of 党政机关公文
 * (GB/T 9704-2012), through Apache POI XWPF:
 * <ul>
 * <li>A4 (210 × 297 mm); margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm, so the type
 * area is 156 × 225 mm;
 * <li>the title in 二号 (22 pt) 小标宋 ({@value #TITLE_FONT}), centred, with an empty line after it;
 * <li>body text in 三号 (16 pt) 仿宋 ({@value #BODY_FONT}) at a fixed line pitch of
 * {@value #LINE_PITCH} twips (28.95 pt: 22 lines a page, about 28 characters a line), each
 * paragraph indented by two characters; headings in 三号 黑体 ({@value #HEADING_FONT});
 * <li>the issuing organisation and the date at the end, set right with four characters' space;
 * several parties (a letter's two) side by side in a borderless table;
 * <li>page numbers in 四号 (14 pt) 宋体 as "— 1 —", right on odd pages and left on even pages,
 * each a character in from the edge of the type area.
 * </ul>
 * The fonts are named for East Asian text (w:rFonts w:eastAsia, with the East Asian hint, and for
 * Latin text, so digits match), the document's default language and font are Chinese 仿宋; where a
 * reader lacks a font, the font table names the bundled font ({@value #FALLBACK_FONT}, the one the
 * PDF writer embeds) as its alternate and declares it a GB2312 font by charset, PANOSE and
 * signature, so a Chinese font is substituted. The font itself (10 MB) is not embedded: POI has
 * no API for embedded (obfuscated, w:embedRegular) fonts, and 10 MB in every letter is too much.
 * Tables are set in 小四 (12 pt) with single line spacing, their header row repeated on each page.
 */
public final class DocxWriter implements DocumentWriter {

	public static final String TITLE_FONT = "方正小标宋简体";
	public static final String BODY_FONT = "仿宋_GB2312";
	public static final String HEADING_FONT = "黑体";
	public static final String PAGE_NUMBER_FONT = "宋体";
	/** The family name of {@link zeren.platform.pdf.PdfWriter#FONT}. */
	public static final String FALLBACK_FONT = "Noto Sans SC";

	/** A4 in twips (1/20 pt). */
	public static final int PAGE_WIDTH = 11906;
	public static final int PAGE_HEIGHT = 16838;
	public static final int MARGIN_TOP = mm(37);
	public static final int MARGIN_BOTTOM = mm(35);
	public static final int MARGIN_LEFT = mm(28);
	public static final int MARGIN_RIGHT = mm(26);
	/** 28.95 pt in twips. */
	public static final int LINE_PITCH = 579;
	public static final double TITLE_SIZE = 22;
	public static final double BODY_SIZE = 16;
	public static final double NOTE_SIZE = 12;
	public static final double TABLE_SIZE = 12;
	public static final double PAGE_NUMBER_SIZE = 14;
	/** One character of body text (16 pt) in twips. */
	private static final int CHAR = 320;
	private static final int TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;

	/** The 公文 fonts: name, PANOSE class (serif 宋/仿宋, sans 黑体) and family, for the font table. */
	private static final List<String[]> FONTS = List.of(
			new String[] { TITLE_FONT, "02000000000000000000", "auto" },
			new String[] { BODY_FONT, "02010609030101010101", "modern" },
			new String[] { HEADING_FONT, "02010609060101010101", "modern" },
			new String[] { PAGE_NUMBER_FONT, "02010600030101010101", "auto" });

	private final XWPFDocument doc = new XWPFDocument();

	private DocxWriter() {
		CTSectPr section = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr()
				: doc.getDocument().getBody().addNewSectPr();
		CTPageSz size = section.addNewPgSz();
		size.setW(BigInteger.valueOf(PAGE_WIDTH));
		size.setH(BigInteger.valueOf(PAGE_HEIGHT));
		CTPageMar margins = section.addNewPgMar();
		margins.setTop(BigInteger.valueOf(MARGIN_TOP));
		margins.setBottom(BigInteger.valueOf(MARGIN_BOTTOM));
		margins.setLeft(BigInteger.valueOf(MARGIN_LEFT));
		margins.setRight(BigInteger.valueOf(MARGIN_RIGHT));
		margins.setHeader(BigInteger.valueOf(mm(15)));
		// the page number's line sits about 7 mm below the type area
		margins.setFooter(BigInteger.valueOf(mm(35 - 7) - 280));
		margins.setGutter(BigInteger.ZERO);
		CTDocGrid grid = section.addNewDocGrid();
		grid.setType(STDocGrid.LINES);
		grid.setLinePitch(BigInteger.valueOf(LINE_PITCH));
		doc.setEvenAndOddHeadings(true);
		defaults();
		pageNumber(doc.createFooter(HeaderFooterType.DEFAULT), ParagraphAlignment.RIGHT);
		pageNumber(doc.createFooter(HeaderFooterType.EVEN), ParagraphAlignment.LEFT);
	}

	/**
	 * The document's defaults: text is Chinese (East Asian language zh-CN) in 仿宋, so what has no
	 * font of its own (an empty line, text a reader adds) is set like the body.
	 */
	private void defaults() {
		XWPFStyles styles = doc.createStyles();
		CTFonts fonts = CTFonts.Factory.newInstance();
		fonts.setEastAsia(BODY_FONT);
		fonts.setAscii(BODY_FONT);
		fonts.setHAnsi(BODY_FONT);
		fonts.setHint(STHint.EAST_ASIA);
		styles.setDefaultFonts(fonts);
		styles.setEastAsia("zh-CN");
	}

	/** A new document of A4 portrait pages in the 公文 layout. */
	public static DocxWriter a4() {
		return new DocxWriter();
	}

	private static int mm(double mm) {
		return (int) Math.round(mm / 25.4 * 1440);
	}

	@Override
	public DocxWriter info(String title, String author, String subject) {
		var core = doc.getProperties().getCoreProperties();
		core.setTitle(title);
		core.setCreator(author);
		core.setSubjectProperty(subject);
		core.setCreated(Optional.of(new java.util.Date()));
		return this;
	}

	/** GB/T 9704 numbers pages as "— 1 —"; the pattern of the PDF does not apply. */
	@Override
	public DocxWriter pageNumbers(String pattern) {
		return this;
	}

	@Override
	public DocxWriter title(String text) {
		XWPFParagraph p = doc.createParagraph();
		p.setAlignment(ParagraphAlignment.CENTER);
		exact(p);
		p.setSpacingAfter(LINE_PITCH);
		text(p, text, TITLE_FONT, TITLE_SIZE);
		return this;
	}

	@Override
	public DocxWriter heading(String text) {
		XWPFParagraph p = body(text, HEADING_FONT, BODY_SIZE);
		p.setKeepNext(true);
		return this;
	}

	@Override
	public DocxWriter paragraph(String text) {
		body(text, BODY_FONT, BODY_SIZE);
		return this;
	}

	@Override
	public DocxWriter note(String text) {
		XWPFParagraph p = doc.createParagraph();
		p.setSpacingBetween(1.0, LineSpacingRule.AUTO);
		text(p, text, BODY_FONT, NOTE_SIZE);
		return this;
	}

	@Override
	public DocxWriter space(float points) {
		XWPFParagraph p = doc.createParagraph();
		p.setSpacingBetween(Math.max(1, points), LineSpacingRule.EXACT);
		return this;
	}

	@Override
	public DocxWriter table(List<String> headers, float[] widths, List<List<String>> rows) {
		if (widths.length != headers.size()) {
			throw new IllegalArgumentException("one width per column");
		}
		float total = 0;
		for (float w : widths) {
			total += w;
		}
		XWPFTable table = doc.createTable(rows.size() + 1, headers.size());
		table.setWidth(TEXT_WIDTH);
		for (int r = 0; r <= rows.size(); r++) {
			XWPFTableRow row = table.getRow(r);
			List<String> texts = r == 0 ? headers : rows.get(r - 1);
			if (r == 0) {
				row.setRepeatHeader(true);
			}
			for (int c = 0; c < headers.size(); c++) {
				XWPFTableCell cell = row.getCell(c);
				cell.setWidthType(TableWidthType.DXA);
				cell.setWidth(String.valueOf(Math.round(TEXT_WIDTH * widths[c] / total)));
				String t = c < texts.size() ? texts.get(c) : null;
				XWPFParagraph p = cell.getParagraphs().get(0);
				p.setSpacingBetween(1.0, LineSpacingRule.AUTO);
				if (r == 0) {
					p.setAlignment(ParagraphAlignment.CENTER);
				}
				XWPFRun run = text(p, t == null ? "" : t, r == 0 ? HEADING_FONT : BODY_FONT, TABLE_SIZE);
				run.setBold(false);
			}
		}
		doc.createParagraph();
		return this;
	}

	@Override
	public DocxWriter signatures(List<Signature> signatures) {
		space(LINE_PITCH / 20f);
		if (signatures.size() == 1) {
			// 发文机关署名 and 成文日期: right, four characters in
			for (String line : signatures.get(0).lines()) {
				XWPFParagraph p = doc.createParagraph();
				p.setAlignment(ParagraphAlignment.RIGHT);
				p.setIndentationRight(4 * CHAR);
				exact(p);
				text(p, line, BODY_FONT, BODY_SIZE);
			}
			return this;
		}
		XWPFTable table = doc.createTable((signatures.size() + 1) / 2, 2);
		table.removeBorders();
		table.setWidth(TEXT_WIDTH);
		for (int i = 0; i < signatures.size(); i++) {
			XWPFTableCell cell = table.getRow(i / 2).getCell(i % 2);
			cell.setWidthType(TableWidthType.DXA);
			cell.setWidth(String.valueOf(TEXT_WIDTH / 2));
			Signature s = signatures.get(i);
			XWPFParagraph head = cell.getParagraphs().get(0);
			text(head, s.party(), HEADING_FONT, BODY_SIZE);
			for (String line : s.lines()) {
				XWPFParagraph p = cell.addParagraph();
				p.setSpacingBetween(1.0, LineSpacingRule.AUTO);
				text(p, line, BODY_FONT, NOTE_SIZE);
			}
		}
		return this;
	}

	@Override
	public byte[] toBytes() {
		try (doc) {
			fontTable();
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			doc.write(bytes);
			return bytes.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	// ---- layout ---------------------------------------------------------------------------------

	private XWPFParagraph body(String text, String font, double size) {
		XWPFParagraph p = doc.createParagraph();
		p.setAlignment(ParagraphAlignment.BOTH);
		p.setIndentationFirstLine(2 * CHAR);
		exact(p);
		text(p, text, font, size);
		return p;
	}

	private static void exact(XWPFParagraph p) {
		p.setSpacingBetween(LINE_PITCH / 20.0, LineSpacingRule.EXACT);
		p.setSpacingAfter(0);
	}

	/** The text in one run, its line breaks kept, in {@code font} for East Asian and Latin text. */
	private static XWPFRun text(XWPFParagraph p, String text, String font, double size) {
		XWPFRun run = p.createRun();
		font(run, font, size);
		String[] lines = text.replace("\r\n", "\n").split("\n", -1);
		for (int i = 0; i < lines.length; i++) {
			if (i > 0) {
				run.addBreak();
			}
			run.setText(clean(lines[i]), i);
		}
		return run;
	}

	private static void font(XWPFRun run, String font, double size) {
		run.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
		run.setFontFamily(font, XWPFRun.FontCharRange.ascii);
		run.setFontFamily(font, XWPFRun.FontCharRange.hAnsi);
		// characters both East Asian and Latin (quotes, dashes, punctuation) take the East Asian font
		run.getCTR().getRPr().getRFontsArray(0).setHint(STHint.EAST_ASIA);
		run.setFontSize(size);
	}

	/** XML 1.0 cannot carry most control characters: tabs become spaces, the rest are dropped. */
	private static String clean(String text) {
		StringBuilder b = new StringBuilder(text.length());
		text.codePoints().forEach(cp -> {
			if (cp == '\t') {
				b.append(' ');
			}
			else if (!Character.isISOControl(cp) && cp != 0xFFFE && cp != 0xFFFF) {
				b.appendCodePoint(cp);
			}
		});
		return b.toString();
	}

	/** "— 1 —" in 四号 宋体, a PAGE field between the dashes, one character in from the side. */
	private static void pageNumber(XWPFFooter footer, ParagraphAlignment side) {
		XWPFParagraph p = footer.createParagraph();
		p.setAlignment(side);
		if (side == ParagraphAlignment.RIGHT) {
			p.setIndentationRight(280);
		}
		else {
			p.setIndentationLeft(280);
		}
		pageRun(p, "— ");
		pageRun(p, null).getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
		pageRun(p, null).getCTR().addNewInstrText().setStringValue(" PAGE ");
		pageRun(p, null).getCTR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
		pageRun(p, "1");
		pageRun(p, null).getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
		pageRun(p, " —");
	}

	private static XWPFRun pageRun(XWPFParagraph p, String text) {
		XWPFRun run = p.createRun();
		font(run, PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE);
		if (text != null) {
			run.setText(text);
		}
		return run;
	}

	/**
	 * The font table: each 公文 font as a Chinese (GB2312, charset 86) font with its PANOSE class
	 * and its signature of Unicode ranges and code pages (CJK ideographs, GB2312), and the bundled
	 * font as its alternate. A reader without 方正小标宋简体 or 仿宋_GB2312 substitutes by the
	 * alternate's name or, lacking that too, by the signature: a Chinese font it has, never a
	 * Latin one that would show boxes.
	 */
	private void fontTable() throws IOException {
		try {
			PackagePartName name = PackagingURIHelper.createPartName("/word/fontTable.xml");
			if (doc.getPackage().containPart(name)) {
				return;
			}
			PackagePart part = doc.getPackage().createPart(name, XWPFRelation.FONT_TABLE.getContentType());
			StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>")
					.append("<w:fonts xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">");
			for (String[] font : FONTS) {
				xml.append("<w:font w:name=\"").append(font[0]).append("\"><w:altName w:val=\"").append(FALLBACK_FONT)
						.append("\"/><w:panose1 w:val=\"").append(font[1]).append("\"/><w:charset w:val=\"86\"/><w:family w:val=\"")
						.append(font[2]).append("\"/><w:pitch w:val=\"variable\"/>")
						.append("<w:sig w:usb0=\"00000003\" w:usb1=\"288F0000\" w:usb2=\"00000016\" w:usb3=\"00000000\"")
						.append(" w:csb0=\"00040001\" w:csb1=\"00000000\"/></w:font>");
			}
			xml.append("</w:fonts>");
			try (OutputStream out = part.getOutputStream()) {
				out.write(xml.toString().getBytes(StandardCharsets.UTF_8));
			}
			doc.getPackagePart().addRelationship(name, TargetMode.INTERNAL, XWPFRelation.FONT_TABLE.getRelation());
		}
		catch (InvalidFormatException e) {
			throw new IOException(e);
		}
	}
}
