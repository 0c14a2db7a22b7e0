package org.wushe.shared.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.wushe.shared.BusinessException;
import org.wushe.shared.FieldError;
import org.wushe.support.TestFiles;

/** The checks every upload path shares: stored names, macros, pixel limits and the decoding budget. */
class UploadRulesTests {

	static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);

	static final List<FileType> ATTACHMENTS = List.of(FileType.PDF, FileType.DOCX, FileType.XLSX, FileType.JPEG,
			FileType.PNG);

	static UploadRules rules(DecodingBudget budget) {
		return new UploadRules("files", "test.file", ATTACHMENTS, DataSize.ofMegabytes(5), 10, CleanImage.MAX_PIXELS,
				budget);
	}

	@Test
	void theStoredExtensionFollowsTheDetectedTypeNeverTheClientsName() {
		List<FieldError> errors = new ArrayList<>();
		List<UploadRules.Accepted> ok = rules(DecodingBudget.SHARED).check(List.of(new UploadedFile("report.txt", PDF),
				new UploadedFile("总结", PDF), new UploadedFile("photo.png", TestFiles.image("jpeg", 30, 20)),
				new UploadedFile("..", PDF)), 0, errors);
		assertThat(errors).isEmpty();
		assertThat(ok).extracting(UploadRules.Accepted::fileName)
			.containsExactly("report.pdf", "总结.pdf", "photo.jpg", "file.pdf");
	}

	@Test
	void namesOfExecutablesScriptsAndMarkupAreRefusedWhateverTheBytes() {
		for (String name : List.of("report.bat", "report.HTA", "a.exe", "x.svg", "page.html", "page.htm",
				"run.cmd", "x.js", "doc.pdf.exe", "trailing.bat.", "s.ps1")) {
			List<FieldError> errors = new ArrayList<>();
			assertThat(rules(DecodingBudget.SHARED).check(List.of(new UploadedFile(name, PDF)), 0, errors))
				.as(name)
				.isEmpty();
			assertThat(errors).as(name).extracting(FieldError::messageKey).containsExactly("test.file-type");
		}
	}

	@Test
	void anImageTooLargeByItsHeaderIsRefusedAsTooLargeWithoutDecoding() {
		List<FieldError> errors = new ArrayList<>();
		rules(DecodingBudget.SHARED).check(List.of(new UploadedFile("huge.png", pngHeader(20_000, 20_000))), 0,
				errors);
		assertThat(errors).extracting(FieldError::messageKey).containsExactly("upload.image-too-large");
		assertThat(errors.get(0).args()).contains(20_000, 20_000);
	}

	@Test
	void aBusyBudgetRefusesAsBusyAndTheSameImageIsAcceptedOnceItFrees() {
		DecodingBudget budget = new DecodingBudget(1_000_000, Duration.ofMillis(50));
		byte[] png = TestFiles.image("png", 400, 300);
		try (DecodingBudget.Lease held = budget.take(1_000_000)) {
			assertThatThrownBy(() -> rules(budget).check(List.of(new UploadedFile("a.png", png)), 0, new ArrayList<>()))
				.isInstanceOfSatisfying(BusinessException.class, ex -> {
					assertThat(ex.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
					assertThat(ex.messageKey()).isEqualTo("upload.busy");
				});
		}
		List<FieldError> errors = new ArrayList<>();
		assertThat(rules(budget).check(List.of(new UploadedFile("a.png", png)), 0, errors)).hasSize(1);
		assertThat(errors).isEmpty();
	}

	@Test
	void parallelDecodingNeverExceedsTheBudgetAndNoValidImageIsCalledDamaged() throws Exception {
		DecodingBudget budget = new DecodingBudget(300_000, Duration.ofSeconds(30));
		byte[] png = TestFiles.image("png", 500, 400);
		List<Thread> threads = new ArrayList<>();
		List<Object> outcomes = java.util.Collections.synchronizedList(new ArrayList<>());
		for (int i = 0; i < 6; i++) {
			Thread t = new Thread(() -> {
				List<FieldError> errors = new ArrayList<>();
				rules(budget).check(List.of(new UploadedFile("a.png", png)), 0, errors);
				outcomes.add(errors);
			});
			t.start();
			threads.add(t);
		}
		for (Thread t : threads) {
			t.join();
		}
		assertThat(outcomes).hasSize(6).allSatisfy(errors -> assertThat((List<?>) errors).isEmpty());
	}

	@Test
	void macrosAreFoundByTheDeclaredContentTypesAndRelationshipsWhateverThePartsAreCalled() {
		byte[] renamedVba = TestFiles.zipOf(Map.of("[Content_Types].xml", "<Types/>", "word/document.xml", "<d/>",
				"word/_rels/document.xml.rels",
				"<Relationships><Relationship Id='r1' Target='custom.dat' "
						+ "Type='http://schemas.microsoft.com/office/2006/relationships/vbaProject'/></Relationships>",
				"word/custom.dat", "x"));
		byte[] macroEnabled = TestFiles.zipOf(Map.of("[Content_Types].xml",
				"<Types><Override PartName=\"/xl/workbook.xml\" "
						+ "ContentType=\"application/vnd.ms-excel.sheet.macroEnabled.main+xml\"/></Types>",
				"xl/workbook.xml", "<w/>"));
		byte[] plain = TestFiles.zipOf(Map.of("[Content_Types].xml",
				"<Types><Override PartName=\"/word/document.xml\" ContentType=\"application/"
						+ "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>",
				"word/document.xml", "<d>vbaProject in the text is only text</d>", "_rels/.rels",
				"<Relationships><Relationship Id='r1' Target='word/document.xml' Type='http://schemas.openxmlformats"
						+ ".org/officeDocument/2006/relationships/officeDocument'/></Relationships>"));
		for (byte[] macro : List.of(renamedVba, macroEnabled)) {
			assertThat(FileType.hasMacros("report.docx", macro)).isTrue();
			assertThat(FileType.detect(macro)).isEmpty();
		}
		assertThat(FileType.hasMacros("report.docx", plain)).isFalse();
		assertThat(FileType.detect(plain)).contains(FileType.DOCX);
	}

	@Test
	void anOldBinaryOfficeFileWithAVbaStorageCarriesMacros() {
		ByteArrayOutputStream ole = new ByteArrayOutputStream();
		ole.writeBytes(new byte[] { (byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0, (byte) 0xa1, (byte) 0xb1, 0x1a,
				(byte) 0xe1 });
		ole.writeBytes(new byte[500]);
		byte[] without = ole.toByteArray();
		ole.writeBytes("_VBA_PROJECT".getBytes(StandardCharsets.UTF_16LE));
		assertThat(FileType.hasMacros("old.doc", ole.toByteArray())).isTrue();
		assertThat(FileType.hasMacros("old.doc", without)).isFalse();
	}

	@Test
	void filesStoredUnderAnotherExtensionAreServedUnderTheirTypesExtension() {
		assertThat(Downloads.servedName("report.bat", "application/pdf")).isEqualTo("report.pdf");
		assertThat(Downloads.servedName("现场.jpg", "image/jpeg")).isEqualTo("现场.jpg");
	}

	/** A PNG whose header announces this size, with no pixel data. */
	static byte[] pngHeader(int width, int height) {
		ByteBuffer ihdr = ByteBuffer.allocate(17);
		ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height).put((byte) 8)
			.put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
		CRC32 crc = new CRC32();
		crc.update(ihdr.array());
		ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4);
		png.put(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' }).putInt(13).put(ihdr.array())
			.putInt((int) crc.getValue());
		return png.array();
	}

}
