package org.wushe.shared.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.wushe.support.TestFiles;

class FileTypeTests {

	static final byte[] JPEG = { (byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 0x10, 'J', 'F', 'I', 'F' };

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R' };

	static final byte[] WEBP = { 'R', 'I', 'F', 'F', 0x24, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', ' ' };

	@Test
	void recognisesOfficeFilesByTheirParts() throws IOException {
		assertThat(FileType.detect(TestFiles.zip("[Content_Types].xml", "word/document.xml"))).contains(FileType.DOCX);
		assertThat(FileType.detect(TestFiles.zip("[Content_Types].xml", "xl/workbook.xml"))).contains(FileType.XLSX);
		assertThat(FileType.detect(TestFiles.zip("readme.txt"))).isEmpty();
		assertThat(FileType.detect("%PDF-1.7\n".getBytes(StandardCharsets.ISO_8859_1))).contains(FileType.PDF);
		assertThat(FileType.detect("just text".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
	}

	@Test
	void findsMacrosInsideTheZipWhateverTheName() throws IOException {
		byte[] docm = TestFiles.zip("[Content_Types].xml", "word/document.xml", "word/vbaProject.bin");
		assertThat(FileType.hasMacros("report.docx", docm)).isTrue();
		assertThat(FileType.detect(docm)).isEmpty();
		assertThat(FileType.hasMacros("table.xlsm", TestFiles.zip("[Content_Types].xml", "xl/workbook.xml"))).isTrue();
		assertThat(FileType.hasMacros("table.xlsx", TestFiles.zip("[Content_Types].xml", "xl/workbook.xml"))).isFalse();
	}

	@Test
	void recognisesJpegPngAndWebpByTheirFirstBytes() {
		assertThat(FileType.detect(JPEG)).contains(FileType.JPEG);
		assertThat(FileType.detect(PNG)).contains(FileType.PNG);
		assertThat(FileType.detect(WEBP)).contains(FileType.WEBP);
	}

	@Test
	void refusesOtherFormatsAndTruncatedSignatures() {
		assertThat(FileType.detect("GIF89a....".getBytes(StandardCharsets.US_ASCII))).isEmpty();
		assertThat(FileType.detect(Arrays.copyOf(PNG, 7))).isEmpty();
		assertThat(FileType.detect(new byte[] { 'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'A', 'V', 'E' })).isEmpty();
		assertThat(FileType.detect(new byte[0])).isEmpty();
		assertThat(FileType.detect(null)).isEmpty();
	}

}
