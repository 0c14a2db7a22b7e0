package org.wushe.shared.excel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** Workbooks for tests, good and broken, generated in memory. */
final class TestWorkbooks {

	private TestWorkbooks() {
	}

	/**
	 * A workbook with one sheet: {@code rows.get(0)} is written to Excel row {@code firstRow}, and so on; a
	 * {@code null} row leaves the Excel row out; cells that are Numbers are written as numbers.
	 */
	static byte[] sheet(String name, int firstRow, List<List<Object>> rows) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			Workbook wb = new Workbook(out, "test", "1.0");
			Worksheet ws = wb.newWorksheet(name);
			for (int r = 0; r < rows.size(); r++) {
				List<Object> row = rows.get(r);
				if (row == null) {
					continue;
				}
				for (int c = 0; c < row.size(); c++) {
					Object v = row.get(c);
					if (v instanceof Number n) {
						ws.value(firstRow - 1 + r, c, n);
					}
					else if (v != null) {
						ws.value(firstRow - 1 + r, c, v.toString());
					}
				}
			}
			wb.finish();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	static byte[] sheet(String name, List<List<Object>> rows) {
		return sheet(name, 1, rows);
	}

	/** The same zip with one more entry. */
	static byte[] withEntry(byte[] zip, String entryName, byte[] content) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			java.nio.file.Path tmp = java.nio.file.Files.createTempFile("test", ".zip");
			java.nio.file.Files.write(tmp, zip);
			try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(tmp.toFile());
					ZipOutputStream z = new ZipOutputStream(out)) {
				for (ZipEntry e : java.util.Collections.list(in.entries())) {
					z.putNextEntry(new ZipEntry(e.getName()));
					in.getInputStream(e).transferTo(z);
					z.closeEntry();
				}
				z.putNextEntry(new ZipEntry(entryName));
				z.write(content);
				z.closeEntry();
			}
			finally {
				java.nio.file.Files.delete(tmp);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** A zip holding only the given entry (a zip, but no workbook). */
	static byte[] zipOf(String entryName, String content) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream z = new ZipOutputStream(out)) {
			z.putNextEntry(new ZipEntry(entryName));
			z.write(content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			z.closeEntry();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
