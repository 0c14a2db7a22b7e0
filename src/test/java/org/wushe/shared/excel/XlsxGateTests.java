package org.wushe.shared.excel;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxGateTests {

	private static final String TYPES = "<Types><Override ContentType=\"application/vnd.openxmlformats-officedocument"
			+ ".spreadsheetml.sheet.main+xml\" PartName=\"/xl/workbook.xml\"/></Types>";

	@TempDir
	Path dir;

	@Test
	void aPlainWorkbookPasses() throws Exception {
		Path file = write(zip(1000, false));
		assertThatCode(() -> XlsxGate.checkContent(file, 1 << 20)).doesNotThrowAnyException();
	}

	@Test
	void countsTheBytesActuallyInflatedNotTheDeclaredSizes() throws Exception {
		// the archive claims every part inflates to one byte; the filler part really inflates to 4 MB
		Path file = write(zip(4 << 20, true));
		assertThatThrownBy(() -> XlsxGate.checkContent(file, 1 << 20)).isInstanceOf(XlsxGate.Refused.class)
			.extracting(e -> ((XlsxGate.Refused) e).problem())
			.isEqualTo(XlsxGate.Problem.TOO_LARGE_INFLATED);
	}

	@Test
	void refusesMacrosOldFormatsAndOtherFiles() throws Exception {
		assertProblem(() -> XlsxGate.checkName("表.xlsm"), XlsxGate.Problem.MACROS);
		assertProblem(() -> XlsxGate.checkName("表.XLS"), XlsxGate.Problem.OLD_FORMAT);
		assertProblem(() -> XlsxGate.checkName("表.csv"), XlsxGate.Problem.WRONG_EXTENSION);
		assertThatCode(() -> XlsxGate.checkName(" 表.xlsx ")).doesNotThrowAnyException();
		Path csv = write("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
		assertProblem(() -> XlsxGate.checkContent(csv, 1 << 20), XlsxGate.Problem.NOT_ZIP);
		Path ole = write(new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
				(byte) 0xE1 });
		assertProblem(() -> XlsxGate.checkContent(ole, 1 << 20), XlsxGate.Problem.OLD_FORMAT);
		Path macro = write(zipWith("xl/vbaProject.bin"));
		assertProblem(() -> XlsxGate.checkContent(macro, 1 << 20), XlsxGate.Problem.MACROS);
	}

	private interface Check {

		void run() throws Exception;

	}

	private static void assertProblem(Check check, XlsxGate.Problem problem) {
		assertThatThrownBy(check::run).isInstanceOf(XlsxGate.Refused.class)
			.extracting(e -> ((XlsxGate.Refused) e).problem())
			.isEqualTo(problem);
	}

	private Path write(byte[] bytes) throws IOException {
		Path file = Files.createTempFile(dir, "upload", ".xlsx");
		Files.write(file, bytes);
		return file;
	}

	private static byte[] zip(int fillerBytes, boolean understate) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			put(zip, "[Content_Types].xml", TYPES.getBytes(StandardCharsets.UTF_8));
			put(zip, "xl/workbook.xml", "<workbook/>".getBytes(StandardCharsets.UTF_8));
			put(zip, "xl/media/filler.xml", new byte[fillerBytes]);
		}
		byte[] bytes = out.toByteArray();
		if (understate) {
			// central directory file headers: signature PK\1\2, uncompressed size at offset 24
			for (int i = 0; i + 46 <= bytes.length; i++) {
				if (bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] == 1 && bytes[i + 3] == 2) {
					bytes[i + 24] = 1;
					bytes[i + 25] = 0;
					bytes[i + 26] = 0;
					bytes[i + 27] = 0;
				}
			}
		}
		return bytes;
	}

	private static byte[] zipWith(String extraPart) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			put(zip, "[Content_Types].xml", TYPES.getBytes(StandardCharsets.UTF_8));
			put(zip, "xl/workbook.xml", "<workbook/>".getBytes(StandardCharsets.UTF_8));
			put(zip, extraPart, new byte[16]);
		}
		return out.toByteArray();
	}

	private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(content);
		zip.closeEntry();
	}

}
