package zeren.platform.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import zeren.platform.document.DocumentWriter;

/**
 * The PDF renderer of a {@link DocumentWriter} document (the DOCX one is
 * {@link zeren.platform.document.DocxWriter}): simple documents with Chinese text (letters, reports,
 * notices). A document is written top to bottom on A4 pages; each block starts where the last
 * one ended and moves to a new page when it does not fit:
 *
 * <pre>{@code
 * byte[] pdf = PdfWriter.a4()
 *     .title("2026 年度党风廉政建设责任书")
 *     .paragraph("为落实全面从严治党主体责任……")
 *     .table(List.of("序号", "工作任务", "完成时限"), new float[] { 1, 6, 2 }, rows)
 *     .signatures(List.of(new PdfWriter.Signature("发文方", List.of("县委书记 张三", "2026-02-01"))))
 *     .toBytes();
 * }</pre>
 *
 * <ul>
 * <li>Text is set in the bundled Noto Sans SC (SIL OFL), embedded as a subset, so any reader
 * shows the Chinese text and a text extractor finds it. The font file is read once per process
 * and kept in memory; parsed fonts are pooled and reused by later documents.
 * <li>Lines wrap at the width of their block: between any two Chinese characters, at spaces
 * between Latin words, and inside a Latin word or a long hash only when it is longer than the
 * line. Closing punctuation (，。、) never starts a line. Explicit line breaks are kept.
 * <li>Tables repeat their header row on each page; a row taller than a page continues on the next.
 * <li>Every page gets its number at the bottom ({@link #pageNumbers(String)}).
 * <li>A character the font does not have is written as "?" rather than failing the document.
 * </ul>
 *
 * Not thread-safe: one writer per document. Writers are cheap; make a new one per request.
 */
public final class PdfWriter implements DocumentWriter {

	/** The bundled CJK font, a classpath resource. */
	public static final String FONT = "/fonts/NotoSansSC-Regular.ttf";

	private static final float MARGIN = 56;
	private static final float BOTTOM = 64;
	private static final float TITLE_SIZE = 18;
	private static final float HEADING_SIZE = 13;
	private static final float TEXT_SIZE = 11;
	private static final float TABLE_SIZE = 9.5f;
	private static final float SMALL_SIZE = 8.5f;
	private static final float CELL_PAD = 3;

	private static volatile byte[] fontBytes;

	/**
	 * Parsed fonts not in use. Parsing the 10 MB font costs more than writing a letter, and a
	 * parsed font reads its tables lazily from one buffer (not thread-safe), so each document
	 * borrows one and gives it back: the pool grows to the number of documents written at once.
	 */
	private static final java.util.Queue<TrueTypeFont> FONTS = new java.util.concurrent.ConcurrentLinkedQueue<>();

	private final PDDocument doc;
	private final TrueTypeFont ttf;
	private final PDType0Font font;
	private final PDRectangle size = PDRectangle.A4;
	private final Map<Integer, Boolean> glyphs = new HashMap<>();
	private PDPage page;
	private PDPageContentStream out;
	private float y;
	private String pageNumberPattern = "第 {0} 页 共 {1} 页";

	private PdfWriter() {
		try {
			doc = new PDDocument();
			TrueTypeFont parsed = FONTS.poll();
			ttf = parsed != null ? parsed : new TTFParser().parse(new RandomAccessReadBuffer(fontBytes()));
			font = PDType0Font.load(doc, ttf, true);
		}
		catch (IOException e) {
			throw new UncheckedIOException("the bundled font " + FONT + " cannot be read", e);
		}
	}

	/** A new document of A4 portrait pages. */
	public static PdfWriter a4() {
		return new PdfWriter();
	}

	private static byte[] fontBytes() throws IOException {
		byte[] bytes = fontBytes;
		if (bytes == null) {
			try (InputStream in = PdfWriter.class.getResourceAsStream(FONT)) {
				if (in == null) {
					throw new IOException("missing resource " + FONT);
				}
				bytes = in.readAllBytes();
			}
			fontBytes = bytes;
		}
		return bytes;
	}

	/** Document properties: the title shown by readers, the author and subject. */
	public PdfWriter info(String title, String author, String subject) {
		PDDocumentInformation info = doc.getDocumentInformation();
		info.setTitle(title);
		info.setAuthor(author);
		info.setSubject(subject);
		info.setCreationDate(Calendar.getInstance());
		return this;
	}

	/**
	 * The page number line, a {@link MessageFormat} pattern with {0} the page and {1} the page
	 * count; default {@code 第 {0} 页 共 {1} 页}. Null leaves pages unnumbered.
	 */
	public PdfWriter pageNumbers(String pattern) {
		this.pageNumberPattern = pattern;
		return this;
	}

