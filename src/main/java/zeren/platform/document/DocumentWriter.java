package zeren.platform.document;

import java.util.List;

/**
 * One document's content, written once and rendered as PDF ({@link zeren.platform.pdf.PdfWriter})
 * or Word ({@link DocxWriter}): a module writes its letter, report, notice or decision against
 * this interface, top to bottom, and {@link DocumentFormat} picks the renderer. Blocks:
 * a centred title, headings, body paragraphs, small print, tables, and the closing signatures
 * (issuing organisation and date).
 *
 * <pre>{@code
 * DocumentWriter w = format.writer().info(title, issuer, subject);
 * w.title(title).paragraph("为落实全面从严治党主体责任……").signatures(List.of(new Signature("发文机关", List.of(org, date))));
 * return format.response(w.toBytes(), title);
 * }</pre>
 *
 * Not thread-safe: one writer per document.
 */
public interface DocumentWriter {

	/** A signature block: the party's label (e.g. 发文方) and its lines (name, post, date, hash). */
	record Signature(String party, List<String> lines) {
	}

	/** A date as GB/T 9704 writes 成文日期: 2026年7月1日 (Arabic numerals, no leading zeros); "" for null. */
	static String date(java.time.LocalDate d) {
		return d == null ? "" : d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
	}

	/** Document properties: the title shown by readers, the author and subject. */
	DocumentWriter info(String title, String author, String subject);

	/**
	 * The page number line, a {@link java.text.MessageFormat} pattern with {0} the page and {1}
	 * the page count. Null leaves pages unnumbered. A renderer with its own standard layout (the
	 * DOCX writer: "— 1 —") may keep that instead.
	 */
	DocumentWriter pageNumbers(String pattern);

	/** A centred title in large type. */
	DocumentWriter title(String text);

	/** A heading. */
	DocumentWriter heading(String text);

	/** A paragraph of body text; line breaks in {@code text} are kept. */
	DocumentWriter paragraph(String text);

	/** Small print (a note, a hash, a reference). */
	DocumentWriter note(String text);

	/** Vertical space in points. */
	DocumentWriter space(float points);

	/**
	 * A table with a header row repeated on every page. {@code widths} are relative column widths
	 * (one per header); null cells are empty.
	 */
	DocumentWriter table(List<String> headers, float[] widths, List<List<String>> rows);

	/** The closing signature blocks: one is set at the right as 公文 sign off; several side by side. */
	DocumentWriter signatures(List<Signature> signatures);

	/** The finished document; the writer cannot be used afterwards. */
	byte[] toBytes();
}
