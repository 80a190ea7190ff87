package zeren.platform.xlsx;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Workbooks for the tests of uploads: small ones, a zip bomb, and a large sheet written streaming. */
public final class Workbooks {

	private Workbooks() {
	}

	/** A workbook whose first sheet holds these rows (an empty string leaves the cell out). */
	public static byte[] xlsx(List<List<String>> rows) {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.createSheet("Sheet1");
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r);
				for (int c = 0; c < rows.get(r).size(); c++) {
					if (!rows.get(r).get(c).isEmpty()) {
						row.createCell(c).setCellValue(rows.get(r).get(c));
					}
				}
			}
			book.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * A valid workbook whose sheet is 64 MB of white space between its elements: it compresses a
	 * thousandfold, far past POI's limit, and holds no text a cell or text limit would stop.
	 */
	public static byte[] zipBomb() {
		byte[] plain = xlsx(List.of(List.of("code", "name", "parent_code", "type")));
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(plain));
				ByteArrayOutputStream bytes = new ByteArrayOutputStream();
				ZipOutputStream out = new ZipOutputStream(bytes)) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				out.putNextEntry(new ZipEntry(entry.getName()));
				if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
					out.write("""
							<?xml version="1.0" encoding="UTF-8"?>
							<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"""
							.getBytes(StandardCharsets.UTF_8));
					byte[] spaces = " ".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
					for (int i = 0; i < 64; i++) {
						out.write(spaces);
					}
					out.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
				}
				else {
					in.transferTo(out);
				}
				out.closeEntry();
			}
			out.finish();
			return bytes.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * The file of issue 13: a task detail table of {@code rows} rows under its title and header,
	 * written streaming (SXSSF) to {@code file} unless it is there already. 456,000 rows make a
	 * file of about 16 MB whose sheet expands to about 90 MB.
	 */
	public static Path largeTaskTable(Path file, int rows) {
		if (Files.isRegularFile(file)) {
			return file;
		}
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			Path partial = file.resolveSibling(file.getFileName() + ".partial");
			try (SXSSFWorkbook book = new SXSSFWorkbook(100); OutputStream out = Files.newOutputStream(partial)) {
				book.setCompressTempFiles(true);
				Sheet sheet = book.createSheet("工作任务明细表");
				sheet.createRow(0).createCell(0).setCellValue("某单位 2026 年度落实主体责任工作任务明细表");
				String[] headers = { "序号", "类别", "工作任务", "目标要求", "责任领导", "牵头单位", "参与单位", "监督单位", "完成时限",
						"阶段节点" };
				Row head = sheet.createRow(1);
				for (int c = 0; c < headers.length; c++) {
					head.createCell(c).setCellValue(headers[c]);
				}
				for (int r = 0; r < rows; r++) {
					Row row = sheet.createRow(r + 2);
					row.createCell(0).setCellValue(r + 1);
					row.createCell(2).setCellValue("任务" + r);
					row.createCell(3).setCellValue(Long.toHexString(r * 0x9E3779B97F4A7C15L));
					row.createCell(8).setCellValue("2026-12-31");
				}
				book.write(out);
			}
			Files.move(partial, file);
			return file;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
