package org.wushe.shared.excel;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.wushe.shared.upload.OfficeXml;

/**
 * An uploaded workbook, copied to a temporary file and checked before any row is read: not empty, not too large, a
 * real {@code .xlsx} (OOXML zip with a workbook part; not an old {@code .xls}, not a renamed CSV), no macros, not a
 * zip bomb (all checked by {@link XlsxGate}, counting the bytes actually inflated). Also finds the data sheet and the row count the sheet announces. Delete it with {@link #close()}.
 */
@RequiredArgsConstructor(access = AccessLevel.PRIVATE)
final class ExcelUpload implements AutoCloseable {

	/** A sheet's {@code dimension} reference, {@code A1:K100}: group 1 is its last row. */
	private static final Pattern DIMENSION = Pattern.compile("[A-Z]*\\d+(?::[A-Z]*(\\d+))?");

	private static final int MAX_PART_TEXT = 4 << 20;

	private final Path file;

	private final String fileName;

	private final long size;

	private int sheetIndex;

	private String sheetName;

	private long announcedRows = -1;

	/**
	 * Copies {@code in} to a temporary file, stopping as soon as it passes the size limit, and checks it. Throws
	 * {@link ExcelRejected} with a message naming the problem.
	 */
	static ExcelUpload receive(InputStream in, String fileName, ExcelProperties limits, List<String> sheetNames) {
		checkName(fileName);
		Path file;
		try {
			file = Files.createTempFile("wushe-import-", ".xlsx");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ExcelUpload upload = null;
		try {
			long max = limits.maxFileSize().toBytes();
			long copied = 0;
			try (InputStream source = in; OutputStream out = Files.newOutputStream(file)) {
				byte[] buffer = new byte[1 << 16];
				for (int n; (n = source.read(buffer)) > 0;) {
					copied += n;
					if (copied > max) {
						throw new ExcelRejected(HttpStatus.PAYLOAD_TOO_LARGE, "excel.file.too-large",
								limits.maxFileSize().toMegabytes());
					}
					out.write(buffer, 0, n);
				}
			}
			catch (IOException ex) {
				throw new ExcelRejected("excel.file.unreadable");
			}
			upload = new ExcelUpload(file, fileName == null ? "" : fileName, copied);
			upload.inspect(limits, sheetNames);
			return upload;
		}
		catch (RuntimeException ex) {
			if (upload != null) {
				upload.close();
			}
			else {
				delete(file);
			}
			throw ex;
		}
	}

	private static void checkName(String fileName) {
		try {
			XlsxGate.checkName(fileName);
		}
		catch (XlsxGate.Refused ex) {
			throw switch (ex.problem()) {
				case MACROS -> new ExcelRejected("excel.file.macro");
				case OLD_FORMAT -> new ExcelRejected("excel.file.old-format");
				default -> new ExcelRejected("excel.file.wrong-extension", fileName.strip());
			};
		}
	}

	private void inspect(ExcelProperties limits, List<String> sheetNames) {
		if (size == 0) {
			throw new ExcelRejected("excel.file.empty");
		}
		try {
			XlsxGate.checkContent(file, limits.maxExpandedSize().toBytes());
		}
		catch (XlsxGate.Refused ex) {
			throw switch (ex.problem()) {
				case EMPTY -> new ExcelRejected("excel.file.empty");
				case OLD_FORMAT -> new ExcelRejected("excel.file.old-format");
				case NOT_ZIP, WRONG_EXTENSION -> new ExcelRejected("excel.file.not-xlsx");
				case MACROS -> new ExcelRejected("excel.file.macro");
				case NOT_WORKBOOK -> new ExcelRejected("excel.file.not-workbook");
				case CORRUPT -> new ExcelRejected("excel.file.corrupt");
				case TOO_LARGE_INFLATED -> new ExcelRejected(HttpStatus.PAYLOAD_TOO_LARGE,
						"excel.file.expanded-too-large", limits.maxExpandedSize().toMegabytes());
			};
		}
		try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
			findSheet(zip, sheetNames);
		}
		catch (IOException ex) {
			throw new ExcelRejected("excel.file.corrupt");
		}
		if (announcedRows > limits.maxRows()) {
			throw new ExcelRejected("excel.file.too-many-rows", announcedRows, limits.maxRows());
		}
	}

