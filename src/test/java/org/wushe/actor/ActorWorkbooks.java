package org.wushe.actor;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** Workbooks for registry import tests, good and broken, and a reader for exported ones. */
public final class ActorWorkbooks {

	private ActorWorkbooks() {
	}

	/** One sheet: the first row is the header; cells are written as text. */
	public static byte[] sheet(String name, List<List<String>> rows) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			Workbook wb = new Workbook(out, "test", "1.0");
			Worksheet ws = wb.newWorksheet(name);
			for (int r = 0; r < rows.size(); r++) {
				List<String> row = rows.get(r);
				for (int c = 0; c < row.size(); c++) {
					if (row.get(c) != null) {
						ws.value(r, c, row.get(c));
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

	/** Posts {@code bytes} as an xlsx upload to {@code path} as {@code user}, with the import {@code mode}. */
	public static org.springframework.test.web.servlet.ResultActions upload(
			org.springframework.test.web.servlet.MockMvc mvc, String path, String user, byte[] bytes, String mode)
			throws Exception {
		return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(path)
			.file(new org.springframework.mock.web.MockMultipartFile("file", "upload.xlsx",
					"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bytes))
			.param("mode", mode)
			.with(org.wushe.support.TestAccounts.as(user)));
	}

	/** The same workbook with a VBA project inside, as a macro-enabled file would carry. */
	public static byte[] withMacro(byte[] xlsx) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			java.nio.file.Path tmp = java.nio.file.Files.createTempFile("macro", ".zip");
			java.nio.file.Files.write(tmp, xlsx);
			try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(tmp.toFile());
					ZipOutputStream z = new ZipOutputStream(out)) {
				for (ZipEntry e : java.util.Collections.list(in.entries())) {
					z.putNextEntry(new ZipEntry(e.getName()));
					in.getInputStream(e).transferTo(z);
					z.closeEntry();
				}
				z.putNextEntry(new ZipEntry("xl/vbaProject.bin"));
				z.write(new byte[] { 1, 2, 3 });
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

	/** The first sheet's cells as text, row by row (for exports). */
	public static List<List<String>> read(byte[] xlsx) {
		List<List<String>> rows = new ArrayList<>();
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = wb.getSheetAt(0);
			DataFormatter f = new DataFormatter();
			for (Row row : sheet) {
				List<String> cells = new ArrayList<>();
				for (int c = 0; c < row.getLastCellNum(); c++) {
					cells.add(row.getCell(c) == null ? "" : f.formatCellValue(row.getCell(c)));
				}
				rows.add(cells);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return rows;
	}

	/** Every sheet name of a workbook. */
	public static List<String> sheetNames(byte[] xlsx) {
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			List<String> names = new ArrayList<>();
			for (int i = 0; i < wb.getNumberOfSheets(); i++) {
				names.add(wb.getSheetName(i));
			}
			return names;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
