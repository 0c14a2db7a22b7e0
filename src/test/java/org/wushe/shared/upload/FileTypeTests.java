package org.wushe.shared.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.wushe.support.TestFiles;

class FileTypeTests {

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
	void dropsTheMetadataChunksOfAWebp() {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(chunk("VP8X", new byte[] { 0x0c, 0, 0, 0, 9, 0, 0, 9, 0, 0 }));
		body.writeBytes(chunk("VP8L", new byte[] { 0x2f, 1, 2, 3, 4 }));
		body.writeBytes(chunk("EXIF", "GPSLatitude".getBytes(StandardCharsets.ISO_8859_1)));
		body.writeBytes(chunk("XMP ", "<x:xmpmeta/>".getBytes(StandardCharsets.ISO_8859_1)));
		byte[] webp = riff(body.toByteArray());
		assertThat(FileType.detect(webp)).contains(FileType.WEBP);
		byte[] clean = CleanImage.of(FileType.WEBP, webp).orElseThrow().bytes();
		String text = new String(clean, StandardCharsets.ISO_8859_1);
		assertThat(text).doesNotContain("GPSLatitude").doesNotContain("EXIF").doesNotContain("xmpmeta").contains("VP8L");
		assertThat(clean[20] & 0x0c).as("EXIF and XMP flags of VP8X").isZero();
		assertThat(clean.length - 8).isEqualTo((clean[4] & 0xff) | (clean[5] & 0xff) << 8);
	}

	private static byte[] chunk(String fourcc, byte[] data) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(fourcc.getBytes(StandardCharsets.ISO_8859_1));
		out.writeBytes(new byte[] { (byte) data.length, (byte) (data.length >> 8), 0, 0 });
		out.writeBytes(data);
		if (data.length % 2 == 1) {
			out.write(0);
		}
		return out.toByteArray();
	}

	private static byte[] riff(byte[] body) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes("RIFF".getBytes(StandardCharsets.ISO_8859_1));
		int size = body.length + 4;
		out.writeBytes(new byte[] { (byte) size, (byte) (size >> 8), 0, 0 });
		out.writeBytes("WEBP".getBytes(StandardCharsets.ISO_8859_1));
		out.writeBytes(body);
		return out.toByteArray();
	}

}