	/** A centred title in large type. */
	public PdfWriter title(String text) {
		space(4);
		for (String line : wrap(text, TITLE_SIZE, width())) {
			ensure(TITLE_SIZE * 1.5f);
			float w = width(line, TITLE_SIZE);
			show(line, TITLE_SIZE, MARGIN + (width() - w) / 2, y - TITLE_SIZE);
			y -= TITLE_SIZE * 1.5f;
		}
		space(10);
		return this;
	}

	/** A left-aligned heading. */
	public PdfWriter heading(String text) {
		space(6);
		lines(wrap(text, HEADING_SIZE, width()), HEADING_SIZE, MARGIN);
		space(4);
		return this;
	}

	/** A paragraph of body text, wrapped to the page width; line breaks in {@code text} are kept. */
	public PdfWriter paragraph(String text) {
		lines(wrap(text, TEXT_SIZE, width()), TEXT_SIZE, MARGIN);
		space(6);
		return this;
	}

	/** Small print (a note, a hash, a reference), wrapped to the page width. */
	public PdfWriter note(String text) {
		lines(wrap(text, SMALL_SIZE, width()), SMALL_SIZE, MARGIN);
		space(4);
		return this;
	}

	/** Vertical space in points. */
	public PdfWriter space(float points) {
		if (out != null) {
			y -= points;
		}
		return this;
	}

	/**
	 * A table with a header row repeated on every page. {@code widths} are relative column widths
	 * (one per header); cells are wrapped to their column; null cells are empty.
	 */
	public PdfWriter table(List<String> headers, float[] widths, List<List<String>> rows) {
		if (widths.length != headers.size()) {
			throw new IllegalArgumentException("one width per column");
		}
		float total = 0;
		for (float w : widths) {
			total += w;
		}
		float[] cols = new float[widths.length];
		for (int i = 0; i < widths.length; i++) {
			cols[i] = width() * widths[i] / total;
		}
		float leading = TABLE_SIZE * 1.4f;
		List<List<String>> head = cells(headers, cols);
		ensure(height(head, leading) + leading + 2 * CELL_PAD);
		drawRow(head, cols, leading, true);
		for (List<String> row : rows) {
			List<String> padded = new ArrayList<>(row);
			while (padded.size() < cols.length) {
				padded.add(null);
			}
			List<List<String>> cells = cells(padded, cols);
			int[] next = new int[cells.size()];
			boolean first = true;
			while (first || remaining(cells, next)) {
				first = false;
				int fit = (int) ((y - BOTTOM - 2 * CELL_PAD) / leading);
				int needed = rowLines(cells, next);
				int fullPage = (int) ((size.getHeight() - MARGIN - BOTTOM - height(head, leading) - 4 * CELL_PAD) / leading);
				// a row that fits on a fresh page is not split; a taller one is, as late as possible
				if (fit < 1 || fit < needed && needed <= fullPage) {
					newPage();
					drawRow(head, cols, leading, true);
					fit = (int) ((y - BOTTOM - 2 * CELL_PAD) / leading);
				}
				List<List<String>> part = new ArrayList<>();
				for (int c = 0; c < cells.size(); c++) {
					List<String> lines = cells.get(c);
					int to = Math.min(lines.size(), next[c] + fit);
					part.add(lines.subList(next[c], to));
					next[c] = to;
				}
				drawRow(part, cols, leading, false);
			}
		}
		space(8);
		return this;
	}