	/**
	 * Picks the data sheet: the one named like the template's sheet (in any language), else the first. Reads the row
	 * count from its {@code <dimension>} element when the writer put one there.
	 */
	private void findSheet(ZipFile zip, List<String> wantedNames) throws IOException {
		List<String[]> sheets = new ArrayList<>();
		try {
			for (Map<String, String> sheet : OfficeXml.elements(bytes(zip, "xl/workbook.xml"), "sheet")) {
				sheets.add(new String[] { sheet.getOrDefault("name", ""), sheet.get("id") });
			}
		}
		catch (OfficeXml.Malformed ex) {
			throw new ExcelRejected("excel.file.not-workbook");
		}
		if (sheets.isEmpty()) {
			throw new ExcelRejected("excel.file.not-workbook");
		}
		sheetIndex = 0;
		for (int i = 0; i < sheets.size(); i++) {
			String name = CellParsers.normalizeLabel(sheets.get(i)[0]);
			if (wantedNames.stream().anyMatch(w -> CellParsers.normalizeLabel(w).equals(name))) {
				sheetIndex = i;
				break;
			}
		}
		sheetName = sheets.get(sheetIndex)[0];
		String relId = sheets.get(sheetIndex)[1];
		ZipEntry rels = zip.getEntry("xl/_rels/workbook.xml.rels");
		if (relId == null || rels == null) {
			return;
		}
		String target = null;
		try {
			for (Map<String, String> r : OfficeXml.elements(bytes(zip, rels.getName()), "Relationship")) {
				if (relId.equals(r.get("Id"))) {
					target = r.get("Target");
				}
			}
		}
		catch (OfficeXml.Malformed ex) {
			return;
		}
		if (target == null) {
			return;
		}
		String part = target.startsWith("/") ? target.substring(1) : "xl/" + target;
		ZipEntry sheet = zip.getEntry(part);
		if (sheet == null) {
			return;
		}
		try (InputStream in = zip.getInputStream(sheet)) {
			// the dimension stands before the cells: the first 8 KiB of the sheet are enough
			Optional<Map<String, String>> dimension = OfficeXml
				.first(new ByteArrayInputStream(in.readNBytes(8192)), "dimension", "sheetData");
			Matcher d = DIMENSION.matcher(dimension.map(a -> a.getOrDefault("ref", "")).orElse(""));
			// a bare "A1" is what streaming writers put there before they know the size: unknown
			if (d.matches() && d.group(1) != null) {
				announcedRows = Math.max(0, Long.parseLong(d.group(1)) - 1);
			}
		}
		catch (OfficeXml.Malformed ex) {
			// no dimension before the first 8 KiB end: the size stays unknown
		}
	}

	private static byte[] bytes(ZipFile zip, String name) throws IOException {
		ZipEntry entry = zip.getEntry(name);
		if (entry == null) {
			return new byte[0];
		}
		try (InputStream in = zip.getInputStream(entry)) {
			return in.readNBytes(MAX_PART_TEXT);
		}
	}

	Path file() {
		return file;
	}

	String fileName() {
		return fileName;
	}

	long size() {
		return size;
	}

	int sheetIndex() {
		return sheetIndex;
	}

	String sheetName() {
		return sheetName;
	}

	/** Data rows the sheet announces (its last row minus the header), or -1. */
	long announcedRows() {
		return announcedRows;
	}

	@Override
	public void close() {
		delete(file);
	}

	private static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			file.toFile().deleteOnExit();
		}
	}

}
