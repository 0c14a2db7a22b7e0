package org.wushe.shared.upload;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The file formats users may upload as photos or attachments, recognised by their bytes (magic numbers and, for the
 * Office formats, the parts inside the zip), never by the file name or the type the browser claims.
 */
public enum FileType {

	JPEG("image/jpeg", "jpg"),

	PNG("image/png", "png"),

	WEBP("image/webp", "webp"),

	PDF("application/pdf", "pdf"),

	DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),

	XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

	/** The formats of photos. */
	public static final List<FileType> IMAGES = List.of(JPEG, PNG, WEBP);

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	private final String mediaType;

	private final String extension;

	FileType(String mediaType, String extension) {
		this.mediaType = mediaType;
		this.extension = extension;
	}

	public String mediaType() {
		return mediaType;
	}

	public String extension() {
		return extension;
	}

	/**
	 * The format of {@code bytes}, or empty when they are none of these. An Office file that carries macros is not
	 * recognised here; ask {@link #hasMacros} first.
	 */
	public static Optional<FileType> detect(byte[] bytes) {
		if (bytes == null || bytes.length < 4) {
			return Optional.empty();
		}
		if ((bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8 && (bytes[2] & 0xff) == 0xff) {
			return Optional.of(JPEG);
		}
		if (startsWith(bytes, PNG_SIGNATURE, 0)) {
			return Optional.of(PNG);
		}
		if (startsWith(bytes, ascii("RIFF"), 0) && startsWith(bytes, ascii("WEBP"), 8)) {
			return Optional.of(WEBP);
		}
		if (startsWith(bytes, ascii("%PDF-"), 0)) {
			return Optional.of(PDF);
		}
		if (startsWith(bytes, ascii("PK\u0003\u0004"), 0)) {
			List<String> names = ZipDirectory.names(bytes);
			if (!names.contains("[Content_Types].xml") || hasMacros(names)) {
				return Optional.empty();
			}
			if (names.contains("word/document.xml")) {
				return Optional.of(DOCX);
			}
			if (names.contains("xl/workbook.xml")) {
				return Optional.of(XLSX);
			}
		}
		return Optional.empty();
	}

	/**
	 * Whether the bytes are an Office file with macros: a zip holding a VBA project (.docm, .xlsm, …) or an old
	 * binary Office file (which may always carry them and is not accepted anyway); or whether the name says so.
	 */
	public static boolean hasMacros(String fileName, byte[] bytes) {
		String name = fileName == null ? "" : fileName.strip().toLowerCase(Locale.ROOT);
		if (name.matches(".*\\.(docm|dotm|xlsm|xltm|xlsb|xlam|pptm|potm|ppsm)$")) {
			return true;
		}
		if (bytes == null || bytes.length < 4) {
			return false;
		}
		return startsWith(bytes, ascii("PK\u0003\u0004"), 0) && hasMacros(ZipDirectory.names(bytes));
	}

	private static boolean hasMacros(List<String> names) {
		return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).anyMatch(n -> n.endsWith("vbaproject.bin")
				|| n.endsWith("vbadata.xml") || n.contains("/activex/"));
	}

	private static byte[] ascii(String s) {
		return s.getBytes(StandardCharsets.ISO_8859_1);
	}

	private static boolean startsWith(byte[] bytes, byte[] prefix, int at) {
		if (bytes.length < at + prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (bytes[at + i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

}