	/** Signature boxes side by side (two per row), each with its party label and lines. */
	public PdfWriter signatures(List<Signature> signatures) {
		float gap = 16;
		float boxWidth = (width() - gap) / 2;
		float leading = SMALL_SIZE * 1.5f;
		for (int i = 0; i < signatures.size(); i += 2) {
			List<Signature> pair = signatures.subList(i, Math.min(i + 2, signatures.size()));
			List<List<String>> texts = new ArrayList<>();
			float height = 0;
			for (Signature s : pair) {
				List<String> lines = new ArrayList<>();
				for (String l : s.lines()) {
					lines.addAll(wrap(l, SMALL_SIZE, boxWidth - 2 * CELL_PAD - 4));
				}
				texts.add(lines);
				height = Math.max(height, HEADING_SIZE * 1.6f + lines.size() * leading + 2 * CELL_PAD + 4);
			}
			space(6);
			ensure(height);
			for (int k = 0; k < pair.size(); k++) {
				float x = MARGIN + k * (boxWidth + gap);
				try {
					out.addRect(x, y - height, boxWidth, height);
					out.stroke();
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
				float ty = y - CELL_PAD - HEADING_SIZE;
				show(pair.get(k).party(), HEADING_SIZE - 1, x + CELL_PAD + 2, ty);
				ty -= HEADING_SIZE * 0.6f;
				for (String line : texts.get(k)) {
					ty -= leading;
					show(line, SMALL_SIZE, x + CELL_PAD + 2, ty + SMALL_SIZE * 0.3f);
				}
			}
			y -= height;
		}
		space(8);
		return this;
	}

	/** The finished document; the writer cannot be used afterwards. */
	public byte[] toBytes() {
		try (doc) {
			ensure(0);
			out.close();
			out = null;
			if (pageNumberPattern != null) {
				int count = doc.getNumberOfPages();
				for (int i = 0; i < count; i++) {
					PDPage p = doc.getPage(i);
					String text = safe(MessageFormat.format(pageNumberPattern, i + 1, count));
					try (PDPageContentStream s = new PDPageContentStream(doc, p, PDPageContentStream.AppendMode.APPEND,
							true, true)) {
						float w = width(text, SMALL_SIZE);
						s.beginText();
						s.setFont(font, SMALL_SIZE);
						s.newLineAtOffset((size.getWidth() - w) / 2, BOTTOM / 2);
						s.showText(text);
						s.endText();
					}
				}
			}
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			doc.save(bytes);
			return bytes.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			// PDType0Font.load(doc, ttf, …) leaves the font open for its owner: back to the pool
			FONTS.offer(ttf);
		}
	}

	// ---- layout ---------------------------------------------------------------------------------

	private float width() {
		return size.getWidth() - 2 * MARGIN;
	}

	private void newPage() {
		try {
			if (out != null) {
				out.close();
			}
			page = new PDPage(size);
			doc.addPage(page);
			out = new PDPageContentStream(doc, page);
			out.setLineWidth(0.5f);
			y = size.getHeight() - MARGIN;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Makes room for {@code height} points, on a new page if needed. */
	private void ensure(float height) {
		if (out == null || y - height < BOTTOM) {
			newPage();
		}
	}

	private void lines(List<String> lines, float fontSize, float x) {
		float leading = fontSize * 1.5f;
		for (String line : lines) {
			ensure(leading);
			show(line, fontSize, x, y - fontSize);
			y -= leading;
		}
	}

	private void show(String text, float fontSize, float x, float baseline) {
		if (text.isEmpty()) {
			return;
		}
		try {
			out.beginText();
			out.setFont(font, fontSize);
			out.newLineAtOffset(x, baseline);
			out.showText(text);
			out.endText();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private List<List<String>> cells(List<String> texts, float[] cols) {
		List<List<String>> cells = new ArrayList<>();
		for (int c = 0; c < cols.length; c++) {
			String t = c < texts.size() ? texts.get(c) : null;
			cells.add(wrap(t == null ? "" : t, TABLE_SIZE, cols[c] - 2 * CELL_PAD));
		}
		return cells;
	}

	private static float height(List<List<String>> cells, float leading) {
		int lines = 1;
		for (List<String> c : cells) {
			lines = Math.max(lines, c.size());
		}
		return lines * leading;
	}

	private static int rowLines(List<List<String>> cells, int[] next) {
		int lines = 0;
		for (int c = 0; c < cells.size(); c++) {
			lines = Math.max(lines, cells.get(c).size() - next[c]);
		}
		return lines;
	}

	private static boolean remaining(List<List<String>> cells, int[] next) {
		return rowLines(cells, next) > 0;
	}

	private void drawRow(List<List<String>> cells, float[] cols, float leading, boolean header) {
		float h = height(cells, leading) + 2 * CELL_PAD;
		float x = MARGIN;
		try {
			if (header) {
				out.setNonStrokingColor(0.92f, 0.92f, 0.92f);
				out.addRect(MARGIN, y - h, width(), h);
				out.fill();
				out.setNonStrokingColor(0f, 0f, 0f);
			}
			for (int c = 0; c < cols.length; c++) {
				out.addRect(x, y - h, cols[c], h);
				out.stroke();
				float ty = y - CELL_PAD - TABLE_SIZE;
				for (String line : cells.get(c)) {
					show(line, TABLE_SIZE, x + CELL_PAD, ty);
					ty -= leading;
				}
				x += cols[c];
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		y -= h;
	}

	// ---- text -----------------------------------------------------------------------------------

	/** The text with characters the font cannot show replaced by "?" and tabs by spaces. */
	private String safe(String text) {
		StringBuilder b = new StringBuilder(text.length());
		text.codePoints().forEach(cp -> {
			if (cp == '\t') {
				b.append(' ');
			}
			else if (Character.isISOControl(cp)) {
				// dropped: line breaks are handled by wrap, other controls have no glyph
			}
			else if (hasGlyph(cp)) {
				b.appendCodePoint(cp);
			}
			else {
				b.append('?');
			}
		});
		return b.toString();
	}

	private boolean hasGlyph(int codePoint) {
		return glyphs.computeIfAbsent(codePoint, cp -> {
			try {
				font.encode(new String(Character.toChars(cp)));
				return true;
			}
			catch (IOException | IllegalArgumentException e) {
				return false;
			}
		});
	}

	private float width(String text, float fontSize) {
		try {
			return font.getStringWidth(text) / 1000 * fontSize;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Breaks text into lines no wider than {@code max} points (see the class comment for where). */
	List<String> wrap(String text, float fontSize, float max) {
		return LineBreaker.wrap(text, max, this::safe, token -> width(token, fontSize));
	}
}
